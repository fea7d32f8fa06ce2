"""The dark theme: one function adapts any built figure, and no dark ink is left on dark paper."""

import json

import plotly.graph_objects as go
import pytest

from components.charts import theme
from components.registry import CHARTS

LIGHT_INKS = {theme.TEXT_COLOUR, theme.MUTED_TEXT, theme.INK, theme.GRID_COLOUR.upper(), "#FFFFFF"}


def colours_in(node, key=""):
    """Every colour string under a key naming a colour, anywhere in a figure's JSON."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "template":
                continue
            yield from colours_in(value, name)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from colours_in(item, key)
    elif isinstance(node, str) and "color" in key.lower():
        yield node.replace(" ", "").upper()


def figure_json(figure: go.Figure) -> dict:
    return json.loads(figure.to_json())


@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_a_chart_in_the_dark_theme_keeps_no_dark_text_or_light_neutral(spec, build):
    chart = build(spec)
    light = set(colours_in(figure_json(chart.figure)))
    dark = set(colours_in(figure_json(theme.for_dark_theme(chart.figure))))
    assert light & LIGHT_INKS, "the light figure uses none of the theme's inks: nothing tested"
    assert not dark & LIGHT_INKS
    assert theme.DARK_COLOURS[theme.TEXT_COLOUR] in dark


@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_a_chart_in_the_dark_theme_keeps_its_bloc_colours_and_its_data(spec, build):
    chart = build(spec)
    light, dark = figure_json(chart.figure), figure_json(theme.for_dark_theme(chart.figure))
    blocs = {colour.upper() for colour in theme.BLOC_COLOURS.values()} | {theme.RUSSIA_COLOUR}
    assert set(colours_in(light)) & blocs == set(colours_in(dark)) & blocs
    assert [trace.get("x") for trace in light["data"]] == [trace.get("x") for trace in dark["data"]]
    assert [trace.get("hovertext") for trace in light["data"]] == [
        trace.get("hovertext") for trace in dark["data"]]


def test_the_dark_figure_is_a_copy_and_the_light_one_is_left_as_it_was():
    figure = go.Figure(go.Scatter(x=[1], y=[1], marker={"color": theme.INK,
                                                         "line": {"color": "white"}}),
                       layout=theme.base_layout())
    dark = theme.for_dark_theme(figure)
    assert figure.data[0].marker.color == theme.INK
    assert dark.data[0].marker.color == theme.DARK_COLOURS[theme.INK]
    assert dark.data[0].marker.line.color == theme.DARK_BACKGROUND
    assert dark.layout.font.color == theme.DARK_COLOURS[theme.TEXT_COLOUR]
    assert dark.layout.xaxis.gridcolor == theme.DARK_COLOURS[theme.GRID_COLOUR]


def test_a_sequential_scale_is_reversed_in_the_dark_so_more_still_stands_out():
    light_steps = list(theme.OVERLAP_COLOURS)
    dark_steps = [theme.DARK_COLOURS[colour] for colour in light_steps]

    def lightness(colour):
        return sum(int(colour[i:i + 2], 16) for i in (1, 3, 5))

    assert [lightness(c) for c in light_steps] == sorted(map(lightness, light_steps), reverse=True)
    assert [lightness(c) for c in dark_steps] == sorted(map(lightness, dark_steps))
