"""The Map page: the blocs on any date, their overlap, capitals, and a profile for each country."""

import streamlit as st

from components import shell, url_state
from components.charts.map import (
    AS_OF,
    BLOC,
    BLOC_OPTIONS,
    COUNTRY,
    EARLIEST,
    LATEST,
    PARAMS,
    ROLES_SHOWN,
    clicked_country,
)
from components.country_profile import show_profile
from components.frame import show_chart
from components.i18n import t
from components.loading import load_data
from components.param_controls import label, option_names
from components.registry import get_chart

MAP_EVENT_KEY = "chart-membership-map"  # the key frame.show_chart gives the map's plotly chart
LAST_CLICK_KEY = "map-last-click"

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.map", "map.dek", lang)
url_state.read(PARAMS, lang)
# "" (no country) first, then every country by its name in this language.
countries = option_names(COUNTRY, data, lang)

# A new click on the map chooses the country; an old selection must not undo a later list choice.
clicked = clicked_country(st.session_state.get(MAP_EVENT_KEY), countries)
if clicked != st.session_state.get(LAST_CLICK_KEY):
    st.session_state[LAST_CLICK_KEY] = clicked
    if clicked:
        st.session_state[COUNTRY.key] = clicked

bloc_column, roles_column, date_column = st.columns([1.2, 2, 1])
bloc_column.selectbox(label(BLOC, lang), BLOC_OPTIONS, key=BLOC.key,
                      format_func=option_names(BLOC, data, lang).get)
# wrap=True: in a column, pills stay on one row and scroll sideways, cutting a role off on a phone.
roles_column.pills(label(ROLES_SHOWN, lang), list(ROLES_SHOWN.default), key=ROLES_SHOWN.key,
                   selection_mode="multi", format_func=option_names(ROLES_SHOWN, data, lang).get,
                   wrap=True)
date_column.date_input(label(AS_OF, lang), key=AS_OF.key, min_value=EARLIEST,
                       max_value=LATEST, format="DD/MM/YYYY")

values = url_state.current(PARAMS)
# Pills return the roles in click order, as a list: the Param's own round trip puts them in order.
values[ROLES_SHOWN.key] = ROLES_SHOWN.parse(ROLES_SHOWN.dump(values[ROLES_SHOWN.key] or ()))
url_state.write(PARAMS, values)

st.caption(t("map.control.map_hint", lang))
show_chart(get_chart("membership-map"), data, values, lang, on_select="rerun")

st.selectbox(label(COUNTRY, lang), list(countries), key=COUNTRY.key, format_func=countries.get)
if values[COUNTRY.key]:
    show_profile(data, values[COUNTRY.key], lang)

for chart_id in ("role-matrix", "members-over-time", "distance-to-jakarta"):
    show_chart(get_chart(chart_id), data, values, lang)
