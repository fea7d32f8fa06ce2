"""The events behind the Timeline page: filtered by track, period and search, counted, and put
into words for hovers, tables and source lists. Plain pandas, no Streamlit, no figures.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

import pandas as pd

from components.data.checks import split_list
from components.data.citations import cited_sources
from components.data.conflicts import marked
from components.data.coverage import bloc_checked_to, checked_to
from components.data.summit import SUMMIT_DAY, SUMMIT_WEEK
from components.text.i18n import Lang, format_date, format_date_range, localized, t
from components.text.safe_text import md_escape, md_link, wrap_for_hover

TRACKS: tuple[str, ...] = ("ASEAN", "EAS", "ASEAN-Russia", "SCO", "EAEU", "Russia")
FIRST_YEAR = 1967  # the Bangkok Declaration
SEARCHED_COLUMNS = ("title_id", "title_en", "description_id", "description_en")
# Where no source gives the hour, an event is drawn at midday of its day rather than at midnight,
# so it sits in the middle of the day's column.
UNKNOWN_TIME = time(12, 0)


def last_year() -> int:
    """The period control's last year: the year of the latest day any bloc's events were
    checked to (the summits after Jakarta run into 2026 while the East Asia Summit's membership
    is checked to 2025), asked when used."""
    days = bloc_checked_to()
    return max(days.values()).year if days else checked_to().year


def track_labels(lang: Lang, tracks: Sequence[str] = TRACKS) -> dict[str, str]:
    """Each track's name in ``lang``, in track order."""
    return {track: t(f"timeline.track.{track}", lang) for track in tracks}


def year_period(first: int, last: int) -> tuple[date, date]:
    """1 January of the earlier year to 31 December of the later, whichever order they come in."""
    first, last = sorted((first, last))
    return date(first, 1, 1), date(last, 12, 31)


def matches(events: pd.DataFrame, query: str) -> pd.Series:
    """True for events whose title or description, in either language, contains ``query``.

    Case-insensitive plain substring: a reader's search term is never a regular expression.
    """
    needle = query.strip().casefold()
    if not needle:
        return pd.Series(True, index=events.index)
    found = pd.Series(False, index=events.index)
    for column in SEARCHED_COLUMNS:
        found |= events[column].fillna("").str.casefold().str.contains(needle, regex=False)
    return found


