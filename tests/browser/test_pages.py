"""Without ``?lang`` the Overview follows the browser's language.

(Every page's plain visit, in each language, is in tests/browser/test_tour.py.)
"""

import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import expect

LOCALES_DIR = Path(__file__).resolve().parents[2] / "components" / "locales"

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
