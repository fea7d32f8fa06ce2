"""A country's profile: names, capital, every membership, its timeline events, its delegation at
the 18th EAS and the distance from its capital to Jakarta.

``country_profile`` shapes the data (pure, tested without Streamlit); ``components.ui.map`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.conflicts import caveat, marked
from components.data.package import DataPackage
from components.data.summit import EAS_SUMMIT_ID, HOST
from components.map.geocoding import distances_to_jakarta
from components.map.memberships import BLOCS
from components.map.shaping import bloc_labels, events_involving, since_text
from components.text.i18n import Lang, format_date, format_number, localized, t
from components.timeline.events import event_date_text


@dataclass(frozen=True)
class Profile:
    iso3: str
    name: str
    other_name: str  # the name in the other language, when it differs
    capital: str
    distance: str  # "1.234 km" formatted for the page language; "" for Jakarta itself
    memberships: pd.DataFrame  # reader-facing columns
    events: pd.DataFrame  # reader-facing columns
    delegation: str  # "Sergey Lavrov, Minister of Foreign Affairs" or ""
    caveats: tuple[str, ...]  # where sources differ, or what stays unconfirmed, in ``lang``
    source_ids: tuple[str, ...]
    credits: tuple[tuple[str, tuple[str, ...]], ...]  # the capital coordinates behind the distance


def country_profile(data: DataPackage, iso3: str, lang: Lang) -> Profile:
    """Everything the package knows about ``iso3``, with texts in ``lang``."""
    country = data["countries"].set_index("iso3").loc[iso3]
    other = "en" if lang == "id" else "id"
    km = distances_to_jakarta(data["capitals"])[iso3]

    ties = data["memberships"][data["memberships"]["iso3"] == iso3]
    ties = ties.sort_values(["bloc_id", "start_date"], key=lambda s: s.map(BLOCS.index)
                            if s.name == "bloc_id" else s)
    memberships = pd.DataFrame({
        t("map.col.bloc", lang): list(ties["bloc_id"].map(bloc_labels(data, lang))),
        t("map.col.role", lang): [t(f"map.role.{r}", lang) for r in ties["role"]],
        t("map.col.since", lang): [since_text(row, lang) for _, row in ties.iterrows()],
        t("map.col.until", lang): ["" if pd.isna(d) else format_date(d, lang)
                                   for d in ties["end_date"]],
    })
    involved = events_involving(data["events"], iso3)
    events = pd.DataFrame({
        t("map.col.date", lang): [marked(event_date_text(row, lang), row["conflict_id"])
                                  for _, row in involved.iterrows()],
        t("map.col.event", lang): [localized(row, "title", lang) for _, row in involved.iterrows()],
    })
    delegations = data["delegations"]
    own = delegations[(delegations["summit_id"] == EAS_SUMMIT_ID) & (delegations["iso3"] == iso3)]
    delegation = ""
    if len(own):
        row = own.iloc[0]
        position = localized(row, "position", lang)
        delegation = marked(", ".join(part for part in (row["representative"], position) if part),
                            row["conflict_id"])
    caveats = tuple(dict.fromkeys(text for text in (
        *(caveat(row, data, lang) for _, row in ties.iterrows()),
        *(caveat(row, data, lang) for _, row in involved.iterrows()),
        *(caveat(row, data, lang) for _, row in own.iterrows())) if text))
    return Profile(
        iso3=iso3, name=localized(country, "name", lang),
        other_name=country[f"name_{other}"] if country[f"name_{other}"] != country[f"name_{lang}"]
        else "",
        capital=localized(country, "capital", lang),
        distance="" if iso3 == HOST else f"{format_number(km, lang)} km",
        memberships=memberships, events=events, delegation=delegation, caveats=caveats,
        source_ids=(country["source_ids"], *ties["source_ids"], *involved["source_ids"],
                    *own["source_ids"]),
        credits=((t("map.credit.capitals", lang), (data["capitals"].set_index("iso3").loc[
            [iso3, HOST], "source_ids"].str.cat(sep="~"),)),),
    )
