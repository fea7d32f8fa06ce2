"""The Map page: the blocs on any date, their overlap, capitals, and a profile for each country."""

import streamlit as st

from components import shell, url_state
from components.charts.map import (
    ALL_BLOCS,
    AS_OF,
    BLOC,
    BLOC_OPTIONS,
    COUNTRY,
    EARLIEST,
    LATEST,
    PARAMS,
    ROLES_SHOWN,
    bloc_label,
    clicked_country,
    country_names,
)
from components.country_profile import show_profile
from components.frame import show_chart
from components.i18n import t
from components.loading import load_data
from components.registry import get_chart

MAP_EVENT_KEY = "chart-membership-map"  # the key frame.show_chart gives the map's plotly chart
LAST_CLICK_KEY = "map-last-click"

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.map", "map.dek", lang)
url_state.read(PARAMS, lang)
names = country_names(data, lang)

# A new click on the map chooses the country; an old selection must not undo a later list choice.
clicked = clicked_country(st.session_state.get(MAP_EVENT_KEY), names)
if clicked != st.session_state.get(LAST_CLICK_KEY):
    st.session_state[LAST_CLICK_KEY] = clicked
    if clicked:
        st.session_state[COUNTRY.key] = clicked

bloc_column, roles_column, date_column = st.columns([1.2, 2, 1])
bloc_column.selectbox(
    t("map.control.bloc", lang), BLOC_OPTIONS, key=BLOC.key,
    format_func=lambda b: t("map.control.all", lang) if b == ALL_BLOCS else bloc_label(data, b, lang))
# wrap=True: in a column, pills stay on one row and scroll sideways, cutting a role off on a phone.
roles_column.pills(t("map.control.roles", lang), list(ROLES_SHOWN.default), key=ROLES_SHOWN.key,
                   selection_mode="multi", format_func=lambda role: t(f"map.role.{role}", lang),
                   wrap=True)
date_column.date_input(t("map.control.asof", lang), key=AS_OF.key, min_value=EARLIEST,
                       max_value=LATEST, format="DD/MM/YYYY")

values = url_state.current(PARAMS)
# Pills return the roles in click order, as a list: the Param's own round trip puts them in order.
values[ROLES_SHOWN.key] = ROLES_SHOWN.parse(ROLES_SHOWN.dump(values[ROLES_SHOWN.key] or ()))
url_state.write(PARAMS, values)

st.caption(t("map.control.map_hint", lang))
show_chart(get_chart("membership-map"), data, values, lang, on_select="rerun")

st.selectbox(t("map.control.country", lang), ["", *names], key=COUNTRY.key,
             format_func=lambda code: names.get(code) or t("map.control.no_country", lang))
if values[COUNTRY.key]:
    show_profile(data, values[COUNTRY.key], lang)

for chart_id in ("role-matrix", "members-over-time", "distance-to-jakarta"):
    show_chart(get_chart(chart_id), data, values, lang)
