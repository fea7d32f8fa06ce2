"""Figure builders of the Map page: the membership map, the role matrix, members over time, distances.

Pure: tidy DataFrames and keyword options in, a ``go.Figure`` out. Every text a reader sees arrives
already translated in the frames or the options.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components import theme

SELECTED_OUTLINE = "#1F2A36"
PACIFIC_CENTRE_LON = 95  # rotates the world so Asia-Pacific sits in the middle, Cuba to the USA fit
MAP_HEIGHT = 460
# plotly keeps a map's aspect ratio whatever the figure's size: the world as drawn here (natural
# earth, latitudes -50 to 80, every longitude) is 2.35 times as wide as it is tall (measured in
# Chromium). In a narrow frame the chart frame sizes the figure to the map
# (components.frame.fit_height_style) instead of leaving empty bands above and below it; the
# extra pixels hold the margins and up to two legend rows.
MAP_WIDTH_PER_HEIGHT = 2.35
MAP_EXTRA_PX = 88
# On a touch screen plotly shows its toolbar at all times, in the top right corner: the map
# starts below it, and its legend goes under the map, where the toolbar cannot cover it.
MAP_TOP_PX = 32
LABEL_CHAR_PX = 7.5  # a generous width of one character of a 14 px label


def _discrete_scale(colours: Sequence[str]) -> list[list]:
    """A colorscale where integer z = i gets exactly ``colours[i]``."""
    steps = len(colours)
    if steps == 1:
        return [[0, colours[0]], [1, colours[0]]]
    scale = []
    for index, colour in enumerate(colours):
        scale += [[index / steps, colour], [(index + 1) / steps, colour]]
    return scale


def _feature_subset(shapes: Mapping, ids: set[str], keep: bool) -> dict:
    features = [f for f in shapes["features"] if (f["id"] in ids) == keep]
    return {"type": "FeatureCollection", "features": features}


def make_membership_map(shapes: Mapping, areas: pd.DataFrame, capitals: pd.DataFrame, *,
                        level_colours: Sequence[str], selected: str | None = None) -> go.Figure:
    """A Pacific-centred world map: countries shaded by level, a marker at each capital.

    ``areas``: iso3, level (index into ``level_colours``), hover. Shapes not in ``areas`` are drawn
    in the neutral tone for context. ``capitals``: iso3, lat, lon, group (legend entry), symbol,
    colour, hover; one legend entry per group, in the frame's order, so small states stay findable
    and the role is told by marker shape as well as shade.
    """
    figure = go.Figure(layout=theme.base_layout())
    shown = set(areas["iso3"])
    context = [f["id"] for f in shapes["features"] if f["id"] not in shown]
    figure.add_trace(go.Choropleth(
        geojson=_feature_subset(shapes, shown, keep=False), locations=context, z=[0] * len(context),
        colorscale=[[0, theme.NEUTRAL_COLOUR], [1, theme.NEUTRAL_COLOUR]], showscale=False,
        marker={"line": {"color": "#FFFFFF", "width": 0.4}}, hoverinfo="skip", name="context",
        showlegend=False,
    ))
    outline = [2.5 if iso3 == selected else 0.6 for iso3 in areas["iso3"]]
    figure.add_trace(go.Choropleth(
        geojson=_feature_subset(shapes, shown, keep=True),
        locations=list(areas["iso3"]), z=list(areas["level"]),
        zmin=0, zmax=len(level_colours) - 1, colorscale=_discrete_scale(level_colours),
        showscale=False, customdata=list(areas["hover"]),
        hovertemplate="%{customdata}<extra></extra>",
        marker={"line": {"color": [SELECTED_OUTLINE if iso3 == selected else "#FFFFFF"
                                   for iso3 in areas["iso3"]], "width": outline}},
        name="countries", showlegend=False,
    ))
    for group, rows in capitals.groupby("group", sort=False):
        figure.add_trace(go.Scattergeo(
            lat=rows["lat"], lon=rows["lon"], mode="markers", name=str(group),
            customdata=list(rows["iso3"]), hovertext=list(rows["hover"]), hoverinfo="text",
            marker={"symbol": rows["symbol"].iloc[0], "color": rows["colour"].iloc[0], "size": 9,
                    "line": {"color": SELECTED_OUTLINE, "width": 1.2}},
        ))
    figure.update_geos(
        visible=False, projection={"type": "natural earth", "rotation": {"lon": PACIFIC_CENTRE_LON}},
        lataxis={"range": [-50, 80]}, bgcolor="rgba(0,0,0,0)",
    )
    figure.update_layout(height=MAP_HEIGHT, dragmode=False, clickmode="event+select",
                         margin={"l": 0, "r": 0, "t": MAP_TOP_PX, "b": 0},
                         legend={"orientation": "h", "y": 0, "yanchor": "top", "x": 0},
                         meta={"fit_height": {"width_per_height": MAP_WIDTH_PER_HEIGHT,
                                              "extra_px": MAP_EXTRA_PX}})
    return figure


def make_role_matrix(cells: pd.DataFrame, *, blocs: Sequence[str], bloc_labels: Mapping[str, str],
                     symbols: Mapping[str, str], role_labels: Mapping[str, str]) -> go.Figure:
    """Countries (rows) by blocs (columns): a marker where a country holds a role.

    ``cells``: country (label), bloc_id, status, hover; rows keep the frame's order, top to bottom.
    Shape = role, colour = bloc, and the legend names each role.
    """
    figure = go.Figure(layout=theme.base_layout())
    countries = list(dict.fromkeys(cells["country"]))
    for status, label in role_labels.items():
        rows = cells[cells["status"] == status]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=[bloc_labels[b] for b in rows["bloc_id"]], y=list(rows["country"]), mode="markers",
            name=label, hovertext=list(rows["hover"]), hoverinfo="text",
            marker={"symbol": symbols[status], "size": 14, "line": {"width": 2.5},
                    "color": [theme.BLOC_COLOURS[b] for b in rows["bloc_id"]]},
        ))
    columns = [bloc_labels[b] for b in blocs]
    # Bloc column labels, long ones on two lines: tilted, they ran into each other on a phone.
    # The top margin keeps them below the toolbar a touch screen always shows.
    figure.update_xaxes(categoryorder="array", categoryarray=columns, tickmode="array",
                        tickvals=columns, ticktext=["<br>".join(textwrap.wrap(c, 9)) for c in columns],
                        tickangle=0, side="top", showgrid=True, fixedrange=True)
    figure.update_yaxes(categoryorder="array", categoryarray=countries[::-1], showgrid=True,
                        fixedrange=True, automargin=True)
    figure.update_layout(height=max(260, 84 + 24 * len(countries)), dragmode=False,
                         margin={"l": 8, "r": 8, "t": 76, "b": 8},
                         legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0})
    return figure


def make_members_over_time(series: pd.DataFrame, *, bloc_labels: Mapping[str, str],
                           highlight: str | None, marks: Sequence[tuple[date, str]],
                           y_title: str) -> go.Figure:
    """Step lines of members per bloc; vertical lines and labels at the dates in ``marks``.

    ``series``: bloc_id, date, members, hover; one row per change (the frame ends at the last day).
    """
    figure = go.Figure(layout=theme.base_layout())
    ends_at: dict[int, int] = {}  # end value -> labels already there
    for bloc_id, rows in series.groupby("bloc_id", sort=False):
        strong = highlight in (None, bloc_id)
        figure.add_trace(go.Scatter(
            x=rows["date"], y=rows["members"], mode="lines", line_shape="hv",
            name=bloc_labels[bloc_id], hovertext=list(rows["hover"]), hoverinfo="text",
            line={"color": theme.BLOC_COLOURS[bloc_id], "width": 3 if strong else 1.5},
            opacity=1.0 if strong else 0.45,
        ))
        last = rows.iloc[-1]
        # Blocs that end on the same count get their labels stacked, not printed on each other.
        stacked = ends_at.get(int(last["members"]), 0)
        ends_at[int(last["members"])] = stacked + 1
        figure.add_annotation(x=last["date"], y=last["members"], text=f" {last['members']}",
                              showarrow=False, xanchor="left", yshift=-15 * stacked,
                              font={"color": theme.BLOC_COLOURS[bloc_id], "size": 13})
    for position, (day, label) in enumerate(marks):
        figure.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line={"color": theme.MUTED_TEXT,
                         "dash": "dot", "width": 1})
        figure.add_annotation(x=pd.Timestamp(day), y=1 - 0.09 * position, yref="paper",
                              text=label, showarrow=False, xanchor="right", xshift=-4,
                              font={"size": 12, "color": theme.MUTED_TEXT})
    # Headroom above the highest line keeps the date labels at the top clear of it.
    top = float(series["members"].max()) if len(series) else 1.0
    figure.update_yaxes(title=y_title, range=[0, top * 1.3 + 1], fixedrange=True)
    figure.update_xaxes(fixedrange=True)
    # The legend goes under the years, clear of the toolbar a touch screen shows at the top.
    figure.update_layout(height=400, hovermode="closest", margin={"l": 8, "r": 40, "t": 16, "b": 8},
                         legend={"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0})
    return figure


def make_distance_bars(distances: pd.DataFrame, *, highlight: str | None, x_title: str) -> go.Figure:
    """Horizontal bars, nearest first at the top: ``distances`` has iso3, country, km, label."""
    figure = go.Figure(layout=theme.base_layout())
    colours = [theme.RUSSIA_COLOUR if iso3 == highlight else theme.BLOC_COLOURS["EAS"]
               for iso3 in distances["iso3"]]
    # The longest bar's label sits in a right margin as wide as the label, whatever the chart's
    # width: a margin as a share of the axis would be too narrow on a phone.
    longest_label = max((len(label) for label in distances["label"]), default=0)
    figure.add_trace(go.Bar(
        x=distances["km"], y=distances["country"], orientation="h", marker={"color": colours},
        text=distances["label"], textposition="outside", cliponaxis=False,
        hovertext=[f"{c}: {label}" for c, label in zip(distances["country"], distances["label"],
                                                         strict=True)],
        hoverinfo="text", showlegend=False,
    ))
    figure.update_yaxes(categoryorder="array", categoryarray=list(distances["country"])[::-1],
                        automargin=True, fixedrange=True)
    figure.update_xaxes(title=x_title, showticklabels=False, fixedrange=True,
                        range=[0, float(distances["km"].max()) * 1.02 if len(distances) else 1])
    figure.update_layout(height=max(240, 40 + 26 * len(distances)), bargap=0.25,
                         margin={"l": 8, "r": 12 + LABEL_CHAR_PX * longest_label, "t": 8, "b": 40})
    return figure
