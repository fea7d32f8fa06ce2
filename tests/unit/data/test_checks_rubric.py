"""The source rubric, enforced: make validate names file, row and column of each violation."""

import csv

import pytest

from components.data.checks import copy_host_problem
from components.data.package import find_problems
from components.paths import DATA_DIR
from components.registry import CHARTS
from tests.unit.shared import read_rows, write_rows


def row_of(root, file, row_id):
    """The spreadsheet row number (header = 1) of the row whose first cell is ``row_id``."""
    rows = read_rows(root / file)
    return next(n for n, row in enumerate(rows[1:], start=2) if row[0] == row_id)


def set_cells(root, file, row_id, **cells):
    path = root / file
    rows = read_rows(path)
    row = row_of(root, file, row_id)
    for column, value in cells.items():
        rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)
    return row


def source_row(root, source_id):
    return row_of(root, "sources.csv", source_id)


def set_source(root, source_id, **cells):
    return set_cells(root, "sources.csv", source_id, **cells)


def set_publisher(root, publisher_id, **cells):
    return set_cells(root, "publishers.csv", publisher_id, **cells)


def named_in(root, file, row, column, words=""):
    problems, _, _ = find_problems(root)
    return [p for p in problems if p.file == file and p.row == row
            and p.column == column and words in p.message]


def named(root, row, column, words=""):
    return named_in(root, "sources.csv", row, column, words)


def test_the_shipped_package_obeys_the_rubric():
    problems, _, _ = find_problems(DATA_DIR)
    assert problems == []


@pytest.mark.parametrize("url, words", [
    ("https://www.scribd.com/document/715496689/statement", "upload site"),
    ("https://docslib.org/doc/8846628/kit", "upload site"),
    ("https://pubt.io/view/96C098CF616AE2E137A189041D23C6FB4645D088", "upload site"),
    ("https://wikimili.com/en/Shanghai_Cooperation_Organisation", "Wikipedia mirror"),
    ("https://en.cedarnews.net/62378/task/lavrov", "syndication"),
    ("https://d33gy59ovltp76.cloudfront.net/news/story", "CDN copy"),
    ("https://forumspb1.mirror.rcmedia.ru/en/programme/97146/", "mirror"),
    ("https://mail.souldevice.org/eaeu-indonesia-103669.html", "scraper"),
    ("http://keyanhelp.cn/world/2010-10/30/content_21235809.htm", "scraper"),
    ("https://sg.style.yahoo.com/thailand-pm-skip-asean-meet-121230884.html", "Yahoo"),
    ("https://news-pravda.com/world/2024/10/12/786107.html", "Pravda"),
    ("https://fr.news-pravda.com/world/2024/10/12/786107.html", "Pravda"),
    ("https://pravda-de.com/world/2024/10/12/786107.html", "Pravda"),
    ("https://m.phnompenhpost.com/national-politics/story", "mobile variant"),
    ("https://amp.example-news.com/story", "AMP variant"),
    ("https://tass.com/politics/1670885/amp", "AMP variant"),
    ("https://sputniknews.cn/amp/20260202/1069574402.html", "AMP variant"),
])
def test_a_copy_or_variant_host_is_named(package, url, words):
    row = set_source(package, "tass-1670221", url=url)
    assert named(package, row, "url", words), url


@pytest.mark.parametrize("url", [
    "https://tass.com/world/1670221", "https://www.pravda.ru/news/1.html",
    "https://mfa.gov.sg/news", "https://example.com/examples/amplify", "https://asean.org/2005/04/21",
])
def test_an_own_page_is_not_taken_for_a_copy(url):
    assert copy_host_problem(url) is None


def test_a_copy_credited_to_an_intergovernmental_publisher_is_named(package):
    # A chairman's statement on a news site is that site's copy, not the body's.
    row = set_source(package, "worldjpn-asean-20230905", publisher_id="asean-secretariat")
    assert named(package, row, "publisher_id", "not the body's own site")


def test_an_intergovernmental_source_on_the_bodys_site_passes(package):
    row = set_source(package, "asean-2005-04-21", url="https://eastasiasummit.asean.org/about")
    assert not named(package, row, "publisher_id")


@pytest.mark.parametrize("publisher_id, words", [("", "missing"), ("nobody-known", "")])
def test_a_source_without_a_known_publisher_is_named(package, publisher_id, words):
    # a blank cell is the schema's "required"; an unknown id breaks the foreign key
    row = set_source(package, "rappler-phl-2026", publisher_id=publisher_id)
    assert named(package, row, "publisher_id", words)


@pytest.mark.parametrize("name", ["unknown", "n/a"])
def test_a_publisher_named_by_a_placeholder_is_named(package, name):
    row = set_publisher(package, "rappler", name=name)
    assert named_in(package, "publishers.csv", row, "name", "no publisher")


def test_a_russian_state_outlet_without_its_side_is_named_in_both_files(package):
    row = set_publisher(package, "tass", side="")
    assert named_in(package, "publishers.csv", row, "side", "carries side 'russia'")
    assert named(package, source_row(package, "tass-1670221"), "publisher_id", "state outlet")


def test_a_state_outlet_names_its_state_and_an_independent_one_none(package):
    row = set_publisher(package, "rri", affiliated_state="")
    assert named_in(package, "publishers.csv", row, "affiliated_state", "names the state")
    row = set_publisher(package, "rappler", affiliated_state="PHL")
    assert named_in(package, "publishers.csv", row, "affiliated_state", "no affiliated state")


def test_kind_and_side_come_from_the_publisher_and_a_relay_takes_its_wires_side(data):
    sources = data["sources"].set_index("source_id")
    tass = sources[sources["publisher_id"] == "tass"]
    assert set(tass["kind"]) == {"news-agency"} and set(tass["side"]) == {"russia"}
    relay = sources.loc["urdupoint-saudi-sco"]
    assert relay["carries_publisher_id"] == "sputnik" and relay["side"] == "russia"
    assert relay["publisher"] == "UrduPoint" or relay["publisher"].startswith("UrduPoint")
    primary = sources.loc["bisnis-2023-09-07"]
    assert primary["kind"] == "primary-article" and primary["country"] == "IDN"


def test_an_archived_copy_must_be_on_a_web_archive(package):
    row = set_source(package, "rappler-phl-2026", archived_url="https://docslib.org/doc/1/copy")
    assert named(package, row, "archived_url", "not a web archive")
    row = set_source(package, "rappler-phl-2026",
                     archived_url="https://web.archive.org/web/2023/https://www.rappler.com/x")
    assert not named(package, row, "archived_url")


def test_corrections_name_known_charts_and_tables():
    rows = list(csv.DictReader((DATA_DIR / "corrections.csv").open(encoding="utf-8")))
    charts = {spec.chart_id for spec in CHARTS}
    assert rows
    for row in rows:
        assert set(filter(None, row["chart_ids"].split("~"))) <= charts, row["correction_id"]


def test_a_correction_may_cite_no_source_but_not_an_unknown_one(package):
    path = package / "corrections.csv"
    rows = read_rows(path)
    column = rows[0].index("source_ids")
    rows[1][column] = "no-such-source"
    write_rows(path, rows)
    problems, _, _ = find_problems(package)
    assert any(p.file == "corrections.csv" and p.row == 2 and p.column == "source_ids"
               for p in problems)
