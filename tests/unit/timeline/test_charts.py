"""The Timeline's charts: titles that state what the data shows, tables, registration."""


import pytest

from components.registry import get_chart
from components.text.i18n import t
from components.timeline.charts import make_history, make_summit_week
from components.timeline.events import (
    TRACKS,
)
from components.timeline.params import WEEK_PARAMS

ALL = {"tracks": TRACKS, "q": "", "from": 1967, "to": 2024}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_week_title_tells_lavrovs_summit_from_the_data(data, lang):
    chart = make_summit_week(data, ALL, lang)
    assert "6 September" in chart.title and "7 September" in chart.title
    assert chart.title.startswith("Lavrov")
    assert len(chart.table) == 11


def test_the_week_title_names_the_busiest_day_without_lavrovs_events(data):
    chart = make_summit_week(data, {**ALL, "tracks": ("ASEAN", "EAS")}, "en")
    assert chart.title == t("timeline.week.title_busiest", "en", count=7, day="7 September",
                            busiest=3)


def test_a_search_with_one_match_names_that_event(data):
    chart = make_summit_week(data, {**ALL, "q": "dhaka"}, "id")
    assert "Lavrov di Dhaka" in chart.title and "7 September 2023" in chart.title


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_history_title_gives_the_years_russia_entered_the_regions_forums(data, lang):
    chart = make_history(data, ALL, lang)
    assert "1991" in chart.title and "2011" in chart.title
    assert len(chart.table) == 71
    assert chart.notes  # month- and year-precision dates are explained


def test_the_history_title_falls_back_to_the_busiest_track(data):
    chart = make_history(data, {**ALL, "tracks": ("SCO", "EAEU")}, "en")
    assert chart.title == "The SCO track is the busiest here: 20 of 29 events"


def test_an_empty_selection_says_so_and_shows_an_empty_table(data):
    chart = make_history(data, {**ALL, "q": "no such words"}, "en")
    assert chart.title == t("timeline.history.title_empty", "en")
    assert chart.table.empty and chart.source_ids == ()


def test_the_chart_table_lists_the_publishers_of_each_event(data):
    chart = make_history(data, {**ALL, "from": 1967, "to": 1967}, "en")
    row = chart.table.iloc[0]
    assert row[t("timeline.col.date", "en")] == "8 August 1967"
    assert "ASEAN-Japan Centre" in row[t("timeline.col.sources", "en")]


def test_both_timeline_charts_are_registered_with_their_parameters():
    assert [p.key for p in get_chart("summit-week").params] == [p.key for p in WEEK_PARAMS]
    assert [p.key for p in get_chart("history").params] == ["tracks", "from", "to", "q"]
    assert get_chart("history").page == get_chart("summit-week").page == "timeline"
