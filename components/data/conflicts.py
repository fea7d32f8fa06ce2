"""Where sources disagree, the reader sees it where the value is shown, with both values.

``conflicts.csv`` holds each disagreement once: the value shown, the other value, the sources of
each and why the one shown was chosen. A row of memberships, events or delegations points at its
conflict by ``conflict_id``; wherever that row's value appears (a hover, a profile, a table, a
timeline) it carries ``MARK`` and the words of ``disagreement``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.data.citations import cited_publishers
from components.data.package import DataPackage
from components.text.i18n import Lang, format_date, localized, t

MARK = "†"  # a printer's dagger: in every font, and read as "see the note"


def _value_text(value: str, precision: str, lang: Lang) -> str:
    return format_date(pd.Timestamp(value), lang, precision) if precision else value


def conflicts_by_id(data: DataPackage) -> Mapping[str, pd.Series]:
    """Every conflict row by its id; empty when the table is not loaded."""
    if "conflicts" not in data:
        return {}
    return {row["conflict_id"]: row for _, row in data["conflicts"].iterrows()}


def disagreement(data: DataPackage, conflict_id: str, lang: Lang, reason: bool = True) -> str:
    """ "† Sources differ: 7 January 1984 (Business in ASEAN; VOI), or 8 January 1984 (ASEAN-Japan
    Centre; International Land Coalition). More of the sources read give 7 January."

    Empty when ``conflict_id`` is empty or unknown: a row without a conflict reads as it is.
    ``reason=False`` leaves out why the value shown was chosen, for a hover, which must fit its
    chart (plotly draws no hover label taller than the figure).
    """
    conflict = conflicts_by_id(data).get(conflict_id) if conflict_id else None
    if conflict is None:
        return ""
    sources = data["sources"]

    def side(value: str, precision: str, source_ids: str) -> str:
        publishers = "; ".join(cited_publishers(sources, [source_ids]))
        return f"{_value_text(value, precision, lang)} ({publishers})"

    return t("conflict.sentence", lang, mark=MARK,
             shown=side(conflict["shown"], conflict["shown_precision"], conflict["shown_source_ids"]),
             other=side(conflict["other"], conflict["other_precision"], conflict["other_source_ids"]),
             why=localized(conflict, "note", lang) if reason else "").strip()


def marked(text: str, conflict_id: str) -> str:
    """``text`` with the conflict mark when its row points at a conflict."""
    return f"{text} {MARK}" if conflict_id else text


def caveat(row: pd.Series | Mapping, data: DataPackage, lang: Lang, reason: bool = True) -> str:
    """What a reader should know about a row shown: its conflict, or what stays unconfirmed."""
    conflict_id = row.get("conflict_id") or ""
    if conflict_id:
        return disagreement(data, conflict_id, lang, reason)
    return localized(row, "caveat", lang) if row.get("verification", "verified") != "verified" \
        else ""
