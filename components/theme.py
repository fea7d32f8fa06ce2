"""The look shared by every chart, map and legend: one colour per bloc, markers per role.

Bloc colours come from the Okabe-Ito palette, chosen to stay distinct for readers with the common
forms of colour blindness; roles are also told apart by marker shape and fill, never by colour alone.
"""

from __future__ import annotations

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

ROLE_MARKERS = {  # shape and fill carry the role, so colour is never the only cue
    "member": "circle",
    "observer": "diamond-open",
    "dialogue_partner": "square-open",
    "candidate": "triangle-up-open",
}
ROLE_PATTERNS = {"member": "", "observer": "/", "dialogue_partner": ".", "candidate": "x"}

FONT_FAMILY = "Source Sans Pro, Source Sans 3, -apple-system, Segoe UI, Roboto, sans-serif"


def base_layout(dark: bool = False) -> go.Layout:
    """A fresh layout for one figure: light or dark, no chart junk, readable on a phone."""
    text = "#E6E9EE" if dark else "#1F2A36"
    grid = "#3A4350" if dark else "#E3E7EC"
    return go.Layout(
        template="plotly_dark" if dark else "plotly_white",
        font={"family": FONT_FAMILY, "size": 14, "color": text},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis={"gridcolor": grid, "zeroline": False},
        yaxis={"gridcolor": grid, "zeroline": False},
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
