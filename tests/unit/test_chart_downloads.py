"""Every chart's data as data desks take it: machine rows, the CSV read back as a spreadsheet
reads it, a ZIP that Frictionless accepts and whose README cites it, the same bytes every time,
and the whole data package as the repository's data/ holds it."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import frictionless
import pandas as pd
import pytest

from components.charts.fields import BOM, FIELDS, csv_bytes, fields
from components.data.dictionary import README_NAME, package_readme
from components.paths import DATA_DIR
from components.publish import export
from components.publish.about import about, cited_ids
from components.publish.downloads import chart_zip, package_zip
from components.publish.static_export import accessed_on, write_data_files
from components.registry import CHARTS
from components.text.i18n import LANGS, catalog, format_date, t

ACCESSED = date(2026, 12, 1)
APP = "https://app.example.org"
VIEWS = [(spec, lang) for spec in CHARTS for lang in LANGS]


def view_id(view) -> str:
    spec, lang = view
    return f"{spec.chart_id}-{lang}"


@pytest.fixture(scope="module")
def built(build):
    return {(spec.chart_id, lang): build(spec, lang=lang) for spec, lang in VIEWS}


def found_for(spec, chart, data, lang):
    url = export.permanent_url(APP, spec, spec.defaults, lang)
    return about(spec, chart, data, lang, url=url, accessed=ACCESSED)


def unpacked(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {info.filename: opened.read(info) for info in opened.infolist()}


# --- the rows ---------------------------------------------------------------------------------------

def test_every_field_has_a_header_and_a_meaning_in_both_languages():
    for lang in LANGS:
        messages = catalog(lang)
        missing = [name for name in FIELDS for part in ("title", "description")
                   if not messages.get(f"field.{name}.{part}", "").strip()]
        assert not missing, (lang, missing)


@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.chart_id)
def test_a_charts_rows_have_the_same_machine_names_in_both_languages(spec, built):
    columns = {lang: list(built[spec.chart_id, lang].rows.columns) for lang in LANGS}
    assert columns["id"] == columns["en"]
    assert columns["en"] and set(columns["en"]) <= set(FIELDS), set(columns["en"]) - set(FIELDS)


@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.chart_id)
def test_a_charts_rows_are_the_rows_its_table_shows(spec, built):
    chart = built[spec.chart_id, "en"]
    if spec.chart_id == "role-matrix":  # the table is one row per country, the rows one per tie
        assert chart.rows["iso3"].nunique() == len(chart.table)
    else:
        assert len(chart.rows) == len(chart.table) > 0


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_dates_are_dates_numbers_numbers_and_codes_codes(view, built):
    spec, lang = view
    rows = built[spec.chart_id, lang].rows
    for field in fields(rows, lang):
        values = [value for value in rows[field.name] if not pd.isna(value) and value != ""]
        if field.type == "date":
            assert all(isinstance(value, date) for value in values), (field.name, values[:3])
        elif field.type == "integer":
            assert all(isinstance(value, int) or float(value).is_integer() for value in values)
        if FIELDS[field.name].codes:  # every code has its word, no key left as text
            assert all(word and not word.startswith(FIELDS[field.name].codes.split("{")[0])
                       for _, word in field.codes), field.codes
        if FIELDS[field.name].precision:
            assert FIELDS[field.name].precision in rows


def test_the_csv_reads_back_in_a_spreadsheet_with_every_character_and_value():
    rows = pd.DataFrame({"country": ["São Tomé and Príncipe", "Türkiye", "Lao PDR – Laos"],
                         "date": [date(1967, 8, 8), date(2011, 11, 19), None],
                         "member_count": [5, 18, 0],
                         "source_ids": ["a~b", "c", ""]})
    content = csv_bytes(rows)
    assert content.startswith(BOM.encode("utf-8"))  # Excel reads UTF-8 only after a BOM
    read = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert read == [["country", "date", "member_count", "source_ids"],
                    ["São Tomé and Príncipe", "1967-08-08", "5", "a~b"],
                    ["Türkiye", "2011-11-19", "18", "c"],
                    ["Lao PDR – Laos", "", "0", ""]]
    # The way pandas (and so a data desk's notebook) reads it: the header without the BOM.
    assert list(pd.read_csv(io.BytesIO(content), encoding="utf-8-sig").columns) == list(rows)


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_every_charts_csv_reads_back_as_its_rows(view, built):
    spec, lang = view
    chart = built[spec.chart_id, lang]
    text = export.rows_csv(chart).decode("utf-8")
    assert text.startswith(BOM)
    read = list(csv.DictReader(io.StringIO(text.removeprefix(BOM), newline="")))
    assert len(read) == len(chart.rows) and list(read[0]) == list(chart.rows.columns)
    for record, (_, row) in zip(read, chart.rows.iterrows(), strict=True):
        for name, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.date()
            expected = "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
                else value.isoformat() if isinstance(value, date) else str(value)
            assert record[name] == expected, (name, record[name], expected)


# --- the ZIP ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_every_charts_zip_is_a_valid_data_package(view, built, data, tmp_path):
    spec, lang = view
    chart = built[spec.chart_id, lang]
    files = unpacked(chart_zip(found_for(spec, chart, data, lang), chart.rows, data))
    folder = f"{spec.chart_id}-{lang}"
    assert sorted(files) == sorted(f"{folder}/{name}" for name in (
        README_NAME, "datapackage.json", f"{spec.chart_id}.csv", "sources.csv"))
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    report = frictionless.validate(str(tmp_path / folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_every_source_a_charts_rows_cite_is_in_its_zip(view, built, data):
    spec, lang = view
    chart = built[spec.chart_id, lang]
    files = unpacked(chart_zip(found_for(spec, chart, data, lang), chart.rows, data))
    sources = pd.read_csv(io.BytesIO(files[f"{spec.chart_id}-{lang}/sources.csv"]),
                          encoding="utf-8-sig", keep_default_na=False)
    assert set(cited_ids(chart)) == set(sources["source_id"])
    assert (sources["url"].str.startswith(("http://", "https://"))).all()


@pytest.mark.parametrize("view", VIEWS, ids=view_id)
def test_the_readme_says_what_where_when_and_how_to_cite_in_the_charts_language(view, built,
                                                                               data):
    spec, lang = view
    chart = built[spec.chart_id, lang]
    found = found_for(spec, chart, data, lang)
    readme = unpacked(chart_zip(found, chart.rows, data))[f"{spec.chart_id}-{lang}/{README_NAME}"]
    text = readme.decode("utf-8")
    assert text.startswith(f"# {chart.title}")
    assert chart.method and chart.method in text
    for field in fields(chart.rows, lang):
        assert f"| `{field.name}` | {field.header} |" in text
    for url in found.sources["url"]:
        assert url in text
    for kind in found.sources["kind"].unique():
        assert f"### {t(f'sources.source_kind.{kind}', lang)}" in text
    assert t("about.checked", lang, date=format_date(found.checked, lang)) in text
    assert "CC-BY-4.0" in json.dumps(found.licence) and "creativecommons.org/licenses/by/4.0" in text
    # Short, full (with the view's permanent URL and the access date) and BibTeX.
    assert found.citation.short in text and found.citation.full in text
    assert found.url in found.citation.full and format_date(ACCESSED, lang) in found.citation.full
    assert "```bibtex\n@misc{" in text and "urldate = {2026-12-01}" in text
    assert f"url = {{{found.url}}}" in found.citation.bibtex


def test_the_same_view_on_the_same_day_gives_the_same_zip(built, data):
    spec = CHARTS[0]
    chart = built[spec.chart_id, "id"]
    first = chart_zip(found_for(spec, chart, data, "id"), chart.rows, data)
    again = chart_zip(found_for(spec, spec.make(data, spec.defaults, "id"), data, "id"),
                      chart.rows, data)
    assert first == again
    later = about(spec, chart, data, "id", url=found_for(spec, chart, data, "id").url,
                  accessed=date(2027, 1, 2))
    assert chart_zip(later, chart.rows, data) != first  # the access date is in the citation


def test_make_export_writes_the_bytes_the_app_hands_over(built, data, tmp_path):
    """The export's CSV and ZIP are the frame's download for the same view, address and day."""
    spec = next(spec for spec in CHARTS if spec.chart_id == "members-over-time")
    chart = built[spec.chart_id, "en"]
    write_data_files(tmp_path, data, spec, "en", chart, url=export.permanent_url(
        APP, spec, spec.defaults, "en"), accessed=ACCESSED)
    assert (tmp_path / "en" / "members-over-time.csv").read_bytes() == export.rows_csv(chart)
    assert (tmp_path / "en" / "members-over-time.zip").read_bytes() == chart_zip(
        found_for(spec, chart, data, "en"), chart.rows, data)


def test_the_exports_access_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01T00:00:00Z
    assert accessed_on() == date(2025, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert accessed_on() == date.today()


def test_without_an_address_the_citation_leaves_the_url_out(built, data):
    spec = CHARTS[0]
    chart = built[spec.chart_id, "en"]
    found = about(spec, chart, data, "en", url="", accessed=ACCESSED)
    assert "–" not in found.citation.full.split("]")[-1] and "url =" not in found.citation.bibtex
    assert found.citation.full.endswith("Licence: Creative Commons Attribution 4.0.")


# --- the whole package ------------------------------------------------------------------------------

def test_the_packages_readme_is_current(data):
    assert (DATA_DIR / README_NAME).read_text(encoding="utf-8") == package_readme(data), (
        "data/README.md is out of date: run `make validate`, which rewrites it")


def test_the_package_download_is_the_repositorys_data_folder_and_validates(data, tmp_path):
    files = unpacked(package_zip(DATA_DIR, data))
    folder = data.descriptor["name"]
    for resource in data.descriptor["resources"]:
        assert files[f"{folder}/{resource['path']}"] == (DATA_DIR / resource["path"]).read_bytes()
    assert files[f"{folder}/{README_NAME}"] == (DATA_DIR / README_NAME).read_bytes()
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    report = frictionless.validate(str(tmp_path / folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    assert package_zip(DATA_DIR, data) == package_zip(DATA_DIR, data)
