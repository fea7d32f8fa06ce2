"""A dot table: one row per item in words, in groups; empty groups take no room; the dot's
colour and shape say whose item, its fill the group; the figure grows with the wrapped text."""

import pandas as pd

from components.charts.dot_table import (
    DETAIL_CHARACTERS,
    LABEL_CHARACTERS,
    DotStyle,
    dot_table_figure,
    row_positions,
    row_text,
)

ROWS = pd.DataFrame({
    "key": ["a", "b", "c"], "group": ["two", "one", "two"], "style": ["x", "x", "y"],
    "label": ["First item", "Second item with a label long enough to wrap over two lines", "3"],
    "detail": ["who", "who", "who"], "hover": ["h", "h", "h"]})
STYLES = {"x": DotStyle("#D55E00", "circle", "Ex", "RUS"), "y": DotStyle("#000000", "square", "Why")}
FILLS = {"one": "", "two": "-open", "three": "-x"}


def test_rows_go_by_group_then_their_order_and_empty_groups_take_no_room():
    placed, headers, total = row_positions(ROWS, ["one", "two", "three"])
    assert list(placed["key"]) == ["b", "a", "c"]
    assert list(headers) == ["one", "two"]
    assert placed["y"].is_monotonic_increasing and total > placed["y"].max()
    taller, _, _ = row_positions(ROWS.assign(label=["x " * 60] * 3), ["one", "two", "three"])
    assert taller["y"].max() > placed["y"].max()


def test_each_row_is_its_words_wrapped_with_its_detail_smaller():
    text = row_text("w " * 40, "d " * 30, selected=True)
    assert text.startswith("<b>") and text.count("<br>") >= 2
    assert all(len(line) <= max(LABEL_CHARACTERS, DETAIL_CHARACTERS) + 80
               for line in text.split("<br>"))
    assert "font-size:12px" in text and not row_text("w", "d", selected=False).startswith("<b>")


def test_the_dots_say_whose_row_by_colour_and_shape_and_its_group_by_fill():
    figure = dot_table_figure(ROWS, groups=["one", "two", "three"],
                              group_labels={"one": "One (1)", "two": "Two (2)", "three": "T"},
                              styles=STYLES, fills=FILLS, selected="a")
    x, y = figure.data
    assert x.name.startswith("Ex") and x.meta == {"series": "RUS"} and y.meta is None
    assert list(x.customdata) == ["b", "a"] and list(x.marker.symbol) == ["circle", "circle-open"]
    assert list(y.marker.symbol) == ["square-open"]
    assert list(x.marker.size) == [16, 20]  # the selected row's dot is larger
    assert [a.text for a in figure.layout.annotations] == ["<b>One (1)</b>", "<b>Two (2)</b>"]
    assert figure.layout.height > 70
    assert figure.layout.hoverdistance == -1  # a tap on a row's words picks the row
