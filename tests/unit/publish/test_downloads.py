"""Every chart's ZIP: a data package Frictionless accepts, whose README cites it, the same
bytes every time; and the whole data package as the repository's data/ holds it."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import frictionless
import pandas as pd
import pytest

from components.charts.fields import fields
from components.data.dictionary import README_NAME, package_readme
from components.paths import DATA_DIR
from components.publish import export
from components.publish.about import about, cited_ids
from components.publish.downloads import chart_zip, package_zip
from components.registry import CHARTS
from components.text.i18n import format_date, t
from tests.unit.shared import VIEWS, view_id

ACCESSED = date(2026, 12, 1)
APP = "https://app.example.org"


def found_for(spec, chart, data, lang):
    url = export.permanent_url(APP, spec, spec.defaults, lang)
    return about(spec, chart, data, lang, url=url, accessed=ACCESSED)


def unpacked(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {info.filename: opened.read(info) for info in opened.infolist()}


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
