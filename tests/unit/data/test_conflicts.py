"""Where sources disagree the reader sees both values, each with its publishers (authority first),
and why the one shown was chosen; rows without a conflict read as they are, unconfirmed ones say
so. The package here is made by hand; the expected sentences are written out in full."""

import pandas as pd
import pytest

from components.data.conflicts import MARK, caveat, conflicts_by_id, disagreement, marked

SOURCES = pd.DataFrame([
    ("paper", "newspaper", "Daily Paper", "https://paper.example/"),
    ("gov", "government", "Ministry", "https://gov.example/"),
    ("igo", "intergovernmental", "Secretariat", "https://igo.example/"),
    ("ref", "reference", "Almanac", "https://ref.example/"),
], columns=["source_id", "kind", "publisher", "url"])

CONFLICTS = pd.DataFrame([
    {"conflict_id": "K1", "shown": "1984-01-07", "shown_precision": "day",
     "shown_source_ids": "paper~gov", "other": "1984-01-08", "other_precision": "day",
     "other_source_ids": "ref", "note_en": "More sources give the 7th.",
     "note_id": "Lebih banyak sumber menyebut tanggal 7."},
    {"conflict_id": "K2", "shown": "1996-07-01", "shown_precision": "month",
     "shown_source_ids": "igo", "other": "1996", "other_precision": "",
     "other_source_ids": "paper", "note_en": "The secretariat dates it.", "note_id": ""},
])

DATA = {"sources": SOURCES, "conflicts": CONFLICTS}


def test_the_sentence_gives_both_values_their_publishers_and_the_reason():
    assert disagreement(DATA, "K1", "en") == (
        "† Sources differ: 7 January 1984 (Ministry; Daily Paper), or 8 January 1984 (Almanac). "
        "More sources give the 7th.")


def test_the_sentence_reads_in_indonesian():
    assert disagreement(DATA, "K1", "id") == (
        "† Sumber berbeda: 7 Januari 1984 (Ministry; Daily Paper), atau 8 Januari 1984 (Almanac). "
        "Lebih banyak sumber menyebut tanggal 7.")


def test_each_value_is_written_at_its_own_precision_and_a_missing_translation_falls_back():
    assert disagreement(DATA, "K2", "id") == (
        "† Sumber berbeda: Juli 1996 (Secretariat), atau 1996 (Daily Paper). "
        "The secretariat dates it.")


def test_a_hover_leaves_the_reason_out_and_ends_on_the_full_stop():
    assert disagreement(DATA, "K1", "en", reason=False) == (
        "† Sources differ: 7 January 1984 (Ministry; Daily Paper), or 8 January 1984 (Almanac).")


@pytest.mark.parametrize("conflict_id", ["", "K9"])
def test_no_conflict_or_an_unknown_one_gives_no_sentence(conflict_id):
    assert disagreement(DATA, conflict_id, "en") == ""


def test_without_the_conflicts_table_there_is_no_sentence():
    assert conflicts_by_id({"sources": SOURCES}) == {}
    assert disagreement({"sources": SOURCES}, "K1", "en") == ""


def test_conflicts_are_found_by_their_id():
    found = conflicts_by_id(DATA)
    assert sorted(found) == ["K1", "K2"]
    assert found["K2"]["shown"] == "1996-07-01"


def test_a_value_with_a_conflict_carries_the_mark_and_one_without_does_not():
    assert MARK == "†"
    assert marked("11 members", "K1") == "11 members †"
    assert marked("11 members", "") == "11 members"


def test_a_row_with_a_conflict_gets_the_disagreement_with_or_without_its_reason():
    row = {"conflict_id": "K1", "verification": "attributed_only", "caveat_en": "Claimed."}
    assert caveat(row, DATA, "en") == disagreement(DATA, "K1", "en")
    assert caveat(pd.Series(row), DATA, "en", reason=False) == disagreement(DATA, "K1", "en",
                                                                           reason=False)
    assert "More sources give the 7th." in caveat(row, DATA, "en")


def test_an_unconfirmed_row_says_what_stays_unconfirmed_in_the_readers_language():
    row = pd.Series({"conflict_id": "", "verification": "attributed_only",
                     "caveat_en": "Only the ministry says so.",
                     "caveat_id": "Hanya kementerian yang menyatakannya."})
    assert caveat(row, DATA, "en") == "Only the ministry says so."
    assert caveat(row, DATA, "id") == "Hanya kementerian yang menyatakannya."


@pytest.mark.parametrize("row", [
    {"conflict_id": "", "verification": "verified", "caveat_en": "Left over."},
    {"caveat_en": "No verification column: verified."},
])
def test_a_verified_row_without_a_conflict_has_no_caveat(row):
    assert caveat(row, DATA, "en") == ""
