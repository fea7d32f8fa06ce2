"""Every chart's data as data desks take it: machine rows with the same names in both
languages, typed as dates, numbers and codes, and a CSV that reads back as a spreadsheet reads it."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from components.charts.fields import BOM, FIELDS, csv_bytes, fields
from components.publish import export
from components.registry import CHARTS
from components.text.i18n import LANGS, catalog
from tests.unit.shared import VIEWS, view_id

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
