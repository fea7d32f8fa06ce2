"""The one list of charts. Pages, embeds, exports and tests all read it.

To add a chart: write its figure builder in ``components/figures/``, its ``make`` function in
``components/charts/``, and add one ``ChartSpec`` here.
"""

from __future__ import annotations

from components.chart_spec import ChartSpec

CHARTS: tuple[ChartSpec, ...] = ()


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
