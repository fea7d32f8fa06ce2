"""The Map page in a real Chromium, with every non-loopback request blocked by the fixtures."""

import re

import pytest
from playwright.sync_api import expect

from components.map.extent import WORLD
from tools.browser import PHONE

MAP = '[class*="st-key-frame-membership-map"] .js-plotly-plot'


def test_the_map_draws_the_country_shapes_from_the_shipped_file(page, app_url, open_page,
                                                                console_errors):
    """Offline, a plotly map with a CDN base map stays blank: count the drawn country paths."""
    open_page(page, app_url, "map", lang="en")
    chart = page.locator(MAP)
    expect(chart).to_be_visible()
    page.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    assert page.locator(f"{MAP} .scattergeo path.point").count() > 30
    assert not console_errors


def test_clicking_a_country_opens_its_profile(page, app_url, open_page):
    open_page(page, app_url, "map", lang="en", bloc="EAEU")
    page.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    # Kazakhstan's shape: the plotly point click needs mouse coordinates (the drag layer takes
    # locator clicks), so aim at the middle of the path plotly drew for it.
    box = page.evaluate("""sel => {
        const paths = [...document.querySelectorAll(sel + ' path.choroplethlocation')];
        const plot = document.querySelector(sel);
        const trace = plot._fullData.findIndex(t => t.name === 'countries');
        const index = plot._fullData[trace].locations.indexOf('KAZ');
        const path = [...document.querySelectorAll(sel + ' .choroplethlayer .trace')][trace]
            .querySelectorAll('path.choroplethlocation')[index];
        const r = path.getBoundingClientRect();
        return {x: r.x + r.width / 2, y: r.y + r.height / 2};
    }""", MAP)
    page.mouse.click(box["x"], box["y"])
    profile = page.locator('[class*="st-key-country-profile"]')
    expect(profile).to_be_visible(timeout=20_000)
    expect(profile.locator("h3")).to_contain_text("Kazakhstan")
    assert "country=KAZ" in page.url


def test_the_companion_charts_draw(page, app_url, open_page):
    open_page(page, app_url, "map", lang="id", bloc="SCO")
    for key in ("role-matrix", "members-over-time"):
        chart = page.locator(f'[class*="st-key-frame-{key}"] .js-plotly-plot')
        expect(chart).to_be_visible()
        assert chart.locator("path, .point").count() > 0


@pytest.mark.parametrize("world", ["0", "1"], ids=["asia", "world"])
def test_the_map_keeps_its_full_height_on_a_desktop(page, app_url, open_page, world):
    """The phone's fitted height is for narrow frames only: at 1280 px the figure keeps its
    view's height, the whole world as wide as the chart, the legend under the map."""
    open_page(page, app_url, "map", lang="en", world=world)
    page.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    page.wait_for_timeout(500)
    fit = page.evaluate("sel => document.querySelector(sel).layout.meta.fit_height", MAP)
    height = WORLD.desktop_height if world == "1" else page.evaluate(
        "sel => document.querySelector(sel).layout.height", MAP)
    sizes = page.evaluate("""sel => {
        const plot = document.querySelector(sel).getBoundingClientRect();
        const world = document.querySelector(sel + ' .choroplethlayer').getBoundingClientRect();
        const legend = document.querySelector(sel + ' .legend').getBoundingClientRect();
        return {plot: plot.height, share: world.width / plot.width, ratio: world.width / world.height,
                legend_below: legend.top >= world.bottom};
    }""", MAP)
    assert sizes["plot"] == height and sizes["legend_below"], sizes
    assert sizes["ratio"] == pytest.approx(fit["width_per_height"], rel=0.05), sizes
    if world == "1":
        assert sizes["share"] == pytest.approx(1, abs=0.02), sizes


# Where plotly drew a capital's ring, in page px: the trace named "capitals", the point whose
# customdata is the country's code.
CAPITAL_CENTRE = """([sel, code]) => {
    const plot = document.querySelector(sel);
    const geoTraces = plot._fullData.filter(t => t.type === 'scattergeo');
    const index = geoTraces.findIndex(t => t.name === 'capitals');
    const point = geoTraces[index].customdata.indexOf(code);
    const trace = document.querySelectorAll(sel + ' g.trace.scattergeo')[index];
    const r = trace.querySelectorAll('path.point')[point].getBoundingClientRect();
    return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}"""


@pytest.fixture
def phone(make_page):
    return make_page(viewport=PHONE, is_mobile=True, has_touch=True).page


def _map_drawn(page):
    page.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    page.wait_for_timeout(500)  # Streamlit redraws the chart at the height it measures


@pytest.mark.parametrize(("query", "code", "name"), [
    ({}, "IDN", "Indonesia"),  # the overlap map, where Southeast Asia's capitals sit closest
    ({}, "SGP", "Singapore"),
    ({"bloc": "ASEAN"}, "MYS", "Malaysia"),
])
def test_tapping_a_capital_in_southeast_asia_opens_that_country_in_view(phone, app_url,
                                                                        open_page, query, code,
                                                                        name):
    open_page(phone, app_url, "map", lang="en", **query)
    _map_drawn(phone)
    phone.locator(MAP).scroll_into_view_if_needed()
    phone.wait_for_timeout(300)
    centre = phone.evaluate(CAPITAL_CENTRE, [MAP, code])
    phone.touchscreen.tap(centre["x"], centre["y"])
    profile = phone.locator('[class*="st-key-country-profile"]')
    expect(profile.locator("h3")).to_contain_text(name, timeout=20_000)
    assert f"country={code}" in phone.url
    # Opened in view: the profile scrolls to the top of the screen (focus.bring_into_view), its
    # heading clear of the app's header bar.
    expect(profile.locator("h3")).to_be_in_viewport(timeout=10_000)
    phone.wait_for_timeout(500)
    header = phone.locator('[data-testid="stHeader"]').bounding_box()
    heading = profile.locator("h3").bounding_box()
    assert heading["y"] >= header["y"] + header["height"] and heading["y"] < PHONE["height"] / 2


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("query", [{}, {"bloc": "SCO", "asof": "2024-07-04"}, {"bloc": "ASEAN"}],
                         ids=["overlap", "sco-belarus", "asean"])
def test_the_map_is_drawn_at_least_300_px_tall_on_a_phone(phone, app_url, open_page, lang, query):
    open_page(phone, app_url, "map", lang=lang, **query)
    _map_drawn(phone)
    drawn = phone.locator(f"{MAP} .choroplethlayer").bounding_box()
    assert drawn["height"] >= 300, drawn


def test_a_date_typed_into_the_date_field_applies_on_enter(page, app_url, open_page):
    open_page(page, app_url, "map", lang="en", bloc="SCO")
    _map_drawn(page)
    # Streamlit's date field is three segments, year, month and day, each typed in turn.
    year = page.locator('.st-key-asof [role="spinbutton"][data-type="year"]')
    year.click()
    page.keyboard.type("20240704")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"asof=2024-07-04"), timeout=20_000)
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text("Belarus")
