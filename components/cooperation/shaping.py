"""The Cooperation page's data, shaped from the package: pure pandas, no Streamlit, no plotting.

- which of Russia's initiatives falls in which of the nine priority sectors (or outside them);
- Russia's channels into the region and when each began, taken from events and memberships rows;
- the level at which each participant was represented at the 18th East Asia Summit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.checks import split_list
from components.data.package import DataPackage
from components.data.summit import EAS_SUMMIT_ID, RUSSIA

OUTSIDE = "outside"  # the column for initiatives linked to none of the nine sectors
LEVELS = ("head_of_state_or_government", "deputy", "minister", "official", "unknown")
EAS_ATTENDANCE = ("participant", "observer")  # guests of the Chair were not EAS participants

# The initiative whose statements are about Russia's channels (consolidating ASEAN, SCO, EAEU).
CONSOLIDATION_INITIATIVE = "asean-sco-eaeu"
# The Valdai report (C10), the experts after it (C11) and Deputy Minister Rudenko (C12).
VALDAI_STATEMENTS = ("c10-valdai-asia-relations", "c11-japan-korea-ties",
                     "c12-rudenko-business-politics")
VALDAI_EVENT = "valdai-report-2023"


def initiative_sector_links(data: DataPackage) -> pd.DataFrame:
    """One row per initiative and sector it concerns, or one ``outside`` row if it concerns none.

    Columns: initiative_id, sector_id (or ``outside``), basis (``stated``, ``editorial`` or
    ``outside``), status, the link's note and source ids, and the initiative's and column's order.
    """
    initiatives = data["initiatives"].reset_index(drop=True)
    links = data["initiative_sectors"]
    order = {sector: int(rank) for sector, rank in zip(data["sectors"]["sector_id"],
                                                       data["sectors"]["order"], strict=True)}
    rows = []
    for position, initiative in initiatives.iterrows():
        own = links[links["initiative_id"] == initiative["initiative_id"]]
        base = {"initiative_id": initiative["initiative_id"], "status": initiative["status"],
                "initiative_order": position}
        if own.empty:
            rows.append({**base, "sector_id": OUTSIDE, "basis": OUTSIDE, "note": "",
                         "source_ids": initiative["source_ids"], "sector_order": len(order) + 1})
        for _, link in own.iterrows():
            rows.append({**base, "sector_id": link["sector_id"], "basis": link["basis"],
                         "note": link["note"], "source_ids": link["source_ids"],
                         "sector_order": order[link["sector_id"]]})
    return pd.DataFrame(rows).sort_values(["initiative_order", "sector_order"], ignore_index=True)


@dataclass(frozen=True)
class SectorFit:
    """How Russia's initiatives sit against the nine sectors: the chart's finding."""

    initiatives: int
    inside: int  # linked to at least one of the nine sectors
    outside: int
    stated_links: int  # links a source states, as opposed to an editorial reading


def sector_fit(links: pd.DataFrame) -> SectorFit:
    by_initiative = links.groupby("initiative_id")["basis"].agg(set)
    outside = int(by_initiative.map(lambda bases: bases == {OUTSIDE}).sum())
    return SectorFit(initiatives=len(by_initiative), inside=len(by_initiative) - outside,
                     outside=outside, stated_links=int((links["basis"] == "stated").sum()))


def statements_of(data: DataPackage, initiative_ids: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The statements behind the given initiatives, in the order the article makes them."""
    initiatives = data["initiatives"].set_index("initiative_id")
    wanted: list[str] = []
    for initiative_id in initiative_ids:
        for statement_id in split_list(initiatives.loc[initiative_id, "statement_ids"]):
            if statement_id not in wanted:
                wanted.append(statement_id)
    return _in_claim_order(data["statements"][data["statements"]["statement_id"].isin(wanted)])


def statements_by_id(data: DataPackage, statement_ids: tuple[str, ...]) -> pd.DataFrame:
    statements = data["statements"]
    return _in_claim_order(statements[statements["statement_id"].isin(statement_ids)])


