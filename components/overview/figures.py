"""The claim tracker: every claim of the article as one square, in the row of its verdict.

Pure: a DataFrame of claims with their texts already written and keyword options in, a
``go.Figure`` out. Colour says whose claim it is (Russia's accent for the Russian side, ink for
the article's own reporting); the row and the square's fill say the verdict (filled: confirmed by
an independent source; hollow: only the speaker's word; crossed: contradicted; dotted outline:
nobody could check it), so colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.charts.theme import INK, MUTED_TEXT, RUSSIA_COLOUR, base_layout, series_meta

PER_LINE = 7  # squares on one line: seven 34 px squares and their gaps fit a 311 px phone chart
LINE_HEIGHT_PX = 46
SQUARE_PX = 30
VERDICT_SYMBOLS = {"confirmed": "square", "attributed_only": "square-open",
                   "contradicted": "square-x-open", "unconfirmed": "square-open-dot"}
LEGEND_SLACK = "\u00a0\u00a0\u00a0"  # plotly measures legend text a little short


LABEL_LINES = 0.7  # a verdict's name above its squares, in lines
GAP_LINES = 0.35  # between one verdict's squares and the next verdict's name


def claim_positions(claims: pd.DataFrame, verdicts: Sequence[str]
                    ) -> tuple[pd.DataFrame, dict[str, float], float]:
    """``claims`` with ``x`` (0..PER_LINE-1) and ``y`` (in lines, from the top): each verdict's
    name on a line of its own, then its claims in article order, wrapping after PER_LINE; an
    empty verdict keeps one line for the word "none". Also where each verdict's name sits, and
    the total height in lines."""
    xs, ys = pd.Series(0.0, index=claims.index), pd.Series(0.0, index=claims.index)
    labels: dict[str, float] = {}
    top = 0.0
    for verdict in verdicts:
        labels[verdict] = top
        first = top + LABEL_LINES
        own = claims[claims["verification"] == verdict]
        for place, index in enumerate(own.index):
            xs[index], ys[index] = place % PER_LINE, first + place // PER_LINE
        top = first + max(1, math.ceil(len(own) / PER_LINE)) - 1 + 0.5 + GAP_LINES
    return claims.assign(x=xs, y=ys), labels, top


def claim_tracker_figure(claims: pd.DataFrame, *, verdicts: Sequence[str],
                         verdict_labels: Mapping[str, str], side_names: Mapping[bool, str],
                         none_text: str, selected: str = "") -> go.Figure:
    """``claims``: claim_ref, verification, russian (bool), hover; one row per claim in article
    order. ``verdict_labels`` name the rows (with their counts), ``side_names`` the two colours
    (True: the Russian side). ``selected`` (a claim_ref) is outlined."""
    placed, label_y, total_lines = claim_positions(claims, verdicts)
    figure = go.Figure(layout=base_layout())
    for russian in (True, False):
        colour = RUSSIA_COLOUR if russian else INK
        own = placed[placed["russian"] == russian]
        if own.empty:
            continue
        filled = own["verification"] == "confirmed"
        figure.add_trace(go.Scatter(
            x=own["x"], y=own["y"], mode="markers+text", name=side_names[russian] + LEGEND_SLACK,
            text=own["claim_ref"], textposition="middle center",
            textfont={"size": 12, "color": ["#FFFFFF" if f else colour for f in filled]},
            marker={"symbol": [VERDICT_SYMBOLS[v] for v in own["verification"]],
                    "size": SQUARE_PX, "color": colour,
                    "line": {"width": [3.5 if ref == selected else 2 for ref in own["claim_ref"]],
                             "color": colour}},
            hovertext=own["hover"], hoverinfo="text", customdata=own["claim_ref"],
            meta=series_meta("RUS") if russian else None, cliponaxis=False,
        ))
    # The verdict's name above its squares, not in a margin: on a phone the squares keep the width.
    for verdict in verdicts:
        figure.add_annotation(x=-0.5, y=label_y[verdict], xref="x", yref="y",
                              text=f"<b>{verdict_labels[verdict]}</b>", showarrow=False,
                              xanchor="left", yanchor="middle", font={"size": 14})
        if not (claims["verification"] == verdict).any():
            figure.add_annotation(x=-0.5, y=label_y[verdict] + LABEL_LINES, xref="x", yref="y",
                                  text=none_text, showarrow=False, xanchor="left",
                                  font={"size": 13, "color": MUTED_TEXT})
    figure.update_xaxes(range=[-0.6, PER_LINE - 0.4], visible=False, fixedrange=True)
    figure.update_yaxes(range=[total_lines, -0.4], visible=False, fixedrange=True)
    figure.update_layout(
        height=int(60 + LINE_HEIGHT_PX * (total_lines + 0.4)),
        margin={"l": 4, "r": 4, "t": 4, "b": 40}, hovermode="closest", dragmode=False,
        clickmode="event+select",
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hoverlabel={"align": "left"},
    )
    return figure
