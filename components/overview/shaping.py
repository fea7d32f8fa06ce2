"""The Overview's data: the article's claims and their verdicts, and the summit's key facts.

Computed from the data, never typed: the landing page's headline counts what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.package import DataPackage
from components.data.summit import EAS_SUMMIT_ID, RUSSIA, SUMMIT_DAY
from components.map.memberships import as_of

MAIN_SUMMIT_EDITION = 43
# The verdicts a claim can get, in the order the tracker reads them: what other sources say.
VERDICTS = ("confirmed", "attributed_only", "contradicted", "unconfirmed")
RUSSIAN_SIDE = "russia"


def claims(data: DataPackage) -> pd.DataFrame:
    """The article's claims in its order (C1 to C14), with ``number`` (1..14) and ``russian``
    (the claim is the Russian side's: its ministry, officials or the Valdai Club)."""
    statements = data["statements"]
    number = statements["claim_ref"].str.removeprefix("C").astype(int)
    ordered = statements.assign(number=number).sort_values("number", ignore_index=True)
    return ordered.assign(russian=ordered["claimant_side"] == RUSSIAN_SIDE)


@dataclass(frozen=True)
class Verdict:
    """What the claim tracker finds: how many claims, how many confirmed independently, and how
    many of each verdict the Russian side's claims got."""

    total: int
    by_verdict: dict[str, int]
    russian: int
    russian_confirmed: int

    @property
    def confirmed(self) -> int:
        return self.by_verdict["confirmed"]


def verdict(claim_rows: pd.DataFrame) -> Verdict:
    counts = claim_rows["verification"].value_counts()
    russian = claim_rows[claim_rows["russian"]]
    return Verdict(total=len(claim_rows),
                   by_verdict={v: int(counts.get(v, 0)) for v in VERDICTS},
                   russian=len(russian),
                   russian_confirmed=int((russian["verification"] == "confirmed").sum()))


def main_summit(data: DataPackage) -> pd.Series:
    """The 43rd ASEAN Summit's row."""
    summits = data["summits"]
    return summits[(summits["edition"] == MAIN_SUMMIT_EDITION)
                   & (summits["parent_summit_id"] == "")].iloc[0]


def eas_summit(data: DataPackage) -> pd.Series:
    """The 18th East Asia Summit's row: the related summit where Lavrov spoke for Russia."""
    summits = data["summits"]
    return summits[summits["summit_id"] == EAS_SUMMIT_ID].iloc[0]


def russia_delegate(data: DataPackage) -> pd.Series:
    """Who represented Russia at the East Asia Summit."""
    delegations = data["delegations"]
    return delegations[(delegations["summit_id"] == EAS_SUMMIT_ID)
                       & (delegations["iso3"] == RUSSIA)].iloc[0]


def proposals(data: DataPackage) -> int:
    """How many of Russia's initiatives the article reports as proposals (not positions or
    commitments)."""
    return int((data["initiatives"]["kind"] == "proposal").sum())


@dataclass(frozen=True)
class SectionFigure:
    """The key figure a section's card shows: a locale key and the values that fill it."""

    key: str
    values: dict


def section_figures(data: DataPackage) -> dict[str, SectionFigure]:
    """One key figure per section of the dashboard, by the section's url path."""
    events = data["events"]
    held = as_of(data["memberships"], SUMMIT_DAY)
    return {
        "timeline": SectionFigure("overview.card.timeline", {
            "events": len(events), "first": events["date"].min().year,
            "last": events["date"].max().year}),
        "map": SectionFigure("overview.card.map", {
            "blocs": len(data["blocs"]), "countries": held["iso3"].nunique()}),
        "cooperation": SectionFigure("overview.card.cooperation", {
            "sectors": len(data["sectors"]), "proposals": proposals(data),
            "initiatives": len(data["initiatives"])}),
        "sources": SectionFigure("overview.card.sources", {"sources": len(data["sources"])}),
    }
