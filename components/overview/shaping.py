"""The Overview's data: the article's claims and their verdicts, and the summit's key facts.

Computed from the data, never typed: the landing page's headline counts what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.package import DataPackage
from components.data.summit import EAS_SUMMIT_ID, RUSSIA, SUMMIT_DAY
from components.data.verdicts import GROUPS, POSITION, claim_group
from components.map.memberships import as_of

MAIN_SUMMIT_EDITION = 43
RUSSIAN_SIDE = "russia"


def claims(data: DataPackage) -> pd.DataFrame:
    """The article's claims in its order (C1 to C14), with ``number`` (1..14), ``russian`` (the
    claim is the Russian side's: its ministry, officials or the Valdai Club) and ``group`` (what
    the evidence shows for a claim of fact, or ``position``)."""
    statements = data["statements"]
    number = pd.to_numeric(statements["claim_ref"].str.removeprefix("C"), errors="coerce")
    ordered = statements.assign(number=number).sort_values("number", ignore_index=True,
                                                           kind="stable")
    group = [claim_group(kind, status) for kind, status
             in zip(ordered["claim_type"], ordered["verification"], strict=True)]
    return ordered.assign(russian=ordered["claimant_side"] == RUSSIAN_SIDE, group=group)


def with_group(statement: pd.Series) -> pd.Series:
    """One statement with its ``group``, as ``claims`` gives every one."""
    return pd.concat([statement, pd.Series(
        {"group": claim_group(statement["claim_type"], statement["verification"])})])


@dataclass(frozen=True)
class Verdict:
    """What the claim tracker finds: how many claims, how many of them are claims of fact and
    how many positions, and how many claims each group holds."""

    total: int
    by_group: dict[str, int]
    russian_positions: int

    @property
    def confirmed(self) -> int:
        return self.by_group["confirmed"]

    @property
    def in_part(self) -> int:
        return self.by_group["confirmed_in_part"]

    @property
    def positions(self) -> int:
        return self.by_group[POSITION]

    @property
    def facts(self) -> int:
        return self.total - self.positions

    @property
    def shown_groups(self) -> tuple[str, ...]:
        """The groups that hold a claim: no empty group takes room."""
        return tuple(group for group in GROUPS if self.by_group[group])


def verdict(claim_rows: pd.DataFrame) -> Verdict:
    counts = claim_rows["group"].value_counts()
    positions = claim_rows[claim_rows["group"] == POSITION]
    return Verdict(total=len(claim_rows),
                   by_group={group: int(counts.get(group, 0)) for group in GROUPS},
                   russian_positions=int(positions["russian"].sum()))


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
