"""The Map page: the blocs on any date, their overlap, capitals, and a profile for each country.

The map leads, its controls right under it inside its frame (the country picker first), so a
phone's first screen holds the finding and the map, and the picker is beside the map."""

from components.map.params import PARAMS
from components.registry import get_chart, lead_chart
from components.text.i18n import t
from components.ui import controls, shell
from components.ui.focus import bring_into_view
from components.ui.frame import lead_title, show_chart
from components.ui.loading import load_data
from components.ui.map import follow_map_click, map_controls, show_profile

lang = shell.current_lang()
data = load_data(lang)
controls.read(PARAMS, lang)
follow_map_click()
values = controls.current(PARAMS)
lead = lead_chart("map")
shell.section_header("nav.map", lead_title(lead, data, values, lang),
                     t("map.context", lang), lang)
held: dict = {}
show_chart(lead, data, values, lang, on_select="rerun", lead=True,
           under_chart=lambda: held.update(map_controls(data, lang)))
if not held:  # the map could not be built: its controls still let the reader choose another view
    held.update(map_controls(data, lang))
shell.checked_note(lang)
controls.write(PARAMS, values)

country = held["country"]
if country:
    show_profile(data, country, lang)
    bring_into_view("country-profile", country)

for chart_id in ("role-matrix", "members-over-time"):
    show_chart(get_chart(chart_id), data, values, lang)
