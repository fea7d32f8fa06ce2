"""The one list of charts. Pages, embeds, exports and tests all read it.

Each topic package (``components/<topic>/``) registers its own charts in its ``CHARTS`` and its
page's URL parameters in its ``PARAMS``; this module only joins them. To add a chart: write its
builder in the topic's ``figures.py`` and its ``make`` in the topic's ``charts.py``, and add one
``ChartSpec`` to that module's ``CHARTS``. It then appears on its page's embeds, in the Embed
page, in ``make export`` and in every test that walks the registry.
"""

from __future__ import annotations

from components import cooperation, overview, timeline
from components import map as map_topic  # "map" alone would hide the builtin here
from components.chart_spec import ChartSpec

TOPICS = (overview, timeline, map_topic, cooperation)  # in page order

# In page order; within a page, in the order the page shows them.
CHARTS: tuple[ChartSpec, ...] = tuple(spec for topic in TOPICS for spec in topic.CHARTS)

# Every page's URL parameters (its controls), for links, the Share control and the tests, by the
# page's url path, which is its topic's name. Pages not listed here have no controls of their own.
PAGE_PARAMS = {topic.__name__.rpartition(".")[2]: topic.PARAMS for topic in TOPICS if topic.PARAMS}


# Charts no longer drawn, and where their content went: an article that embedded one says so
# instead of listing chart ids. (The distance from each capital to Jakarta is in each country's
# profile on the Map page.)
RETIRED_CHARTS = {"distance-to-jakarta": "map"}


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
