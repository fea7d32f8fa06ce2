"""The Timeline page's URL parameters, each with its control: tracks, period and search."""

from __future__ import annotations

from components.charts import url_state
from components.timeline.events import FIRST_YEAR, TRACKS, last_year, track_labels

TRACKS_PARAM = url_state.choices("tracks", TRACKS, default=TRACKS,
                                 label_key="timeline.filter.tracks",
                                 option_names=lambda data, lang: track_labels(lang))
FROM_PARAM = url_state.year("from", FIRST_YEAR, FIRST_YEAR, last_year,
                            label_key="timeline.filter.from", help_key="timeline.filter.period_help")
TO_PARAM = url_state.year("to", last_year, FIRST_YEAR, last_year, label_key="timeline.filter.to",
                          help_key="timeline.filter.period_help")
QUERY_PARAM = url_state.text("q", label_key="timeline.filter.search",
                             help_key="timeline.filter.search_help")
WEEK_PARAMS = (TRACKS_PARAM, QUERY_PARAM)
HISTORY_PARAMS = (TRACKS_PARAM, FROM_PARAM, TO_PARAM, QUERY_PARAM)
PARAMS = HISTORY_PARAMS  # the page's controls are the history chart's; the week uses two of them
