"""Timeline: the summit week day by day, then the history since 1967 one lane per track.

Each chart leads and its controls follow it, so a phone's first screen holds the finding and the
week's chart."""

import streamlit as st

from components.registry import get_chart, lead_chart
from components.text.i18n import t
from components.timeline.charts import history_events, week_events
from components.timeline.params import FROM_PARAM, PARAMS, QUERY_PARAM, TO_PARAM, TRACKS_PARAM
from components.ui import controls, shell
from components.ui.frame import lead_title, show_chart
from components.ui.loading import load_data
from components.ui.timeline import event_list

lang = shell.current_lang()
data = load_data(lang)
controls.read(PARAMS, lang)
values = controls.current(PARAMS)
lead = lead_chart("timeline")
shell.section_header("nav.timeline", lead_title(lead, data, values, lang),
                     t("timeline.context", lang), lang)
show_chart(lead, data, values, lang, lead=True)
event_list(week_events, data, values, lang)

tracks_column, search_column = st.columns([2, 1])
with tracks_column:
    controls.control(TRACKS_PARAM, data, lang)
with search_column:
    controls.control(QUERY_PARAM, data, lang)
shell.checked_note(lang)

st.header(t("timeline.history_heading", lang))
show_chart(get_chart("history"), data, values, lang)
event_list(history_events, data, values, lang)
from_column, to_column = st.columns(2)
with from_column:
    controls.control(FROM_PARAM, data, lang)
with to_column:
    controls.control(TO_PARAM, data, lang)
controls.write(PARAMS, values)
