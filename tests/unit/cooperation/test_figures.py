"""The Cooperation figures: each initiative's fit, focus, delegation marks and colours."""

import pandas as pd
import pytest

from components.cooperation.figures import (
    delegation_symbol,
    make_delegation_figure,
    make_initiative_sector_figure,
)


def initiative_rows(**columns):
    base = {"initiative_id": ["a", "b", "c"], "name": ["A", "B", "C"],
            "fit": ["One", "Two", "None"], "basis": ["stated", "editorial", "outside"],
            "hover": ["h1", "h2", "h3"]}
    return pd.DataFrame({**base, **columns})


def test_each_initiative_shows_its_fit_with_the_mark_of_how_it_fits():
    figure = make_initiative_sector_figure(
        initiative_rows(), basis_names={"stated": "S", "editorial": "E", "outside": "O"})
    symbols = {trace.name.strip(): trace.marker.symbol for trace in figure.data}
    assert symbols == {"S": "circle", "E": "diamond-open", "O": "x-thin-open"}
    texts = [annotation.text for annotation in figure.layout.annotations]
    assert texts == ["A", "One", "B", "Two", "C", "None"]  # each name, then what it fits


def test_focusing_an_initiative_fades_the_others():
    rows = initiative_rows(basis=["editorial", "editorial", "editorial"])
    figure = make_initiative_sector_figure(rows, basis_names={"editorial": "E"}, focus="b")
    opacity = list(figure.data[0].marker.opacity)
    assert opacity[1] == 1.0 and opacity[0] < 0.5 and opacity[2] < 0.5


@pytest.mark.parametrize(("attendance", "verification", "symbol"), [
    ("participant", "verified", "circle"),
    ("participant", "unconfirmed", "circle-open"),
    ("participant", "conflict", "circle-x-open"),
    ("observer", "verified", "diamond"),
])
def test_a_delegation_mark_shows_role_by_shape_and_verification_by_fill(
        attendance, verification, symbol):
    assert delegation_symbol(attendance, verification) == symbol


def test_russias_delegation_is_drawn_in_russias_colour_and_a_level_can_be_highlighted():
    from components.charts.theme import RUSSIA_COLOUR
    delegations = pd.DataFrame({
        "iso3": ["RUS", "JPN"], "level": ["minister", "head_of_state_or_government"],
        "attendance": ["participant", "participant"], "verification": ["verified", "unconfirmed"],
        "label": ["Russia", "Japan"], "hover": ["", ""]})
    figure = make_delegation_figure(
        delegations, levels={"head_of_state_or_government": "Head", "minister": "Minister"},
        legend_names={"verified": "V"}, highlight="minister")
    marks = figure.data[0]
    assert list(marks.marker.color) == [RUSSIA_COLOUR, "#34495E"]
    assert list(marks.marker.opacity)[0] == 1.0 and list(marks.marker.opacity)[1] < 0.5


def test_level_headers_stand_level_like_stairs_each_ending_at_its_column():
    """Five headers side by side had to turn 90 degrees on a phone: stacked, none turns, the
    first column's lowest, each a line above the last, and a thin line down to its column."""
    from components.cooperation.figures import HEADER_LINE_PX
    delegations = pd.DataFrame({
        "iso3": ["JPN"], "level": ["head_of_state_or_government"], "attendance": ["participant"],
        "verification": ["verified"], "label": ["Japan"], "hover": [""]})
    levels = {"head_of_state_or_government": "Head of state or government", "deputy": "Deputy",
              "minister": "Minister"}
    figure = make_delegation_figure(delegations, levels=levels, legend_names={"verified": "V"})
    headers = [a for a in figure.layout.annotations if a.name == "column-header"]
    assert [a.x for a in headers] == list(levels.values())
    assert all(a.textangle in (None, 0) and a.xanchor == "right" for a in headers)
    shifts = [a.yshift for a in headers]
    steps = [higher - lower for lower, higher in zip(shifts, shifts[1:], strict=False)]
    assert shifts == sorted(shifts) and min(steps) >= HEADER_LINE_PX
    assert figure.layout.xaxis.showticklabels is False
    assert figure.layout.margin.t >= shifts[-1] + HEADER_LINE_PX
    assert [s.x0 for s in figure.layout.shapes if s.type == "line"] == list(levels.values())
