"""One visit per page and per embed, in each language, and every check that only looks.

Opening a page costs a real browser a few seconds of the suite; what a test then checks costs
milliseconds. So each page, embed and phone view is opened once and every look-only check runs on
that one load: it renders, without exceptions, console errors or failed requests; its charts are
drawn; axe-core finds no serious or critical WCAG 2.1 A/AA violation; it shows no interface text
of the other language; an embed shows its chart alone; chart text follows the reader's theme; and
on a phone nothing scrolls sideways and chart text stays whole and legible.

(No request leaves for a third-party host: the ``make_page`` fixture checks that for every test.)
Tests that click, type or resize live beside the feature they test.
"""

import re

import pytest
from playwright.sync_api import expect

from components.registry import CHARTS, PAGES, charts_on, link_path
from components.text.i18n import LANGS, t
from tools.browser import PHONE
from tools.page_checks import (
    axe_report,
    axe_violations,
    background_luminance,
    chart_typefaces,
    cut_chart_text,
    drawn_marks,
    other_language_text,
    overlapping_labels,
    page_typeface,
    sideways_overflow,
    small_chart_text,
    tick_luminance,
    wait_for_charts,
)

TYPEFACE = "Source Sans"
# Charts whose axis text is checked against the theme: a timeline, a matrix and a line chart.
THEMED_CHARTS = ("history", "delegation-levels", "members-over-time")

PAGE_CASES = [(page, lang) for page in PAGES for lang in LANGS]
PAGE_IDS = [f"{page.url_path}-{lang}" for page, lang in PAGE_CASES]
EMBED_CASES = [(spec, lang) for spec in CHARTS for lang in LANGS]
EMBED_IDS = [f"{spec.chart_id}-{lang}" for spec, lang in EMBED_CASES]
# An instruction a touch screen cannot follow, in either language.
POINTER_WORDS = re.compile(r"\b(hover|mouse|click|klik|arahkan|kursor)", re.IGNORECASE)
# Pages that tell a story, each leading with its finding (the Embed page is a tool for editors).
SECTION_PAGES = [page for page in PAGES if page.url_path != "embed"]
SECTION_CASES = [(page, lang) for page in SECTION_PAGES for lang in LANGS]


def open_embed(page, app_url, open_page, chart_id: str, lang: str) -> None:
    open_page(page, app_url, "", heading=False, embed="true", chart=chart_id, lang=lang)
    wait_for_charts(page, 1)


@pytest.mark.parametrize(("page_info", "lang"), PAGE_CASES, ids=PAGE_IDS)
def test_page_tour(browser_page, app_url, open_page, page_info, lang):
    """The page renders its h1 and every chart, with no exception, console error, failed
    request, accessibility violation or text of the other language."""
    page = browser_page.page
    open_page(page, app_url, link_path(page_info), lang=lang)
    wait_for_charts(page, len(charts_on(page_info.url_path)))

    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    assert page.locator('[data-testid="stException"]').all_inner_texts() == []
    assert browser_page.console_errors == []
    assert browser_page.failed_requests == []
    assert other_language_text(page, lang) == []
    violations = axe_violations(page)
    assert not violations, axe_report(violations)
    # One typeface in the page and in its charts: the one Streamlit serves with the app.
    assert page_typeface(page) == TYPEFACE
    assert chart_typefaces(page) <= {TYPEFACE}


@pytest.mark.parametrize(("spec", "lang"), EMBED_CASES, ids=EMBED_IDS)
def test_embed_tour(browser_page, app_url, open_page, spec, lang):
    """The embed shows the chart alone and drawn (no navigation, sidebar, page heading, tabs or
    editor tools; "Get the data" and "Full dashboard" under it), in its language, accessible,
    with dark chart text on the light theme."""
    page = browser_page.page
    open_embed(page, app_url, open_page, spec.chart_id, lang)

    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert drawn_marks(page) > 0
    assert page.locator('[data-testid="stSidebar"]').count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert page.locator('[data-testid="stMain"] h1').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    # The chart alone: no tabs, no in-words expander, no editor tools; one quiet footer.
    for part in ("stTabs", "stExpander", "stPopover"):
        assert page.locator(f'[data-testid="{part}"]').count() == 0, part
    footer = page.locator(".st-key-embed-footer")
    expect(footer.get_by_role("link", name=t("embed_frame.get_data", lang))).to_be_visible()
    dashboard = footer.get_by_role("link", name=t("embed_frame.full_dashboard", lang))
    expect(dashboard).to_have_attribute("target", "_blank")
    home = next(info for info in PAGES if info.url_path == spec.page)
    assert f"/{link_path(home)}?lang={lang}" in dashboard.get_attribute("href")
    # The chart in words, for screen readers only.
    assert page.locator(".ru-sr-only").inner_text().strip()
    assert not POINTER_WORDS.findall(page.locator('[data-testid="stMain"]').inner_text())
    assert browser_page.console_errors == []
    assert other_language_text(page, lang) == []
    violations = axe_violations(page)
    assert not violations, axe_report(violations)
    if spec.chart_id in THEMED_CHARTS:
        luminance = tick_luminance(page)
        assert luminance is not None and luminance <= 0.6, f"light theme, tick {luminance}"


