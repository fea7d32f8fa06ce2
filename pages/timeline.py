"""Timeline: the summit week day by day, then the history since 1967 one lane per track."""

import streamlit as st

from components.registry import get_chart
from components.text.i18n import t
from components.timeline.charts import history_events, week_events
from components.timeline.params import FROM_PARAM, PARAMS, QUERY_PARAM, TO_PARAM, TRACKS_PARAM
from components.ui import controls, shell
from components.ui.frame import show_chart
from components.ui.loading import load_data
from components.ui.timeline import event_list

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.timeline", "timeline.dek", lang)
controls.read(PARAMS, lang)

tracks_column, search_column = st.columns([2, 1])
with tracks_column:
    controls.control(TRACKS_PARAM, data, lang)
with search_column:
    controls.control(QUERY_PARAM, data, lang)

st.header(t("timeline.week_heading", lang))
week_slot = st.container()  # filled once the period controls below have their values

st.header(t("timeline.history_heading", lang))
from_column, to_column = st.columns(2)
with from_column:
    controls.control(FROM_PARAM, data, lang)
with to_column:
    controls.control(TO_PARAM, data, lang)

values = controls.current(PARAMS)
controls.write(PARAMS, values)

with week_slot:
    show_chart(get_chart("summit-week"), data, values, lang)
    event_list(week_events, data, values, lang)
show_chart(get_chart("history"), data, values, lang)
event_list(history_events, data, values, lang)
