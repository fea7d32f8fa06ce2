"""The Map page's data, shaped from the package: who held which role where and when, the map's
areas and capital markers, member counts over time, distances. Pure pandas: no Streamlit, no figures.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

import pandas as pd

from components import theme
from components.data_package import DataPackage
from components.i18n import Lang, format_number, localized, t, t_count
from components.map.geocoding import distances_to_jakarta
from components.map.memberships import BLOCS, ROLES, as_of
from components.summit import EAS_SUMMIT_ID, HOST
from components.validation import split_list

ALL_BLOCS = "all"
BLOC_OPTIONS = (ALL_BLOCS, *BLOCS)
# Role shades: a member is the full bloc colour, looser ties are lighter; shape tells them apart too.
ROLE_LIGHTNESS = {"member": 0.0, "observer": 0.45, "dialogue_partner": 0.65, "candidate": 0.8}


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



def map_frames(data: DataPackage, values: Mapping[str, Any], lang: Lang
               ) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Areas (iso3, level, hover), capitals (iso3, lat, lon, group, symbol, colour, hover), colours.

    One bloc: level = the role's shade (0 = none). All four: level = how many blocs (0-4).
    """
    on, bloc = values["asof"], values["bloc"]
    held = held_roles(data, on, blocs_for(bloc), tuple(values["roles"]))
    names, capitals = country_names(data, lang), _capitals(data)
    labels = {b: bloc_label(data, b, lang) for b in BLOCS}
    area_rows, capital_rows = [], []
    if bloc == ALL_BLOCS:
        colours = list(theme.OVERLAP_COLOURS)
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



def participant_distances(data: DataPackage, lang: Lang) -> pd.DataFrame:
    """The 18th EAS participants but the host: iso3, country, km, label; nearest first."""
    delegations = data["delegations"]
    participants = delegations[(delegations["summit_id"] == EAS_SUMMIT_ID)
                               & (delegations["attendance"] == "participant")]["iso3"]
    km = distances_to_jakarta(data["capitals"])
    names = country_names(data, lang)
    capitals = {row["iso3"]: localized(row, "capital", lang) for _, row in data["countries"].iterrows()}
    rows = [{"iso3": i, "country": names[i], "capital": capitals[i], "km": km[i]}
            for i in participants if i != HOST]
    frame = pd.DataFrame(rows, columns=["iso3", "country", "capital", "km"]).sort_values("km")
    frame["label"] = [f"{format_number(v, lang)} km" for v in frame["km"]]
    return frame.reset_index(drop=True)



def events_involving(events: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """Timeline events whose ``countries`` list names ``iso3``, oldest first."""
    mask = events["countries"].map(lambda value: iso3 in split_list(value))
    return events[mask].sort_values("date")
