"""The Overview's chart: the claim tracker, what independent evidence shows of each claim.

``make_claim_tracker`` shapes the claims (``components.overview.shaping``), calls the pure builder
(``components.overview.figures``) and writes the finding as the title. ``CHARTS`` registers it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from components.charts.spec import Chart, ChartSpec
from components.data.package import DataPackage
from components.data.verdicts import SIDES
from components.overview.figures import claim_tracker_figure
from components.overview.params import CLAIM
from components.overview.shaping import Verdict, claims, verdict
from components.text.i18n import Lang, localized, t, t_count
from components.text.safe_text import escape_for_plotly, wrap_for_hover

PRIMARY_SOURCE = "bisnis-2023-09-07"


def verdict_headline(found: Verdict, lang: Lang) -> str:
    """The landing page's finding in one line: what independent sources confirm of the
    article's claims of fact. Never more than the data shows: each wording only says what its
    counts say ("none in full" only when none is confirmed in full)."""
    key = ("both" if found.confirmed and found.in_part else "full" if found.confirmed
           else "part" if found.in_part else "none")
    return t(f"overview.headline.{key}", lang, confirmed=found.confirmed, in_part=found.in_part,
             facts=found.facts)


def positions_sentence(found: Verdict, lang: Lang) -> str:
    """The headline's second half, for the lede: the claims that state a side's own position."""
    return t_count("overview.headline.positions", lang, found.positions) if found.positions else ""


def tracker_finding(found: Verdict, lang: Lang) -> str:
    """The tracker's title: of the claims of fact, how many no independent source confirms."""
    unconfirmed = found.facts - found.confirmed - found.in_part
    return t_count("overview.tracker.title", lang, unconfirmed, facts=found.facts)


def group_name(group: str, lang: Lang) -> str:
    """What the evidence shows for one claim ("A position: no outside source can confirm it")."""
    return t(f"evidence.{group}", lang)


def group_heading(group: str, lang: Lang) -> str:
    """The tracker's heading for a group of claims ("Positions: ... confirm them")."""
    return t(f"overview.group.{group}", lang)


def side_name(side: str, lang: Lang) -> str:
    return t(f"overview.side.{side}", lang)


def _hover(row: pd.Series, lang: Lang) -> str:
    return (f"<b>{row['claim_ref']} · {wrap_for_hover(localized(row, 'speaker', lang), 45)}</b><br>"
            f"{wrap_for_hover(localized(row, 'text', lang), 50)}<br>"
            f"<i>{wrap_for_hover(group_name(row['group'], lang), 50)}</i>")


def make_claim_tracker(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    rows = claims(data)
    found = verdict(rows)
    texts = pd.DataFrame({
        "claim_ref": rows["claim_ref"], "group": rows["group"],
        "claimant_side": rows["claimant_side"],
        "label": [f"{row['claim_ref']} · {escape_for_plotly(localized(row, 'label', lang))}"
                  for _, row in rows.iterrows()],
        "speaker": [escape_for_plotly(localized(row, "speaker", lang)) for _, row in rows.iterrows()],
        "hover": [_hover(row, lang) for _, row in rows.iterrows()],
    })
    labels = {group: f"{group_heading(group, lang)} ({found.by_group[group]})"
              for group in found.shown_groups}
    figure = claim_tracker_figure(
        texts, groups=found.shown_groups, group_labels=labels,
        side_names={side: side_name(side, lang) for side in SIDES},
        selected=values.get(CLAIM.key, ""))
    table = pd.DataFrame({
        t("overview.col.claim", lang): rows["claim_ref"],
        t("overview.col.label", lang): [localized(row, "label", lang) for _, row in rows.iterrows()],
        t("overview.col.speaker", lang): [localized(row, "speaker", lang) for _, row in rows.iterrows()],
        t("overview.col.side", lang): [side_name(side, lang) for side in rows["claimant_side"]],
        t("overview.col.claim_text", lang): [localized(row, "text", lang) for _, row in rows.iterrows()],
        t("overview.col.verdict", lang): [group_name(group, lang) for group in rows["group"]],
        t("overview.col.evidence", lang): [localized(row, "evidence", lang)
                                           for _, row in rows.iterrows()],
    })
    data_rows = pd.DataFrame({
        "claim_id": rows["claim_ref"],
        "claim_label": [localized(row, "label", lang) for _, row in rows.iterrows()],
        "claimant": [localized(row, "speaker", lang) for _, row in rows.iterrows()],
        "claimant_role": [localized(row, "role", lang) for _, row in rows.iterrows()],
        "claimant_side": rows["claimant_side"],
        "said_on": rows["said_on"],
        "claim_type": rows["claim_type"],
        "claim": [localized(row, "text", lang) for _, row in rows.iterrows()],
        "verification": rows["verification"],
        "confirmed_part": [localized(row, "part", lang) for _, row in rows.iterrows()],
        "evidence": [localized(row, "evidence", lang) for _, row in rows.iterrows()],
        "source_ids": rows["source_ids"],
    })
    in_words = "; ".join(
        f"{labels[group]}: {', '.join(rows.loc[rows['group'] == group, 'claim_ref'])}"
        for group in found.shown_groups)
    return Chart(
        figure=figure,
        title=tracker_finding(found, lang),
        subtitle=t("overview.tracker.subtitle", lang, total=found.total),
        table=table,
        source_ids=tuple([PRIMARY_SOURCE, *rows["source_ids"]]),
        description=t("overview.tracker.description", lang, total=found.total, verdicts=in_words),
        notes=(t("overview.tracker.note_independent", lang),),
        rows=data_rows,
        method=t("overview.tracker.method", lang),
    )


CHARTS = (ChartSpec("claim-tracker", "overview", (CLAIM,), make_claim_tracker),)
