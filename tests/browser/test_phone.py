"""On a phone (375x812), what needs more than a look: the role pills wrap, the summit week's titles
keep a margin, the world map fills its figure, and the map never traps the page's scrolling.

(Sideways scrolling and whole, legible chart text on every page are in test_tour.py.)"""

import pytest
from playwright.sync_api import expect

from components.map.figures import MAP_EXTRA_PX
from components.registry import charts_on
from tools.browser import PHONE
from tools.page_checks import wait_for_charts

MAP = '[class*="st-key-frame-membership-map"] .js-plotly-plot'

# Streamlit scrolls the page inside its own containers, or the window: take whichever moved.
SCROLL_POSITION = """() => Math.max(window.scrollY,
    ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
        + ' [data-testid="stAppScrollToBottomContainer"]')].map(e => e.scrollTop))"""


@pytest.fixture
def phone(make_page):
    return make_page(viewport=PHONE, is_mobile=True, has_touch=True).page


# How far the summit-week titles, written across the chart, stay from its right edge, in px.
WEEK_TITLES_CLEARANCE = """sel => {
    const plot = document.querySelector(sel), box = plot.getBoundingClientRect();
    return Math.min(...[...plot.querySelectorAll('.annotation-text')].map(text => {
        const content = text.textContent, matrix = text.getScreenCTM();
        let right = -Infinity;
        for (let i = 0; i < text.getNumberOfChars(); i++) {
            if (!content[i] || !content[i].trim()) continue;
            const r = text.getExtentOfChar(i);
            right = Math.max(right, new DOMPoint(r.x + r.width, r.y).matrixTransform(matrix).x);
        }
        return box.right - right;
    }));
}"""


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_summit_week_titles_end_well_inside_a_phone_wide_chart(phone, app_url, open_page,
                                                                  lang):
    """A phone's own font may run wider than the test browser's: keep a margin, not a pixel."""
    open_page(phone, app_url, "timeline", lang=lang)
    chart = '[class*="st-key-frame-summit-week"] .js-plotly-plot'
    wait_for_charts(phone, len(charts_on("timeline")))
    phone.wait_for_timeout(500)
    assert phone.evaluate(WEEK_TITLES_CLEARANCE, chart) >= 12


# The drawn world and the map figure around it, in px.
WORLD_AND_FIGURE = """sel => {
    const plot = document.querySelector(sel).getBoundingClientRect();
    const world = document.querySelector(sel + ' .choroplethlayer').getBoundingClientRect();
    return {world_width: world.width, world_height: world.height, width: plot.width,
            height: plot.height};
}"""


@pytest.mark.parametrize("world", ["0", "1"], ids=["asia", "world"])
@pytest.mark.parametrize("embedded", [False, True], ids=["page", "embed"])
def test_the_map_fills_its_figure_on_a_phone(phone, app_url, open_page, embedded, world):
    if embedded:
        open_page(phone, app_url, "", heading=False, embed="true", chart="membership-map",
                  lang="en", world=world)
    else:
        open_page(phone, app_url, "map", lang="en", world=world)
    phone.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    phone.wait_for_timeout(500)  # Streamlit redraws the chart at the height it measures
    sizes = phone.evaluate(WORLD_AND_FIGURE, MAP)
    # As wide as the chart (a figure too short would shrink it), and only the legend and margins
    # beside it in height (at the desktop's 460 px the world took 29 % of a phone's figure).
    assert sizes["world_width"] > 0.95 * sizes["width"]
    assert sizes["height"] - sizes["world_height"] <= MAP_EXTRA_PX + 4, sizes
    element = phone.locator('[class*="st-key-frame-membership-map"] .st-key-chart-membership-map')
    assert element.bounding_box()["height"] < sizes["height"] + 2  # no empty band under the map
    if world == "0":  # Asia and the Pacific, the story's scale, readable on a phone
        assert sizes["world_height"] >= 250, sizes


def test_the_map_lets_the_page_scroll_with_the_wheel_over_it(phone, app_url, open_page):
    open_page(phone, app_url, "map", lang="en")
    chart = phone.locator(MAP)
    expect(chart).to_be_visible(timeout=30_000)  # the map is the largest figure: slow under load
    phone.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    assert chart.evaluate("plot => plot._context.scrollZoom") is False
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    before = phone.evaluate(SCROLL_POSITION)
    phone.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    phone.mouse.wheel(0, 400)
    phone.wait_for_timeout(600)
    assert phone.evaluate(SCROLL_POSITION) > before
