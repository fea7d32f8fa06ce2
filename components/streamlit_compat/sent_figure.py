"""A figure whose message ``st.plotly_chart`` makes once, not on every run."""

from __future__ import annotations

import plotly.graph_objects as go
from _plotly_utils.utils import convert_to_base64

from components.streamlit_compat import Shim

SHIMS = (SENT_ONCE := Shim(
    "figure-sent-once", "1.67.0",
    why="st.plotly_chart calls the figure's to_dict on every run, and Figure.to_dict deep-copies "
        "every trace: the largest cost of a warm rerun. A shared, never-changed figure makes its "
        "dict once, its number arrays already in the typed-array form plotly.io.to_json would "
        "otherwise convert them to each time (plotly's private convert_to_base64).",
    remove_when="st.plotly_chart caches a figure's serialised form itself, or stops calling "
                "to_dict (then this subclass gains nothing)."),)


class SentFigure(go.Figure):
    """A figure as the frame sends it, shared by every reader of the same view; never changed
    after it is made."""

    def __init__(self, figure: go.Figure):
        super().__init__(figure)
        spec = super().to_dict()
        convert_to_base64(spec)
        self._sent_spec = spec

    def to_dict(self) -> dict:
        return self._sent_spec


def sent_figure(figure: go.Figure) -> go.Figure:
    """The figure to hand ``st.plotly_chart``: made once where the shim applies, else as it is."""
    return SentFigure(figure) if SENT_ONCE.active else figure
