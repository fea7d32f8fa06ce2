"""The one verdict scheme: a position is a group of its own, a claim of fact goes by its
evidence, strongest first."""

from components.data.verdicts import CONFIRMING, EVIDENCE, GROUPS, POSITION, claim_group


def test_a_position_is_its_own_group_and_a_fact_goes_by_its_evidence():
    assert claim_group("position", "no_independent_evidence") == POSITION
    assert claim_group("position", "contradicted") == POSITION
    for status in EVIDENCE:
        assert claim_group("fact", status) == status


def test_groups_read_strongest_evidence_first_and_positions_last():
    assert GROUPS[0] == "confirmed" and GROUPS[-1] == POSITION
    assert GROUPS[:2] == CONFIRMING
