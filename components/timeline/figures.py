"""Timeline figures: the summit week as a day-by-day agenda, and the history since 1967.

Pure builders: a DataFrame of points with their texts already written (in the page language,
escaped for plotly) and keyword options in, a ``go.Figure`` out. Each track keeps its colour and
its own marker shape; events after the summit are drawn hollow, so colour is never the only cue.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.charts import theme
from components.charts.theme import MUTED_TEXT, NEUTRAL_COLOUR, TRACK_COLOURS, TRACK_MARKERS, base_layout

MARKER_SIZE = 15
# plotly measures legend text a little short and cut the end of "Sesudah KTT": slack keeps it.
LEGEND_SLACK = "\u00a0\u00a0\u00a0"
SUMMIT_BAND = "rgba(213, 94, 0, 0.08)"  # Russia's vermillion, faint: the summit day's heading
LINE_PX = 19  # one line of agenda text at 13 px
DAY_HEADING_LINES = 1.6
EVENT_GAP_LINES = 0.6
TEXT_X = 0.09  # where an agenda title starts, as a share of the width: right of its mark


def _symbol(track: str, hollow: bool) -> str:
    return TRACK_MARKERS[track] + ("-open" if hollow else "")


def _add_empty_notice(figure: go.Figure, text: str) -> None:
    # Broken into short lines: a phone-wide chart would cut one long line at both ends.
    figure.add_annotation(text="<br>".join(textwrap.wrap(text, 34)), x=0.5, y=0.5, xref="paper",
                          yref="paper", showarrow=False, font={"size": 16, "color": MUTED_TEXT})


def _add_after_legend(figure: go.Figure, after_label: str) -> None:
    # A neutral hollow marker explains "hollow = after the summit" once, whatever the track.
    figure.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", name=after_label + LEGEND_SLACK, hoverinfo="skip",
        marker={"symbol": "circle-open", "size": MARKER_SIZE, "color": MUTED_TEXT,
                "line": {"width": 2}},
    ))


def _track_traces(figure: go.Figure, points: pd.DataFrame, tracks: Sequence[str],
                  track_labels: Mapping[str, str], y: pd.Series, show_legend: bool,
                  **where: int) -> None:
    """One trace per track and timing (up to / after the summit), drawn in track order."""
    for track in tracks:
        for hollow in (False, True):
            chosen = points[(points["track"] == track) & (points["after"] == hollow)]
            if chosen.empty:
                continue
            figure.add_trace(go.Scatter(
                x=chosen["x"], y=y[chosen.index], mode="markers",
                name=track_labels[track] + LEGEND_SLACK, legendgroup=track,
                showlegend=show_legend and not hollow,
                hovertext=chosen["hover"], hoverinfo="text", meta=theme.series_meta(track),
                cliponaxis=False,
                marker={"symbol": _symbol(track, hollow), "size": MARKER_SIZE,
                        "color": TRACK_COLOURS[track],
                        "line": {"width": 2 if hollow else 1,
                                 "color": TRACK_COLOURS[track] if hollow else "white"}},
            ), **where)


def agenda_rows(points: pd.DataFrame, days: Sequence[date], day_labels: Sequence[str] = (),
                none_text: str = "") -> tuple[list[dict], float]:
    """Where each day heading and event of the agenda sits, from the top, in lines of text.

    ``points`` has ``day`` (date) and ``label`` (lines joined with ``<br>``), in agenda order;
    a day's label, like ``none_text`` (a day without events), may take more than one line.
    Returns one dict per row (kind "day", "event" or "none", with ``top`` and, for events,
    ``index``) and the total height in lines.
    """
    extra = {day: label.count("<br>") for day, label in zip(days, day_labels, strict=False)}
    rows, top = [], 0.0
    for day in days:
        rows.append({"kind": "day", "day": day, "top": top})
        top += DAY_HEADING_LINES + extra.get(day, 0)
        for index, point in points[points["day"] == day].iterrows():
            rows.append({"kind": "event", "index": index, "top": top})
            top += point["label"].count("<br>") + 1 + EVENT_GAP_LINES
        if not (points["day"] == day).any():
            rows.append({"kind": "none", "day": day, "top": top})
            top += none_text.count("<br>") + 1 + EVENT_GAP_LINES
    return rows, top


def summit_week_figure(points: pd.DataFrame, *, days: Sequence[date], day_labels: Sequence[str],
                       track_labels: Mapping[str, str], summit_day: date, none_text: str,
                       after_label: str, empty_text: str) -> go.Figure:
    """The summit week as an agenda: each day's heading, then its events, one under another,
    each with its track's mark at the left and its title beside it.

    ``points``: one row per event in agenda order with ``day`` (date), ``label`` (the title and
    its time, lines joined with ``<br>``), ``track``, ``hover`` and ``after`` (bool). The summit
    day's heading is banded and bold. Reads top to bottom, so a phone keeps the whole width.
    """
    figure = go.Figure(layout=base_layout())
    points = points.reset_index(drop=True)
    rows, total = agenda_rows(points, days, day_labels, none_text)
    marks = pd.Series(0.0, index=points.index)
    labels = dict(zip(days, day_labels, strict=True))
    for row in rows:
        if row["kind"] == "day":
            summit = row["day"] == summit_day
            if summit:
                lines = labels[row["day"]].count("<br>")
                figure.add_hrect(y0=row["top"] - 0.15,
                                 y1=row["top"] + DAY_HEADING_LINES + lines - 0.35,
                                 fillcolor=SUMMIT_BAND, line_width=0, layer="below")
            else:
                figure.add_hline(y=row["top"] - 0.15, line_width=1, line_color=NEUTRAL_COLOUR,
                                 layer="below")
            figure.add_annotation(x=0, xref="paper", xanchor="left", y=row["top"] + 0.1,
                                  yanchor="top", text=labels[row["day"]],
                                  showarrow=False, align="left", font={"size": 14})
        elif row["kind"] == "none":
            figure.add_annotation(x=TEXT_X, xref="paper", xanchor="left", y=row["top"],
                                  yanchor="top", text=none_text, showarrow=False, align="left",
                                  font={"size": 13, "color": MUTED_TEXT})
        else:
            label = points.at[row["index"], "label"]
            figure.add_annotation(x=TEXT_X, xref="paper", xanchor="left", y=row["top"],
                                  yanchor="top", text=label, showarrow=False, align="left",
                                  font={"size": 13})
            marks[row["index"]] = row["top"] + 0.5
    x = pd.Series(0.0, index=points.index)
    present = [track for track in track_labels if track in set(points["track"])]
    _track_traces(figure, points.assign(x=x), present, track_labels, marks, show_legend=True)
    if points["after"].any():
        _add_after_legend(figure, after_label)
    if points.empty:
        _add_empty_notice(figure, empty_text)
    height = max(240, int(80 + LINE_PX * total))
    figure.update_layout(
        height=height, margin={"l": 8, "r": 8, "t": 8, "b": 64},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hovermode="closest", hoverlabel={"align": "left"}, dragmode=False,
    )
    figure.update_xaxes(range=[-0.045, 1], visible=False, fixedrange=True)
    figure.update_yaxes(range=[total, -0.3], visible=False, fixedrange=True)
    return figure


def _x_pad(start: date, end: date) -> timedelta:
    # Room for a whole marker at either end, on a phone's width too.
    return timedelta(days=max(20, (end - start).days * 0.03))


MOMENT_WIDTH = 18  # characters on a key moment's line
LANE_PX = 56
# Marks nudge up to 0.22 of a lane from its line (events.lane_offsets) and reach 8 px beyond
# their centre: at 90 px a lane leaves 34 px free between two lanes' marks, two lines of label.
LABELLED_LANE_PX = 90


def history_figure(points: pd.DataFrame, *, tracks: Sequence[str], track_labels: Mapping[str, str],
                   x_range: tuple[date, date], summit_day: date, summit_label: str,
                   after_label: str, key_moments: Sequence[Mapping[str, object]],
                   empty_text: str, zoom: tuple[date, date] | None = None,
                   zoom_label: str = "", zoom_ticks: Sequence[tuple[date, str]] = ()
                   ) -> go.Figure:
    """One lane per track (first track on top), x = date; the summit as a dotted line; milestones
    labelled beside their marks. With ``zoom`` (the summit's year), a second panel underneath
    draws that year alone, so the marks piled on it in the long view can be read.

    ``points``: one row per event with ``x`` (datetime), ``track``, ``offset`` (vertical nudge
    within the lane), ``hover`` and ``after`` (bool: drawn hollow). ``key_moments``: a few
    labelled events, each ``{"x", "track", "offset", "text", "below"}``. ``zoom_ticks``: the
    second panel's ticks, (day, text) in the reader's language, none outside the year.
    """
    panels = 2 if zoom else 1
    lane_count = max(len(tracks), 1)
    # Labelled lanes are taller: between two lanes' nudged marks a band two label lines high
    # stays free, so a key moment's label sits beside its mark and on none.
    lane_px = LABELLED_LANE_PX if key_moments else LANE_PX
    heights = [lane_px * lane_count + 40] + ([LANE_PX * lane_count] if zoom else [])
    # The second panel's heading, broken into lines a phone-wide chart keeps whole.
    heading = "<br>".join(textwrap.wrap(zoom_label, 38))
    figure = make_subplots(rows=panels, cols=1, shared_yaxes=True, vertical_spacing=0.16 / panels,
                           row_heights=heights, subplot_titles=(None, heading) if zoom else None,
                           figure=go.Figure(layout=base_layout()))
    lanes = {track: float(index) for index, track in enumerate(tracks)}
    y = points["track"].map(lanes).astype(float) + points["offset"].astype(float)
    start, end = x_range
    ranges = [(start, end)] + ([zoom] if zoom else [])
    for row, (first, last) in enumerate(ranges, start=1):
        shown = points[(points["x"] >= datetime.combine(first, datetime.min.time()))
                       & (points["x"] <= datetime.combine(last, datetime.max.time()))]
        _track_traces(figure, shown, tracks, track_labels, y, show_legend=False, row=row, col=1)
        if first <= summit_day <= last:
            at = datetime.combine(summit_day, datetime.min.time())
            figure.add_vline(x=at, line=theme.SUMMIT_LINE, layer="below", row=row, col=1)
            if not zoom:  # with a second panel, its heading names the line
                figure.add_annotation(x=at, y=-0.5, xref="x", yref="y", yanchor="bottom",
                                      xanchor="right", xshift=-3, text=summit_label,
                                      showarrow=False, font=theme.SUMMIT_LABEL_FONT)
        pad = _x_pad(first, last)
        figure.update_xaxes(type="date", range=[datetime.combine(first, datetime.min.time()) - pad,
                                                datetime.combine(last, datetime.max.time()) + pad],
                            showgrid=True, fixedrange=True, tickangle=0, row=row, col=1,
                            **({"tickvals": [datetime.combine(day, datetime.min.time())
                                             for day, _ in zoom_ticks],
                                "ticktext": [text for _, text in zoom_ticks]}
                               if row == 2 else {}))
        figure.update_yaxes(tickvals=list(lanes.values()),
                            ticktext=[track_labels[t] for t in tracks],
                            range=[len(tracks) - 0.45, -0.7], showgrid=True, fixedrange=True,
                            automargin=True, row=row, col=1)
    if points["after"].any():
        _add_after_legend(figure, after_label)
    middle = datetime.combine(start, datetime.min.time()) + (end - start) / 2
    for moment in key_moments:
        if moment["track"] not in lanes:
            continue
        # Directly beside its mark, in the gap above (or below) its lane, growing away from the
        # nearer edge so that a phone does not cut it off.
        lane = lanes[moment["track"]]
        offset = float(moment.get("offset", 0.0))
        figure.add_annotation(
            x=moment["x"], y=lane + offset, ax=moment["x"],
            ay=lane + (0.5 if moment.get("below") else -0.5), axref="x", ayref="y",
            xanchor="left" if moment["x"] < middle else "right",
            # Centred in the gap between two lanes, the one band their nudged marks leave free.
            # On two short lines: a phone-wide chart keeps it whole on either side of its mark.
            yanchor="middle", text="<br>".join(textwrap.wrap(str(moment["text"]), MOMENT_WIDTH)),
            showarrow=True, arrowhead=0,
            arrowcolor=MUTED_TEXT, standoff=8, font={"size": 12}, bgcolor="rgba(255,255,255,0.85)",
        )
    if points.empty:
        _add_empty_notice(figure, empty_text)
    if zoom:
        figure.update_annotations(selector={"text": heading}, font={"size": 13},
                                  xanchor="left", x=0, align="left")
    figure.update_layout(
        # At least as tall as an event's hover: plotly draws no hover label taller than its figure.
        height=max(300, 60 + sum(heights) + 40 * (panels - 1)),
        margin={"l": 8, "r": 8, "t": 24, "b": 64},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hovermode="closest", hoverlabel={"align": "left"},
    )
    return figure
