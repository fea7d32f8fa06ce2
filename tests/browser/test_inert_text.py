"""Text from the data is rendered inert: HTML, script and markdown links planted in data rows show
as text in a real Chromium, execute nothing and create no link or image.

The app runs on a copy of the data package (``DASHBOARD_DATA_DIR``) whose statements, events and
sources carry the planted text next to their own, so every place that shows them is exercised.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.data.package import find_problems
from components.paths import DATA_DIR, DATA_DIR_VARIABLE
from components.text.i18n import t
from components.text.safe_text import WORD_JOINER
from tools import browser as chromium

IMAGE = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1</script>"
LINK = "[click me](https://evil.example)"
JAVASCRIPT_LINK = "[run me](javascript:window.__pwned=1)"
ANCHOR = '<a href="https://evil.example/anchor">anchor</a>'  # plotly renders <a> in its texts
PLANTED = f"{IMAGE} {SCRIPT} {LINK} {JAVASCRIPT_LINK} {ANCHOR} **bold**"

# table -> the text columns that get the planted text appended
COLUMNS = {
    "statements.csv": ("speaker_en", "text_en", "text_id", "evidence_en"),
    "events.csv": ("title_en", "description_en"),
    "sources.csv": ("title",),
    "publishers.csv": ("name",),  # the name every source line gives its publisher
}
PAGES = ("", "timeline", "cooperation", "sources", "map")

# Every link, SVG links included, whose target is the planted host or a script.
BAD_LINKS_JS = """() => Array.from(document.querySelectorAll('a')).map(
    a => a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || ''
).filter(href => href.includes('evil.example') || href.trim().toLowerCase().startsWith('javascript:'))
"""


def plant(root: Path) -> None:
    for name, columns in COLUMNS.items():
        path = root / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            for column in columns:
                row[column] = f"{row[column]} {PLANTED}"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


@pytest.fixture(scope="module")
def planted_app_url(tmp_path_factory, serving) -> Iterator[str]:
    """The app running on a valid package whose texts carry the planted HTML and links."""
    root = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(DATA_DIR, root)
    plant(root)
    problems, _, _ = find_problems(root)
    assert problems == [], "the planted package must stay valid, or the app would drop tables"
    with serving(tmp_path_factory.mktemp("planted-server") / "server.log",
                 env={DATA_DIR_VARIABLE: str(root)}) as server:
        yield server.url


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "overview")
def test_planted_html_and_links_in_the_data_stay_text(browser_page, planted_app_url, open_page,
                                                      path):
    page = browser_page.page
    open_page(page, planted_app_url, path, lang="en")
    # Open every expander and tab-free section so their contents are in the page too.
    for expander in page.locator('[data-testid="stExpander"] summary').all():
        expander.click()
        chromium.wait_until_idle(page)  # a claim card is filled in once it is opened
    # Every frame's "About this data" (sources' titles as links) is drawn once its tab is opened
    # (after the expanders: the chart's tab, with "This chart in words", is hidden then).
    about_tabs = page.get_by_role("tab", name=t("about.tab", "en"))
    for tab in about_tabs.all():
        tab.click()
        chromium.wait_until_idle(page)
    if about_tabs.count():
        expect(page.get_by_text(t("about.sources", "en")).last).to_be_visible()
    page.wait_for_timeout(500)  # time for an injected image's onerror to fire

    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate(BAD_LINKS_JS) == []
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('[data-testid="stMain"] script').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    if path in ("", "cooperation"):  # statement cards show the planted text in full
        # As a reader sees it: the invisible word joiners that stop bare addresses linking.
        text = page.locator('[data-testid="stMain"]').inner_text().replace(WORD_JOINER, "")
        for planted in (IMAGE, SCRIPT, LINK, JAVASCRIPT_LINK, ANCHOR):
            assert planted in text
    assert browser_page.console_errors == []
    assert browser_page.failed_requests == []


def test_the_planted_package_is_the_one_shown(browser_page, planted_app_url, open_page):
    """The counterpart of the checks above: the planted text does reach the page."""
    page = browser_page.page
    open_page(page, planted_app_url, "", lang="en")
    text = page.locator('[data-testid="stMain"]').inner_text().replace(WORD_JOINER, "")
    assert LINK in text
