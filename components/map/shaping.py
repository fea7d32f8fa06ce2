"""The Map page's data, shaped from the package: who held which role where and when, the map's
areas and capital markers, member counts over time, distances. Pure pandas: no Streamlit, no figures.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

import pandas as pd

from components.charts import theme
from components.data.checks import split_list
from components.data.conflicts import disagreement, marked
from components.data.package import DataPackage
from components.map.memberships import BLOCS, ROLES, as_of
from components.text.i18n import Lang, format_date, localized, t, t_count
from components.text.safe_text import wrap_for_hover

ALL_BLOCS = "all"
BLOC_OPTIONS = (ALL_BLOCS, *BLOCS)
# Capital markers on the map are hollow, so a small state's own shape stays visible inside.
CAPITAL_SYMBOLS = {role: symbol.removesuffix("-open") + "-open"
                   for role, symbol in theme.ROLE_MARKERS.items()}
OVERLAP_CAPITAL = "circle-open"


def role_name(status: str, lang: Lang) -> str:
    return t(f"map.role.{status}", lang)


def bloc_labels(data: DataPackage, lang: Lang, column: str = "abbr") -> dict[str, str]:
    """Each bloc's short name, as on a legend or a column: "ASEAN", "EAS", "KTT Asia Timur"
    (``column="sentence_name"``: as it stands inside a sentence, "the SCO")."""
    return {row["bloc_id"]: localized(row, column, lang) for _, row in data["blocs"].iterrows()}


def bloc_label(data: DataPackage, bloc_id: str, lang: Lang) -> str:
    return bloc_labels(data, lang)[bloc_id]


def bloc_in_sentence(data: DataPackage, bloc_id: str, lang: Lang) -> str:
    """The bloc's name as it stands inside a sentence: "ASEAN", "the SCO", "KTT Asia Timur"."""
    return bloc_labels(data, lang, "sentence_name")[bloc_id]


def country_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    """ISO-3 code -> country name in ``lang``, in alphabetical order of the names."""
    names = {row["iso3"]: localized(row, "name", lang) for _, row in data["countries"].iterrows()}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def country_names_in_sentence(data: DataPackage, lang: Lang) -> dict[str, str]:
    """ISO-3 code -> the name as a sentence has it: "the Philippines" in English, "Filipina"."""
    column = "sentence_name_en" if lang == "en" else "name_id"
    return dict(zip(data["countries"]["iso3"], data["countries"][column], strict=True))


def clicked_country(event: Mapping | None, known: Collection[str]) -> str | None:
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


def since_text(row: pd.Series, lang: Lang) -> str:
    """When a role began, to the precision its sources give, marked where sources differ:
    "7 Januari 1984 †", "2004"."""
    return marked(format_date(row["start_date"], lang, row["start_precision"]),
                  row["conflict_id"])


def tie_text(row: pd.Series, labels: Mapping[str, str], lang: Lang) -> str:
    """One role of a country: "ASEAN: member since 7 January 1984 †"."""
    return t("map.tie", lang, bloc=labels[row["bloc_id"]], role=role_name(row["status"], lang),
             since=since_text(row, lang))


def country_hover(name: str, rows: pd.DataFrame, data: DataPackage, labels: Mapping[str, str],
                  lang: Lang, heading: str = "") -> str:
    """A country's hover: its name, each role with its start, and where sources differ, both
    values with their sources (escaped for plotly, which reads a little HTML)."""
    lines = [f"<b>{_escape(name)}</b>"] + ([_escape(heading)] if heading else [])
    lines += [_escape(tie_text(row, labels, lang)) for _, row in rows.iterrows()]
    for conflict_id in dict.fromkeys(c for c in rows["conflict_id"] if c):
        lines.append(f"<i>{wrap_for_hover(disagreement(data, conflict_id, lang, False), 55)}</i>")
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _in_bloc_order(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.sort_values("bloc_id", key=lambda s: s.map(BLOCS.index), kind="stable")


def map_frames(data: DataPackage, values: Mapping[str, Any], lang: Lang
               ) -> tuple[pd.DataFrame, pd.DataFrame, list[str], pd.DataFrame]:
    """Areas (iso3, level, hover), capitals (iso3, lat, lon, symbol, colour, hover), the colour of
    each level, and the legend (name, symbol, colour, series): one entry per level drawn.

    One bloc: level = the role's shade (0 = none). All four: level = how many blocs (0-4).
    """
    on, bloc = values["asof"], values["bloc"]
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names, capitals = country_names(data, lang), _capitals(data)
    labels = bloc_labels(data, lang)
    area_rows, capital_rows, legend_rows = [], [], []
    if bloc == ALL_BLOCS:
        colours = list(theme.OVERLAP_COLOURS)
        for iso3, rows in held.groupby("iso3"):
            count = rows["bloc_id"].nunique()
            hover = country_hover(names[iso3], _in_bloc_order(rows), data, labels, lang,
                                  heading=t_count("map.overlap.hover", lang, count))
            area_rows.append({"iso3": iso3, "level": count, "hover": hover, "sort": -count})
            capital_rows.append({"iso3": iso3, "symbol": OVERLAP_CAPITAL, "colour": theme.INK,
                                 "hover": hover, "sort": -count})
        drawn = sorted({row["level"] for row in area_rows})
        legend_rows = [{"name": t_count("map.overlap.legend", lang, count), "symbol": "square",
                        "colour": colours[count], "series": ""} for count in drawn]
        if capital_rows:
            legend_rows.append({"name": t("map.legend.capital", lang), "symbol": OVERLAP_CAPITAL,
                                "colour": theme.INK, "series": ""})
    else:
        shades = theme.ROLE_SHADES[bloc]
        colours = [theme.NEUTRAL_COLOUR] + [shades[role] for role in ROLES]
        for _, row in held.iterrows():
            level = ROLES.index(row["status"]) + 1
            hover = country_hover(names[row["iso3"]], row.to_frame().T, data, labels, lang)
            area_rows.append({"iso3": row["iso3"], "level": level, "hover": hover, "sort": level})
            capital_rows.append({"iso3": row["iso3"], "symbol": CAPITAL_SYMBOLS[row["status"]],
                                 "colour": colours[level], "hover": hover, "sort": level})
        legend_rows = [{"name": role_name(role, lang), "symbol": CAPITAL_SYMBOLS[role],
                        "colour": shades[role], "series": bloc if role == "member" else ""}
                       for role in ROLES if (held["status"] == role).any()]
    areas = pd.DataFrame(area_rows, columns=["iso3", "level", "hover", "sort"])
    points = pd.DataFrame(capital_rows, columns=["iso3", "symbol", "colour", "hover", "sort"])
    points = points.sort_values(["sort", "iso3"], kind="stable")
    points["lat"] = [capitals.loc[i, "capital_lat"] for i in points["iso3"]]
    points["lon"] = [capitals.loc[i, "capital_lon"] for i in points["iso3"]]
    legend = pd.DataFrame(legend_rows, columns=["name", "symbol", "colour", "series"])
    return areas.drop(columns="sort"), points.drop(columns="sort"), colours, legend


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



def events_involving(events: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """Timeline events whose ``countries`` list names ``iso3``, oldest first."""
    mask = events["countries"].map(lambda value: iso3 in split_list(value))
    return events[mask].sort_values("date")
