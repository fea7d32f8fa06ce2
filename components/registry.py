"""The one list of the site's pages and charts. Pages, embeds, exports and tests all read it.

Each topic package (``components/<topic>/``) registers its own charts in its ``CHARTS`` and its
page's URL parameters in its ``PARAMS``; this module only joins them. To add a chart: write its
builder in the topic's ``figures.py`` and its ``make`` in the topic's ``charts.py``, and add one
``ChartSpec`` to that module's ``CHARTS``. It then appears on its page's embeds, in the Embed
page, in ``make export`` and in every test that walks the registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from components import cooperation, overview, timeline
from components import map as map_topic  # "map" alone would hide the builtin here
from components.charts.spec import ChartSpec


@dataclass(frozen=True)
class PageInfo:
    """A page of the app: its file, url path and the locale key of its title."""

    script: str
    url_path: str
    title_key: str
    icon: str


# Icons from the Material Symbols font Streamlit bundles and serves itself (no font host); emoji
# would depend on the reader's system having an emoji font.
PAGES = (
    PageInfo("pages/overview.py", "overview", "nav.overview", ":material/fact_check:"),
    PageInfo("pages/timeline.py", "timeline", "nav.timeline", ":material/calendar_month:"),
    PageInfo("pages/map.py", "map", "nav.map", ":material/public:"),
    PageInfo("pages/cooperation.py", "cooperation", "nav.cooperation", ":material/handshake:"),
    PageInfo("pages/sources.py", "sources", "nav.sources", ":material/menu_book:"),
    PageInfo("pages/embed.py", "embed", "nav.embed", ":material/code:"),
)


def link_path(page: PageInfo) -> str:
    """The URL path of a page: the first page is the app's root, where st.navigation puts it."""
    return "" if page is PAGES[0] else page.url_path


def chart_page(spec: ChartSpec) -> PageInfo:
    """The page that shows a chart (the first page for a chart of no listed page)."""
    return next((page for page in PAGES if page.url_path == spec.page), PAGES[0])


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


def lead_chart(page: str) -> ChartSpec:
    """The chart a section page leads with (its first): its title is the page's h1."""
    return charts_on(page)[0]
