"""The corrections log as an Atom feed, one per language: served by the app at
``/corrections.atom?lang=en`` and written by ``make export``. feedgen writes the XML, so every
text from the data goes out escaped, as text, never as markup."""

from __future__ import annotations

from datetime import UTC, datetime, time

from feedgen.feed import FeedGenerator

from components.data import corrections
from components.data.checks import split_list
from components.data.citations import source_text
from components.data.package import DataPackage
from components.text.i18n import Lang, localized, t

FEED_PATH = "/corrections.atom"


def feed_url(base_url: str, lang: Lang) -> str:
    return f"{base_url.rstrip('/')}{FEED_PATH}?lang={lang}"


def corrections_feed(data: DataPackage, lang: Lang, base_url: str) -> bytes:
    """The Atom document: the log's entries, newest first, each linking to the Sources page."""
    base = base_url.rstrip("/")
    sources_page = f"{base}/sources?lang={lang}"
    feed = FeedGenerator()
    feed.id(feed_url(base, lang))
    feed.title(t("corrections.feed_title", lang))
    feed.subtitle(t("corrections.feed_subtitle", lang))
    feed.language(lang)
    feed.generator("Russia at the 2023 ASEAN Summit")  # no third party's address in the feed
    feed.link(href=sources_page, rel="alternate")
    feed.link(href=feed_url(base, lang), rel="self")
    log = corrections.log(data)
    newest = None
    # feedgen puts the entry added last first: oldest first in, newest first out.
    for _, row in log.iloc[::-1].iterrows():
        stamp = datetime.combine(row["date"].date(), time(0, 0), tzinfo=UTC)
        newest = max(newest, stamp) if newest else stamp
        entry = feed.add_entry()
        entry.id(f"{sources_page}#correction-{row['correction_id']}")
        entry.title(localized(row, "what", lang))
        entry.link(href=f"{sources_page}#correction-{row['correction_id']}")
        entry.updated(stamp)
        entry.published(stamp)
        sources = (source_text(data["sources"], split_list(row["source_ids"]), lang)
                   if "sources" in data and row["source_ids"] else "")
        entry.content(f"{localized(row, 'why', lang)} {sources}".strip(), type="text")
    feed.updated(newest or datetime(2026, 12, 1, tzinfo=UTC))
    return feed.atom_str(pretty=True)