def assert_dark_theme_is_on(page) -> None:
    # The app's background: the dark theme is really on, or a dark-theme test would pass in light.
    assert background_luminance(page) < 0.05, "the dark theme is not on"


@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_dark_page_tour(make_page, app_url, open_page, page_info):
    """When the reader's system asks for dark, the page is dark and still accessible."""
    page = make_page(color_scheme="dark").page
    open_page(page, app_url, link_path(page_info), lang="en")
    assert_dark_theme_is_on(page)
    violations = axe_violations(page)
    assert not violations, axe_report(violations)


@pytest.mark.parametrize("chart_id", THEMED_CHARTS)
def test_dark_embed_tour(make_page, app_url, open_page, chart_id):
    """A dark embed draws light axis text (never dark on dark paper) and stays accessible: its
    source line has links in a caption, which Streamlit draws at 60 % opacity."""
    page = make_page(color_scheme="dark").page
    open_embed(page, app_url, open_page, chart_id, "en")
    assert_dark_theme_is_on(page)
    luminance = tick_luminance(page)
    assert luminance is not None and luminance > 0.6, f"dark theme, tick {luminance}"
    violations = axe_violations(page)
    assert not violations, axe_report(violations)


@pytest.mark.parametrize(("page_info", "lang"), PAGE_CASES, ids=PAGE_IDS)
def test_phone_tour(make_page, app_url, open_page, page_info, lang):
    """At 375 px nothing scrolls sideways, not even a row inside the page; every chart's text
    stays whole inside the chart, at least 10 px and clear of the others; no toolbar over a chart."""
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True).page
    open_page(page, app_url, link_path(page_info), lang=lang)
    charts = len(charts_on(page_info.url_path))
    wait_for_charts(page, charts)

    assert not POINTER_WORDS.findall(page.locator('[data-testid="stMain"]').inner_text())
    width, too_wide, scrollers = sideways_overflow(page, PHONE["width"])
    assert width <= PHONE["width"], too_wide
    assert scrollers == []
    if charts:
        page.wait_for_timeout(500)  # plotly settles its margins after the first draw
        assert cut_chart_text(page) == []
        assert overlapping_labels(page) == []
        # No plotly toolbar at rest: on a touch screen it would sit over the chart's labels.
        assert page.locator(".modebar").count() == 0
        measured, small = small_chart_text(page)
        assert measured, "no chart text found: nothing was measured"
        assert small == []


# The first screen's bottom, and how much of the lead chart must show above it, in px.
FIRST_SCREEN_PX = PHONE["height"]
CHART_SHOWN_PX = 100


@pytest.mark.parametrize(("page_info", "lang"), SECTION_CASES,
                         ids=[f"{p.url_path}-{lang}" for p, lang in SECTION_CASES])
def test_a_section_page_shows_its_finding_and_its_chart_on_a_phones_first_screen(
        make_page, app_url, open_page, page_info, lang):
    """At 375 x 812 the h1 (the finding) and the top of the lead chart share the first screen."""
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True).page
    open_page(page, app_url, link_path(page_info), lang=lang)
    charts = len(charts_on(page_info.url_path))
    wait_for_charts(page, charts)
    page.wait_for_timeout(500)
    heading = page.locator('[data-testid="stMain"] h1').first.bounding_box()
    assert heading["y"] >= 0 and heading["y"] + heading["height"] <= FIRST_SCREEN_PX
    if charts:
        chart = page.locator(".js-plotly-plot").first.bounding_box()
        assert chart["y"] + CHART_SHOWN_PX <= FIRST_SCREEN_PX, chart
