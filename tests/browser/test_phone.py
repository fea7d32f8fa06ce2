"""On a phone (375x812): no page scrolls sideways, not even a row inside it, chart text stays
legible and whole, the world map fills its figure, and the map never traps the page's scrolling."""

import pytest
from playwright.sync_api import expect

from components.figures.map import MAP_EXTRA_PX
from components.registry import charts_on
from components.shell import PAGES, link_path

PHONE = {"width": 375, "height": 812}
MIN_CHART_FONT_PX = 10
MAP = '[class*="st-key-frame-membership-map"] .js-plotly-plot'
CHARTS_DRAWN = """count => document.querySelectorAll('.js-plotly-plot').length >= count
    && [...document.querySelectorAll('.js-plotly-plot')]
        .every(p => p.querySelector('.main-svg path, .main-svg .point'))"""

# Streamlit scrolls the page inside its own containers, or the window: take whichever moved.
SCROLL_POSITION = """() => Math.max(window.scrollY,
    ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
        + ' [data-testid="stAppScrollToBottomContainer"]')].map(e => e.scrollTop))"""


@pytest.fixture
def phone(make_page):
    return make_page(viewport=PHONE, is_mobile=True, has_touch=True).page


# Elements that scroll sideways inside the page (a row of pills in a column does, in Streamlit
# 1.67); tables, code and charts may, as they are meant to.
SIDEWAYS_SCROLLERS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1
                 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                 && !e.closest('[data-testid="stDataFrame"], pre, .js-plotly-plot'))
    .map(e => (e.closest('[class*="st-key-"]')?.className.match(/st-key-[\\w-]+/) || [e.tagName])[0]
              + ': ' + e.scrollWidth + ' px of content in ' + e.clientWidth + ' px')"""

# Chart texts whose visible characters reach past their chart's left or right edge, in px.
# Characters, not the text's box: legend names end in non-breaking spaces on purpose.
CUT_CHART_TEXT = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const box = plot.getBoundingClientRect();
    const frame = plot.closest('[class*="st-key-frame-"]');
    const chart = frame ? frame.className.match(/st-key-frame-([\\w-]+)/)[1] : '?';
    return [...plot.querySelectorAll('.main-svg text')].flatMap(text => {
        const content = text.textContent, matrix = text.getScreenCTM();
        let left = Infinity, right = -Infinity;
        for (let i = 0; i < text.getNumberOfChars(); i++) {
            if (!content[i] || !content[i].trim()) continue;
            const r = text.getExtentOfChar(i);
            for (const [x, y] of [[r.x, r.y], [r.x + r.width, r.y + r.height]]) {
                const point = new DOMPoint(x, y).matrixTransform(matrix);
                left = Math.min(left, point.x); right = Math.max(right, point.x);
            }
        }
        const past = Math.max(box.left - left, right - box.right);
        return past > 0.5 ? [chart + ': "' + content.trim().slice(0, 40) + '" by '
                             + past.toFixed(1) + ' px'] : [];
    });
})"""


@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_no_page_scrolls_sideways_on_a_phone(phone, app_url, open_page, page_info):
    open_page(phone, app_url, link_path(page_info), lang="id")
    phone.wait_for_function(CHARTS_DRAWN, arg=len(charts_on(page_info.url_path)))
    width = phone.evaluate("document.documentElement.scrollWidth")
    too_wide = phone.evaluate("""limit => [...document.querySelectorAll(
            '[data-testid="stMain"] *')]
        .filter(e => e.getBoundingClientRect().right > limit + 1
                     && !e.closest('[data-testid="stDataFrame"], pre, .js-plotly-plot')
                     && getComputedStyle(e).visibility !== 'hidden')
        .slice(0, 5).map(e => (e.getAttribute('data-testid') || e.tagName) + ': '
                         + (e.innerText || '').slice(0, 40))""", PHONE["width"])
    assert width <= PHONE["width"], too_wide
    assert phone.evaluate(SIDEWAYS_SCROLLERS) == []


def test_the_map_role_pills_wrap_onto_a_second_row_on_a_phone(phone, app_url, open_page):
    """Indonesian labels are the longer: the four roles do not fit one row of a phone."""
    open_page(phone, app_url, "map", lang="id")
    pills = phone.locator('.st-key-roles [data-testid="stButtonGroup"] button')
    expect(pills).to_have_count(4)
    boxes = [pills.nth(index).bounding_box() for index in range(4)]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in boxes)
    assert len({round(box["y"]) for box in boxes}) == 2


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", ["timeline", "map", "cooperation"])
def test_no_chart_text_is_cut_off_at_a_phones_edges(phone, app_url, open_page, path, lang):
    open_page(phone, app_url, path, lang=lang)
    phone.wait_for_function(CHARTS_DRAWN, arg=len(charts_on(path)))
    phone.wait_for_timeout(500)  # plotly settles its margins after the first draw
    assert phone.evaluate(CUT_CHART_TEXT) == []


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
    phone.wait_for_function(CHARTS_DRAWN, arg=len(charts_on("timeline")))
    phone.wait_for_timeout(500)
    assert phone.evaluate(WEEK_TITLES_CLEARANCE, chart) >= 12


# The drawn world and the map figure around it, in px.
WORLD_AND_FIGURE = """sel => {
    const plot = document.querySelector(sel).getBoundingClientRect();
    const world = document.querySelector(sel + ' .choroplethlayer').getBoundingClientRect();
    return {world_width: world.width, world_height: world.height, width: plot.width,
            height: plot.height};
}"""


@pytest.mark.parametrize("embedded", [False, True], ids=["page", "embed"])
def test_the_world_map_fills_its_figure_on_a_phone(phone, app_url, open_page, embedded):
    if embedded:
        open_page(phone, app_url, "", heading=False, embed="true", chart="membership-map",
                  lang="en")
    else:
        open_page(phone, app_url, "map", lang="en")
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


@pytest.mark.parametrize("page_info", [p for p in PAGES if p.url_path in
                                       ("timeline", "map", "cooperation")],
                         ids=lambda p: p.url_path)
def test_chart_text_stays_legible_on_a_phone(phone, app_url, open_page, page_info):
    open_page(phone, app_url, link_path(page_info), lang="id")
    phone.wait_for_function(CHARTS_DRAWN, arg=len(charts_on(page_info.url_path)))
    sizes = phone.evaluate("""() => [...document.querySelectorAll('.main-svg text')]
        .filter(t => t.textContent.trim())
        .map(t => [parseFloat(getComputedStyle(t).fontSize), t.textContent.slice(0, 30)])""")
    assert sizes, "no chart text found: nothing was measured"
    small = [(size, text) for size, text in sizes if size < MIN_CHART_FONT_PX]
    assert small == []


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
