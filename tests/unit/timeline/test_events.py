"""The Timeline's events: filtered by track, period and search, counted, dated at their
precision, described in hovers and nudged apart."""

from datetime import date

import pandas as pd
import pytest

from components.data.conflicts import caveat
from components.data.summit import SUMMIT_WEEK
from components.timeline.events import (
    TRACKS,
    after_summit,
    counts_by_day,
    counts_by_track,
    event_date_text,
    event_lines,
    events_in,
    hover_text,
    lane_offsets,
    matches,
    year_period,
)


def event(data, event_id):
    events = data["events"]
    return events[events["event_id"] == event_id].iloc[0]


def test_the_whole_history_has_71_events_with_sco_the_busiest_track(data):
    counts = counts_by_track(events_in(data["events"], TRACKS, year_period(1967, 2024)))
    assert counts.to_dict() == {"ASEAN": 15, "EAS": 9, "ASEAN-Russia": 13, "SCO": 20, "EAEU": 9,
                                "Russia": 5}


def test_before_1991_only_the_asean_track_has_events(data):
    counts = counts_by_track(events_in(data["events"], TRACKS, year_period(1967, 1990)))
    assert counts.to_dict() == {"ASEAN": 3, "EAS": 0, "ASEAN-Russia": 0, "SCO": 0, "EAEU": 0,
                                "Russia": 0}


def test_the_summit_week_has_eleven_events_busiest_on_the_6th_and_7th(data):
    week = events_in(data["events"], TRACKS, SUMMIT_WEEK)
    per_day = counts_by_day(week)
    assert list(per_day) == [1, 2, 4, 4, 0]
    assert per_day.index[0].date() == date(2023, 9, 4)


def test_events_are_kept_only_on_the_chosen_tracks_in_date_order(data):
    chosen = events_in(data["events"], ["SCO", "EAEU"], year_period(1967, 2024))
    assert set(chosen["track"]) == {"SCO", "EAEU"}
    assert len(chosen) == 29
    assert chosen["date"].is_monotonic_increasing


def test_no_track_chosen_gives_no_event(data):
    assert events_in(data["events"], [], None).empty


def test_a_period_given_backwards_is_read_forwards():
    assert year_period(2024, 1967) == (date(1967, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(("query", "expected"), [
    ("DHAKA", {"lavrov-dhaka-verdict"}),
    ("bangkok", {"asean-founded"}),  # English title and both descriptions
    ("didirikan di bangkok", {"asean-founded"}),  # Indonesian title only
    ("Klub Valdai", {"valdai-report-2023"}),
])
def test_search_is_case_insensitive_and_reads_both_languages(data, query, expected):
    found = data["events"][matches(data["events"], query)]
    assert set(found["event_id"]) == expected


def test_search_treats_regex_characters_as_plain_text(data):
    assert not matches(data["events"], "(.*").any()
    assert matches(data["events"], '"Russia and Asia"').sum() == 1


def test_an_empty_search_keeps_every_event(data):
    assert matches(data["events"], "  ").all()


def test_the_events_after_the_summit_are_those_dated_after_7_september_2023(data):
    later = data["events"][after_summit(data["events"])]
    assert set(later["event_id"]) == {"eef-2023", "eaeu-iran-fta", "belarus-joins-sco",
                                      "asean-russia-tac-20", "iran-eaeu-observer",
                                      "iran-eaeu-fta-in-force", "sco-tianjin-laos-partners",
                                      "timor-leste-joins-asean", "eas-20-kuala-lumpur",
                                      "asean-44-45-vientiane", "eas-19-vientiane",
                                      "asean-46-kuala-lumpur", "asean-47-kuala-lumpur",
                                      "eaeu-indonesia-fta-2025", "asean-48-cebu",
                                      "asean-russia-kazan-2026"}


@pytest.mark.parametrize(("event_id", "lang", "expected"), [
    ("russia-dialogue-partner", "id", "Juli 1996"),
    ("russia-dialogue-partner", "en", "July 1996"),
    ("russia-arf-1994", "id", "1994"),
    ("russia-arf-1994", "en", "1994"),
    ("eas-18-jakarta", "id", "7 September 2023"),
    ("asean-russia-jcc-1997", "id", "5–6 Juni 1997"),
    ("asean-russia-jcc-1997", "en", "5–6 June 1997"),
])
def test_an_event_date_is_written_at_its_precision(data, event_id, lang, expected):
    assert event_date_text(event(data, event_id), lang) == expected


def test_the_hover_gives_date_title_description_and_publishers(data):
    row = event(data, "russia-dialogue-partner")
    hover = hover_text(row, "id", "ASEAN–Rusia", data["sources"], "Sumber", caveat(row, data, "id"))
    # Sources differ on the year (conflict russia-dialogue-partner-date): the date carries the
    # mark, both years are said.
    assert hover.startswith("<b>Juli 1996 †</b> · ASEAN–Rusia<br>")
    assert "Juli 1997" in hover
    assert "Rusia menjadi Mitra Wicara penuh ASEAN" in hover
    assert "TASS" in hover


def test_the_hover_escapes_markup_from_the_data_and_wraps_long_text(data):
    row = event(data, "asean-founded").copy()
    row["title_en"] = "<img src=x onerror=alert(1)>"
    row["description_en"] = "word " * 40
    hover = hover_text(row, "en", "ASEAN", data["sources"], "Sources")
    assert "<img" not in hover and "&lt;img" in hover
    description = hover.split("<br>")[2:-1]
    assert len(description) > 1 and all(len(line) <= 50 for line in description)


def test_each_event_line_links_every_source_it_cites(data):
    founded = data["events"][data["events"]["event_id"] == "asean-founded"]
    [line] = event_lines(founded, data["sources"], "en", {"ASEAN": "ASEAN"})
    assert line.count("](http") == 2
    assert line.startswith("**8 August 1967**")


def test_events_close_in_time_are_nudged_apart_and_a_gap_resets_them():
    dates = pd.Series(pd.to_datetime(["2005-01-01", "2005-06-01", "2006-01-01", "2015-01-01"]))
    assert lane_offsets(dates, step=0.2) == [0.0, 0.2, -0.2, 0.0]
