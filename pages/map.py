"""The Map page: the blocs on any date, their overlap, capitals, and a profile for each country."""

import streamlit as st

from components.map.params import AS_OF, BLOC, COUNTRY, PARAMS, ROLES_SHOWN, WORLD
from components.registry import get_chart
from components.text.i18n import t
from components.ui import controls, shell
from components.ui.focus import bring_into_view
from components.ui.frame import show_chart
from components.ui.loading import load_data
from components.ui.map import follow_map_click, show_profile

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.map", "map.dek", lang)
controls.read(PARAMS, lang)
follow_map_click()

bloc_column, roles_column, date_column = st.columns([1.2, 2, 1])
with bloc_column:
    controls.control(BLOC, data, lang)
with roles_column:
    controls.control(ROLES_SHOWN, data, lang)
with date_column:
    controls.control(AS_OF, data, lang)

hint_column, world_column = st.columns([3, 1])
with hint_column:
    st.caption(t("map.control.map_hint", lang))
with world_column:
    controls.control(WORLD, data, lang)
values = controls.current(PARAMS)
controls.write(PARAMS, values)
show_chart(get_chart("membership-map"), data, values, lang, on_select="rerun")

country = controls.control(COUNTRY, data, lang)
if country:
    show_profile(data, country, lang)
    bring_into_view("country-profile", country)

for chart_id in ("role-matrix", "members-over-time"):
    show_chart(get_chart(chart_id), data, values, lang)
