"""The one list of charts. Pages, embeds, exports and tests all read it.

To add a chart: write its figure builder in ``components/figures/``, its ``make`` function in
``components/charts/``, and add one ``ChartSpec`` here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from components.chart_spec import ChartSpec
from components.charts import cooperation as cooperation_charts
from components.charts import map as map_charts
from components.charts import timeline as timeline_charts
from components.data_package import DataPackage
from components.i18n import Lang, localized, t

# In page order; within a page, in the order the page shows them.
CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("summit-week", "timeline", timeline_charts.WEEK_PARAMS,
              timeline_charts.make_summit_week),
    ChartSpec("history", "timeline", timeline_charts.HISTORY_PARAMS, timeline_charts.make_history),
    ChartSpec("membership-map", "map", map_charts.PARAMS, map_charts.make_map),
    ChartSpec("role-matrix", "map", (map_charts.BLOC, map_charts.ROLES_SHOWN, map_charts.AS_OF),
              map_charts.make_matrix),
    ChartSpec("members-over-time", "map", (map_charts.BLOC, map_charts.AS_OF),
              map_charts.make_growth),
    ChartSpec("distance-to-jakarta", "map", (), map_charts.make_distance),
    ChartSpec("initiatives-sectors", "cooperation", (cooperation_charts.INITIATIVE,),
              cooperation_charts.make_initiatives_sectors),
    ChartSpec("channels", "cooperation", (), cooperation_charts.make_channels),
    ChartSpec("delegation-levels", "cooperation", (cooperation_charts.LEVEL,),
              cooperation_charts.make_delegation_levels),
)

# Every page's URL parameters (its controls), for links, the Share control and the tests.
# Pages not listed here have no controls of their own.
PAGE_PARAMS = {
    "timeline": timeline_charts.PAGE_PARAMS,
    "map": map_charts.PARAMS,
    "cooperation": cooperation_charts.PAGE_PARAMS,
}



@dataclass(frozen=True)
class ControlWords:
    """How a parameter's control is labelled: the same words on its page and on the Embed page."""

    label_key: str
    # Value -> what the reader sees, for parameters with options; None shows the value itself.
    option_names: Callable[[DataPackage, Lang], Mapping[Any, str]] | None = None


def _initiative_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    names = {row["initiative_id"]: localized(row, "name", lang)
             for _, row in data["initiatives"].iterrows()}
    return {"": t("cooperation.initiative_all", lang), **names}


# Every chart parameter's words, by URL key (a unit test checks that none is missing).
CONTROL_WORDS: dict[str, ControlWords] = {
    "tracks": ControlWords("timeline.filter.tracks",
                           lambda data, lang: timeline_charts.track_labels(lang)),
    "q": ControlWords("timeline.filter.search"),
    "from": ControlWords("timeline.filter.from"),
    "to": ControlWords("timeline.filter.to"),
    "bloc": ControlWords("map.control.bloc", lambda data, lang: {
        bloc: (t("map.control.all", lang) if bloc == map_charts.ALL_BLOCS
               else map_charts.bloc_label(data, bloc, lang))
        for bloc in map_charts.BLOC_OPTIONS}),
    "roles": ControlWords("map.control.roles", lambda data, lang: {
        role: map_charts.role_name(role, lang) for role in map_charts.ROLES_SHOWN.options}),
    "asof": ControlWords("map.control.asof"),
    "country": ControlWords("map.control.country", lambda data, lang: {
        "": t("map.control.no_country", lang), **map_charts.country_names(data, lang)}),
    "initiative": ControlWords("cooperation.initiative_label", _initiative_names),
    "level": ControlWords("cooperation.level_label", lambda data, lang: {
        level: (t(f"cooperation.delegations.level.{level}", lang) if level
                else t("cooperation.level_all", lang))
        for level in cooperation_charts.LEVEL_OPTIONS}),
}


class UnknownChartError(KeyError):
    """A chart id that is not in the registry."""


def chart_ids() -> list[str]:
    return [spec.chart_id for spec in CHARTS]


def get_chart(chart_id: str) -> ChartSpec:
    """The registered chart ``chart_id``; ``UnknownChartError`` names the valid ids otherwise."""
    for spec in CHARTS:
        if spec.chart_id == chart_id:
            return spec
    raise UnknownChartError(chart_id)


def charts_on(page: str) -> list[ChartSpec]:
    return [spec for spec in CHARTS if spec.page == page]
