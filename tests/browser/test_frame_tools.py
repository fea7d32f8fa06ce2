"""A chart frame's editor tools in a real Chromium: the Download popover hands over the chart as
CSV, a ZIP (rows, sources, datapackage.json, README), PNG, SVG and HTML, and the Embed popover
shows the iframe snippet for the current view.

They are drawn only once opened (a rerun), so the test also checks they arrive after a click.
"""

import csv
import io
import zipfile
from datetime import date

import frictionless
import pytest
from playwright.sync_api import expect

from components.text.i18n import t
from tools import browser as chromium

FRAME = ".st-key-frame-members-over-time"


@pytest.fixture
def map_page(page, app_url, open_page):
    open_page(page, app_url, "map", lang="en", bloc="EAS")
    return page


def open_downloads(page):
    frame = page.locator(FRAME)
    frame.locator(".st-key-downloads-members-over-time button").first.click()
    csv_link = page.get_by_role("link", name=t("about.csv", "en"))
    expect(csv_link).to_be_visible(timeout=30_000)
    return csv_link


def test_the_download_buttons_appear_only_once_the_popover_is_opened(map_page):
    assert map_page.get_by_role("link", name=t("about.csv", "en")).count() == 0
    open_downloads(map_page)
    for label in ("PNG", "SVG", "HTML"):
        expect(map_page.get_by_role("button", name=label, exact=True)).to_be_visible()


def test_the_csv_download_holds_the_rows_of_the_chart_shown(map_page):
    csv_button = open_downloads(map_page)
    with map_page.expect_download() as download:
        csv_button.click()
    assert download.value.suggested_filename == "members-over-time-en.csv"
    content = download.value.path().read_bytes()
    assert content.startswith("\ufeff".encode())  # Excel then reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert list(rows[0]) == ["bloc_id", "bloc", "date", "date_precision", "member_count"]
    eas = [row for row in rows if row["bloc_id"] == "EAS"]
    # Russia and the United States joined on 19 November 2011: the summit grew to 18.
    assert any(row["date"] == "2011-11-19" and row["member_count"] == "18" for row in eas)


def test_the_zip_download_is_a_valid_data_package_that_cites_this_view(map_page, tmp_path):
    open_downloads(map_page)
    with map_page.expect_download() as download:
        map_page.get_by_role("link", name=t("about.zip", "en")).click()
    assert download.value.suggested_filename == "members-over-time-en.zip"
    with zipfile.ZipFile(download.value.path()) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "members-over-time-en"
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "/map?lang=en&bloc=EAS" in readme  # the permanent URL of this view
    assert date.today().isoformat() in readme  # accessed today (BibTeX urldate)


@pytest.mark.parametrize(("label", "magic"), [("PNG", b"\x89PNG"), ("SVG", b"<svg"),
                                              ("HTML", b"<!DOCTYPE html>")])
def test_each_file_download_is_a_real_file_of_its_kind(map_page, label, magic):
    open_downloads(map_page)
    with map_page.expect_download(timeout=90_000) as download:
        map_page.get_by_role("button", name=label, exact=True).click()
    content = download.value.path().read_bytes()
    assert magic in content[:400], content[:80]


def test_the_embed_popover_shows_the_snippet_for_the_current_view(map_page):
    map_page.locator(".st-key-embed-members-over-time button").first.click()
    snippet = map_page.locator('[data-testid="stPopoverBody"] code').first
    expect(snippet).to_contain_text("<iframe", timeout=30_000)
    text = snippet.inner_text()
    assert "chart=members-over-time" in text and "bloc=EAS" in text


def test_the_citation_copy_blocks_arrive_once_opened_without_the_highlighter_before(map_page):
    """The panel shows the citation as text; its copy buttons (st.code) come with a half-megabyte
    script, which the page must not have fetched before a reader asks for them."""
    scripts = map_page.evaluate(
        "() => performance.getEntriesByType('resource').map(entry => entry.name)")
    assert not [name for name in scripts if "SyntaxHighlighter" in name], scripts
    frame = map_page.locator(FRAME)
    frame.get_by_role("tab", name=t("about.tab", "en")).click()
    expect(frame).to_contain_text(f"{t('about.full', 'en')}: {t('citation.author', 'en')} (")
    chromium.wait_until_idle(map_page)  # the tab's run has drawn the whole page
    frame.locator(".st-key-cite-members-over-time button").first.click()
    blocks = map_page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]')
    expect(blocks).to_have_count(2, timeout=30_000)
    full, bibtex = (blocks.nth(index).inner_text() for index in range(2))
    assert full.startswith(t("citation.author", "en")) and "/map?lang=en&bloc=EAS" in full
    assert bibtex.startswith("@misc{") and "urldate = {" in bibtex
    # Streamlit's own button (and label), shown when the pointer is over the block.
    copy = map_page.locator('[data-testid="stPopoverBody"] button[aria-label="Copy to clipboard"]')
    assert copy.count() == 2


def test_the_table_arrives_when_its_tab_is_opened_and_its_grid_script_not_before(map_page):
    """The table's grid is a script of its own (about 250 KB): a reader who never opens a Table tab
    does not fetch it. The chart stays drawn on its tab meanwhile."""
    def fetched_grid():
        return [name for name in map_page.evaluate(
            "() => performance.getEntriesByType('resource').map(entry => entry.name)")
            if "/DataFrame." in name]

    assert not fetched_grid()
    frame = map_page.locator(FRAME)
    assert frame.locator('[data-testid="stDataFrame"]').count() == 0
    frame.get_by_role("tab", name=t("frame.view_table", "en")).click()
    expect(frame.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=30_000)
    assert fetched_grid()
    frame.get_by_role("tab", name=t("frame.view_chart", "en")).click()
    expect(frame.locator(".js-plotly-plot .main-svg").first).to_be_visible()
