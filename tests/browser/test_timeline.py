"""The Timeline in a real Chromium: both charts drawn point by point, a link's filters honoured,
hovers dated at their precision, a search typed and a track pill clicked by a reader written into
the link.

Every request to a host other than the app's own is aborted and fails the test (conftest.py).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from components.data.package import read_package
from tools.page_checks import SECTION_NAME

WEEK = '.st-key-frame-summit-week .js-plotly-plot'
HISTORY = '.st-key-frame-history .js-plotly-plot'
# The history's long view, and its second panel that draws the summit year alone.
LONG_VIEW, SUMMIT_YEAR = "xy", "x2y2"


@pytest.fixture(scope="module")
def events():
    return read_package()["events"]


@pytest.fixture(scope="module", autouse=True)
def app_has_run_its_entry_point(browser, app_url):
    """Open the app's root once before any deep link.

    On a freshly started server, a first request for /timeline runs pages/timeline.py as an old-style
    page (sidebar from the pages/ folder, no language from the link) until some session has run
    dashboard.py and its st.navigation. Readers reach a warm server; the tests do too.
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(app_url)
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=30_000)
    context.close()


def points(page, chart, panel=LONG_VIEW):
    """The marks drawn in a chart; in the history, in one of its panels."""
    inside = f" .subplot.{panel}" if chart == HISTORY else ""
    return page.locator(f"{chart}{inside} .scatterlayer path.point")


@pytest.mark.parametrize(("lang", "heading"), [("id", "Linimasa"), ("en", "Timeline")])
def test_both_charts_draw_every_event_in_each_language(page, app_url, open_page, console_errors,
                                                       events, lang, heading):
    open_page(page, app_url, "timeline", lang=lang)
    expect(page.locator(SECTION_NAME)).to_have_text(heading)
    expect(points(page, WEEK)).to_have_count(11)
    expect(points(page, HISTORY)).to_have_count(len(events))
    expect(points(page, HISTORY, SUMMIT_YEAR)).to_have_count(
        int((events["date"].dt.year == 2023).sum()))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert console_errors == []


def test_a_link_with_one_track_draws_only_that_tracks_events(page, app_url, open_page, events):
    open_page(page, app_url, "timeline", lang="en", tracks="SCO")
    expect(points(page, HISTORY)).to_have_count(int((events["track"] == "SCO").sum()))
    expect(points(page, WEEK)).to_have_count(0)
    expect(page.locator(WEEK)).to_contain_text("No event matches the tracks")


def test_hovering_an_event_shows_its_date_at_its_precision(page, app_url, open_page):
    open_page(page, app_url, "timeline", lang="id", tracks="ASEAN-Russia",
              **{"from": "1996", "to": "1996"})
    point = points(page, HISTORY)
    expect(point).to_have_count(1)
    page.locator(HISTORY).scroll_into_view_if_needed()
    box = point.first.bounding_box()
    # Plotly's drag layer takes the pointer: hover by coordinates, not on the element.
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(centre[0] - 30, centre[1])
    page.mouse.move(*centre, steps=5)
    hover = page.locator(f"{HISTORY} .hoverlayer")
    expect(hover).to_contain_text("Juli 1996")
    expect(hover).to_contain_text("Rusia menjadi Mitra Wicara penuh ASEAN")


def test_a_search_typed_by_the_reader_filters_the_charts_and_enters_the_link(page, app_url,
                                                                              open_page):
    open_page(page, app_url, "timeline", lang="en")
    search = page.locator(".st-key-q input")
    search.fill("Dhaka")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Dhaka"))
    expect(points(page, WEEK)).to_have_count(1)
    expect(points(page, HISTORY)).to_have_count(1)


def tracks_in_link(page) -> list[str] | None:
    """The tracks the page's link holds, or None when it leaves them out (the default: all)."""
    values = parse_qs(urlsplit(page.url).query).get("tracks")
    return values[-1].split("~") if values else None


def test_clicking_a_track_pill_filters_the_history_and_clicking_it_again_restores_the_link(
        page, app_url, open_page, events):
    """Pills return the tracks in click order; the link keeps them in track order, so the full
    selection, clicked back, is the default again and leaves the link."""
    open_page(page, app_url, "timeline", lang="en")
    sco = page.locator(".st-key-tracks").get_by_role("button", name="SCO", exact=True)
    expect(sco).to_have_attribute("aria-pressed", "true")
    sco.click()
    expect(sco).to_have_attribute("aria-pressed", "false")
    sco_events = int((events["track"] == "SCO").sum())
    expect(points(page, HISTORY)).to_have_count(len(events) - sco_events)
    expect(page).to_have_url(re.compile(r"[?&]tracks="))
    assert tracks_in_link(page) == ["ASEAN", "EAS", "ASEAN-Russia", "EAEU", "Russia"]
    sco.click()
    expect(sco).to_have_attribute("aria-pressed", "true")
    expect(points(page, HISTORY)).to_have_count(len(events))
    expect(page).not_to_have_url(re.compile(r"[?&]tracks="))
