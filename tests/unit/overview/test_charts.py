"""The Overview's headline and the tracker's title say no more than the counts: each wording is
chosen by them, and every number in it is one of them."""

import re

import pytest

from components.data.verdicts import GROUPS
from components.overview.charts import positions_sentence, tracker_finding, verdict_headline
from components.overview.shaping import Verdict


def found(confirmed=0, in_part=0, none=0, contradicted=0, positions=0) -> Verdict:
    counts = dict(zip(GROUPS, (confirmed, in_part, none, contradicted, positions), strict=True))
    return Verdict(total=sum(counts.values()), by_group=counts, russian_positions=positions)


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_headline_names_full_and_partial_confirmation_only_when_there_is_some(lang):
    both = verdict_headline(found(1, 1, 3, 0, 9), lang)
    assert numbers(both) == [1, 5, 1]
    full = verdict_headline(found(2, 0, 3, 0, 9), lang)
    assert numbers(full) == [2, 5]
    part = verdict_headline(found(0, 2, 3), lang)
    assert numbers(part) == [2, 5]
    none = verdict_headline(found(0, 0, 4, 1), lang)
    assert numbers(none) == [5]
    assert len({both, full, part, none}) == 4


def test_the_headline_in_english_reads_as_the_data_says():
    assert verdict_headline(found(1, 1, 3, 0, 9), "en") == (
        "Independent sources confirm 1 of the article's 5 claims of fact, and part of 1 more")
    assert verdict_headline(found(0, 0, 4, 1, 9), "en") == (
        "No independent source confirms any of the article's 5 claims of fact")
    assert "none in full" in verdict_headline(found(0, 2, 3), "en")


def test_positions_are_counted_apart_and_left_out_when_there_are_none():
    assert numbers(positions_sentence(found(1, 1, 3, 0, 9), "en")) == [9]
    assert positions_sentence(found(1, 1, 3, 0, 1), "en").startswith("The other claim states")
    assert positions_sentence(found(1, 1, 3), "en") == ""


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_trackers_title_counts_the_claims_of_fact_with_no_independent_evidence(lang):
    assert numbers(tracker_finding(found(1, 1, 2, 1, 9), lang)) == [3, 5]
    assert numbers(tracker_finding(found(4, 0, 0, 0, 2), lang)) == [0, 4]
