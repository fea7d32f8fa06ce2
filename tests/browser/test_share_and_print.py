"""A phone's share sheet for "Share this view" where the browser has one; a printed page with
no sidebar or controls, its charts and source lines kept."""

from components.text.i18n import t

STUB_SHARE = """window.__shared = [];
Object.defineProperty(navigator, 'share', {configurable: true,
    value: data => { window.__shared.push(data); return Promise.resolve(); }});"""


def open_share(page, app_url, open_page, lang="en"):
    open_page(page, app_url, "timeline", lang=lang)
    page.get_by_role("button", name=t("shell.share", lang)).click()


def test_share_opens_the_share_sheet_with_this_views_link(page, app_url, open_page):
    # The browser's share sheet stubbed (headless Chromium has none); the sidebar in sight.
    page.add_init_script(STUB_SHARE)
    open_share(page, app_url, open_page)
    button = page.locator(".ru-share-sheet")
    button.wait_for(state="visible", timeout=15_000)
    button.click()
    page.wait_for_function("window.__shared.length === 1", timeout=5_000)
    shared = page.evaluate("window.__shared[0]")
    assert "/timeline?" in shared["url"] and "lang=en" in shared["url"]
    assert shared["title"] == t("app.title", "en")


def test_without_a_share_sheet_the_button_stays_hidden_and_the_link_shows(page, app_url,
                                                                          open_page):
    page.add_init_script("Object.defineProperty(navigator, 'share', {value: undefined});")
    open_share(page, app_url, open_page, lang="id")
    page.locator('[data-testid="stPopoverBody"] code').first.wait_for(timeout=15_000)
    assert page.locator(".ru-share-sheet").is_hidden()


def test_a_printed_page_has_no_sidebar_or_controls_but_keeps_charts_and_sources(page, app_url,
                                                                                 open_page):
    open_page(page, app_url, "map", lang="en")
    page.emulate_media(media="print")
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    assert page.locator('[data-testid="stSelectbox"]').first.is_hidden()
    assert page.locator(".js-plotly-plot").first.is_visible()
    assert page.get_by_text(t("frame.source", "en") + ":").first.is_visible()


def test_a_claims_link_wraps_on_a_phone_so_its_verdict_stays_in_sight(make_page, app_url,
                                                                       open_page):
    from tools.browser import PHONE

    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True).page
    open_page(page, app_url, "cooperation", lang="en")
    link = page.locator('[data-testid="stPageLink"] a', has_text="C13").first
    link.wait_for(timeout=30_000)
    box = link.bounding_box()
    assert box["x"] + box["width"] <= 375 and box["height"] > 30  # wrapped, not cut
    assert t("evidence.position", "en") in link.inner_text()
