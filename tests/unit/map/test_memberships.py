"""Membership on a date: start inclusive, end exclusive, founding members counted as members."""

from datetime import date

import pandas as pd

from components.map.memberships import as_of, count, counts_on


def memberships(*rows):
    frame = pd.DataFrame(rows, columns=["bloc_id", "iso3", "role", "start_date", "end_date"])
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.to_datetime(frame["end_date"])
    return frame


TABLE = memberships(
    ("SCO", "RUS", "founding_member", "2001-06-15", None),
    ("SCO", "IRN", "observer", "2005-06-01", "2023-07-04"),
    ("SCO", "IRN", "member", "2023-07-04", None),
)


def test_a_role_starts_on_its_start_date():
    assert count(TABLE, "SCO", date(2023, 7, 4)) == 2
    assert count(TABLE, "SCO", date(2023, 7, 3)) == 1


def test_a_role_has_ended_on_its_end_date():
    assert count(TABLE, "SCO", date(2023, 7, 4), "observer") == 0
    assert count(TABLE, "SCO", date(2023, 7, 3), "observer") == 1


def test_founding_members_count_as_members():
    assert set(as_of(TABLE, date(2002, 1, 1))["status"]) == {"member"}


def test_counts_on_gives_every_bloc_and_status_even_when_zero():
    table = counts_on(TABLE, date(2010, 1, 1))
    assert list(table.index) == ["ASEAN", "EAS", "SCO", "EAEU"]
    assert table.loc["SCO", "observer"] == 1
    assert table.loc["ASEAN", "member"] == 0
