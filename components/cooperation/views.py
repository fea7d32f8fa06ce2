"""The Cooperation page's text sections: the claims behind Russia's initiatives, the claims about
its channels, and the Valdai report. Each claim links to its card on the Overview, the one page
that shows the claims in full. Data text is shown escaped, never as HTML."""

from __future__ import annotations

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
from components.data_package import DataPackage
from components.i18n import Lang, format_date, localized, t
from components.overview.views import VERDICT_ICONS
from components.safe_text import md_escape
from components.shell import PAGES


def claim_link(statement: pd.Series, lang: Lang) -> None:
    """A link to the claim's card on the Overview: number, speaker, verdict."""
    status = statement["verification"]
    st.page_link(PAGES[0].script, query_params={"lang": lang, "claim": statement["claim_ref"]},
                 label=f"{statement['claim_ref']} · {localized(statement, 'speaker', lang)} — "
                       f"{t(f'verification.{status}', lang)}", icon=VERDICT_ICONS.get(status))


def initiative_statements(data: DataPackage, focus: str, lang: Lang) -> None:
    """The claims behind the chosen initiative, or behind all but the consolidation one."""
    initiatives = data["initiatives"].set_index("initiative_id")
    if focus:
        st.write(md_escape(localized(initiatives.loc[focus], "description", lang)))
        shown = [focus]
    else:
        shown = [i for i in initiatives.index if i != CONSOLIDATION_INITIATIVE]
    for _, statement in statements_of(data, shown).iterrows():
        behind = initiatives_behind(data, statement["statement_id"])
        st.caption(t("cooperation.statements_behind", lang, initiatives=md_escape("; ".join(
            localized(initiatives.loc[i], "name", lang) for i in behind))))
        claim_link(statement, lang)
    if not focus:
        st.caption(t("cooperation.statements_consolidation_below", lang))


def consolidation_statements(data: DataPackage, lang: Lang) -> None:
    """The ministry's statements on consolidating ASEAN with the SCO and EAEU, each unconfirmed
    one flagged as the speaker's claim."""
    for _, statement in statements_of(data, [CONSOLIDATION_INITIATIVE]).iterrows():
        if statement["verification"] != "confirmed":
            st.warning(t("cooperation.claim_warning", lang,
                         speaker=md_escape(localized(statement, "speaker", lang))), icon=":material/warning:")
        claim_link(statement, lang)


def valdai_report(data: DataPackage, lang: Lang) -> None:
    """The Valdai Club's report of 4 September 2023 and the statements made around it."""
    valdai = data["events"].set_index("event_id").loc[VALDAI_EVENT]
    st.write(t("cooperation.valdai_event", lang,
               date=format_date(valdai["date"], lang, valdai["date_precision"]),
               description=md_escape(localized(valdai, "description", lang))))
    for _, statement in statements_by_id(data, VALDAI_STATEMENTS).iterrows():
        claim_link(statement, lang)