def _in_claim_order(statements: pd.DataFrame) -> pd.DataFrame:
    order = statements["claim_ref"].str.removeprefix("C").astype(int)
    return statements.assign(_order=order).sort_values("_order").drop(columns="_order")


def status_is_a_claim(data: DataPackage, initiative_id: str) -> bool:
    """True when no statement behind the initiative is confirmed: its status is the ministry's word."""
    statements = statements_of(data, [initiative_id])
    return not (statements["verification"] == "confirmed").any()


# --- Channels --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChannelStep:
    """Where a channel's date comes from: a row of ``events`` or of ``memberships``."""

    channel_id: str
    track: str  # the timeline track whose colour the channel takes
    step: str  # ``joined``, ``dialogue_partner``, ``guest``, ``founding_member``, ``claimed``...
    table: str
    key: str  # event_id, or "bloc_id/role" of Russia's membership row


LINK_CHANNEL = "sco_eaeu_at_asean"  # not a forum: Eurasian bodies' heads at ASEAN events
CHANNEL_STEPS = (
    ChannelStep("asean_dialogue", "ASEAN-Russia", "guest", "events", "asean-russia-dialogue-begins"),
    ChannelStep("asean_dialogue", "ASEAN-Russia", "dialogue_partner", "events",
                "russia-dialogue-partner"),
    ChannelStep("arf", "ASEAN-Russia", "participant", "events", "russia-arf-1994"),
    ChannelStep("sco", "SCO", "founding_member", "memberships", "SCO/founding_member"),
    ChannelStep("eas", "EAS", "member", "memberships", "EAS/member"),
    ChannelStep("eaeu", "EAEU", "founding_member", "memberships", "EAEU/founding_member"),
    # C14: the ministry says SCO and EAEU heads have been invited to ASEAN events since 2017;
    # the first appearance a source confirms is the SCO Secretary-General at the 17th EAS.
    ChannelStep(LINK_CHANNEL, "ASEAN-Russia", "confirmed_appearance", "events", "eas-17-phnom-penh"),
)
CHANNELS = tuple(dict.fromkeys(step.channel_id for step in CHANNEL_STEPS))
CLAIMED_INVITATIONS_SINCE = pd.Timestamp("2017-01-01")  # the year statement C14 gives
CLAIM_STATEMENT = "c14-sco-eaeu-invited-since-2017"


def channel_steps(data: DataPackage) -> pd.DataFrame:
    """Each dated step of Russia's channels into the region, from the rows that record it.

    Columns: channel_id, track, step, date, precision, verification, source_ids, title_id/en
    (the event's title, or empty for a membership row), in channel order, then by date.
    The C14 claim ("invited since 2017") is a step of its own with ``step="claimed"`` and the
    claim statement's verification, so it is never drawn as a fact.
    """
    events = data["events"].set_index("event_id")
    memberships = data["memberships"]
    rows = []
    for step in CHANNEL_STEPS:
        if step.table == "events":
            event = events.loc[step.key]
            rows.append({"date": event["date"], "precision": event["date_precision"],
                         "verification": event["verification"], "source_ids": event["source_ids"],
                         "conflict_id": event["conflict_id"],
                         "title_id": event["title_id"], "title_en": event["title_en"]})
        else:
            bloc_id, role = step.key.split("/")
            row = memberships[(memberships["bloc_id"] == bloc_id) & (memberships["iso3"] == RUSSIA)
                              & (memberships["role"] == role)].sort_values("start_date").iloc[0]
            rows.append({"date": row["start_date"], "precision": row["start_precision"],
                         "verification": "conflict" if row["conflict_id"] else "verified",
                         "source_ids": row["source_ids"], "conflict_id": row["conflict_id"],
                         "title_id": "", "title_en": ""})
        rows[-1].update(channel_id=step.channel_id, track=step.track, step=step.step)
    claim = data["statements"].set_index("statement_id").loc[CLAIM_STATEMENT]
    rows.append({"channel_id": LINK_CHANNEL, "track": "ASEAN-Russia", "step": "claimed",
                 "date": CLAIMED_INVITATIONS_SINCE, "precision": "year",
                 "verification": claim["verification"], "source_ids": claim["source_ids"],
                 "conflict_id": "",
                 "title_id": "", "title_en": ""})
    frame = pd.DataFrame(rows)
    frame["channel_order"] = frame["channel_id"].map(CHANNELS.index)
    return frame.sort_values(["channel_order", "date"], ignore_index=True).drop(
        columns="channel_order")


