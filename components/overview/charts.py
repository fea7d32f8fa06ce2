"""The Overview's chart: the claim tracker, the dashboard's verdict on the article.

``make_claim_tracker`` shapes the claims (``components.overview.shaping``), calls the pure builder
(``components.overview.figures``) and writes the finding as the title. ``CHARTS`` registers it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from components.charts.spec import Chart, ChartSpec
from components.data.package import DataPackage
from components.overview.figures import claim_tracker_figure
from components.overview.params import CLAIM
from components.overview.shaping import VERDICTS, Verdict, claims, verdict
from components.text.i18n import Lang, localized, t, t_count
from components.text.safe_text import wrap_for_hover

PRIMARY_SOURCE = "bisnis-2023-09-07"


def verdict_headline(found: Verdict, lang: Lang) -> str:
    """The landing page's finding in one line: how many of the article's claims an independent
    source confirms. Never more than the data shows: "only" only when most are not confirmed."""
    key = ("none" if found.confirmed == 0 else "few" if found.confirmed * 2 < found.total
           else "most")
    return t_count(f"overview.verdict.{key}", lang, found.confirmed, total=found.total)


def russian_claims_finding(found: Verdict, lang: Lang) -> str:
    """Whose claims stay unconfirmed: the Russian side's, counted (the tracker's title)."""
    key = "russian_none" if found.russian_confirmed == 0 else "russian_some"
    return t_count(f"overview.verdict.{key}", lang, found.russian,
                   confirmed=found.russian_confirmed)


def _hover(row: pd.Series, lang: Lang) -> str:
    status = t("verification." + row["verification"], lang)
    return (f"<b>{row['claim_ref']} · {wrap_for_hover(localized(row, 'speaker', lang), 45)}</b><br>"
            f"{wrap_for_hover(localized(row, 'text', lang), 50)}<br>"
            f"<i>{wrap_for_hover(status, 50)}</i>")


def make_claim_tracker(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    rows = claims(data)
    found = verdict(rows)
    rows = rows.assign(hover=[_hover(row, lang) for _, row in rows.iterrows()])
    labels = {v: f"{t(f'verification.{v}', lang)} ({found.by_verdict[v]})" for v in VERDICTS}
    figure = claim_tracker_figure(
        rows[["claim_ref", "verification", "russian", "hover"]], verdicts=VERDICTS,
        verdict_labels=labels,
        side_names={True: t("overview.tracker.side_russia", lang),
                    False: t("overview.tracker.side_other", lang)},
        none_text=t("overview.tracker.none", lang), selected=values.get(CLAIM.key, ""))
    table = pd.DataFrame({
        t("overview.col.claim", lang): rows["claim_ref"],
        t("overview.col.speaker", lang): [localized(row, "speaker", lang) for _, row in rows.iterrows()],
        t("overview.col.claim_text", lang): [localized(row, "text", lang) for _, row in rows.iterrows()],
        t("overview.col.verdict", lang): [t(f"verification.{v}", lang) for v in rows["verification"]],
        t("overview.col.evidence", lang): [localized(row, "evidence", lang)
                                           for _, row in rows.iterrows()],
    })
    data_rows = pd.DataFrame({
        "claim_id": rows["claim_ref"],
        "claimant": [localized(row, "speaker", lang) for _, row in rows.iterrows()],
        "claimant_role": [localized(row, "role", lang) for _, row in rows.iterrows()],
        "claimant_side": rows["claimant_side"],
        "said_on": rows["said_on"],
        "claim": [localized(row, "text", lang) for _, row in rows.iterrows()],
        "verification": rows["verification"],
        "evidence": [localized(row, "evidence", lang) for _, row in rows.iterrows()],
        "source_ids": rows["source_ids"],
    })
    in_words = "; ".join(f"{labels[v]}: {', '.join(rows.loc[rows['verification'] == v, 'claim_ref'])}"
                         for v in VERDICTS if found.by_verdict[v])
    return Chart(
        figure=figure,
        title=russian_claims_finding(found, lang),
        subtitle=t("overview.tracker.subtitle", lang, total=found.total),
        table=table,
        source_ids=tuple([PRIMARY_SOURCE, *rows["source_ids"]]),
        description=t("overview.tracker.description", lang, total=found.total, verdicts=in_words),
        notes=(t("overview.tracker.note_independent", lang),),
        rows=data_rows,
        method=t("overview.tracker.method", lang),
    )


CHARTS = (ChartSpec("claim-tracker", "overview", (CLAIM,), make_claim_tracker),)
