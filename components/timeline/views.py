"""The Timeline page's list of events under each chart, each with its sources linked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data_package import DataPackage
from components.i18n import Lang, t
from components.timeline.events import event_lines, track_labels


def event_list(events: pd.DataFrame, data: DataPackage, lang: Lang) -> None:
    """The events shown by a chart, in an expander: date, track, title and linked sources."""
    with st.expander(t("timeline.events_list", lang, count=len(events))):
        # One block, not one element per event: the list is long and rerendered on every run.
        st.markdown("\n\n".join(event_lines(events, data["sources"], lang, track_labels(lang))))
