"""The one verdict scheme every claim is shown in: what independent evidence shows about it,
kept apart from who made it.

A claim of fact is confirmed, confirmed in part (saying which part), without independent
evidence, or contradicted, by sources independent of the side that made it. A position, a
side's statement of its own stance, priorities or proposals, is a group of its own: no outside
source can confirm it by its nature. The tracker, the cards, the Sources page, the exports and
the embeds all read these groups; the validator (``checks``) enforces them.
"""

from __future__ import annotations

EVIDENCE = ("confirmed", "confirmed_in_part", "no_independent_evidence", "contradicted")
CONFIRMING = ("confirmed", "confirmed_in_part")
POSITION = "position"
GROUPS = (*EVIDENCE, POSITION)  # in reading order: strongest evidence first
# Who made a claim (statements.claimant_side).
SIDES = ("russia", "indonesia-host", "asean", "article")


def claim_group(claim_type: str, verification: str) -> str:
    """Where a claim sits in the scheme: a position by itself, a claim of fact by its evidence."""
    return POSITION if claim_type == POSITION else verification
