"""The Timeline's URL parameters: years within bounds, tracks in track order."""


import pytest

from components.charts.url_state import parse_query
from components.timeline.events import (
    TRACKS,
)
from components.timeline.params import FROM_PARAM, HISTORY_PARAMS, TRACKS_PARAM


@pytest.mark.parametrize("bad", ["1900", "2030", "abc", "19670", "-1967"])
def test_a_year_outside_1967_to_2024_falls_back_with_a_notice(bad):
    values, notices = parse_query(HISTORY_PARAMS, {"from": bad})
    assert values["from"] == FROM_PARAM.default == 1967
    assert [notice.key for notice in notices] == ["from"]


def test_tracks_from_the_link_are_read_in_track_order():
    values, notices = parse_query(HISTORY_PARAMS, {"tracks": "EAEU~SCO", "to": "2000"})
    assert values["tracks"] == ("SCO", "EAEU") and values["to"] == 2000 and notices == []


def test_a_selection_in_click_order_equals_the_default_selection():
    assert TRACKS_PARAM.normalise(list(reversed(TRACKS))) == TRACKS_PARAM.default