def channel_starts(steps: pd.DataFrame) -> pd.DataFrame:
    """The first established step of each channel (a claim does not start a channel)."""
    established = steps[steps["step"] != "claimed"]
    return established.sort_values("date").groupby("channel_id", sort=False).head(1)


# --- Delegations -----------------------------------------------------------------------------------

def eas_delegations(data: DataPackage) -> pd.DataFrame:
    """Who represented each participant and the observer at the 18th EAS, by level.

    Adds the country names, ``level_rank`` (0 = head of state or government) and ``slot`` (the
    delegation's place within its level, alphabetical by English name, Russia first).
    """
    delegations = data["delegations"]
    rows = delegations[(delegations["summit_id"] == EAS_SUMMIT_ID)
                       & delegations["attendance"].isin(EAS_ATTENDANCE)]
    countries = data["countries"][["iso3", "name_id", "name_en"]]
    rows = rows.merge(countries, on="iso3", how="left")
    rows = rows.assign(level_rank=rows["level"].map(LEVELS.index),
                       _russia_first=rows["iso3"] != RUSSIA)
    rows = rows.sort_values(["level_rank", "_russia_first", "name_en"], ignore_index=True)
    rows["slot"] = rows.groupby("level").cumcount()
    return rows.drop(columns="_russia_first")


@dataclass(frozen=True)
class LevelCounts:
    delegations: int
    heads: int  # led by a head of state or government, by any source
    heads_confirmed: int  # ... by a source on the summit itself
    russia_level: str
    same_level_as_russia: int  # other delegations at Russia's level


def level_counts(delegations: pd.DataFrame) -> LevelCounts:
    russia_level = delegations.loc[delegations["iso3"] == RUSSIA, "level"].iloc[0]
    heads = delegations["level"] == LEVELS[0]
    return LevelCounts(
        delegations=len(delegations),
        heads=int(heads.sum()),
        heads_confirmed=int((heads & (delegations["verification"] == "verified")).sum()),
        russia_level=russia_level,
        same_level_as_russia=int(((delegations["level"] == russia_level)
                                  & (delegations["iso3"] != RUSSIA)).sum()),
    )


def initiatives_behind(data: DataPackage, statement_id: str) -> list[str]:
    """The initiatives a statement is cited for, in the initiatives table's order."""
    initiatives = data["initiatives"]
    return [row["initiative_id"] for _, row in initiatives.iterrows()
            if statement_id in split_list(row["statement_ids"])]


# What became of an initiative since Jakarta, strongest uptake first (since_jakarta.csv).
OUTCOMES = ("taken_up", "echoed_by_others", "repeated_by_russia", "no_trace")


def since_jakarta(data: DataPackage) -> pd.DataFrame:
    """Each initiative Russia brought to Jakarta with what became of it: its names, kind,
    outcome, the day its sources were searched to, the summary and the sources; in the
    initiatives' own order."""
    outcomes = data["since_jakarta"]
    initiatives = data["initiatives"][["initiative_id", "name_id", "name_en", "kind",
                                       "statement_ids"]]
    return initiatives.merge(outcomes, on="initiative_id", how="inner")


def outcome_counts(rows: pd.DataFrame) -> dict[str, int]:
    counts = rows["outcome"].value_counts()
    return {outcome: int(counts.get(outcome, 0)) for outcome in OUTCOMES}
