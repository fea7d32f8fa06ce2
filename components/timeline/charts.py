"""The Timeline page's two charts: the summit week day by day, and the history since 1967.

Each ``make_*`` shapes the events (``components.timeline.events``), calls its pure builder
(``components.timeline.figures``) and writes the texts: a title that states the finding, computed
from the events shown, the subtitle, the table, the sources and the chart in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
from babel.dates import format_date as babel_format_date

from components.charts.spec import Chart, ChartSpec
from components.data.conflicts import caveat, marked
from components.data.package import DataPackage
from components.data.summit import SUMMIT_DAY, SUMMIT_WEEK
from components.text.i18n import (
    Lang,
    format_date,
    format_date_range,
    format_short_date,
    localized,
    t,
    t_count,
)
from components.timeline.events import (
    TRACKS,
    after_summit,
    all_source_ids,
    counts_by_day,
    counts_by_track,
    event_date_text,
    events_in,
    hover_text,
    lane_offsets,
    moment,
    publishers,
    track_labels,
    wrap_for_hover,
    year_period,
)
from components.timeline.figures import history_figure, summit_week_figure
from components.timeline.params import HISTORY_PARAMS, WEEK_PARAMS

# Labelled on the history chart beside their marks: the moments the story turns on, kept few to
# stay readable on a phone, and the side of their lane each label takes (two labels on one lane
# go to opposite sides). The summit itself is the dotted line.
KEY_MOMENTS = {"asean-founded": False, "eas-6-bali-2011": False, "russia-dialogue-partner": False,
               "asean-russia-summit-3": True}
# The long view piles the summit year's marks on one line: a second panel draws that year alone,
# when the period shown is long enough for the pile to form.
ZOOM_FROM_YEARS = 6
# The Lavrov thread of the summit week, and Russia's two steps into the region's forums.
LAVROV_ARRIVAL, EAS_18, LAVROV_VERDICT = ("lavrov-arrives-jakarta", "eas-18-jakarta",
                                          "lavrov-dhaka-verdict")
DIALOGUE_BEGINS, JOINS_EAS = "asean-russia-dialogue-begins", "eas-6-bali-2011"
# Agenda lines start right of their mark (9 % in): lines of at most 34 characters stay well
# inside a phone's 311 px chart in both languages; at 40 an Indonesian one reached the edge.
WEEK_LABEL_CHARS = 34


def month_ticks(year: int, lang: Lang) -> list[tuple[date, str]]:
    """Every other month of ``year``, named in ``lang`` ("Jan", "Mar"; "Jan", "Mar" and "Mei" in
    Indonesian): the up-close panel's ticks, none in the next year."""
    return [(date(year, month, 1), babel_format_date(date(year, month, 1), "MMM", locale=lang))
            for month in range(1, 13, 2)]


def day_month(value: date | pd.Timestamp, lang: Lang) -> str:
    """ "7 September": the year goes without saying inside the summit week."""
    value = value.date() if isinstance(value, pd.Timestamp) else value
    return babel_format_date(value, "d MMMM", locale=lang)


def event_table(events: pd.DataFrame, data: DataPackage, lang: Lang) -> pd.DataFrame:
    """The events as the reader sees them in the Table view, with their sources' publishers."""
    labels = track_labels(lang)
    return pd.DataFrame({
        t("timeline.col.date", lang): [marked(event_date_text(row, lang), row["conflict_id"])
                                       for _, row in events.iterrows()],
        t("timeline.col.track", lang): [labels[track] for track in events["track"]],
        t("timeline.col.event", lang): [localized(row, "title", lang) for _, row in events.iterrows()],
        t("timeline.col.description", lang): [localized(row, "description", lang)
                                              for _, row in events.iterrows()],
        t("timeline.col.sources", lang): ["; ".join(publishers(ids, data["sources"]))
                                          for ids in events["source_ids"]],
    })


def event_rows(events: pd.DataFrame, data: DataPackage, lang: Lang) -> pd.DataFrame:
    """The events for the downloads: ISO dates with their precision, track codes, source ids."""
    return pd.DataFrame({
        "event_id": events["event_id"],
        "date": events["date"],
        "date_precision": events["date_precision"],
        "end_date": events["end_date"],
        "track": events["track"],
        "event": [localized(row, "title", lang) for _, row in events.iterrows()],
        "description": [localized(row, "description", lang) for _, row in events.iterrows()],
        "verification": events["verification"],
        "caveat": [caveat(row, data, lang) for _, row in events.iterrows()],
        "sources": ["; ".join(publishers(ids, data["sources"])) for ids in events["source_ids"]],
        "source_ids": events["source_ids"],
    })


