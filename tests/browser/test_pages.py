"""Every page opens in a real Chromium, in both languages, without errors or third-party requests.

The fixtures in conftest.py start the app, abort and record any request to a host other than
the app's own (the test errors at teardown if there was one), and collect console errors.
"""

import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

LOCALES_DIR = Path(__file__).resolve().parents[2] / "components" / "locales"

# url path -> page; "" is the default page (Overview).
PAGES = {
    "": "overview",
    "timeline": "timeline",
    "map": "map",
    "cooperation": "cooperation",
    "sources": "sources",
}
LANGS = ("id", "en")


def expected_overview_title(lang: str) -> str:
    """`overview.title` as the locale files of `lang` define it.

    Keys are dotted paths through the TOML tables (`[overview] title = ...`) and may live in
    any file of components/locales/<lang>/ (common.toml, overview.toml, ...), as in i18n.py.
    """
    folder = LOCALES_DIR / lang
    files = sorted(folder.glob("*.toml"))
    if not files:
        pytest.fail(f"no locale files in {folder}: cannot know the expected Overview title")
    for path in files:
        with path.open("rb") as file:
            strings = tomllib.load(file)
        overview = strings.get("overview")
        title = overview.get("title") if isinstance(overview, dict) else None
        title = title if title is not None else strings.get("overview.title")
        if isinstance(title, str):
            return title
    pytest.fail(f"no string key overview.title in {folder}/*.toml")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES), ids=list(PAGES.values()))
def test_page_opens_without_errors_in_each_language(
    page, app_url, open_page, console_errors, failed_requests, path, lang
):
    """The page renders its title, shows no exception, logs no console error and none of its
    requests fails.

    (No request leaves for a third-party host: checked by the `page` fixture.)
    """
    open_page(page, app_url, path, lang=lang)

    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    assert page.locator('[data-testid="stException"]').all_inner_texts() == []
    assert console_errors == []
    assert failed_requests == []


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("id-ID", "id")])
def test_overview_title_follows_browser_locale_without_lang_parameter(
    make_page, app_url, open_page, locale, lang
):
    """With no ?lang, the Overview is shown in the language of the browser's locale."""
    probe = make_page(locale=locale)

    open_page(probe.page, app_url, "")

    title = probe.page.locator('[data-testid="stMain"] h1').first
    expect(title).to_have_text(expected_overview_title(lang))
    assert probe.page.locator('[data-testid="stException"]').all_inner_texts() == []
    assert probe.console_errors == []