def events_in(events: pd.DataFrame, tracks: Iterable[str], period: tuple[date, date] | None = None,
              query: str = "") -> pd.DataFrame:
    """The events on ``tracks`` whose (first) day falls in ``period`` (inclusive) and that match
    ``query``, in date order, ties in track order."""
    tracks = list(tracks)
    keep = events["track"].isin(tracks) & matches(events, query)
    if period is not None:
        start, end = sorted(period)
        keep &= events["date"].between(pd.Timestamp(start), pd.Timestamp(end))
    chosen = events[keep]
    order = chosen["track"].map({track: index for index, track in enumerate(TRACKS)})
    return (chosen.assign(_order=order).sort_values(["date", "_order"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def counts_by_track(events: pd.DataFrame, tracks: Sequence[str] = TRACKS) -> pd.Series:
    """How many events each track has, every track in ``tracks`` listed (zero included)."""
    return events["track"].value_counts().reindex(list(tracks), fill_value=0).astype(int)


def counts_by_day(events: pd.DataFrame, period: tuple[date, date] = SUMMIT_WEEK) -> pd.Series:
    """How many events start on each day of ``period``, every day listed (zero included)."""
    days = pd.date_range(*period, freq="D")
    return events["date"].value_counts().reindex(days, fill_value=0).astype(int)


def after_summit(events: pd.DataFrame, summit_day: date = SUMMIT_DAY) -> pd.Series:
    """True for events that began after the 18th East Asia Summit (7 September 2023)."""
    return events["date"] > pd.Timestamp(summit_day)


def moment(row: pd.Series) -> datetime:
    """When to draw an event: its day at its local time if a source gives one, else midday."""
    day = row["date"].date()
    clock = row.get("time_local")
    at = time.fromisoformat(clock) if isinstance(clock, str) and clock else UNKNOWN_TIME
    return datetime.combine(day, at)


def lane_offsets(dates: pd.Series, spacing_days: int = 700, step: float = 0.22) -> list[float]:
    """Vertical offsets within one lane so that events close in time do not hide each other.

    Each event closer than ``spacing_days`` to the previous one moves to the next slot of
    0, +step, -step, 0, ...; an event after a gap goes back to the lane's centre line.
    """
    slots = (0.0, step, -step)
    offsets: list[float] = []
    previous: pd.Timestamp | None = None
    slot = 0
    for when in dates:
        if previous is not None and (when - previous).days < spacing_days:
            slot = (slot + 1) % len(slots)
        else:
            slot = 0
        offsets.append(slots[slot])
        previous = when
    return offsets


def event_date_text(row: pd.Series, lang: Lang) -> str:
    """The event's date as precisely as its source gives it: "Juli 1996", "5–6 Juni 1997"."""
    precision = row["date_precision"]
    end = row.get("end_date")
    if precision == "day" and end is not None and not pd.isna(end):
        return format_date_range(row["date"], end, lang)
    return format_date(row["date"], lang, precision)


def publishers(source_ids: str, sources: pd.DataFrame) -> list[str]:
    """The publishers of an event's sources, each once, in the order cited."""
    return list(dict.fromkeys(cited_sources(sources, split_list(source_ids))["publisher"]))


def hover_text(row: pd.Series, lang: Lang, track_label: str, sources: pd.DataFrame,
               sources_label: str, caveat: str = "") -> str:
    """The hover of one event: date at its precision (marked where sources differ) and track,
    title, description, what a reader should know about it (``caveat``), sources."""
    named = publishers(row["source_ids"], sources)
    # Three publishers at most: a hover taller than its chart is not drawn at all.
    source_names = ", ".join(named[:3]) + (f" (+{len(named) - 3})" if len(named) > 3 else "")
    when = marked(event_date_text(row, lang), row.get("conflict_id", ""))
    when, track = (html.escape(text, quote=False) for text in (when, track_label))
    return (f"<b>{when}</b> · {track}<br>"
            f"<b>{wrap_for_hover(localized(row, 'title', lang))}</b><br>"
            f"{wrap_for_hover(localized(row, 'description', lang))}<br>"
            + (f"<i>{wrap_for_hover(caveat)}</i><br>" if caveat else "")
            + f"<i>{html.escape(sources_label, quote=False)}: {wrap_for_hover(source_names)}</i>")


def event_lines(events: pd.DataFrame, sources: pd.DataFrame, lang: Lang,
                track_labels: dict[str, str]) -> list[str]:
    """One markdown line per event: date, track, title, and each source linked to its page."""
    # One lookup for all events: selecting the sources per event in pandas cost most of a rerun.
    link_by_id = {source_id: md_link(publisher, url) for source_id, publisher, url
                  in zip(sources["source_id"], sources["publisher"], sources["url"], strict=True)}
    lines = []
    for _, row in events.iterrows():
        links = ", ".join(link_by_id[source_id] for source_id in split_list(row["source_ids"])
                          if source_id in link_by_id)
        when = marked(event_date_text(row, lang), row.get("conflict_id", ""))
        lines.append(f"**{md_escape(when)}** · "
                     f"{md_escape(track_labels[row['track']])} · "
                     f"{md_escape(localized(row, 'title', lang))} — {links}")
    return lines


def all_source_ids(events: pd.DataFrame) -> tuple[str, ...]:
    """Every source id the events cite, each once, in the order first cited."""
    return tuple(dict.fromkeys(source_id for cell in events["source_ids"]
                               for source_id in split_list(cell)))
