"""The claim tracker: every claim of the article as one row, in words, grouped by what
independent evidence shows.

Pure: a DataFrame of claims with their texts already written and keyword options in, a
``go.Figure`` out. Each row is the claim's short label and, under it, who made it; the dot
before it says whose claim it is by colour and shape (Russia's accent and a circle for the
Russian side, ink and a square for the article, grey and a diamond for the host), and
its fill says the evidence (filled: confirmed; dotted: confirmed in part; hollow: no independent
evidence or a position; crossed: contradicted), so neither colour nor hover is the only cue.
Groups with no claim take no room. Readable at 375 px with no hover: labels wrap, and the
figure grows with them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.charts.theme import INK, MUTED_TEXT, RUSSIA_COLOUR, base_layout, series_meta

LINE_PX = 19  # one line of label text
LABEL_CHARACTERS = 34  # a label's line: about 300 px of 14 px text, the chart's width on a phone
SPEAKER_CHARACTERS = 40  # the smaller line under it
HEADER_LINES = 1.4
GAP_LINES = 0.45  # between two claims
GROUP_GAP_LINES = 0.6
DOT_PX = 16
SIDE_STYLES = {  # colour, shape: whose claim it is, told by both
    "russia": (RUSSIA_COLOUR, "circle"),
    "article": (INK, "square"),
    "indonesia-host": (MUTED_TEXT, "diamond"),  # a bloc's colour would say "the bloc"
    "asean": (MUTED_TEXT, "diamond"),
}
FILLS = {"confirmed": "", "confirmed_in_part": "-open-dot", "no_independent_evidence": "-open",
         "contradicted": "-x", "position": "-open"}
LEGEND_SLACK = "\u00a0\u00a0\u00a0"  # plotly measures legend text a little short


def wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def row_positions(claims: pd.DataFrame, groups: Sequence[str]
                  ) -> tuple[pd.DataFrame, dict[str, float], float]:
    """``claims`` with ``y`` (the middle of each claim's rows, in lines from the top) and
    ``lines`` (its label and speaker lines), in group order then article order; where each
    non-empty group's heading sits; the total height in lines."""
    ys, lines = {}, {}
    headers: dict[str, float] = {}
    top = 0.0
    for group in groups:
        own = claims[claims["group"] == group]
        if own.empty:
            continue
        headers[group] = top + 0.5
        top += HEADER_LINES
        for index, row in own.iterrows():
            count = len(wrapped(row["label"], LABEL_CHARACTERS)) + len(
                wrapped(row["speaker"], SPEAKER_CHARACTERS))
            ys[index], lines[index] = top + count / 2, count
            top += count + GAP_LINES
        top += GROUP_GAP_LINES
    placed = claims.loc[list(ys)].assign(y=pd.Series(ys), lines=pd.Series(lines))
    return placed, headers, top


def row_text(label: str, speaker: str, selected: bool) -> str:
    """The label (bold when it is the claim opened) and, smaller, who made it: plotly's own
    little markup, made here from text that is already escaped."""
    first = "<br>".join(wrapped(label, LABEL_CHARACTERS))
    second = "<br>".join(wrapped(speaker, SPEAKER_CHARACTERS))
    return (f"<b>{first}</b>" if selected else first) + (
        f'<br><span style="font-size:12px;color:{MUTED_TEXT}">{second}</span>')


def claim_tracker_figure(claims: pd.DataFrame, *, groups: Sequence[str],
                         group_labels: Mapping[str, str], side_names: Mapping[str, str],
                         selected: str = "") -> go.Figure:
    """``claims``: claim_ref, label, speaker (escaped for plotly), group, claimant_side, hover;
    one row per claim in article order. ``group_labels`` head the groups (with their counts),
    ``side_names`` name the sides in the legend. ``selected`` (a claim_ref) is in bold."""
    placed, headers, total_lines = row_positions(claims, groups)
    figure = go.Figure(layout=base_layout())
    for side, (colour, shape) in SIDE_STYLES.items():
        own = placed[placed["claimant_side"] == side]
        if own.empty:
            continue
        is_selected = [ref == selected for ref in own["claim_ref"]]
        figure.add_trace(go.Scatter(
            x=[0] * len(own), y=own["y"], mode="markers+text",
            name=side_names[side] + LEGEND_SLACK,
            text=[row_text(label, speaker, chosen) for label, speaker, chosen
                  in zip(own["label"], own["speaker"], is_selected, strict=True)],
            textposition="middle right", textfont={"size": 14},
            marker={"symbol": [shape + FILLS[group] for group in own["group"]],
                    "size": [DOT_PX + 4 if chosen else DOT_PX for chosen in is_selected],
                    "color": colour, "line": {"width": 2, "color": colour}},
            hovertext=own["hover"], hoverinfo="text", customdata=own["claim_ref"],
            meta=series_meta("RUS") if side == "russia" else None, cliponaxis=False,
        ))
    for group, y in headers.items():
        figure.add_annotation(x=-0.25, y=y, xref="x", yref="y", text=f"<b>{group_labels[group]}</b>",
                              showarrow=False, xanchor="left", yanchor="middle", font={"size": 14})
    figure.update_xaxes(range=[-0.3, 10], visible=False, fixedrange=True)
    figure.update_yaxes(range=[total_lines, 0], visible=False, fixedrange=True)
    figure.update_layout(
        height=int(70 + LINE_PX * total_lines),
        margin={"l": 4, "r": 4, "t": 4, "b": 56}, hovermode="closest", dragmode=False,
        clickmode="event+select",
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hoverlabel={"align": "left"},
    )
    return figure
