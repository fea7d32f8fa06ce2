"""URL parameters: valid values are read, bad ones fall back to the default with a notice."""

from datetime import date

import pytest

from components.charts.url_state import (
    Notice,
    choice,
    choices,
    day,
    flag,
    parse_query,
    text,
    to_query,
    widget_value,
    year,
)

BLOC = choice("bloc", ("ASEAN", "EAS", "SCO", "EAEU", "all"), "EAS")
ROLES = choices("roles", ("member", "observer", "dialogue_partner"), ("member", "observer"))
AS_OF = day("asof", date(2023, 9, 7), date(1967, 1, 1), date(2026, 12, 31))
SEARCH = text("q")
TABLE = flag("table")
PARAMS = (BLOC, ROLES, AS_OF, SEARCH, TABLE)


def test_an_empty_query_gives_every_default():
    values, notices = parse_query(PARAMS, {})
    assert values == {"bloc": "EAS", "roles": ("member", "observer"), "asof": date(2023, 9, 7),
                      "q": "", "table": False}
    assert notices == []


def test_valid_values_are_read():
    values, notices = parse_query(PARAMS, {"bloc": "SCO", "roles": "dialogue_partner~member",
                                           "asof": "2011-12-31", "q": "Lavrov", "table": "1"})
    assert values["bloc"] == "SCO"
    assert values["roles"] == ("member", "dialogue_partner")  # options' order, not the link's
    assert values["asof"] == date(2011, 12, 31)
    assert values["q"] == "Lavrov"
    assert values["table"] is True
    assert notices == []


@pytest.mark.parametrize(("key", "raw"), [
    ("bloc", "NATO"), ("bloc", "<script>alert(1)</script>"), ("roles", "member~king"),
    ("asof", "2023-02-30"), ("asof", "1900-01-01"), ("asof", "20230907"), ("asof", "tomorrow"),
    ("q", "x" * 500), ("q", "line\nbreak"), ("table", "yes"), ("bloc", "' OR 1=1 --"),
])
def test_a_bad_value_falls_back_to_its_default_with_a_notice(key, raw):
    values, notices = parse_query(PARAMS, {key: raw})
    defaults, _ = parse_query(PARAMS, {})
    assert values[key] == defaults[key]
    assert [notice.key for notice in notices] == [key]


def test_a_repeated_key_counts_by_its_last_value():
    values, notices = parse_query(PARAMS, {"bloc": ["ASEAN", "SCO"]})
    assert values["bloc"] == "SCO"
    assert notices == []


def test_a_notice_keeps_only_the_start_of_a_long_value():
    _, notices = parse_query(PARAMS, {"bloc": "B" * 1000})
    assert notices == [Notice("bloc", "B" * 40)]


def test_defaults_are_left_out_of_the_link():
    assert to_query(PARAMS, {"bloc": "EAS", "roles": ("member", "observer"),
                             "asof": date(2023, 9, 7), "q": "", "table": False}) == {}


def test_a_changed_view_round_trips_through_the_link():
    values = {"bloc": "SCO", "roles": ("member",), "asof": date(2024, 7, 4), "q": "Iran",
              "table": True}
    query = to_query(PARAMS, values)
    assert query == {"bloc": "SCO", "roles": "member", "asof": "2024-07-04", "q": "Iran",
                     "table": "1"}
    assert parse_query(PARAMS, query) == (values, [])


def test_no_roles_selected_is_a_view_of_its_own():
    values, notices = parse_query(PARAMS, {"roles": ""})
    assert values["roles"] == ()
    assert notices == []


def test_a_single_pill_stands_for_every_value_but_the_default():
    """No pill chosen is the default ("none opened"); the default has no pill of its own."""
    opened = choice("claim", ("", "C1", "C2"), "", widget="pill")
    assert widget_value(opened, "") is None
    assert widget_value(opened, "C2") == "C2"
    assert opened.normalise(None) == ""
    assert opened.normalise("C1") == "C1"
    assert choice("claim", ("", "C1"), "").normalise(None) is None  # a select box's value as given


def test_a_day_is_four_two_two_ascii_digits_and_a_year_four():
    asof = day("asof", date(2023, 9, 7), date(1967, 8, 8), date(2025, 10, 28))
    for refused in ("2023-W36-4", "２０２３-09-07", "2023-9-07x", "2023/09/07"):
        with pytest.raises(ValueError):
            asof.parse(refused)
    assert asof.parse("2023-09-07") == date(2023, 9, 7)
    start = year("from", 1967, 1967, 2025)
    with pytest.raises(ValueError):
        start.parse("２０２３")
    assert start.parse("2023") == 2023
