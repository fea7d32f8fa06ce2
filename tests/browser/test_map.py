"""The Map page in a real Chromium, with every non-loopback request blocked by the fixtures."""

import pytest
from playwright.sync_api import expect

from components.map.figures import EXTENTS

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
    extent's height, the whole world as wide as the chart, the legend under the map."""
    extent = EXTENTS["world" if world == "1" else "asia"]
    open_page(page, app_url, "map", lang="en", world=world)
    page.wait_for_function(
        "sel => document.querySelectorAll(sel + ' path.choroplethlocation').length > 200", arg=MAP)
    page.wait_for_timeout(500)
    sizes = page.evaluate("""sel => {
        const plot = document.querySelector(sel).getBoundingClientRect();
        const world = document.querySelector(sel + ' .choroplethlayer').getBoundingClientRect();
        const legend = document.querySelector(sel + ' .legend').getBoundingClientRect();
        return {plot: plot.height, share: world.width / plot.width, ratio: world.width / world.height,
                legend_below: legend.top >= world.bottom};
    }""", MAP)
    assert sizes["plot"] == extent.desktop_height and sizes["legend_below"], sizes
    assert sizes["ratio"] == pytest.approx(extent.width_per_height, rel=0.05), sizes
    if world == "1":
        assert sizes["share"] == pytest.approx(1, abs=0.02), sizes
