"""One visual language across every chart: each bloc, track and Russia keeps one colour, every
other colour comes from the theme, the summit day is drawn one way, and one typeface is used.

Walks every figure of every chart, in both languages and over the views a reader can choose,
and checks each named series (a trace's ``meta["series"]``) against ``theme.SERIES_COLOURS``.
"""

from __future__ import annotations

from datetime import date

import pytest

from components.charts import theme
from components.registry import CHARTS
from components.text.i18n import LANGS

NEUTRALS = {theme.MUTED_TEXT, theme.TEXT_COLOUR, theme.NEUTRAL_COLOUR, "#FFFFFF", theme.GRID_COLOUR}
SERIES_OF_COLOUR = {colour.upper(): series for series, colour in theme.SERIES_COLOURS.items()}


def views(spec):
    """The defaults and the views that change what is drawn: each bloc, roles, the world."""
    yield spec.defaults
    keys = {param.key for param in spec.params}
    if "bloc" in keys:
        for bloc in ("ASEAN", "EAS", "SCO", "EAEU"):
            yield {**spec.defaults, "bloc": bloc}
    if "world" in keys:
        yield {**spec.defaults, "world": True}
    if "tracks" in keys:
        yield {**spec.defaults, "tracks": ("Russia", "ASEAN-Russia")}
    if "initiative" in keys:
        yield {**spec.defaults, "initiative": "tourism"}
    if "level" in keys:
        yield {**spec.defaults, "level": "minister"}


CASES = [(spec, values, lang) for spec in CHARTS for values in views(spec) for lang in LANGS]
IDS = [f"{spec.chart_id}-{index}-{lang}" for index, (spec, _, lang) in enumerate(CASES)]


def colours_of(node) -> list[str]:
    """Every colour string in a trace's marker, line, text and fill, lists flattened."""
    found = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and "color" in key.lower() and value.startswith("#"):
            found.append(value.upper())

    walk(node)
    return found


def scale_colours(trace: dict) -> list[str]:
    return [colour.upper() for _, colour in trace.get("colorscale") or []]


@pytest.mark.parametrize(("spec", "values", "lang"), CASES, ids=IDS)
def test_every_series_keeps_its_colour_and_every_colour_is_the_themes(build, spec, values, lang):
    figure = build(spec, values, lang).figure.to_plotly_json()
    palette = {colour.upper() for colour in theme.PALETTE}
    for trace in figure["data"]:
        used = colours_of({k: v for k, v in trace.items() if k != "colorscale"}) + \
            scale_colours(trace)
        assert set(used) <= palette, (trace.get("name"), set(used) - palette)
        series = (trace.get("meta") or {}).get("series") if isinstance(trace.get("meta"), dict) \
            else None
        own = {c for c in used if c not in {n.upper() for n in NEUTRALS}}
        if series:
            expected = theme.SERIES_COLOURS[series].upper()
            shades = {s.upper() for s in theme.ROLE_SHADES.get(series, {}).values()}
            assert own <= {expected} | shades, (trace.get("name"), series, own)
        # A colour that belongs to a bloc, a track or Russia is only ever used for that series.
        for colour in own & set(SERIES_OF_COLOUR):
            assert series is not None or SERIES_OF_COLOUR[colour] == "RUS" or \
                trace.get("type") == "choropleth", (trace.get("name"), colour)


@pytest.mark.parametrize(("spec", "values", "lang"), CASES, ids=IDS)
def test_one_typeface_inside_every_chart(build, spec, values, lang):
    layout = build(spec, values, lang).figure.layout
    assert layout.font.family == theme.FONT_FAMILY
    assert layout.hoverlabel.font.family == theme.FONT_FAMILY


@pytest.mark.parametrize("spec", [s for s in CHARTS if s.page in ("timeline", "map", "cooperation")],
                         ids=lambda s: s.chart_id)
def test_the_summit_day_is_drawn_the_same_way_on_every_chart_with_a_time_axis(build, spec):
    figure = build(spec).figure
    summit_lines = [shape for shape in figure.layout.shapes if shape.type == "line"
                    and shape.line.dash == theme.SUMMIT_LINE["dash"]]
    for line in summit_lines:
        assert line.line.color == theme.SUMMIT_LINE["color"]
        assert line.line.width == theme.SUMMIT_LINE["width"]
    # Charts along time all mark the summit; the agenda, the list and the matrices have no time axis.
    timed = {"history", "members-over-time", "channels"}
    assert bool(summit_lines) == (spec.chart_id in timed), spec.chart_id


def test_each_bloc_and_track_has_its_own_colour_and_russia_one_accent():
    blocs = list(theme.BLOC_COLOURS.values())
    assert len(set(blocs)) == len(blocs)
    assert theme.RUSSIA_COLOUR not in blocs and theme.RELATION_COLOUR not in blocs
    assert len(set(theme.TRACK_COLOURS.values())) == len(theme.TRACK_COLOURS)
    assert theme.SERIES_COLOURS["RUS"] == theme.TRACK_COLOURS["Russia"] == theme.RUSSIA_COLOUR
    # The overlap scale is neutral: no step of it reads as a bloc's colour.
    assert not set(theme.OVERLAP_COLOURS) & set(blocs)


def test_the_membership_map_of_a_bloc_draws_it_in_that_blocs_colour(data):
    spec = next(s for s in CHARTS if s.chart_id == "membership-map")
    for bloc, colour in theme.BLOC_COLOURS.items():
        figure = spec.make(data, {**spec.defaults, "bloc": bloc, "asof": date(2023, 9, 7)},
                           "en").figure
        countries = next(trace for trace in figure.data if trace.name == "countries")
        assert colour.upper() in {c.upper() for _, c in countries.colorscale}
