"""Figures of the Cooperation page: pure builders, a tidy DataFrame and texts in, a go.Figure out.

Every text a reader sees arrives already translated (labels, hover, legend names), so the
builders know nothing of languages, Streamlit or files.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.charts import theme
from components.charts.theme import INK, MUTED_TEXT, RUSSIA_COLOUR, base_layout, series_meta

# Legend text is measured before the web font loads; a little slack keeps its end visible.
LEGEND_SLACK = "\u00a0\u00a0\u00a0"
FADED = 0.22  # opacity of marks outside the reader's focus: still there, for context

# The margin plotly grows for long axis labels falls a few pixels short of the longest upright
# or multi-line one, which a phone's edge then cut; an empty axis title beyond them adds room.
EDGE_ROOM = {"text": "\u00a0", "standoff": 0}
EDGE_ROOM_SMALL = {**EDGE_ROOM, "font": {"size": 8}}


def _legend_name(name: str) -> str:
    """``name`` with slack after each of its lines, the longest one included."""
    return "<br>".join(line + LEGEND_SLACK for line in name.split("<br>"))


BASIS_MARKERS = {  # how an initiative meets a sector: shape and fill, never colour alone
    "stated": "circle",
    "editorial": "diamond-open",
    "outside": "x-thin-open",
}
INITIATIVE_LINE_PX = 19  # one line of text at 13-14 px
INITIATIVE_GAP_LINES = 0.9
FIT_X = 0.08  # where the fit's words start, as a share of the width: right of its mark


def initiative_rows(rows: pd.DataFrame) -> tuple[list[float], list[float], float]:
    """Where each initiative's name and its fit sit, from the top, in lines of text, and the
    total height: the name (and its kind and status) first, the fit on the line under it."""
    name_tops, fit_tops, top = [], [], 0.0
    for _, row in rows.iterrows():
        name_tops.append(top)
        top += row["name"].count("<br>") + 1
        fit_tops.append(top + 0.15)
        top += row["fit"].count("<br>") + 1 + INITIATIVE_GAP_LINES
    return name_tops, fit_tops, top


def make_initiative_sector_figure(rows: pd.DataFrame, *, basis_names: Mapping[str, str],
                                  focus: str = "") -> go.Figure:
    """Russia's initiatives one under another: each one's name, its kind and reported status,
    and under it the priority sectors it fits, or "none of the nine".

    ``rows``: initiative_id, name (with kind and status, lines joined with ``<br>``), fit (the
    sectors' names or the word for none, escaped), basis (``stated``, ``editorial`` or
    ``outside``: the mark), hover; in reading order. ``focus`` fades every other initiative.
    """
    figure = go.Figure(layout=base_layout())
    name_tops, fit_tops, total = initiative_rows(rows)
    for (_, row), name_top, fit_top in zip(rows.iterrows(), name_tops, fit_tops, strict=True):
        faded = bool(focus) and row["initiative_id"] != focus
        colour = MUTED_TEXT if faded else None
        figure.add_annotation(x=0, xref="paper", xanchor="left", y=name_top, yanchor="top",
                              text=row["name"], showarrow=False, align="left",
                              font={"size": 14, **({"color": colour} if colour else {})})
        figure.add_annotation(x=FIT_X, xref="paper", xanchor="left", y=fit_top, yanchor="top",
                              text=row["fit"], showarrow=False, align="left",
                              font={"size": 13, "color": MUTED_TEXT if faded else RUSSIA_COLOUR})
    for basis, symbol in BASIS_MARKERS.items():
        part = rows[rows["basis"] == basis]
        if part.empty:
            continue
        tops = [fit_tops[rows.index.get_loc(index)] + 0.5 for index in part.index]
        opacity = [FADED if focus and initiative != focus else 1.0
                   for initiative in part["initiative_id"]]
        figure.add_trace(go.Scatter(
            x=[0.0] * len(part), y=tops, mode="markers", name=_legend_name(basis_names[basis]),
            marker={"symbol": symbol, "size": 15, "color": RUSSIA_COLOUR, "opacity": opacity,
                    "line": {"width": 2.5, "color": RUSSIA_COLOUR}},
            hovertext=part["hover"], hoverinfo="text", customdata=part["initiative_id"],
            meta=series_meta("RUS"), cliponaxis=False,
        ))
    figure.update_xaxes(range=[-0.045, 1], visible=False, fixedrange=True)
    figure.update_yaxes(range=[total, -0.3], visible=False, fixedrange=True)
    figure.update_layout(
        height=int(70 + INITIATIVE_LINE_PX * total), margin={"l": 8, "r": 8, "t": 8, "b": 64},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hovermode="closest", dragmode=False,
    )
    return figure


CHANNEL_STEP_MARKERS = {
    "guest": "circle-open",
    "dialogue_partner": "square-open",
    "participant": "circle",
    "member": "circle",
    "founding_member": "circle",
    "claimed": "diamond-open",
    "confirmed_appearance": "star",
}


def make_channels_figure(
    steps: pd.DataFrame,
    *,
    lanes: Mapping[str, str],
    legend_names: Mapping[str, str],
    summit_day: date,
    summit_label: str,
    until: date,
) -> go.Figure:
    """Russia's channels as lanes in time: a bar from each channel's start to ``until``.

    ``steps`` has channel_id, track, step, date, label (the short date shown by the mark) and
    hover; ``lanes`` maps channel ids to lane labels, top to bottom; ``legend_names`` names the
    mark kinds (keys of CHANNEL_STEP_MARKERS that appear). A ``claimed`` step is drawn hollow and
    grey, joined to the lane's first confirmed step by a dotted line; a lane with a claim gets no
    bar, since the claim is not an established start.
    """
    figure = go.Figure(layout=base_layout())
    lane_labels = list(lanes.values())
    first = steps["date"].min()
    axis_start, axis_end = pd.Timestamp(first.year - 2, 1, 1), pd.Timestamp(until.year + 1, 12, 31)
    for channel_id, lane in lanes.items():
        own = steps[steps["channel_id"] == channel_id].sort_values("date")
        established = own[own["step"] != "claimed"]
        claimed = own[own["step"] == "claimed"]
        track = own["track"].iloc[0]
        colour = theme.TRACK_COLOURS[track]
        if not claimed.empty:
            end = established["date"].min() if not established.empty else pd.Timestamp(until)
            figure.add_trace(go.Scatter(
                x=[claimed["date"].min(), end], y=[lane, lane], mode="lines",
                line={"color": MUTED_TEXT, "width": 2, "dash": "dot"},
                hoverinfo="skip", showlegend=False))
        if not established.empty and claimed.empty:
            figure.add_trace(go.Scatter(
                x=[established["date"].min(), pd.Timestamp(until)], y=[lane, lane], mode="lines",
                line={"color": colour, "width": 8}, opacity=0.35, hoverinfo="skip",
                showlegend=False, meta=theme.series_meta(track)))
        # Above and below in turn; near either end of the axis a date grows away from the edge,
        # so that on a phone it is not cut off.
        positions = [("top " if index % 2 == 0 else "bottom ") + _text_side(day, axis_start,
                                                                            axis_end)
                     for index, day in enumerate(own["date"])]
        figure.add_trace(go.Scatter(
            x=own["date"], y=[lane] * len(own), mode="markers+text",
            text=own["label"], textposition=positions, textfont={"size": 12},
            marker={"symbol": [CHANNEL_STEP_MARKERS[step] for step in own["step"]], "size": 15,
                    "color": [MUTED_TEXT if step == "claimed" else colour for step in own["step"]],
                    "line": {"width": 2.5,
                             "color": [MUTED_TEXT if step == "claimed" else colour
                                       for step in own["step"]]}},
            hovertext=own["hover"], hoverinfo="text", showlegend=False, cliponaxis=False,
            meta=theme.series_meta(track),
        ))
    # The legend explains the mark shapes in a neutral ink; colours are named by the lanes.
    for step, name in legend_names.items():
        figure.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=_legend_name(name),
            marker={"symbol": CHANNEL_STEP_MARKERS[step], "size": 12, "color": MUTED_TEXT,
                    "line": {"width": 2, "color": MUTED_TEXT}}))
    theme.add_summit_line(figure, pd.Timestamp(summit_day).timestamp() * 1000, summit_label,
                          bgcolor="rgba(255,255,255,0.85)")
    figure.update_xaxes(type="date", range=[axis_start, axis_end], fixedrange=True, showgrid=True)
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=lane_labels[::-1],
                        title=EDGE_ROOM_SMALL,
                        range=[-0.6, len(lanes) - 0.4], fixedrange=True, automargin=True)
    figure.update_layout(
        height=150 + 62 * len(lanes),
        legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0},
        margin={"l": 8, "r": 8, "t": 28, "b": 8},
    )
    return figure


def _text_side(day: pd.Timestamp, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Where a mark's text goes along the axis: away from the nearer end, centred between."""
    share = (day - start) / (end - start)
    return "left" if share > 0.8 else "right" if share < 0.1 else "center"


