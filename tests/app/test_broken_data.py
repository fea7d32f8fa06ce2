"""Broken data packages: ``make validate`` names each problem, and the app shows a readable notice
in the reader's language, never a traceback, while the pages that do not need the broken table
keep working.

Each corruption is made in a copy of ``data/``; ``DASHBOARD_DATA_DIR`` points the app at it.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.data import source
from components.data.citations import AUTHORITY, TOOL_KIND
from components.data.validate import main as validate_main
from components.paths import DATA_DIR, DATA_DIR_VARIABLE
from components.registry import PAGES, charts_on
from components.text.i18n import LANGS, t
from tools.apptest import heading, open_app, overview_heading, page_heading

TIMEOUT = 60


# --- the corpus ------------------------------------------------------------------------------------

def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; ``row`` is the spreadsheet row number (the header is row 1)."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def drop_column(root: Path) -> None:
    rows = read_rows(root / "countries.csv")
    drop = rows[0].index("capital_en")
    write_rows(root / "countries.csv", [row[:drop] + row[drop + 1:] for row in rows])


def duplicate_key(root: Path) -> None:
    rows = read_rows(root / "sectors.csv")
    write_rows(root / "sectors.csv", [*rows, rows[1]])


def end_before_start(root: Path) -> None:
    path = root / "memberships.csv"
    rows = read_rows(path)
    row = next(n for n, r in enumerate(rows[1:], start=2) if r[rows[0].index("end_date")])
    set_cell(path, row, "end_date", "1900-01-01")


def not_utf8(root: Path) -> None:
    path = root / "countries.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] += "Chișinău".encode("utf-16")
    path.write_bytes(b"\n".join(lines))


def truncate(root: Path) -> None:
    path = root / "events.csv"
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # cut in the middle of a row, as a failed upload does


def break_descriptor(root: Path) -> None:
    path = root / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8")[:300], encoding="utf-8")


@dataclass(frozen=True)
class Corruption:
    name: str
    file: str  # the broken file
    apply: Callable[[Path], None]
    # The start of the line ``make validate`` must print for it (file, then row and column).
    line: str
    whole_package: bool = False  # nothing is usable: the app shows its data error page


def row_of_first_end_date() -> int:
    rows = read_rows(DATA_DIR / "memberships.csv")
    return next(n for n, r in enumerate(rows[1:], start=2) if r[rows[0].index("end_date")])


CORRUPTIONS = (
    Corruption("missing-column", "countries.csv", drop_column,
               "countries.csv, row 1, column 'capital_en': the column is missing"),
    Corruption("impossible-date", "events.csv",
               lambda root: set_cell(root / "events.csv", 3, "date", "2023-02-30"),
               "events.csv, row 3, column 'date': '2023-02-30'"),
    Corruption("unknown-country", "memberships.csv",
               lambda root: set_cell(root / "memberships.csv", 4, "iso3", "XYZ"),
               "memberships.csv, row 4, column 'iso3'"),
    Corruption("duplicate-key", "sectors.csv", duplicate_key,
               f"sectors.csv, row {len(read_rows(DATA_DIR / 'sectors.csv')) + 1}, "
               "column 'sector_id': duplicate key"),
    Corruption("end-before-start", "memberships.csv", end_before_start,
               f"memberships.csv, row {row_of_first_end_date()}, column 'end_date': ends"),
    Corruption("unknown-source", "events.csv",
               lambda root: set_cell(root / "events.csv", 2, "source_ids", "no-such-source"),
               "events.csv, row 2, column 'source_ids': unknown source id 'no-such-source'"),
    Corruption("empty-file", "blocs.csv",
               lambda root: (root / "blocs.csv").write_text("", encoding="utf-8"),
               "blocs.csv: the file is empty"),
    Corruption("not-utf8", "countries.csv", not_utf8, "countries.csv, row 5: not UTF-8"),
    Corruption("missing-file", "sectors.csv", lambda root: (root / "sectors.csv").unlink(),
               "sectors.csv: the file is missing"),
    Corruption("truncated-csv", "events.csv", truncate, "events.csv, row "),
    Corruption("broken-descriptor", "datapackage.json", break_descriptor,
               "datapackage.json, row ", whole_package=True),
    Corruption("broken-sources", "sources.csv",
               lambda root: (root / "sources.csv").write_bytes(b"\xff\xfe broken"),
               "sources.csv, row 1: not UTF-8", whole_package=True),
)


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory) -> Iterator[Callable[[Corruption], Path]]:
    """A copy of ``data/`` with one corruption, made once per module (validating it is slow)."""
    made: dict[str, Path] = {}

    def copy(corruption: Corruption) -> Path:
        if corruption.name not in made:
            root = tmp_path_factory.mktemp(corruption.name) / "data"
            shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("geometry*"))
            corruption.apply(root)
            made[corruption.name] = root
        return made[corruption.name]

    yield copy
    source.forget()  # the loader keeps a package per folder: drop the broken ones


@pytest.fixture
def use_package(monkeypatch):
    """Point the app at a package for this test; the variable is restored afterwards."""
    def use(root: Path) -> None:
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(root))

    return use


SOURCE_KINDS = (*AUTHORITY, TOOL_KIND)


def run_page(script: str, **params: str) -> AppTest:
    return open_app(script, **params)


def notices(app: AppTest) -> list[str]:
    return [element.value for element in (*app.error, *app.warning)]


# --- make validate -----------------------------------------------------------------------------

@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.name)
def test_make_validate_names_the_file_and_place_of_each_corruption(corruption, broken_copy,
                                                                   capsys):
    root = broken_copy(corruption)
    assert validate_main([str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(corruption.line) for line in lines), lines


# --- the app -----------------------------------------------------------------------------------

@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.name)
def test_the_app_shows_a_readable_notice_in_the_readers_language(corruption, broken_copy,
                                                                 use_package):
    use_package(broken_copy(corruption))
    for lang in LANGS:
        app = run_page(PAGES[0].script, lang=lang)
        assert not app.exception, [e.value for e in app.exception]
        key = "error.data_title" if corruption.whole_package else "error.data_partial"
        assert t(key, lang) in notices(app), lang
        # The problems are listed as inert text, naming the broken file.
        assert any(corruption.file in block.value for block in app.code)


@pytest.mark.parametrize("lang", LANGS)
def test_with_a_broken_events_table_the_map_still_draws_its_charts(lang, broken_copy,
                                                                    use_package):
    use_package(broken_copy(CORRUPTIONS[1]))  # an impossible date in events.csv
    app = run_page("pages/map.py", lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert heading(app) == page_heading("map", lang)
    assert t("error.data_partial", lang) in notices(app)
    assert t("frame.build_failed", lang) not in notices(app)
    assert not any(notice.startswith(t("error.page_title", lang)) for notice in notices(app))
    assert len(app.get("plotly_chart")) == len(charts_on("map"))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.url_path)
def test_with_a_broken_events_table_every_page_degrades_without_a_traceback(page, broken_copy,
                                                                             use_package):
    use_package(broken_copy(CORRUPTIONS[1]))
    app = run_page(page.script, lang="en")
    assert not app.exception, [e.value for e in app.exception]
    shown = notices(app)
    assert t("error.data_partial", "en") in shown
    assert t("error.page_title", "en") not in shown  # a missing table is not a page fault
    # Every page still opens with its heading; one that needs the events then says so in words.
    assert app.title
    assert all(notice in (t("error.data_partial", "en"), t("frame.build_failed", "en"),
                          t("error.data_missing", "en", table="events"))
               for notice in shown if "event" in notice.lower() or "data" in notice.lower())


@pytest.mark.parametrize("lang", LANGS)
def test_with_a_broken_events_table_the_sources_page_keeps_its_lists(lang, broken_copy,
                                                                      use_package):
    use_package(broken_copy(CORRUPTIONS[1]))
    app = run_page("pages/sources.py", lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert t("error.data_missing", lang, table="events") not in notices(app)
    # Every source is listed, in the groups of who stands behind them.
    listed = sum(int(expander.label.rsplit("(", 1)[1].rstrip(")")) for expander in app.expander
                 if expander.label.split(" (")[0] in
                 {t(f"sources.source_kind.{kind}", lang) for kind in SOURCE_KINDS})
    assert listed == len(read_rows(DATA_DIR / "sources.csv")) - 1
    # The claims that only one side makes are still listed; the broken table's rows are not.
    unconfirmed = next(block.value for block in app.markdown
                       if block.value.startswith(f"- **{t('sources.kind_statement', lang)}**"))
    assert f"**{t('sources.kind_event', lang)}**" not in unconfirmed


def test_a_broken_package_shows_the_data_error_in_an_embed(broken_copy, use_package):
    use_package(broken_copy(CORRUPTIONS[-1]))
    app = open_app(context={"is_embedded": True}, embed="true", chart="membership-map",
                   lang="id")
    assert not app.exception, [e.value for e in app.exception]
    assert t("error.data_title", "id") in notices(app)


def test_the_app_reads_the_shipped_package_again_once_the_variable_is_gone(broken_copy,
                                                                           use_package):
    use_package(broken_copy(CORRUPTIONS[-1]))
    assert t("error.data_title", "en") in notices(run_page(PAGES[0].script, lang="en"))
    use_package(DATA_DIR)
    app = run_page(PAGES[0].script, lang="en")
    assert not app.exception
    assert not app.error
    assert app.title[0].value == overview_heading("en")
