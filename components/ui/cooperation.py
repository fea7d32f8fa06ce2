"""The Cooperation page's text sections: the claims behind Russia's initiatives, the claims about
its channels, and the Valdai report. Each claim links to its card on the Overview, the one page
that shows the claims in full. Data text is shown escaped, never as HTML."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.cooperation.shaping import (
    CONSOLIDATION_INITIATIVE,
    VALDAI_EVENT,
    VALDAI_STATEMENTS,
    initiatives_behind,
    statements_by_id,
    statements_of,
)
from components.data.package import DataPackage
from components.overview.shaping import with_group
from components.registry import PAGES
from components.text.i18n import Lang, format_date, localized, t
from components.text.safe_text import md_escape
from components.ui.loading import per_view
from components.ui.overview import VERDICT_ICONS, claim_label


@dataclass(frozen=True)
class ClaimLink:
    """A link to a claim's card on the Overview: number, speaker, verdict."""

    ref: str
    label: str
    icon: str | None


# A section is drawn from a list of (kind, content): "write", "caption", "warning" (text already
# escaped) and "link" (a ClaimLink). The lists are pure functions of the data, the focus and the
# language, made once per view (loading.per_view): reruns only draw them.
Item = tuple[str, "str | ClaimLink"]


def claim_link(statement: pd.Series, lang: Lang) -> ClaimLink:
    """A link titled as the claim's card is, in the one verdict scheme."""
    claim = with_group(statement)
    return ClaimLink(statement["claim_ref"], claim_label(claim, lang),
                     VERDICT_ICONS.get(claim["group"]))


def draw(items: list[Item], lang: Lang) -> None:
    for kind, content in items:
        if kind == "link":
            st.page_link(PAGES[0].script, query_params={"lang": lang, "claim": content.ref},
                         label=content.label, icon=content.icon)
        elif kind == "warning":
            st.warning(content, icon=":material/warning:")
        elif kind == "caption":
            st.caption(content)
        else:
            st.write(content)


def initiative_items(data: DataPackage, focus: str, lang: Lang) -> list[Item]:
    """The claims behind the chosen initiative, or behind all but the consolidation one."""
    initiatives = data["initiatives"].set_index("initiative_id")
    items: list[Item] = []
    if focus:
        items.append(("write", md_escape(localized(initiatives.loc[focus], "description", lang))))
        shown = [focus]
    else:
        shown = [i for i in initiatives.index if i != CONSOLIDATION_INITIATIVE]
    for _, statement in statements_of(data, shown).iterrows():
        behind = initiatives_behind(data, statement["statement_id"])
        items.append(("caption", t("cooperation.statements_behind", lang, initiatives=md_escape(
            "; ".join(localized(initiatives.loc[i], "name", lang) for i in behind)))))
        items.append(("link", claim_link(statement, lang)))
    if not focus:
        items.append(("caption", t("cooperation.statements_consolidation_below", lang)))
    return items


def consolidation_items(data: DataPackage, lang: Lang) -> list[Item]:
    """The ministry's statements on consolidating ASEAN with the SCO and EAEU: each link says
    the claim in words, who made it and what the evidence shows, in sight (no warning about a
    text the reader cannot see)."""
    items: list[Item] = []
    for _, statement in statements_of(data, [CONSOLIDATION_INITIATIVE]).iterrows():
        items.append(("caption", md_escape(t("cooperation.claim_by", lang, speaker=localized(
            statement, "speaker", lang)))))
        items.append(("link", claim_link(statement, lang)))
    return items


def valdai_items(data: DataPackage, lang: Lang) -> list[Item]:
    """The Valdai Club's report of 4 September 2023 and the statements made around it."""
    valdai = data["events"].set_index("event_id").loc[VALDAI_EVENT]
    return [("write", t("cooperation.valdai_event", lang,
                        date=format_date(valdai["date"], lang, valdai["date_precision"]),
                        description=md_escape(localized(valdai, "description", lang)))),
            *(("link", claim_link(statement, lang))
              for _, statement in statements_by_id(data, VALDAI_STATEMENTS).iterrows())]


def initiative_statements(data: DataPackage, focus: str, lang: Lang) -> None:
    draw(per_view("cooperation.initiatives", data, lang,
                  lambda: initiative_items(data, focus, lang), {"initiative": focus}), lang)


def consolidation_statements(data: DataPackage, lang: Lang) -> None:
    draw(per_view("cooperation.consolidation", data, lang,
                  lambda: consolidation_items(data, lang)), lang)


def valdai_report(data: DataPackage, lang: Lang) -> None:
    draw(per_view("cooperation.valdai", data, lang, lambda: valdai_items(data, lang)), lang)
