"""The timeline figure builders draw every event once, tell tracks apart by colour and shape,
draw events after the summit hollow, mark the summit, and read on a phone: the week as an agenda,
the history with its summit year in a panel of its own."""

from datetime import date, datetime

import pandas as pd
import pytest

from components.charts.theme import TRACK_COLOURS, TRACK_MARKERS
from components.timeline.charts import WEEK_LABEL_CHARS, make_history, make_summit_week
from components.timeline.events import TRACKS
from components.timeline.figures import (
    LEGEND_SLACK,
    SUMMIT_BAND,
    TEXT_X,
    history_figure,
    summit_week_figure,
)

ALL = {"tracks": TRACKS, "q": "", "from": 1967, "to": 2024}
LABELS = {track: track for track in TRACKS}


def marker_count(figure, panel="x"):
    """Marks drawn in one panel (``x`` the first, ``x2`` the history's summit-year panel)."""
    return sum(len([x for x in trace.x if x is not None]) for trace in figure.data
               if (trace.xaxis or "x") == panel)


def test_every_track_has_its_own_colour_and_marker_shape():
    assert len(set(TRACK_MARKERS[track] for track in TRACKS)) == len(TRACKS)
    assert len(set(TRACK_COLOURS[track] for track in TRACKS)) == len(TRACKS)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_week_chart_draws_each_of_its_eleven_events_once(data, lang):
    figure = make_summit_week(data, ALL, lang).figure
    assert marker_count(figure) == 11
    assert {trace.name.strip() for trace in figure.data
            if trace.showlegend is not False} >= {"ASEAN"}


def test_the_week_agenda_heads_each_day_and_bands_the_summit_day(data):
    figure = make_summit_week(data, ALL, "en").figure
    headings = [a.text for a in figure.layout.annotations if a.text.startswith("<b>")]
    assert headings == ["<b>Monday 4 September</b>", "<b>Tuesday 5 September</b>",
                        "<b>Wednesday 6 September</b>", "<b>Thursday 7 September</b><br>18th EAS",
                        "<b>Friday 8 September</b>"]
    bands = [shape for shape in figure.layout.shapes if shape.fillcolor == SUMMIT_BAND]
    summit = next(a for a in figure.layout.annotations if "7 September" in a.text)
    assert len(bands) == 1 and bands[0].y0 <= summit.y <= bands[0].y1


def test_week_hover_texts_give_dates_at_their_precision(data):
    figure = make_summit_week(data, ALL, "id").figure
    hovers = [text for trace in figure.data if trace.hovertext is not None
              for text in trace.hovertext]
    assert any(text.startswith("<b>7 September 2023</b>") for text in hovers)


def test_the_history_chart_draws_all_71_events_in_one_lane_per_track(data):
    figure = make_history(data, ALL, "en").figure
    assert marker_count(figure) == 71
    assert list(figure.layout.yaxis.ticktext) == ["ASEAN", "East Asia Summit", "ASEAN–Russia",
                                                  "SCO", "EAEU", "Russia"]


def test_the_summit_year_gets_a_panel_of_its_own_where_the_long_view_piles_its_marks(data):
    figure = make_history(data, ALL, "en").figure
    in_2023 = int((data["events"]["date"].dt.year == 2023).sum())
    assert marker_count(figure, "x2") == in_2023
    assert any("2023 in detail" in a.text for a in figure.layout.annotations)
    # Its ticks name months of that year alone, in the reader's language (no bare "Jan" of 2024).
    ticks = list(figure.layout.xaxis2.tickvals)
    assert ticks and all(pd.Timestamp(tick).year == 2023 for tick in ticks)
    indonesian = make_history(data, ALL, "id").figure
    assert "Mei" in indonesian.layout.xaxis2.ticktext and "May" in figure.layout.xaxis2.ticktext
    short = make_history(data, {**ALL, "from": 2020, "to": 2024}, "en").figure
    assert marker_count(short, "x2") == 0  # five years: the long view is close enough


def test_events_after_the_summit_are_hollow_and_explained_in_the_legend(data):
    figure = make_history(data, ALL, "en").figure
    hollow = [trace for trace in figure.data if str(trace.marker.symbol).endswith("-open")
              and (trace.xaxis or "x") == "x"]
    drawn = sum(len([x for x in trace.x if x is not None]) for trace in hollow)
    assert drawn == 7
    assert [trace.name.strip() for trace in figure.data if trace.showlegend is not False] == [
        "After the summit"]


