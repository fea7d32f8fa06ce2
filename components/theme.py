"""The look shared by every chart, map and legend: one colour per bloc, markers per role.

Bloc colours come from the Okabe-Ito palette, chosen to stay distinct for readers with the common
forms of colour blindness; roles are also told apart by marker shape and fill, never by colour alone.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

BLOC_COLOURS = {
    "ASEAN": "#0072B2",  # blue
    "EAS": "#E69F00",    # orange
    "SCO": "#009E73",    # bluish green
    "EAEU": "#CC79A7",   # reddish purple
}
RUSSIA_COLOUR = "#D55E00"  # vermillion: Russia's own marks (its initiatives, its delegation)
NEUTRAL_COLOUR = "#C9CED6"  # countries outside the selection, kept for context
MUTED_TEXT = "#5B6470"
TEXT_COLOUR = "#1F2A36"
GRID_COLOUR = "#E3E7EC"
INK = "#34495E"  # marks in no bloc's colour (delegations other than Russia's)
# How many blocs a country belongs to (0..4): a sequential scale, light to dark.
OVERLAP_COLOURS = ("#DCE3EC", "#9FB3C8", "#5B7FA6", "#2A4D7A", "#0B2447")

ROLE_MARKERS = {  # shape and fill carry the role, so colour is never the only cue
    "member": "circle",
    "observer": "diamond-open",
    "dialogue_partner": "square-open",
    "candidate": "triangle-up-open",
}

DARK_BACKGROUND = "#0E1117"  # Streamlit's dark theme background

# The dark theme's counterpart of every neutral the figures use on light paper. Bloc and track
# colours are not here: each bloc keeps its colour in both themes (the Okabe-Ito hues stay
# readable on dark paper). Sequential scales are reversed, so "more" still stands out.
DARK_COLOURS = {
    TEXT_COLOUR: "#E6E9EE",
    GRID_COLOUR: "#3A4350",
    MUTED_TEXT: "#A7B0BC",
    INK: "#C8D1DC",
    NEUTRAL_COLOUR: "#4A5361",
    "#FFFFFF": DARK_BACKGROUND,
    "WHITE": DARK_BACKGROUND,
    "RGBA(255,255,255,0.85)": "rgba(14,17,23,0.85)",
    "#8A3C00": "#F4A261",  # Russia alone: its dark shade would vanish on dark paper
    **dict(zip(OVERLAP_COLOURS, ["#2B3340", "#3E5A7A", "#5B83B0", "#8FB4DA", "#CFE3F7"],
               strict=True)),
}

FONT_FAMILY = "Source Sans Pro, Source Sans 3, -apple-system, Segoe UI, Roboto, sans-serif"


def base_layout() -> go.Layout:
    """A fresh layout for one figure: no chart junk, readable on a phone. Figures are built light;
    ``for_dark_theme`` makes the dark copy a reader in the dark theme gets."""
    return go.Layout(
        template="plotly_white",
        font={"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis={"gridcolor": GRID_COLOUR, "zeroline": False},
        yaxis={"gridcolor": GRID_COLOUR, "zeroline": False},
    )

# Timeline tracks: the four blocs keep their colours; Russia's own tracks take Russia's colour
# (a darker shade for Russia alone). Each track also has its own marker shape.
RUSSIA_DARK_COLOUR = "#8A3C00"
TRACK_COLOURS = {
    **BLOC_COLOURS,
    "ASEAN-Russia": RUSSIA_COLOUR,
    "Russia": RUSSIA_DARK_COLOUR,
}
TRACK_MARKERS = {
    "ASEAN": "circle",
    "EAS": "square",
    "ASEAN-Russia": "diamond",
    "SCO": "triangle-up",
    "EAEU": "pentagon",
    "Russia": "star",
}


def _is_colour_key(key: str) -> bool:
    return "color" in key.lower()


def _dark_value(value: Any) -> Any:
    """A colour (or a list of colours, or a colorscale) with every known light neutral swapped."""
    if isinstance(value, str):
        return DARK_COLOURS.get(value.replace(" ", "").upper(), value)
    if isinstance(value, (list, tuple)):
        return [_dark_value(item) for item in value]
    if isinstance(value, dict):
        return _dark_tree(value)
    if hasattr(value, "tolist"):  # numpy arrays of colours
        return _dark_value(value.tolist())
    return value


def _dark_tree(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: (_dark_value(value) if _is_colour_key(key) else _dark_tree(value))
                for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [_dark_tree(item) for item in node]
    return node


def for_dark_theme(figure: go.Figure) -> go.Figure:
    """A copy of a light figure for the dark theme: text, grids, neutrals and outlines made dark
    counterparts, bloc colours kept. Builders draw light only; the frame calls this for a reader
    whose app runs dark, while files (PNG, SVG, HTML) stay light.

    Inline colours in text (``<span style="color:...">``) are bloc colours and stay as they are.
    """
    spec = figure.to_plotly_json()
    layout = dict(spec.get("layout", {}))
    layout.pop("template", None)
    dark = {"data": _dark_tree(spec.get("data", [])), "layout": _dark_tree(layout)}
    result = go.Figure(dark)
    result.update_layout(template="plotly_dark")
    return result
