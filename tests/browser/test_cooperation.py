"""The Cooperation page in a real Chromium: each chart drawn, a click on the level switch, and no
request to any third party (the `page` fixture fails the test if one is made)."""

import pytest
from playwright.sync_api import expect

CHARTS = ("initiatives-sectors", "channels", "delegation-levels")


def marks_in(page, chart_id):
    """The plotly marks drawn in one chart frame."""
    frame = page.locator(f".st-key-frame-{chart_id}")
    frame.scroll_into_view_if_needed()
    plot = frame.locator(".js-plotly-plot")
    expect(plot).to_be_visible()
    return plot.locator(".scatterlayer path.point")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_cooperation_chart_is_drawn_with_its_marks(page, app_url, open_page, console_errors,
                                                        lang):
    open_page(page, app_url, "cooperation", lang=lang)
    counts = {}
    for chart_id in CHARTS:
        marks = marks_in(page, chart_id)
        expect(marks.first).to_be_attached()
        counts[chart_id] = marks.count()
    # One mark per initiative (how it fits the sectors); 8 channel steps; 19 delegations.
    assert counts == {"initiatives-sectors": 5, "channels": 8, "delegation-levels": 19}
    assert page.locator('[data-testid="stException"]').count() == 0
    assert console_errors == []


def test_choosing_a_level_writes_it_into_the_link(page, app_url, open_page):
    open_page(page, app_url, "cooperation", lang="en")
    control = page.locator(".st-key-level")
    control.scroll_into_view_if_needed()
    control.get_by_text("Minister", exact=True).click()
    page.wait_for_url("**level=minister**")
    marks_in(page, "delegation-levels").first.wait_for(state="attached")


def test_an_initiative_in_the_link_focuses_the_list(page, app_url, open_page):
    """The chosen initiative's mark stays whole; the others fade, as does their text."""
    open_page(page, app_url, "cooperation", lang="en", initiative="tourism")
    frame = page.locator(".st-key-frame-initiatives-sectors")
    expect(frame.locator(".js-plotly-plot")).to_be_visible()
    opacities = frame.locator(".scatterlayer path.point").evaluate_all(
        "points => points.map(p => parseFloat(getComputedStyle(p).opacity))")
    assert sorted(opacities)[-1] == 1 and sum(value == 1 for value in opacities) == 1, opacities
