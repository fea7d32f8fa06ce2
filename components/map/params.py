"""The Map page's URL parameters, each with its control: bloc, roles shown, date and country."""

from __future__ import annotations

from datetime import date

from components.charts import url_state
from components.data.coverage import checked_to
from components.data.package import DataPackage
from components.data.source import column
from components.data.summit import SUMMIT_DAY
from components.map.memberships import ROLES
from components.map.shaping import ALL_BLOCS, BLOC_OPTIONS, bloc_labels, country_names, role_name
from components.text.i18n import Lang, t

EARLIEST = date(1967, 8, 8)  # the Bangkok Declaration: no bloc here existed before


def last_selectable_day() -> date:
    """The last day a reader may pick: the day the memberships were checked to (never a later
    one, whatever today is), asked on every run so an update of the data moves it."""
    return min(checked_to(), date.today())




def _bloc_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    return {ALL_BLOCS: t("map.control.all", lang), **bloc_labels(data, lang)}


def _country_options(data: DataPackage, lang: Lang) -> dict[str, str]:
    return {"": t("map.control.no_country", lang), **country_names(data, lang)}


BLOC = url_state.choice("bloc", BLOC_OPTIONS, ALL_BLOCS, label_key="map.control.bloc",
                        option_names=_bloc_names)
ROLES_SHOWN = url_state.choices("roles", ROLES, ROLES, label_key="map.control.roles",
                                option_names=lambda data, lang: {
                                    role: role_name(role, lang) for role in ROLES})
AS_OF = url_state.day("asof", SUMMIT_DAY, EARLIEST, last_selectable_day,
                      label_key="map.control.asof")
COUNTRY = url_state.choice("country", lambda: ("", *column("countries.csv", "iso3")), "",
                           label_key="map.control.country", option_names=_country_options)
# Asia and the Pacific by default, the story's scale; the whole world where a bloc reaches beyond.
WORLD = url_state.flag("world", False, label_key="map.control.world")
PARAMS = (BLOC, ROLES_SHOWN, AS_OF, WORLD, COUNTRY)
