"""The corrections log (``corrections.csv``): every change to the data from December 2026 on,
with why, its sources and the charts whose data it touched.

A claim tracker whose verdict changes silently loses its readers' trust, so each change is a
row: the Sources page lists them newest first, each chart it touched says "Updated" with the
latest, and an Atom feed (``components.publish.feed``) carries them to anyone who follows.
"""

from __future__ import annotations

import pandas as pd

from components.data.checks import split_list
from components.data.citations import source_line
from components.data.package import DataPackage
from components.text.i18n import Lang, format_date, localized, t
from components.text.safe_text import md_escape

TABLE = "corrections"
COLUMNS = ("correction_id", "date", "table", "row_id", "what_id", "what_en", "why_id", "why_en",
           "source_ids", "chart_ids")


def log(data: DataPackage) -> pd.DataFrame:
    """Every correction, newest first (ties by id); an empty log when the table is absent."""
    if TABLE not in data:
        return pd.DataFrame(columns=list(COLUMNS))
    return data[TABLE].sort_values(["date", "correction_id"], ascending=[False, True],
                                   kind="stable").reset_index(drop=True)


def for_chart(data: DataPackage, chart_id: str) -> pd.DataFrame:
    """The corrections that touched a chart's data, newest first."""
    corrections = log(data)
    touched = corrections["chart_ids"].fillna("").map(lambda ids: chart_id in split_list(ids))
    return corrections[touched].reset_index(drop=True)


def updated_line(data: DataPackage, chart_id: str, lang: Lang) -> str | None:
    """ "Updated 7 Dec 2026: <what changed>" for the latest correction of a chart's data, as
    plain text; None if none touched it."""
    touched = for_chart(data, chart_id)
    if touched.empty:
        return None
    latest = touched.iloc[0]
    return t("corrections.updated", lang, date=format_date(latest["date"], lang),
             what=localized(latest, "what", lang))


def correction_lines(data: DataPackage, lang: Lang) -> list[str]:
    """The log as markdown list items for the Sources page: date, what, why, sources; every
    text from the data escaped."""
    cites = "sources" in data
    lines = []
    for _, row in log(data).iterrows():
        cited = (source_line(data["sources"], split_list(row["source_ids"]), lang)
                 if cites and row["source_ids"] else "")
        lines.append(t("corrections.line", lang, date=format_date(row["date"], lang),
                       what=md_escape(localized(row, "what", lang)),
                       why=md_escape(localized(row, "why", lang)), sources=cited))
    return lines or [t("corrections.none", lang)]
