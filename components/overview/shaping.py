"""The numbers and text the Overview page is built from, computed from the data, never typed."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data_package import DataPackage
from components.map.memberships import as_of, count
from components.summit import RUSSIA, SUMMIT_DAY

MAIN_SUMMIT_EDITION = 43


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of the summit, each with the rows it was counted from."""

    eas_participants: int
    russia_blocs: int
    sectors: int
    initiatives: int
    statements: int
    statements_confirmed: int
    related_summits: int


def key_figures(data: DataPackage) -> KeyFigures:
    memberships = data["memberships"]
    russia = as_of(memberships, SUMMIT_DAY)
    russia = russia[(russia["iso3"] == RUSSIA) & (russia["status"] == "member")]
    statements = data["statements"]
    return KeyFigures(
        eas_participants=count(memberships, "EAS", SUMMIT_DAY),
        russia_blocs=russia["bloc_id"].nunique(),
        sectors=len(data["sectors"]),
        initiatives=len(data["initiatives"]),
        statements=len(statements),
        statements_confirmed=int((statements["verification"] == "confirmed").sum()),
        related_summits=int((data["summits"]["parent_summit_id"] != "").sum()),
    )


def main_summit(data: DataPackage) -> pd.Series:
    """The 43rd ASEAN Summit's row."""
    summits = data["summits"]
    return summits[(summits["edition"] == MAIN_SUMMIT_EDITION)
                   & (summits["parent_summit_id"] == "")].iloc[0]


def key_figure_sources(data: DataPackage) -> list[str]:
    """The sources behind the key figures: the memberships on summit day and the article."""
    held = as_of(data["memberships"], SUMMIT_DAY)
    eas_and_russia = held[(held["bloc_id"] == "EAS") | (held["iso3"] == RUSSIA)]
    return [*data["sectors"]["source_ids"], *eas_and_russia["source_ids"]]


def statements_in_order(data: DataPackage) -> pd.DataFrame:
    """The article's statements in the order it makes them (claim C1 to C14)."""
    statements = data["statements"]
    order = statements["claim_ref"].str.removeprefix("C").astype(int)
    return statements.assign(_order=order).sort_values("_order").drop(columns="_order")


def eas_summit(data: DataPackage) -> pd.Series:
    """The 18th East Asia Summit's row: the related summit where Lavrov spoke for Russia."""
    summits = data["summits"]
    related = summits[summits["parent_summit_id"] == main_summit(data)["summit_id"]]
    return related[related["name_en"].str.contains("East Asia Summit")].iloc[0]


def russia_delegate(data: DataPackage) -> pd.Series:
    """Who represented Russia at the East Asia Summit."""
    delegations = data["delegations"]
    return delegations[(delegations["summit_id"] == eas_summit(data)["summit_id"])
                       & (delegations["iso3"] == RUSSIA)].iloc[0]


def main_statements(data: DataPackage) -> pd.DataFrame:
    """What speakers said, as opposed to what the article reports in its own voice."""
    statements = statements_in_order(data)
    return statements[statements["kind"] != "report"]


@dataclass(frozen=True)
class SectionFigure:
    """The key figure a section's card shows: a locale key and the values that fill it."""

    key: str
    values: dict


def section_figures(data: DataPackage) -> dict[str, SectionFigure]:
    """One key figure per section of the dashboard, by the section's url path."""
    events = data["events"]
    memberships = data["memberships"]
    held = as_of(memberships, SUMMIT_DAY)
    return {
        "timeline": SectionFigure("overview.card.timeline", {
            "events": len(events), "first": events["date"].min().year,
            "last": events["date"].max().year}),
        "map": SectionFigure("overview.card.map", {
            "blocs": len(data["blocs"]), "countries": held["iso3"].nunique()}),
        "cooperation": SectionFigure("overview.card.cooperation", {
            "sectors": len(data["sectors"]), "initiatives": len(data["initiatives"])}),
        "sources": SectionFigure("overview.card.sources", {"sources": len(data["sources"])}),
    }
