"""Styles on Streamlit's test ids apply on the release they were made for, and are empty on any
other."""

import dataclasses

from components.streamlit_compat import dom


def test_the_styles_are_there_on_the_release_they_were_made_for():
    assert 'data-testid="stDateInputCalendar"' in dom.DARK_THEME_DATE_PICKER_CSS
    assert ".st-key-embed-content" in dom.EMBED_CSS and dom.EMBED_CSS.startswith("<style>")


def test_a_style_is_empty_on_another_release(monkeypatch):
    monkeypatch.setattr(dom, "STYLES", dataclasses.replace(dom.STYLES, made_for="0.0.3"))
    assert dom._styled("<style>x</style>") == ""
