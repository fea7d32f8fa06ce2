"""Who belonged to which bloc, and in which role, on a given date.

A membership row holds from ``start_date`` (inclusive) to ``end_date`` (exclusive; empty while it
lasts). ``founding_member`` is a kind of membership, so counts fold it into ``member``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

ROLES = ("member", "observer", "dialogue_partner", "candidate")
BLOCS = ("ASEAN", "EAS", "SCO", "EAEU")


def as_of(memberships: pd.DataFrame, on: date | pd.Timestamp) -> pd.DataFrame:
    """The rows in force on ``on``, with ``status`` = the role, founding members as members."""
    day = pd.Timestamp(on)
    held = memberships[(memberships["start_date"] <= day)
                       & (memberships["end_date"].isna() | (memberships["end_date"] > day))]
    return held.assign(status=held["role"].replace({"founding_member": "member"}))


def counts_on(memberships: pd.DataFrame, on: date | pd.Timestamp) -> pd.DataFrame:
    """Countries per bloc and status on ``on``: one row per bloc, one column per status."""
    held = as_of(memberships, on)
    table = pd.crosstab(held["bloc_id"], held["status"])
    return table.reindex(index=list(BLOCS), columns=list(ROLES), fill_value=0).fillna(0).astype(int)


def count(memberships: pd.DataFrame, bloc_id: str, on: date | pd.Timestamp,
          status: str = "member") -> int:
    """How many countries held ``status`` in ``bloc_id`` on ``on``."""
    held = as_of(memberships, on)
    return int(((held["bloc_id"] == bloc_id) & (held["status"] == status)).sum())

