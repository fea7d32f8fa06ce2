"""Each page has its own browser title, so tabs and shared links tell pages apart."""

import pytest

from components.registry import PAGES, link_path
from components.text.i18n import t


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_section_page_has_its_own_browser_title(page, app_url, open_page, lang):
    for info in PAGES[1:3]:
        open_page(page, app_url, link_path(info), lang=lang)
        page.wait_for_function("title => document.title.startsWith(title)",
                               arg=f"{t(info.title_key, lang)} · ", timeout=15_000)
