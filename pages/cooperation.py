"""Cooperation: Russia's initiatives against the nine sectors, the statements behind them, what
became of the initiatives since Jakarta, Russia's channels into the region, who came to Jakarta,
and the Valdai report. Each chart leads and its control follows it."""

import streamlit as st

from components.cooperation.params import INITIATIVE, LEVEL, PARAMS
from components.registry import get_chart, lead_chart
from components.text.i18n import t
from components.ui import controls, shell
from components.ui.cooperation import (
    consolidation_statements,
    initiative_statements,
    valdai_report,
)
from components.ui.frame import lead_title, show_chart
from components.ui.loading import load_data

lang = shell.current_lang()
data = load_data(lang)
controls.read(PARAMS, lang)
lead = lead_chart("cooperation")
values = controls.current(PARAMS)
shell.section_header("nav.cooperation",
                     lead_title(lead, data, values, lang),
                     t("cooperation.context", lang), lang)
show_chart(lead, data, values, lang, lead=True)
focus = controls.control(INITIATIVE, data, lang)
shell.checked_note(lang)

st.subheader(t("cooperation.statements_heading", lang))
st.caption(t("cooperation.statements_intro", lang))
initiative_statements(data, focus, lang)

st.header(t("cooperation.since_heading", lang))
show_chart(get_chart("since-jakarta"), data, values, lang)

st.header(t("cooperation.channels_heading", lang))
show_chart(get_chart("channels"), data, values, lang)
st.subheader(t("cooperation.consolidation_heading", lang))
consolidation_statements(data, lang)

st.header(t("cooperation.delegations_heading", lang))
show_chart(get_chart("delegation-levels"), data, values, lang)
controls.control(LEVEL, data, lang)

st.header(t("cooperation.valdai_heading", lang))
valdai_report(data, lang)

controls.write(PARAMS, values)