def event_caveats(events: pd.DataFrame, data: DataPackage, lang: Lang) -> tuple[str, ...]:
    """What a reader should know about the events shown: where sources differ (both values),
    what stays unconfirmed, in the page's language."""
    return tuple(dict.fromkeys(text for text in (caveat(row, data, lang)
                                                 for _, row in events.iterrows()) if text))


def _points(events: pd.DataFrame, data: DataPackage, lang: Lang) -> pd.DataFrame:
    labels = track_labels(lang)
    sources_label = t("timeline.sources_label", lang)
    return pd.DataFrame({
        "event_id": events["event_id"],
        "x": [moment(row) for _, row in events.iterrows()],
        "track": events["track"],
        "hover": [hover_text(row, lang, labels[row["track"]], data["sources"], sources_label,
                             caveat(row, data, lang, reason=False))
                  for _, row in events.iterrows()],
        "after": after_summit(events),
    }, index=events.index)


def _by_id(events: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["event_id"]: row for _, row in events.iterrows()}


def _only_event_title(key: str, event: pd.Series, lang: Lang) -> str:
    return t(key, lang, title=localized(event, "title", lang), day=event_date_text(event, lang))


# --- Summit week -----------------------------------------------------------------------------------

def week_events(data: DataPackage, values: Mapping[str, Any]) -> pd.DataFrame:
    return events_in(data["events"], values["tracks"], SUMMIT_WEEK, values["q"])


def week_title(events: pd.DataFrame, lang: Lang) -> str:
    """Lavrov's summit in one line when his three events are shown; else the busiest day."""
    if events.empty:
        return t("timeline.week.title_empty", lang)
    if len(events) == 1:
        return _only_event_title("timeline.week.title_one", events.iloc[0], lang)
    shown = _by_id(events)
    if all(event_id in shown for event_id in (LAVROV_ARRIVAL, EAS_18, LAVROV_VERDICT)):
        summit_day, verdict_day = shown[EAS_18]["date"], shown[LAVROV_VERDICT]["date"]
        verdict = (t("timeline.same_day", lang) if verdict_day == summit_day
                   else t("timeline.on_day", lang, day=day_month(verdict_day, lang)))
        return t("timeline.week.title_lavrov", lang,
                 arrival=t("timeline.on_day", lang, day=day_month(shown[LAVROV_ARRIVAL]["date"], lang)),
                 summit=t("timeline.on_day", lang, day=day_month(summit_day, lang)),
                 verdict=verdict)
    per_day = counts_by_day(events)
    busiest = int(per_day.max())
    if (per_day == busiest).sum() > 1:  # no single busiest day to name
        return t("timeline.week.title_spread", lang, count=len(events), busiest=busiest)
    return t("timeline.week.title_busiest", lang, count=len(events),
             day=day_month(per_day.idxmax(), lang), busiest=busiest)


def agenda_label(row: pd.Series, lang: Lang) -> str:
    """An agenda line: the event's local time where a source gives it, then its title."""
    clock = row.get("time_local")
    title = localized(row, "title", lang)
    text = f"{clock} · {title}" if isinstance(clock, str) and clock else title
    return wrap_for_hover(text, WEEK_LABEL_CHARS)


