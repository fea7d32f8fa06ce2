"""The Map page: the blocs on any date, their overlap, capitals, and a profile for each country.

The map leads; the country picker sits right under it (beside it on a desktop), the bloc, roles
and date after, so a phone's first screen holds the finding and the map."""

import streamlit as st

from components.map.params import AS_OF, BLOC, COUNTRY, PARAMS, ROLES_SHOWN, WORLD
from components.registry import get_chart, lead_chart
from components.text.i18n import t
from components.ui import controls, shell
from components.ui.focus import bring_into_view
from components.ui.frame import lead_title, show_chart
from components.ui.loading import load_data
from components.ui.map import follow_map_click, show_profile

lang = shell.current_lang()
data = load_data(lang)
controls.read(PARAMS, lang)
follow_map_click()
values = controls.current(PARAMS)
lead = lead_chart("map")
shell.section_header("nav.map", lead_title(lead, data, values, lang, t("nav.map", lang)),
                     t("map.context", lang), lang)
show_chart(lead, data, values, lang, on_select="rerun", lead=True)

country_column, bloc_column, date_column = st.columns([1.3, 1.2, 1])
with country_column:
    country = controls.control(COUNTRY, data, lang)
with bloc_column:
    controls.control(BLOC, data, lang)
with date_column:
    controls.control(AS_OF, data, lang)
roles_column, world_column = st.columns([3, 1])
with roles_column:
    controls.control(ROLES_SHOWN, data, lang)
with world_column:
    controls.control(WORLD, data, lang)
shell.checked_note(lang)
controls.write(PARAMS, values)

if country:
    show_profile(data, country, lang)
    bring_into_view("country-profile", country)

for chart_id in ("role-matrix", "members-over-time"):
    show_chart(get_chart(chart_id), data, values, lang)
