"""The Timeline page through AppTest: its controls start from the link, a bad link value falls
back to its default with a notice, and both charts are framed with their findings.

Each case runs on a fresh AppTest: this app loses widget state between AppTest runs, so clicks
are tested in the browser (tests/browser/test_timeline.py)."""

import pytest

from components.text.i18n import LANGS, t
from components.timeline.charts import history_events
from components.timeline.events import TRACKS, last_year
from components.ui.timeline import event_list_key
from tools.apptest import chart_titles, heading, open_app, page_heading

TIMEOUT = 60
PAGE = "pages/timeline.py"


def run_timeline(**params):
    return open_app(PAGE, **params)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_both_charts_with_their_findings_in_each_language(lang):
    app = run_timeline(lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert heading(app) == page_heading("timeline", lang)
    week, history = chart_titles(app)
    assert week.startswith("Lavrov")
    assert "1991" in history and "2011" in history
    assert not app.warning


def test_the_controls_start_from_the_defaults_without_parameters():
    app = run_timeline(lang="en")
    assert list(app.pills(key="tracks").value) == list(TRACKS)
    assert app.number_input(key="from").value == 1967
    assert app.number_input(key="to").value == last_year()
    assert app.text_input(key="q").value == ""


@pytest.mark.parametrize("lang", LANGS)
def test_the_tracks_are_chosen_with_pills_labelled_in_the_page_language(lang):
    """Pills, not a multiselect: a multiselect tag is white on the dark theme's teal (2.5:1)."""
    app = run_timeline(lang=lang)
    assert not app.multiselect
    pills = app.pills(key="tracks")
    assert pills.options == [t(f"timeline.track.{track}", lang) for track in TRACKS]


def test_the_link_sets_tracks_years_and_search():
    app = run_timeline(lang="en", tracks="EAEU~SCO", **{"from": "2000", "to": "2020"}, q="summit")
    assert not app.exception
    assert list(app.pills(key="tracks").value) == ["SCO", "EAEU"]
    assert app.number_input(key="from").value == 2000
    assert app.number_input(key="to").value == 2020
    assert app.text_input(key="q").value == "summit"
    assert not app.warning
    week, history = chart_titles(app)
    assert week == t("timeline.week.title_empty", "en")
    assert history.startswith("The SCO track is the busiest here")


def test_a_search_narrows_the_week_to_lavrovs_verdict_in_dhaka():
    app = run_timeline(lang="id", q="Dhaka")
    week, _history = chart_titles(app)
    assert week.startswith("Hanya satu peristiwa pekan KTT yang cocok: Lavrov di Dhaka")


@pytest.mark.parametrize(("key", "bad"), [
    ("tracks", "ASEAN~Mars"),
    ("from", "1800"),
    ("to", "next-year"),
    ("q", "x" * 81),
])
def test_a_bad_link_value_falls_back_to_its_default_with_a_notice(key, bad):
    app = run_timeline(lang="en", **{key: bad})
    assert not app.exception
    notices = [warning.value for warning in app.warning]
    assert len(notices) == 1 and f"“{key}”" in notices[0]
    assert list(app.pills(key="tracks").value) == list(TRACKS)
    assert (app.number_input(key="from").value, app.number_input(key="to").value) == (1967, last_year())
    week, history = chart_titles(app)
    assert week.startswith("Lavrov") and "1991" in history


def test_no_track_chosen_shows_empty_charts_not_an_error():
    app = run_timeline(lang="en", tracks="")
    assert not app.exception
    assert not app.error
    assert list(app.pills(key="tracks").value) == []
    assert chart_titles(app) == [t("timeline.week.title_empty", "en"),
                                 t("timeline.history.title_empty", "en")]


def event_lists(app):
    label = t("timeline.events_list", "en", count=0).removesuffix("(0)")
    return [expander for expander in app.expander if expander.label.startswith(label)]


def test_an_event_list_is_drawn_once_it_is_opened():
    """Closed, each list sends its label with the count; opened, every event with its sources."""
    app = run_timeline(lang="en")
    week, history = event_lists(app)
    assert not week.children and not history.children
    app.session_state[event_list_key(history_events)] = True
    app.run()
    week, history = event_lists(app)
    assert not week.children
    count = int(history.label.rsplit("(", 1)[1].rstrip(")"))
    assert count > 20 and len(history.markdown[0].value.split("\n\n")) == count
