"""The one visual language of every chart, map and legend.

- One colour per bloc and per timeline track, everywhere (Okabe-Ito hues, distinct for readers
  with the common forms of colour blindness); one accent for Russia's own marks on every chart.
- Roles and verdicts are told apart by marker shape and fill as well as colour, never colour alone.
- One style for the line that marks the summit day.
- One typeface inside the charts and around them: Source Sans, which Streamlit serves itself.

A series a builder draws for a bloc, a track or Russia says so in its trace's ``meta``
(``series_meta``); a unit test walks every figure of every chart and checks each such series'
colour against ``SERIES_COLOURS``, and every other colour against ``PALETTE``.
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
RUSSIA_COLOUR = "#D55E00"  # vermillion: Russia's own marks (its initiatives, its delegation, its claims)
# The ASEAN-Russia relationship: neither bloc's colour nor Russia's alone, a dark slate.
RELATION_COLOUR = "#3D4A5C"
NEUTRAL_COLOUR = "#E1E5EA"  # countries outside the selection, kept for context; rules and bands
MUTED_TEXT = "#5B6470"
TEXT_COLOUR = "#1F2A36"
GRID_COLOUR = "#E3E7EC"
INK = "#34495E"  # marks in no bloc's colour (delegations and claims other than Russia's)
# How many of the four blocs a country belongs to (1..4), from light to dark grey: a neutral scale,
# so a count never reads as one bloc's colour. Zero blocs is the context colour.
OVERLAP_COLOURS = (NEUTRAL_COLOUR, "#B3BBC6", "#85909E", "#586372", "#2C3440")

ROLE_MARKERS = {  # shape and fill carry the role, so colour is never the only cue
    "member": "circle",
    "observer": "diamond-open",
    "dialogue_partner": "square-open",
    "candidate": "triangle-up-open",
}
# Role shades on the map: a member is the full bloc colour, looser ties are lighter.
ROLE_LIGHTNESS = {"member": 0.0, "observer": 0.45, "dialogue_partner": 0.65, "candidate": 0.8}

# Timeline tracks: the four blocs keep their colours; the relationship and Russia's own track
# take theirs. Each track also has its own marker shape.
TRACK_COLOURS = {
    **BLOC_COLOURS,
    "ASEAN-Russia": RELATION_COLOUR,
    "Russia": RUSSIA_COLOUR,
}
TRACK_MARKERS = {
    "ASEAN": "circle",
    "EAS": "square",
    "ASEAN-Russia": "diamond",
    "SCO": "triangle-up",
    "EAEU": "pentagon",
    "Russia": "star",
}
# What a named series may be: a bloc, a track or Russia, each with one colour.
SERIES_COLOURS = {**TRACK_COLOURS, "RUS": RUSSIA_COLOUR}

# The summit day, drawn the same way on every chart that has a time axis.
SUMMIT_LINE = {"color": MUTED_TEXT, "width": 1.5, "dash": "dot"}
SUMMIT_LABEL_FONT = {"size": 12, "color": MUTED_TEXT}

DARK_BACKGROUND = "#0E1117"  # Streamlit's dark theme background

# A halo in the paper's colour around text written over shaded areas (names on the map), so it
# reads over any shade; a CSS text-shadow, as plotly's textfont.shadow takes it.
LABEL_HALO = "0 0 2px #FFFFFF, 0 0 3px #FFFFFF, 0 0 4px #FFFFFF"
DARK_LABEL_HALO = LABEL_HALO.replace("#FFFFFF", DARK_BACKGROUND)

# The dark theme's counterpart of every neutral the figures use on light paper. Bloc and track
# colours are not here: each keeps its colour in both themes (the Okabe-Ito hues stay readable
# on dark paper). Sequential scales are reversed, so "more" still stands out.
DARK_COLOURS = {
    TEXT_COLOUR: "#E6E9EE",
    GRID_COLOUR: "#3A4350",
    MUTED_TEXT: "#A7B0BC",
    INK: "#C8D1DC",
    RELATION_COLOUR: "#B9C4D2",
    "#FFFFFF": DARK_BACKGROUND,
    "WHITE": DARK_BACKGROUND,
    "RGBA(255,255,255,0.85)": "rgba(14,17,23,0.85)",
    LABEL_HALO.replace(" ", "").upper(): DARK_LABEL_HALO,
    **dict(zip(OVERLAP_COLOURS, ["#3A4350", "#56606E", "#7C8794", "#A9B2BD", "#DDE2E8"],
               strict=True)),
}

# The face Streamlit serves with the app (no font host), then the same family where a reader has
# it installed, then the system's sans-serif.
FONT_FAMILY = '"Source Sans", "Source Sans 3", "Source Sans Pro", sans-serif'


def lighten(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` 0 keeps it, 1 gives white."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02X}" for c in mix)


ROLE_SHADES = {bloc: {role: lighten(colour, amount) for role, amount in ROLE_LIGHTNESS.items()}
               for bloc, colour in BLOC_COLOURS.items()}
# Every colour a chart may use; named series are held to SERIES_COLOURS on top of this.
PALETTE = frozenset({*BLOC_COLOURS.values(), RUSSIA_COLOUR, RELATION_COLOUR, NEUTRAL_COLOUR,
                     MUTED_TEXT, TEXT_COLOUR, GRID_COLOUR, INK, *OVERLAP_COLOURS, "#FFFFFF",
                     *(shade for shades in ROLE_SHADES.values() for shade in shades.values())})


def series_meta(series: str) -> dict[str, str]:
    """The trace ``meta`` that names what a series stands for (a bloc, a track or ``RUS``)."""
    return {"series": series}


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


def add_summit_line(figure: go.Figure, x: Any, label: str, *, yanchor: str = "bottom",
                    y: float = 1.0, **annotation: Any) -> None:
    """The summit day as every chart draws it: a dotted line and a small label at the top."""
    figure.add_vline(x=x, line=SUMMIT_LINE, layer="below")
    figure.add_annotation(x=x, y=y, xref="x", yref="paper", text=label, showarrow=False,
                          yanchor=yanchor, font=SUMMIT_LABEL_FONT,
                          **{"xanchor": "right", **annotation})


def _is_colour_key(key: str) -> bool:
    return "color" in key.lower() or key == "shadow"


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
