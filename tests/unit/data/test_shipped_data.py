"""The shipped data says what the sources say: membership counts on dates from the fact sheet."""

from datetime import date

import pandas as pd
import pytest

from components.data.summit import SUMMIT_DAY
from components.map.memberships import as_of, count, counts_on

SUMMIT_DAY_COUNTS = {
    # Observers: Timor-Leste, and Papua New Guinea, ASEAN's observer since 1976, which the fact
    # sheet leaves out (the membership audit of December 2026 added it).
    ("ASEAN", "member"): 10, ("ASEAN", "observer"): 2,
    ("EAS", "member"): 18,
    ("SCO", "member"): 9, ("SCO", "observer"): 3, ("SCO", "dialogue_partner"): 14,
    ("EAEU", "member"): 5, ("EAEU", "observer"): 3,
}


@pytest.mark.parametrize(("bloc", "status"), SUMMIT_DAY_COUNTS)
def test_bloc_sizes_on_summit_day_match_the_fact_sheet(data, bloc, status):
    assert count(data["memberships"], bloc, SUMMIT_DAY, status) == SUMMIT_DAY_COUNTS[bloc, status]


def test_timor_leste_is_asean_observer_on_summit_day_and_its_11th_member_from_26_october_2025(data):
    table = counts_on(data["memberships"], SUMMIT_DAY)
    assert table.loc["ASEAN", "candidate"] == 0
    def role_on(day):
        held = as_of(data["memberships"], day)
        return set(held[(held["iso3"] == "TLS") & (held["bloc_id"] == "ASEAN")]["status"])
    assert role_on(SUMMIT_DAY) == {"observer"}
    assert role_on(date(2025, 10, 25)) == {"observer"}
    assert role_on(date(2025, 10, 26)) == {"member"}
    assert count(data["memberships"], "ASEAN", date(2025, 10, 26)) == 11


@pytest.mark.parametrize(("bloc", "on", "members"), [
    ("ASEAN", date(1967, 8, 8), 5),
    ("ASEAN", date(1999, 4, 30), 10),
    ("EAS", date(2005, 12, 14), 16),
    ("EAS", date(2010, 12, 31), 16),
    ("EAS", date(2011, 12, 31), 18),
    ("SCO", date(2001, 6, 15), 6),
    ("SCO", date(2017, 6, 9), 8),
    ("SCO", date(2023, 7, 3), 8),
    ("SCO", date(2023, 7, 4), 9),
    ("SCO", date(2024, 7, 4), 10),
    ("EAEU", date(2015, 1, 1), 3),
    ("EAEU", date(2015, 1, 2), 4),
    ("EAEU", date(2015, 8, 6), 5),
])
def test_membership_counts_on_dates_from_the_fact_sheet(data, bloc, on, members):
    assert count(data["memberships"], bloc, on) == members


def test_changes_after_the_summit_are_dated(data):
    memberships = data["memberships"]
    assert count(memberships, "SCO", date(2024, 7, 3), "observer") == 3
    assert count(memberships, "EAEU", date(2024, 12, 25), "observer") == 3
    assert count(memberships, "EAEU", date(2024, 12, 26), "observer") == 4


def test_the_primary_article_is_the_first_source(data):
    first = data["sources"].iloc[0]
    assert first["publisher"].startswith("Bisnis.com")
    assert first["published"] == pd.Timestamp(2023, 9, 7)


def test_the_nine_sectors_of_the_article_are_all_there(data):
    assert len(data["sectors"]) == 9
    assert "Kesehatan" in set(data["sectors"]["name_id"])


def test_the_unconfirmed_2017_invitation_claim_is_shown_as_the_ministrys_claim(data):
    statements = data["statements"]
    claim = statements[statements["claim_ref"] == "C14"].iloc[0]
    assert claim["verification"] == "no_independent_evidence"
    assert claim["claimant_side"] == "russia" and claim["claim_type"] == "fact"
    assert "2017" in claim["text_id"]


def test_every_statement_quotes_the_article_in_indonesian(data):
    article = (__import__("pathlib").Path(__file__).resolve().parents[4]
               / "shared/sources/bisnis-2023-09-07-lavrov-asean-summit.txt")
    if not article.exists():
        pytest.skip("the shared sources are not beside the project")
    text = " ".join(article.read_text(encoding="utf-8").split())
    for _, statement in data["statements"].iterrows():
        for sentence in statement["text_id"].replace("“", "").replace("”", "").split(". "):
            fragment = " ".join(sentence.split())[:60]
            assert fragment in text.replace("“", "").replace("”", ""), statement["statement_id"]