def delegation_symbol(attendance: str, verification: str) -> str:
    """Shape for the role (circle participant, diamond observer), fill for the verification."""
    shape = "diamond" if attendance == "observer" else "circle"
    return {"verified": shape, "unconfirmed": f"{shape}-open",
            "conflict": f"{shape}-x-open"}.get(verification, f"{shape}-open")


ROW_PX = 30  # a delegation's row


def make_delegation_figure(
    delegations: pd.DataFrame,
    *,
    levels: Mapping[str, str],
    legend_names: Mapping[str, str],
    highlight: str = "",
    russia: str = "RUS",
) -> go.Figure:
    """Who came, by level: one row per delegation, one column per level, a mark where they meet.

    ``delegations`` has iso3, level, attendance, verification, label (the row label), hover and,
    optionally, leader (written beside the mark), already in reading order (top to bottom);
    ``levels`` maps level ids to column labels in order; ``legend_names`` names the mark kinds
    (``verified``, ``unconfirmed``, ``conflict``, ``observer``). Russia is drawn in Russia's
    colour, the rest in one ink; ``highlight`` fades every level but that one.
    """
    figure = go.Figure(layout=base_layout())
    level_labels = list(levels.values())
    row_labels = [f'<span style="color:{RUSSIA_COLOUR}"><b>{label}</b></span>' if iso3 == russia
                  else label for iso3, label in zip(delegations["iso3"], delegations["label"],
                                                     strict=True)]
    colours = [RUSSIA_COLOUR if iso3 == russia else INK for iso3 in delegations["iso3"]]
    opacity = [1.0 if not highlight or level == highlight else FADED
               for level in delegations["level"]]
    symbols = [delegation_symbol(attendance, verification) for attendance, verification
               in zip(delegations["attendance"], delegations["verification"], strict=True)]
    # A leader's name reads to the right of the mark, or to its left in the last two columns,
    # where the row is empty either way: a row has one mark.
    last_columns = set(list(levels)[-2:])
    figure.add_trace(go.Scatter(
        x=[levels[level] for level in delegations["level"]], y=row_labels,
        mode="markers+text" if "leader" in delegations else "markers",
        text=delegations.get("leader"),
        textposition=["middle left" if level in last_columns else "middle right"
                      for level in delegations["level"]],
        textfont={"size": 11, "color": colours}, cliponaxis=False,
        marker={"symbol": symbols, "size": 15, "color": colours, "opacity": opacity,
                "line": {"width": 2, "color": colours}},
        hovertext=delegations["hover"], hoverinfo="text", showlegend=False,
        customdata=delegations["iso3"],
    ))
    legend_symbols = {"verified": "circle", "unconfirmed": "circle-open",
                      "conflict": "circle-x-open", "observer": "diamond"}
    for kind, name in legend_names.items():
        figure.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=_legend_name(name),
            marker={"symbol": legend_symbols[kind], "size": 12, "color": INK,
                    "line": {"width": 2, "color": INK}}))
    if highlight and highlight in levels:
        position = list(levels).index(highlight)
        figure.add_vrect(x0=position - 0.5, x1=position + 0.5, fillcolor=RUSSIA_COLOUR,
                         opacity=0.08, line_width=0, layer="below")
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=level_labels,
                        showticklabels=False, range=[-0.5, len(levels) - 0.5],
                        showgrid=True, fixedrange=True)
    header_px = add_stair_headers(figure, level_labels)
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=row_labels[::-1],
                        range=[-0.5, len(row_labels) - 0.5], showgrid=True, fixedrange=True,
                        automargin=True, title=EDGE_ROOM_SMALL)
    figure.update_layout(
        height=190 + ROW_PX * len(row_labels),
        legend={"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0},
        margin={"l": 8, "r": 8, "t": header_px + 8, "b": 8},
    )
    return figure


HEADER_LINE_PX = 15  # one line of an 11 px column header
HEADER_GAP_PX = 3
HEADER_CHARS = 24  # a header longer than this goes on two lines


def add_stair_headers(figure: go.Figure, labels: list[str]) -> int:
    """Column headers written level, one above the other like stairs, each ending at its column
    with a thin line down to it; returns the height they take above the plot, in px.

    Five columns share about 160 px on a phone: side by side, a header had to turn 90 degrees.
    Stacked, each can be as wide as the chart left of its column. The first column's header sits
    lowest and the last column's highest, so no line down to a column crosses another header.
    """
    offset = HEADER_GAP_PX
    for label in labels:
        lines = textwrap.wrap(label, HEADER_CHARS) or [label]
        figure.add_annotation(x=label, xref="x", y=1, yref="paper", yanchor="bottom",
                              yshift=offset, xanchor="right", xshift=-4, align="right",
                              showarrow=False,
                              text="<br>".join(lines), font={"size": 11, "color": MUTED_TEXT},
                              name="column-header")
        figure.add_shape(type="line", xref="x", x0=label, x1=label, yref="paper",
                         ysizemode="pixel", yanchor=1, y0=0, y1=offset + HEADER_LINE_PX // 2,
                         line={"color": MUTED_TEXT, "width": 1}, layer="above")
        offset += HEADER_LINE_PX * len(lines) + HEADER_GAP_PX
    return offset
