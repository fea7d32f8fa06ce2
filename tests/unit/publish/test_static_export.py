"""`make export`: the files it writes are the bytes the app hands over, dated reproducibly."""

from __future__ import annotations

from datetime import date

import pytest

from components.publish import export
from components.publish.about import about
from components.publish.downloads import chart_zip
from components.publish.static_export import accessed_on, write_data_files
from components.registry import CHARTS
from components.text.i18n import LANGS

ACCESSED = date(2026, 12, 1)
APP = "https://app.example.org"
VIEWS = [(spec, lang) for spec in CHARTS for lang in LANGS]


@pytest.fixture(scope="module")
def built(build):
    return {(spec.chart_id, lang): build(spec, lang=lang) for spec, lang in VIEWS}


def found_for(spec, chart, data, lang):
    url = export.permanent_url(APP, spec, spec.defaults, lang)
    return about(spec, chart, data, lang, url=url, accessed=ACCESSED)


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
