"""The "Source:" line and source lists, always built from the cited source ids, never typed."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.i18n import Lang, format_date, t
from components.safe_text import md_link
from components.validation import split_list


def _wanted_ids(source_ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(source_id for item in source_ids for source_id in split_list(item)))


def cited_sources(sources: pd.DataFrame, source_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of ``sources`` for ``source_ids`` (``~`` lists allowed), first citation first."""
    position = {source_id: number for number, source_id in enumerate(sources["source_id"].tolist())}
    return sources.iloc[[position[s] for s in _wanted_ids(source_ids)
                         if s in position]].reset_index(drop=True)


def cited_publishers(sources: pd.DataFrame, source_ids: Iterable[str]) -> dict[str, str]:
    """Each cited publisher, first citation first, with the URL of its first cited source.

    Plain lists, not a selection of the table: every chart frame and statement card cites on
    every run, and selecting rows in pandas for each was a tenth of the server's time under load.
    """
    by_id = dict(zip(sources["source_id"].tolist(),
                     zip(sources["publisher"].tolist(), sources["url"].tolist(), strict=True),
                     strict=True))
    publishers: dict[str, str] = {}
    for source_id in _wanted_ids(source_ids):
        if source_id in by_id:
            publisher, url = by_id[source_id]
            publishers.setdefault(publisher, url)
    return publishers


def source_line(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang,
                limit: int = 4) -> str:
    """Markdown "Source: A; B; C and 4 more", each publisher linked to its page."""
    publishers = cited_publishers(sources, source_ids)
    text = "; ".join(md_link(publisher, url) for publisher, url in list(publishers.items())[:limit])
    if len(publishers) > limit:
        text += " " + t("frame.and_more", lang, count=len(publishers) - limit)
    return f"{t('frame.source', lang)}: {text}"


def source_text(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang, limit: int = 4) -> str:
    """The source line as plain text, for images and files outside the app."""
    publishers = list(cited_publishers(sources, source_ids))
    text = "; ".join(publishers[:limit])
    if len(publishers) > limit:
        text += " " + t("frame.and_more", lang, count=len(publishers) - limit)
    return f"{t('frame.source', lang)}: {text}"


def source_rows(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang) -> list[str]:
    """One markdown line per cited source: publisher, title, date, linked."""
    lines = []
    for _, row in cited_sources(sources, source_ids).iterrows():
        published = (f" ({format_date(row['published'], lang)})"
                     if not pd.isna(row["published"]) else "")
        lines.append(f"{md_link(row['title'], row['url'])} - {md_link(row['publisher'], None)}"
                     f"{published}")
    return lines
