"""Timeline: the summit week day by day, then the history since 1967 one lane per track."""

import streamlit as st

from components import shell, url_state
from components.charts.timeline import (
    FROM_PARAM,
    PAGE_PARAMS,
    QUERY_PARAM,
    TO_PARAM,
    TRACKS_PARAM,
    history_events,
    normalised,
    track_labels,
    week_events,
)
from components.frame import show_chart
from components.i18n import t
from components.loading import load_data
from components.param_controls import label
from components.registry import get_chart
from components.timeline import FIRST_YEAR, LAST_YEAR, TRACKS, event_lines

lang = shell.current_lang()
data = load_data(lang)
labels = track_labels(lang)

shell.page_header("nav.timeline", "timeline.dek", lang)
url_state.read(PAGE_PARAMS, lang)

tracks_column, search_column = st.columns([2, 1])
with tracks_column:
    # Pills, not a multiselect: a selected pill keeps the theme's text contrast in light and dark
    # alike, where a multiselect tag draws white on the dark theme's light teal (2.5:1).
    # wrap: in a column pills stay on one row and scroll, which hid the last track from view.
    st.pills(label(TRACKS_PARAM, lang), TRACKS, selection_mode="multi",
             key=TRACKS_PARAM.key, format_func=labels.get, wrap=True)
with search_column:
    st.text_input(label(QUERY_PARAM, lang), key=QUERY_PARAM.key, max_chars=80,
                  help=t("timeline.filter.search_help", lang))


def events_and_sources(events) -> None:
    with st.expander(t("timeline.events_list", lang, count=len(events))):
        # One block, not one element per event: the list is long and rerendered on every run.
        st.markdown("\n\n".join(event_lines(events, data["sources"], lang, labels)))


st.header(t("timeline.week_heading", lang))
week_slot = st.container()

st.header(t("timeline.history_heading", lang))
from_column, to_column = st.columns(2)
with from_column:
    st.number_input(label(FROM_PARAM, lang), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                    step=1, key=FROM_PARAM.key, help=t("timeline.filter.period_help", lang))
with to_column:
    st.number_input(label(TO_PARAM, lang), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                    step=1, key=TO_PARAM.key, help=t("timeline.filter.period_help", lang))

values = normalised(url_state.current(PAGE_PARAMS))
url_state.write(PAGE_PARAMS, values)

with week_slot:
    show_chart(get_chart("summit-week"), data, values, lang)
    events_and_sources(week_events(data, values))
show_chart(get_chart("history"), data, values, lang)
events_and_sources(history_events(data, values))
