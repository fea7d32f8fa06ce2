"""Cooperation: Russia's initiatives against the nine sectors, the statements behind them, Russia's
channels into the region, who came to Jakarta, and the Valdai report."""

import streamlit as st

from components import shell, url_state
from components.charts.cooperation import (
    INITIATIVE,
    INITIATIVE_OPTIONS,
    LEVEL,
    LEVEL_OPTIONS,
    PAGE_PARAMS,
)
from components.cooperation import (
    CONSOLIDATION_INITIATIVE,
    VALDAI_EVENT,
    VALDAI_STATEMENTS,
    initiatives_behind,
    statements_by_id,
    statements_of,
)
from components.frame import show_chart
from components.i18n import format_date, localized, t
from components.loading import load_data
from components.param_controls import label, option_names
from components.registry import get_chart
from components.safe_text import md_escape
from components.statement_card import statement_card

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.cooperation", "cooperation.dek", lang)
url_state.read(PAGE_PARAMS, lang)
initiatives = data["initiatives"].set_index("initiative_id")

st.header(t("cooperation.sectors_heading", lang))
st.selectbox(label(INITIATIVE, lang), INITIATIVE_OPTIONS, key=INITIATIVE.key,
             format_func=option_names(INITIATIVE, data, lang).get)
values = url_state.current(PAGE_PARAMS)
focus = values[INITIATIVE.key]
show_chart(get_chart("initiatives-sectors"), data, values, lang)

st.subheader(t("cooperation.statements_heading", lang))
st.caption(t("cooperation.statements_intro", lang))
if focus:
    st.write(md_escape(localized(initiatives.loc[focus], "description", lang)))
    shown = [focus]
else:
    shown = [i for i in initiatives.index if i != CONSOLIDATION_INITIATIVE]
for _, statement in statements_of(data, shown).iterrows():
    behind = initiatives_behind(data, statement["statement_id"])
    st.caption(t("cooperation.statements_behind", lang, initiatives=md_escape("; ".join(
        localized(initiatives.loc[i], "name", lang) for i in behind))))
    statement_card(statement, data["sources"], lang)
if not focus:
    st.caption(t("cooperation.statements_consolidation_below", lang))

st.header(t("cooperation.channels_heading", lang))
show_chart(get_chart("channels"), data, values, lang)
st.subheader(t("cooperation.consolidation_heading", lang))
for _, statement in statements_of(data, [CONSOLIDATION_INITIATIVE]).iterrows():
    if statement["verification"] != "confirmed":
        st.warning(t("cooperation.claim_warning", lang,
                     speaker=md_escape(localized(statement, "speaker", lang))), icon="⚠️")
    statement_card(statement, data["sources"], lang)

st.header(t("cooperation.delegations_heading", lang))
st.segmented_control(label(LEVEL, lang), LEVEL_OPTIONS, key=LEVEL.key, required=True,
                     format_func=option_names(LEVEL, data, lang).get)
values = url_state.current(PAGE_PARAMS)
show_chart(get_chart("delegation-levels"), data, values, lang)

st.header(t("cooperation.valdai_heading", lang))
valdai = data["events"].set_index("event_id").loc[VALDAI_EVENT]
st.write(t("cooperation.valdai_event", lang,
           date=format_date(valdai["date"], lang, valdai["date_precision"]),
           description=md_escape(localized(valdai, "description", lang))))
for _, statement in statements_by_id(data, VALDAI_STATEMENTS).iterrows():
    statement_card(statement, data["sources"], lang)

url_state.write(PAGE_PARAMS, url_state.current(PAGE_PARAMS))
