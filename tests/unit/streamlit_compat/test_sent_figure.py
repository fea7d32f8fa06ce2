"""A figure sent to st.plotly_chart makes its message once, with its number arrays as typed
arrays; on another Streamlit it is sent as it is."""

import dataclasses

import numpy as np
import plotly.graph_objects as go

from components.streamlit_compat import sent_figure as module
from components.streamlit_compat.sent_figure import SentFigure, sent_figure


def test_the_dict_is_made_once_with_typed_arrays():
    figure = go.Figure(go.Scatter(x=np.arange(5), y=np.arange(5) * 2.0, name="a"))
    sent = sent_figure(figure)
    assert isinstance(sent, SentFigure)
    first = sent.to_dict()
    assert sent.to_dict() is first
    assert isinstance(first["data"][0]["x"], dict) and "bdata" in first["data"][0]["x"]
    assert first["data"][0]["name"] == "a"


def test_on_another_release_the_figure_goes_as_it_is(monkeypatch):
    monkeypatch.setattr(module, "SENT_ONCE", dataclasses.replace(module.SENT_ONCE, made_for="0.0.4"))
    figure = go.Figure()
    assert sent_figure(figure) is figure
