"""The Timeline page's list of events under each chart, each with its sources linked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components.data.package import DataPackage
from components.text.i18n import Lang, t
from components.timeline.events import event_lines, track_labels
from components.ui.loading import per_view


def event_list(select: Callable[[DataPackage, Mapping[str, Any]], pd.DataFrame],
               data: DataPackage, values: Mapping[str, Any], lang: Lang) -> None:
    """The events ``select`` picks for the view (those a chart shows), in an expander: date,
    track, title and linked sources.

    Closed, the expander sends only its label with the count: the list, up to seventy events
    with their links, is made into markdown and drawn once a reader opens it."""
    def make() -> tuple[int, str]:
        events = select(data, values)
        # One block, not one element per event: the list is long and sent on every run.
        return len(events), "\n\n".join(event_lines(events, data["sources"], lang,
                                                    track_labels(lang)))

    count, text = per_view(f"timeline.events.{select.__name__}", data, lang, make, values)
    events = st.expander(t("timeline.events_list", lang, count=count),
                         key=event_list_key(select), on_change="rerun")
    if events.open:
        with events:
            st.markdown(text)


def event_list_key(select: Callable) -> str:
    """The session-state key of an event list's open state (``events-week_events``)."""
    return f"events-{select.__name__}"
