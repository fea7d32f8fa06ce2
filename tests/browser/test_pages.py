"""Without ``?lang`` the Overview follows the browser's language.

(Every page's plain visit, in each language, is in tests/browser/test_tour.py.)
"""

import pytest
from playwright.sync_api import expect

from tools.apptest import overview_heading


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("id-ID", "id")])
def test_overview_title_follows_browser_locale_without_lang_parameter(
    make_page, app_url, open_page, locale, lang
):
    """With no ?lang, the Overview is shown in the language of the browser's locale."""
    probe = make_page(locale=locale)

    open_page(probe.page, app_url, "")

    title = probe.page.locator('[data-testid="stMain"] h1').first
    expect(title).to_have_text(overview_heading(lang))
    assert probe.page.locator('[data-testid="stException"]').all_inner_texts() == []
    assert probe.console_errors == []
