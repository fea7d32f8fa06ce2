"""The corrections log: newest first, per chart, and as the Sources page lists it, data text
escaped."""

import pandas as pd

from components.data import corrections


def log_of(*rows):
    frame = pd.DataFrame([dict(zip(corrections.COLUMNS, row, strict=True)) for row in rows])
    frame["date"] = pd.to_datetime(frame["date"])
    return {"corrections": frame, "sources": pd.DataFrame(
        [{"source_id": "s1", "publisher": "ASEAN Secretariat", "url": "https://asean.org/x",
          "kind": "intergovernmental", "title": "t", "side": "", "published": None,
          "language": "en", "note": ""}])}


ROWS = (
    ("older", "2026-12-01", "events", "e1", "lama", "older change", "karena", "because", "s1",
     "history"),
    ("newer", "2026-12-07", "events", "e2", "baru", "[link](https://evil.example) *new*",
     "alasan", "why <b>", "", "history~channels"),
    ("other", "2026-12-05", "sources", "s1", "lain", "other chart", "x", "y", "s1", "channels"),
)


def test_the_log_is_newest_first_and_empty_without_its_table():
    assert list(corrections.log(log_of(*ROWS))["correction_id"]) == ["newer", "other", "older"]
    assert corrections.log({}).empty


def test_a_charts_update_line_names_its_latest_correction():
    data = log_of(*ROWS)
    assert list(corrections.for_chart(data, "history")["correction_id"]) == ["newer", "older"]
    assert corrections.updated_line(data, "history", "id").startswith("Diperbarui 7 Desember 2026")
    assert corrections.updated_line(data, "channels", "en").startswith("Updated 7 December 2026")
    assert corrections.updated_line(data, "claim-tracker", "en") is None
    assert corrections.for_chart(data, "hist").empty  # ids match whole, not in part


def test_the_sources_page_lines_escape_data_text_and_cite_sources():
    lines = corrections.correction_lines(log_of(*ROWS), "en")
    assert len(lines) == 3 and lines[0].startswith("- **7 December 2026**")
    assert "[link](https" not in lines[0] and "\\[link\\]" in lines[0]
    assert "<b>" not in lines[0]
    assert "ASEAN Secretariat" in lines[2]
    assert corrections.correction_lines({}, "id") == ["Belum ada koreksi."]