def test_the_history_chart_marks_the_summit_with_a_line_in_each_panel_and_names_it(data):
    figure = make_history(data, ALL, "id").figure
    lines = [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert len(lines) == 2
    assert {pd.Timestamp(line.x0).date() for line in lines} == {date(2023, 9, 7)}
    assert any("7 Sep 2023" in annotation.text for annotation in figure.layout.annotations)


def test_key_moments_are_labelled_only_for_the_tracks_shown(data):
    def texts(figure):  # a key moment's label is on short lines, to stay whole on a phone
        return {a.text.replace("<br>", " ") for a in figure.layout.annotations}

    every = texts(make_history(data, ALL, "en").figure)
    assert {"ASEAN founded", "Russia: dialogue partner", "Russia joins the EAS"} <= every
    russia_only = texts(make_history(data, {**ALL, "tracks": ("ASEAN-Russia",)}, "en").figure)
    assert "Russia: dialogue partner" in russia_only and "ASEAN founded" not in russia_only
    assert all(len(line) <= 18 for a in make_history(data, ALL, "en").figure.layout.annotations
               if "Russia: dialogue" in a.text for line in a.text.split("<br>"))


def test_a_period_before_2023_draws_no_summit_line(data):
    figure = make_history(data, {**ALL, "from": 1990, "to": 2000}, "en").figure
    assert not [shape for shape in figure.layout.shapes if shape.type == "line"]


WEEK = [date(2023, 9, d) for d in range(4, 9)]


def test_empty_builders_show_their_notice_instead_of_failing():
    empty = pd.DataFrame({"x": [], "track": [], "hover": [], "after": [], "label": [],
                          "offset": [], "day": []})
    week = summit_week_figure(empty, days=WEEK, day_labels=list("12345"), track_labels=LABELS,
                              summit_day=date(2023, 9, 7), none_text="-", after_label="after",
                              empty_text="nothing here")
    history = history_figure(empty, tracks=TRACKS, track_labels=LABELS,
                             x_range=(date(1967, 1, 1), date(2024, 12, 31)),
                             summit_day=date(2023, 9, 7), summit_label="summit",
                             after_label="after", key_moments=[], empty_text="nothing here")
    for figure in (week, history):
        assert marker_count(figure) == 0
        assert "nothing here" in [a.text for a in figure.layout.annotations]


def test_the_builders_use_the_points_they_are_given_without_changing_them():
    points = pd.DataFrame({"x": [datetime(2023, 9, 6, 12)], "track": ["Russia"],
                           "hover": ["h"], "after": [False], "label": ["Lavrov arrives"],
                           "offset": [0.0], "day": [date(2023, 9, 6)]})
    before = points.copy()
    figure = summit_week_figure(points, days=WEEK, day_labels=list("12345"), track_labels=LABELS,
                                summit_day=date(2023, 9, 7), none_text="-", after_label="after",
                                empty_text="none")
    pd.testing.assert_frame_equal(points, before)
    [trace] = figure.data
    assert trace.marker.symbol == TRACK_MARKERS["Russia"]
    assert trace.marker.color == TRACK_COLOURS["Russia"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_summit_week_titles_are_broken_into_lines_a_phone_wide_chart_can_hold(data, lang):
    figure = make_summit_week(data, ALL, lang).figure
    titles = [a.text for a in figure.layout.annotations if a.xref == "paper" and a.x == TEXT_X
              and a.font.color is None]
    lines = [line for title in titles for line in title.split("<br>")]
    assert len(titles) == 11
    assert max(len(line) for line in lines) <= WEEK_LABEL_CHARS < 40  # 40 reached a phone's edge


def test_the_week_legend_sits_under_the_agenda_with_room_for_its_names(data):
    figure = make_summit_week(data, ALL, "en").figure
    assert figure.layout.legend.yanchor == "bottom" and figure.layout.legend.y == 0
    assert figure.layout.margin.b >= 60
    names = [trace.name for trace in figure.data if trace.showlegend is not False]
    assert all(name.endswith(LEGEND_SLACK) for name in names)


def test_labelled_lanes_leave_a_band_for_two_label_lines_between_two_lanes_marks(data):
    """A key moment's label sits in the band between lanes; the marks nudged into it stop short."""
    from components.timeline.events import lane_offsets
    from components.timeline.figures import LABELLED_LANE_PX, MARKER_SIZE
    reach = max(abs(o) for o in lane_offsets(pd.Series(pd.to_datetime(
        ["2000-01-01", "2000-06-01", "2001-01-01"])))) * LABELLED_LANE_PX + MARKER_SIZE / 2
    assert LABELLED_LANE_PX - 2 * reach >= 2 * 14  # two 12 px lines
    labelled = make_history(data, ALL, "en").figure
    plain = make_history(data, {**ALL, "from": 1967, "to": 1990}, "en").figure
    assert labelled.layout.height > plain.layout.height
