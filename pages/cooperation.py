"""Cooperation: Russia's initiatives against the nine sectors, the statements behind them, what
became of the initiatives since Jakarta, Russia's channels into the region, who came to Jakarta,
and the Valdai report."""

import streamlit as st

from components.cooperation.params import INITIATIVE, LEVEL, PARAMS
from components.registry import get_chart
from components.text.i18n import t
from components.ui import controls, shell
from components.ui.cooperation import (
    consolidation_statements,
    initiative_statements,
    valdai_report,
)
from components.ui.frame import show_chart
from components.ui.loading import load_data

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.cooperation", "cooperation.dek", lang)
controls.read(PARAMS, lang)

st.header(t("cooperation.sectors_heading", lang))
focus = controls.control(INITIATIVE, data, lang)
show_chart(get_chart("initiatives-sectors"), data, controls.current(PARAMS), lang)

st.subheader(t("cooperation.statements_heading", lang))
st.caption(t("cooperation.statements_intro", lang))
initiative_statements(data, focus, lang)

st.header(t("cooperation.since_heading", lang))
show_chart(get_chart("since-jakarta"), data, controls.current(PARAMS), lang)

st.header(t("cooperation.channels_heading", lang))
show_chart(get_chart("channels"), data, controls.current(PARAMS), lang)
st.subheader(t("cooperation.consolidation_heading", lang))
consolidation_statements(data, lang)

st.header(t("cooperation.delegations_heading", lang))
controls.control(LEVEL, data, lang)
values = controls.current(PARAMS)
show_chart(get_chart("delegation-levels"), data, values, lang)

st.header(t("cooperation.valdai_heading", lang))
valdai_report(data, lang)

controls.write(PARAMS, values)
