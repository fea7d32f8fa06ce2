"""A dot table: one row per item in words, grouped under headings, a dot before each row.

The shape for lists a reader must be able to read on a phone with no hover (the claims of the
article, what became of Russia's initiatives): each row is the item's label and, under it, a
smaller line of detail; the groups that hold no item take no room. The dot says two things,
neither by colour alone: whose item it is (colour and shape, named in the legend) and its
group (its fill). Pure: a DataFrame in, a ``go.Figure`` out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.charts.theme import MUTED_TEXT, base_layout, series_meta

LINE_PX = 19  # one line of label text
LABEL_CHARACTERS = 34  # a label's line: about 300 px of 14 px text, the chart's width on a phone
DETAIL_CHARACTERS = 40  # the smaller line under it
HEADER_LINES = 1.4
GAP_LINES = 0.45  # between two rows
GROUP_GAP_LINES = 0.6
DOT_PX = 16
LEGEND_SLACK = "\u00a0\u00a0\u00a0"  # plotly measures legend text a little short


@dataclass(frozen=True)
class DotStyle:
    """Whose rows: their colour, the dot's shape and the legend's name; ``series`` ties the
    colour to a named series of the theme (Russia's accent)."""

    colour: str
    shape: str
    name: str
    series: str | None = None


def wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def row_positions(rows: pd.DataFrame, groups: Sequence[str]
                  ) -> tuple[pd.DataFrame, dict[str, float], float]:
    """``rows`` with ``y`` (the middle of each row's lines, in lines from the top), in group
    order then their own; where each non-empty group's heading sits; the height in lines."""
    ys: dict = {}
    headers: dict[str, float] = {}
    top = 0.0
    for group in groups:
        own = rows[rows["group"] == group]
        if own.empty:
            continue
        headers[group] = top + 0.5
        top += HEADER_LINES
        for index, row in own.iterrows():
            count = len(wrapped(row["label"], LABEL_CHARACTERS)) + len(
                wrapped(row["detail"], DETAIL_CHARACTERS))
            ys[index] = top + count / 2
            top += count + GAP_LINES
        top += GROUP_GAP_LINES
    return rows.loc[list(ys)].assign(y=pd.Series(ys)), headers, top


def row_text(label: str, detail: str, selected: bool) -> str:
    """The label (bold when it is the item opened) and, smaller, its detail: plotly's own little
    markup, made here from text that is already escaped."""
    first = "<br>".join(wrapped(label, LABEL_CHARACTERS))
    second = "<br>".join(wrapped(detail, DETAIL_CHARACTERS))
    return (f"<b>{first}</b>" if selected else first) + (
        f'<br><span style="font-size:12px;color:{MUTED_TEXT}">{second}</span>')


def dot_table_figure(rows: pd.DataFrame, *, groups: Sequence[str],
                     group_labels: Mapping[str, str], styles: Mapping[str, DotStyle],
                     fills: Mapping[str, str], selected: str = "") -> go.Figure:
    """``rows``: key, label, detail (both escaped for plotly), group, style, hover; in their
    order. ``group_labels`` head the groups, ``styles`` draw each ``style``, ``fills`` give
    each group's symbol suffix ("" filled, "-open", "-open-dot", "-x"). ``selected`` (a key) is
    in bold."""
    placed, headers, total_lines = row_positions(rows, groups)
    figure = go.Figure(layout=base_layout())
    for style_key, style in styles.items():
        own = placed[placed["style"] == style_key]
        if own.empty:
            continue
        chosen = [key == selected for key in own["key"]]
        figure.add_trace(go.Scatter(
            x=[0] * len(own), y=own["y"], mode="markers+text", name=style.name + LEGEND_SLACK,
            text=[row_text(label, detail, pick) for label, detail, pick
                  in zip(own["label"], own["detail"], chosen, strict=True)],
            textposition="middle right", textfont={"size": 14},
            marker={"symbol": [style.shape + fills[group] for group in own["group"]],
                    "size": [DOT_PX + 4 if pick else DOT_PX for pick in chosen],
                    "color": style.colour, "line": {"width": 2, "color": style.colour}},
            hovertext=own["hover"], hoverinfo="text", customdata=own["key"],
            meta=series_meta(style.series) if style.series else None, cliponaxis=False,
        ))
    for group, y in headers.items():
        figure.add_annotation(x=-0.25, y=y, xref="x", yref="y", text=f"<b>{group_labels[group]}</b>",
                              showarrow=False, xanchor="left", yanchor="middle", font={"size": 14})
    figure.update_xaxes(range=[-0.3, 10], visible=False, fixedrange=True)
    figure.update_yaxes(range=[total_lines, 0], visible=False, fixedrange=True)
    figure.update_layout(
        height=int(70 + LINE_PX * total_lines),
        # A tap anywhere on a row picks that row (its nearest dot, however far the words run),
        # not only a tap on the dot itself.
        margin={"l": 4, "r": 4, "t": 4, "b": 56}, hovermode="closest", hoverdistance=-1,
        dragmode=False,
        clickmode="event+select",
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hoverlabel={"align": "left"},
    )
    return figure
