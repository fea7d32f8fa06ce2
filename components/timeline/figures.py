"""Timeline figures: the summit week day by day, and the history since 1967 one lane per track.

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

from components.theme import MUTED_TEXT, NEUTRAL_COLOUR, TRACK_COLOURS, TRACK_MARKERS, base_layout

MARKER_SIZE = 15
# plotly measures legend text a little short and cut the end of "Sesudah KTT": slack keeps it.
LEGEND_SLACK = "\u00a0\u00a0\u00a0"
# On a touch screen plotly shows its toolbar at all times, in the top right corner: a legend at
# the top starts below it.
TOOLBAR_PX = 30
SUMMIT_BAND = "rgba(213, 94, 0, 0.10)"  # Russia's vermillion, faint: the summit day behind the marks
DAY_BAND = "rgba(120, 130, 145, 0.07)"


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
                  track_labels: Mapping[str, str], y: pd.Series, show_legend: bool) -> None:
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
                hovertext=chosen["hover"], hoverinfo="text",
                marker={"symbol": _symbol(track, hollow), "size": MARKER_SIZE,
                        "color": TRACK_COLOURS[track],
                        "line": {"width": 2 if hollow else 1,
                                 "color": TRACK_COLOURS[track] if hollow else "white"}},
            ))


def summit_week_figure(points: pd.DataFrame, *, days: Sequence[date], day_ticks: Sequence[str],
                       track_labels: Mapping[str, str], summit_day: date, summit_label: str,
                       after_label: str, empty_text: str) -> go.Figure:
    """The summit week as an agenda: one block per event (earliest on top), its title written
    across the full width and its mark below, under its day.

    ``points``: one row per event with ``x`` (datetime), ``label`` (the title, lines joined
    with ``<br>``), ``track``, ``hover`` and ``after`` (bool). ``day_ticks`` label ``days``; the
    summit day is shaded. Titles span the width rather than sitting in a margin, so that on a
    phone the days keep the whole width of the chart.
    """
    figure = go.Figure(layout=base_layout())
    points = points.reset_index(drop=True)
    tops, marks = [], []
    top = 0.0
    for label in points["label"]:
        tops.append(top)
        lines = label.count("<br>") + 1
        marks.append(top + lines + 0.8)
        top += lines + 1.7
    total = max(top, 1.0)
    for day in days:
        start = datetime.combine(day, datetime.min.time())
        figure.add_vrect(x0=start, x1=start + timedelta(days=1), line_width=0, layer="below",
                         fillcolor=SUMMIT_BAND if day == summit_day else DAY_BAND)
    if days[0] <= summit_day <= days[-1] and not points.empty:
        figure.add_annotation(x=datetime.combine(summit_day, datetime.min.time()) + timedelta(hours=12),
                              y=0, xref="x", yref="paper", yanchor="top", text=summit_label,
                              showarrow=False, font={"size": 12, "color": MUTED_TEXT})
    for event_top, label in zip(tops, points["label"], strict=True):
        figure.add_annotation(x=0, xref="paper", xanchor="left", y=event_top, yanchor="top",
                              text=label, showarrow=False, align="left", font={"size": 13})
        if event_top > 0:
            figure.add_hline(y=event_top - 0.35, line_width=1, line_color=NEUTRAL_COLOUR,
                             layer="below")
    present = [track for track in track_labels if track in set(points["track"])]
    _track_traces(figure, points, present, track_labels, pd.Series(marks, dtype=float),
                  show_legend=True)
    if points["after"].any():
        _add_after_legend(figure, after_label)
    if points.empty:
        _add_empty_notice(figure, empty_text)
    first = datetime.combine(days[0], datetime.min.time())
    height = max(240, int(110 + TOOLBAR_PX + 19 * total))
    figure.update_layout(
        height=height,
        # The legend sits at the top under the toolbar's place, the day ticks under it, both in
        # the top margin.
        margin={"l": 8, "r": 8, "t": 96 + TOOLBAR_PX, "b": 40},
        legend={"orientation": "h", "yref": "container", "yanchor": "top",
                "y": 1.0 - TOOLBAR_PX / height, "x": 0},
        hovermode="closest", hoverlabel={"align": "left"},
    )
    figure.update_xaxes(
        type="date", range=[first, first + timedelta(days=len(days))],
        tickvals=[datetime.combine(day, datetime.min.time()) + timedelta(hours=12) for day in days],
        ticktext=list(day_ticks), showgrid=False, side="top", fixedrange=True, tickangle=0,
    )
    figure.update_yaxes(range=[total, -0.2], visible=False, fixedrange=True)
    return figure


def history_figure(points: pd.DataFrame, *, tracks: Sequence[str], track_labels: Mapping[str, str],
                   x_range: tuple[date, date], summit_day: date, summit_label: str,
                   after_label: str, key_moments: Sequence[Mapping[str, object]],
                   empty_text: str) -> go.Figure:
    """One lane per track (first track on top), x = date; the summit drawn as a vertical line.

    ``points``: one row per event with ``x`` (datetime), ``track``, ``offset`` (vertical nudge
    within the lane), ``hover`` and ``after`` (bool: drawn hollow). ``key_moments``: a few
    labelled events, each ``{"x", "track", "offset", "text"}``.
    """
    figure = go.Figure(layout=base_layout())
    lanes = {track: float(index) for index, track in enumerate(tracks)}
    y = points["track"].map(lanes).astype(float) + points["offset"].astype(float)
    start, end = x_range
    if start <= summit_day <= end:
        figure.add_vline(x=datetime.combine(summit_day, datetime.min.time()), line_width=2,
                         line_dash="dot", line_color=TRACK_COLOURS["ASEAN-Russia"])
        figure.add_annotation(x=datetime.combine(summit_day, datetime.min.time()), y=1.0,
                              xref="x", yref="paper", yanchor="bottom", xanchor="right",
                              text=summit_label, showarrow=False,
                              font={"size": 12, "color": TRACK_COLOURS["ASEAN-Russia"]})
    _track_traces(figure, points, tracks, track_labels, y, show_legend=False)
    if points["after"].any():
        _add_after_legend(figure, after_label)
    middle = datetime.combine(start, datetime.min.time()) + (end - start) / 2
    for moment in key_moments:
        if moment["track"] not in lanes:
            continue
        # The label sits in the gap above its lane (the lanes' nudged marks stay clear of it) and
        # grows away from the nearer edge, so it is not cut off on a narrow screen.
        lane = lanes[moment["track"]]
        figure.add_annotation(
            x=moment["x"], y=lane + float(moment.get("offset", 0.0)),
            ax=moment["x"], ay=lane - 0.5, axref="x", ayref="y",
            xanchor="left" if moment["x"] < middle else "right",
            text=moment["text"], showarrow=True, arrowhead=0, arrowcolor=MUTED_TEXT,
            standoff=8, font={"size": 12},
            bgcolor="rgba(255,255,255,0.85)",
        )
    if points.empty:
        _add_empty_notice(figure, empty_text)
    figure.update_layout(
        height=110 + 62 * max(len(tracks), 1),
        # The legend goes under the year ticks, at the bottom of the whole figure.
        margin={"l": 8, "r": 8, "t": 48, "b": 64},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hovermode="closest", hoverlabel={"align": "left"},
    )
    # Room for a whole marker at either end, on a phone's width too.
    pad = timedelta(days=max(120, (end - start).days * 0.03))
    figure.update_xaxes(type="date", range=[datetime(start.year, 1, 1) - pad,
                                            datetime(end.year, 12, 31) + pad], showgrid=True)
    figure.update_yaxes(tickvals=list(lanes.values()), ticktext=[track_labels[t] for t in tracks],
                        range=[len(tracks) - 0.45, -0.7], showgrid=True, fixedrange=True,
                        automargin=True)
    return figure