def make_summit_week(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    events = week_events(data, values)
    points = _points(events, data, lang)
    points["label"] = [agenda_label(row, lang) for _, row in events.iterrows()]
    points["day"] = [day.date() for day in events["date"]]
    days = list(pd.date_range(*SUMMIT_WEEK, freq="D").date)
    # The summit's name under its day, not beside it: a phone keeps the line whole.
    day_labels = [f"<b>{babel_format_date(day, 'EEEE d MMMM', locale=lang)}</b>"
                  + (f"<br>{t('timeline.week.summit_label', lang)}" if day == SUMMIT_DAY else "")
                  for day in days]
    figure = summit_week_figure(
        points, days=days, day_labels=day_labels, track_labels=track_labels(lang),
        summit_day=SUMMIT_DAY,
        none_text=wrap_for_hover(t("timeline.week.none_that_day", lang), WEEK_LABEL_CHARS),
        after_label=t("timeline.after_label", lang), empty_text=t("timeline.week.empty", lang))
    period = format_date_range(*SUMMIT_WEEK, lang)
    in_words = "; ".join(f"{event_date_text(row, lang)}: {localized(row, 'title', lang)}"
                         for _, row in events.iterrows())
    untimed = events["time_local"].fillna("").eq("").all()
    return Chart(
        figure=figure,
        title=week_title(events, lang),
        subtitle=t("timeline.week.subtitle", lang, period=period),
        table=event_table(events, data, lang),
        source_ids=all_source_ids(events),
        description=t("timeline.week.in_words", lang, period=period, events=in_words or "–"),
        notes=((t("timeline.week.note_time", lang),) if untimed and not events.empty else ())
        + event_caveats(events, data, lang),
        rows=event_rows(events, data, lang),
        method=t("timeline.week.method", lang),
    )


# --- History ---------------------------------------------------------------------------------------

def history_events(data: DataPackage, values: Mapping[str, Any]) -> pd.DataFrame:
    return events_in(data["events"], values["tracks"], year_period(values["from"], values["to"]),
                     values["q"])


def history_title(events: pd.DataFrame, lang: Lang) -> str:
    """Russia's two steps into the region when both are shown; else the busiest track."""
    if events.empty:
        return t("timeline.history.title_empty", lang)
    if len(events) == 1:
        return _only_event_title("timeline.history.title_one", events.iloc[0], lang)
    shown = _by_id(events)
    if DIALOGUE_BEGINS in shown and JOINS_EAS in shown:
        return t("timeline.history.title_ties", lang,
                 dialogue=shown[DIALOGUE_BEGINS]["date"].year, eas=shown[JOINS_EAS]["date"].year)
    per_track = counts_by_track(events)
    if (per_track == per_track.max()).sum() > 1:  # no single busiest track to name
        return t("timeline.history.title_spread", lang, count=int(per_track.max()),
                 total=len(events))
    return t("timeline.history.title_busiest", lang, track=track_labels(lang)[per_track.idxmax()],
             count=int(per_track.max()), total=len(events))


def _with_lane_offsets(points: pd.DataFrame) -> pd.DataFrame:
    offsets = pd.Series(0.0, index=points.index)
    for _, lane in points.groupby("track"):
        offsets[lane.index] = lane_offsets(lane["x"].map(pd.Timestamp))
    return points.assign(offset=offsets)


def make_history(data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    events = history_events(data, values)
    tracks = [track for track in TRACKS if track in values["tracks"]]
    labels = track_labels(lang)
    points = _with_lane_offsets(_points(events, data, lang))
    key_moments = [
        {"x": point["x"], "track": point["track"], "offset": point["offset"],
         "text": t(f"timeline.key.{point['event_id']}", lang),
         "below": KEY_MOMENTS[point["event_id"]]}
        for _, point in points.iterrows() if point["event_id"] in KEY_MOMENTS
    ]
    first, last = sorted((values["from"], values["to"]))
    summit_text = format_date(SUMMIT_DAY, lang)
    zoom = (date(SUMMIT_DAY.year, 1, 1), date(SUMMIT_DAY.year, 12, 31))
    zoomed = first <= SUMMIT_DAY.year <= last and last - first >= ZOOM_FROM_YEARS
    figure = history_figure(
        points, tracks=tracks, track_labels=labels, x_range=year_period(first, last),
        summit_day=SUMMIT_DAY,
        summit_label=t("timeline.history.summit_label", lang,
                       day=format_short_date(SUMMIT_DAY, lang)),
        after_label=t("timeline.after_label", lang), key_moments=key_moments,
        empty_text=t("timeline.history.empty", lang), zoom=zoom if zoomed else None,
        zoom_label=t("timeline.history.zoom_label", lang, year=SUMMIT_DAY.year,
                     day=format_short_date(SUMMIT_DAY, lang)),
        zoom_ticks=month_ticks(SUMMIT_DAY.year, lang))
    per_track = counts_by_track(events, tracks)
    by_track = ", ".join(f"{labels[track]} {count}" for track, count in per_track.items())
    precise = events["date_precision"].eq("day").all()
    return Chart(
        figure=figure,
        title=history_title(events, lang),
        subtitle=t_count("timeline.history.subtitle", lang, len(tracks), events=len(events),
                         first=first, last=last, summit=summit_text),
        table=event_table(events, data, lang),
        source_ids=all_source_ids(events),
        description=t("timeline.history.in_words", lang, count=len(events), first=first, last=last,
                      by_track=by_track or "–", after=int(after_summit(events).sum()),
                      summit=summit_text),
        notes=(() if precise else (t("timeline.history.note_precision", lang),))
        + event_caveats(events, data, lang),
        rows=event_rows(events, data, lang),
        method=t("timeline.history.method", lang),
    )


CHARTS = (
    ChartSpec("summit-week", "timeline", WEEK_PARAMS, make_summit_week),
    ChartSpec("history", "timeline", HISTORY_PARAMS, make_history),
)
