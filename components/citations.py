"""The "Source:" line and source lists, always built from the cited source ids, never typed."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from components.i18n import Lang, format_date, t
from components.safe_text import md_link
from components.validation import split_list


def cited_sources(sources: pd.DataFrame, source_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of ``sources`` for ``source_ids`` (``~`` lists allowed), first citation first."""
    wanted: list[str] = []
    for item in source_ids:
        for source_id in split_list(item):
            if source_id not in wanted:
                wanted.append(source_id)
    # Positions from a plain dict: every chart frame and statement card cites on every run, and
    # indexing the table in pandas for each was a tenth of the server's time under load.
    position = {source_id: number for number, source_id in enumerate(sources["source_id"])}
    return sources.iloc[[position[s] for s in wanted if s in position]].reset_index(drop=True)


def source_line(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang,
                limit: int = 4) -> str:
    """Markdown "Source: A; B; C and 4 more", each publisher linked to its page."""
    cited = cited_sources(sources, source_ids)
    first_url: dict[str, str] = {}
    for publisher, url in zip(cited["publisher"], cited["url"], strict=True):
        first_url.setdefault(publisher, url)
    publishers = list(first_url)
    links = [md_link(publisher, first_url[publisher]) for publisher in publishers[:limit]]
    more = len(publishers) - limit
    text = "; ".join(links)
    if more > 0:
        text += " " + t("frame.and_more", lang, count=more)
    return f"{t('frame.source', lang)}: {text}"


def source_text(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang, limit: int = 4) -> str:
    """The source line as plain text, for images and files outside the app."""
    publishers = list(dict.fromkeys(cited_sources(sources, source_ids)["publisher"]))
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
