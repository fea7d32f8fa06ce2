"""On a phone (375x812): no page scrolls sideways, chart text stays legible, and the map never
traps the page's scrolling."""

import pytest
from playwright.sync_api import expect

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
    expect(chart).to_be_visible()
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
