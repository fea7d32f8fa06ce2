"""The one list of charts. Pages, embeds, exports and tests all read it.

To add a chart: write its figure builder in ``components/figures/``, its ``make`` function in
``components/charts/``, and add one ``ChartSpec`` here.
"""

from __future__ import annotations

from components.chart_spec import ChartSpec
from components.charts import cooperation as cooperation_charts
from components.charts import map as map_charts
from components.charts import timeline as timeline_charts

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
