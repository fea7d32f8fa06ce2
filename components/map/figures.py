"""Figure builders of the Map page: the membership map, the role matrix, members over time.

Pure: tidy DataFrames and keyword options in, a ``go.Figure`` out. Every text a reader sees arrives
already translated in the frames or the options.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.charts import theme
from components.map.extent import Extent

SELECTED_OUTLINE = "#1F2A36"


# Margins and up to three legend rows beside the drawn map, in px.
MAP_EXTRA_PX = 104
# The legend goes under the map, where no toolbar or title can cover it.
MAP_TOP_PX = 4
LABEL_FONT_PX = 12
CAPITAL_MARKER_PX = 8  # hollow rings: a small state's own shape stays visible inside
CAPITAL_HALO_PX = 5  # the width of the paper-coloured ring under each capital's
# A tap picks the nearest capital within half a finger (about 9 mm wide), else the country under it.
FINGER_RADIUS_PX = 22
GROWTH_HEIGHT = 400
LABEL_GAP_PX = 16  # between two end labels of the members chart, at 13 px


def _discrete_scale(colours: Sequence[str]) -> list[list]:
    """A colorscale where integer z = i gets exactly ``colours[i]``."""
    steps = len(colours)
    if steps == 1:
        return [[0, colours[0]], [1, colours[0]]]
    scale = []
    for index, colour in enumerate(colours):
        scale += [[index / steps, colour], [(index + 1) / steps, colour]]
    return scale


def make_membership_map(shapes: str | Mapping, feature_ids: Sequence[str], areas: pd.DataFrame,
                        capitals: pd.DataFrame, *,
                        level_colours: Sequence[str], legend: pd.DataFrame, view: Extent,
                        labels: pd.DataFrame | None = None, selected: str | None = None,
                        series: str = "") -> go.Figure:
    """Countries shaded by level, a hollow ring at each capital, the key countries named, in the
    ``view`` asked for (components.map.extent).

    ``shapes``: the country shapes (a GeoJSON FeatureCollection with ISO-3 ids) or the address
    the browser loads them from; ``feature_ids``: every country they hold. ``areas``: iso3, level
    (index into ``level_colours``), hover. Shapes not in ``areas`` are drawn
    in the neutral tone for context. ``capitals``: iso3, lat, lon, symbol, colour, hover.
    ``legend``: name, symbol, colour, series (a bloc id or ""), one entry per shade drawn, in
    order: squares for shaded areas, the role's marker shape where a role has one, so the legend
    shows the marks the map draws. ``series`` is the bloc the map draws in its colour, if one.
    ``labels``: lat, lon, text, colour: names written on the map, so a phone reader sees without
    hovering which country is which.
    """
    figure = go.Figure(layout=theme.base_layout())
    shown = set(areas["iso3"])
    context = [code for code in feature_ids if code not in shown]
    figure.add_trace(go.Choropleth(
        geojson=shapes, locations=context, z=[0] * len(context),
        colorscale=[[0, theme.NEUTRAL_COLOUR], [1, theme.NEUTRAL_COLOUR]], showscale=False,
        marker={"line": {"color": "#FFFFFF", "width": 0.4}}, hoverinfo="skip", name="context",
        showlegend=False,
    ))
    outline = [2.5 if iso3 == selected else 0.6 for iso3 in areas["iso3"]]
    figure.add_trace(go.Choropleth(
        geojson=shapes, locations=list(areas["iso3"]), z=list(areas["level"]),
        zmin=0, zmax=len(level_colours) - 1, colorscale=_discrete_scale(level_colours),
        showscale=False, customdata=list(areas["hover"]),
        hovertemplate="%{customdata}<extra></extra>",
        marker={"line": {"color": [SELECTED_OUTLINE if iso3 == selected else "#FFFFFF"
                                   for iso3 in areas["iso3"]], "width": outline}},
        name="countries", showlegend=False,
    ))
    # A ring in a country's own shade vanished inside it (Jakarta's on Java): each ring is drawn
    # on a wider one in the paper's colour, which shows it on any shade and on the sea alike.
    figure.add_trace(go.Scattergeo(
        lat=capitals["lat"], lon=capitals["lon"], mode="markers", name="capital-halos",
        hoverinfo="skip", showlegend=False,
        marker={"symbol": list(capitals["symbol"]), "size": CAPITAL_MARKER_PX,
                "color": "#FFFFFF", "line": {"color": "#FFFFFF", "width": CAPITAL_HALO_PX}},
    ))
    figure.add_trace(go.Scattergeo(
        lat=capitals["lat"], lon=capitals["lon"], mode="markers", name="capitals",
        customdata=list(capitals["iso3"]), hovertext=list(capitals["hover"]), hoverinfo="text",
        marker={"symbol": list(capitals["symbol"]), "color": list(capitals["colour"]),
                "size": CAPITAL_MARKER_PX, "line": {"color": list(capitals["colour"]), "width": 2}},
        showlegend=False, meta=theme.series_meta(series) if series else None,
    ))
    if labels is not None and not labels.empty:
        figure.add_trace(go.Scattergeo(
            # An unseen mark as wide as a capital's ring and its halo: the name starts beside the
            # ring, not on it.
            lat=labels["lat"], lon=labels["lon"], mode="markers+text", text=list(labels["text"]),
            marker={"size": CAPITAL_MARKER_PX + CAPITAL_HALO_PX + 2, "opacity": 0},
            textposition="middle right", name="labels", hoverinfo="skip", showlegend=False,
            textfont={"size": LABEL_FONT_PX, "color": list(labels["colour"]),
                      "weight": 600, "shadow": theme.LABEL_HALO},
        ))
    for _, entry in legend.iterrows():
        figure.add_trace(go.Scattergeo(
            lat=[None], lon=[None], mode="markers", name=entry["name"], hoverinfo="skip",
            marker={"symbol": entry["symbol"], "color": entry["colour"], "size": 13,
                    "line": {"color": entry["colour"], "width": 2}},
            meta=theme.series_meta(entry["series"]) if entry["series"] else None,
        ))
    figure.update_geos(
        visible=False, projection={"type": "natural earth", "rotation": {"lon": view.rotation_lon}},
        lataxis={"range": list(view.lat_range)},
        **({"lonaxis": {"range": list(view.lon_range)}} if view.lon_range else {}),
        bgcolor="rgba(0,0,0,0)",
    )
    figure.update_layout(height=view.desktop_height, dragmode=False, clickmode="event+select",
                         hoverdistance=FINGER_RADIUS_PX,
                         margin={"l": 0, "r": 0, "t": MAP_TOP_PX, "b": 0},
                         legend={"orientation": "h", "y": 0, "yanchor": "top", "x": 0},
                         meta={"fit_height": {"width_per_height": view.width_per_height,
                                              "extra_px": MAP_EXTRA_PX}})
    return figure


def make_role_matrix(cells: pd.DataFrame, *, blocs: Sequence[str], bloc_labels: Mapping[str, str],
                     symbols: Mapping[str, str], role_labels: Mapping[str, str],
                     highlight: str = "RUS") -> go.Figure:
    """Countries (rows) by blocs (columns): a marker where a country holds a role.

    ``cells``: iso3, country (label), bloc_id, status, hover; rows keep the frame's order, top to
    bottom. Shape = role, colour = bloc, and the legend names each role. The ``highlight``
    country's row label is written in Russia's accent, on a faint band across its row.
    """
    figure = go.Figure(layout=theme.base_layout())
    countries = list(dict.fromkeys(cells["country"]))
    for bloc in blocs:  # one trace per bloc and role: each bloc's marks in its colour
        for status in role_labels:
            rows = cells[(cells["bloc_id"] == bloc) & (cells["status"] == status)]
            if rows.empty:
                continue
            figure.add_trace(go.Scatter(
                x=[bloc_labels[bloc]] * len(rows), y=list(rows["country"]), mode="markers",
                name=role_labels[status], hovertext=list(rows["hover"]), hoverinfo="text",
                marker={"symbol": symbols[status], "size": 14, "line": {"width": 2.5},
                        "color": theme.BLOC_COLOURS[bloc]},
                showlegend=False, meta=theme.series_meta(bloc),
            ))
    # The legend names the roles by shape, in a neutral ink: the columns name the blocs.
    for status, label in role_labels.items():
        if (cells["status"] == status).any():
            figure.add_trace(go.Scatter(
                x=[None], y=[None], mode="markers", name=label, hoverinfo="skip",
                marker={"symbol": symbols[status], "size": 12, "color": theme.MUTED_TEXT,
                        "line": {"width": 2, "color": theme.MUTED_TEXT}}))
    columns = [bloc_labels[b] for b in blocs]
    highlighted = set(cells.loc[cells["iso3"] == highlight, "country"])
    ticks = [f'<span style="color:{theme.RUSSIA_COLOUR}"><b>{country}</b></span>'
             if country in highlighted else country for country in countries]
    for country in highlighted:
        row = len(countries) - 1 - countries.index(country)
        figure.add_hrect(y0=row - 0.5, y1=row + 0.5, fillcolor=theme.RUSSIA_COLOUR, opacity=0.08,
                         line_width=0, layer="below")
    # Bloc column labels, long ones on two lines: tilted, they ran into each other on a phone.
    figure.update_xaxes(categoryorder="array", categoryarray=columns, tickmode="array",
                        tickvals=columns, ticktext=["<br>".join(textwrap.wrap(c, 9)) for c in columns],
                        tickangle=0, side="top", showgrid=True, fixedrange=True)
    figure.update_yaxes(categoryorder="array", categoryarray=countries[::-1], showgrid=True,
                        tickmode="array", tickvals=countries, ticktext=ticks,
                        range=[-0.5, len(countries) - 0.5], fixedrange=True, automargin=True)
    figure.update_layout(height=max(260, 84 + 24 * len(countries)), dragmode=False,
                         margin={"l": 8, "r": 8, "t": 56, "b": 8},
                         legend={"orientation": "h", "y": -0.02, "yanchor": "top", "x": 0})
    return figure


def make_members_over_time(series: pd.DataFrame, *, bloc_labels: Mapping[str, str],
                           highlight: str | None, summit: tuple[date, str],
                           marks: Sequence[tuple[date, str]], y_title: str) -> go.Figure:
    """Step lines of members per bloc; the summit day and the dates in ``marks`` as lines.

    ``series``: bloc_id, date, members, hover; one row per change (the frame ends at the last day).
    """
    figure = go.Figure(layout=theme.base_layout())
    top = float(series["members"].max()) if len(series) else 1.0
    y_max = top * 1.3 + 1  # headroom above the highest line keeps the date labels clear of it
    # The plot's height less its margins and a phone's two legend rows: on a desktop the labels
    # then sit a little farther apart than they need, never closer.
    px_per_member = (GROWTH_HEIGHT - 150) / y_max
    ends = []
    for bloc_id, rows in series.groupby("bloc_id", sort=False):
        strong = highlight in (None, bloc_id)
        figure.add_trace(go.Scatter(
            x=rows["date"], y=rows["members"], mode="lines", line_shape="hv",
            name=bloc_labels[bloc_id], hovertext=list(rows["hover"]), hoverinfo="text",
            line={"color": theme.BLOC_COLOURS[bloc_id], "width": 3 if strong else 1.5},
            opacity=1.0 if strong else 0.45, meta=theme.series_meta(bloc_id),
        ))
        ends.append((int(rows.iloc[-1]["members"]), rows.iloc[-1]["date"], bloc_id))
    # End labels, highest first, pushed down where they would touch the one above: blocs that end
    # on the same or a close count (ASEAN's 11 over the SCO's 10) get labels one under another.
    last_px = None
    for members, day, bloc_id in sorted(ends, key=lambda end: -end[0]):
        at_px = members * px_per_member
        shift = 0.0 if last_px is None else min(0.0, (last_px - LABEL_GAP_PX) - at_px)
        last_px = at_px + shift
        figure.add_annotation(x=day, y=members, text=f" {members}", showarrow=False,
                              xanchor="left", yshift=shift,
                              font={"color": theme.BLOC_COLOURS[bloc_id], "size": 13})
    summit_day, summit_label = summit
    theme.add_summit_line(figure, pd.Timestamp(summit_day).timestamp() * 1000, summit_label,
                          y=1.0, yanchor="top", xshift=-4)
    for position, (day, label) in enumerate(marks, start=1):
        figure.add_vline(x=pd.Timestamp(day).timestamp() * 1000,
                         line={"color": theme.MUTED_TEXT, "dash": "dash", "width": 1})
        figure.add_annotation(x=pd.Timestamp(day), y=1 - 0.09 * position, yref="paper",
                              text=label, showarrow=False, xanchor="right", xshift=-4,
                              font={"size": 12, "color": theme.MUTED_TEXT})
    figure.update_yaxes(title=y_title, range=[0, y_max], fixedrange=True)
    figure.update_xaxes(fixedrange=True)
    # The legend goes under the years.
    figure.update_layout(height=GROWTH_HEIGHT, hovermode="closest",
                         margin={"l": 8, "r": 40, "t": 16, "b": 8},
                         legend={"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0})
    return figure
