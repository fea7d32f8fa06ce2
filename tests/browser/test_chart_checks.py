"""What the browser tests, the screenshots and the benchmarks count as a drawn chart: marks that
a reader can see, not Streamlit's first draw, which it keeps hidden until it knows the width."""

import pytest

from tools import bench
from tools import browser as chromium

MARKS = '<svg class="main-svg"><path d="M0 0L9 9"/></svg>'


def plot(style: str = "", marks: str = MARKS) -> str:
    return f'<div class="js-plotly-plot" style="{style}">{marks}</div>'


@pytest.mark.parametrize("content", [
    plot("visibility: hidden"),  # Streamlit's first draw
    f'<div style="visibility: hidden">{plot()}</div>',  # under the live embed's first paint
    plot(marks='<svg class="main-svg"></svg>'),  # the chart's layers, no marks yet
], ids=["hidden", "hidden-parent", "no-marks"])
def test_a_chart_the_reader_cannot_see_is_not_drawn(page, content):
    page.set_content(plot() + content)
    assert page.evaluate(chromium.CHARTS_DRAWN_JS) is False
    assert page.evaluate(chromium.CHARTS_COUNT_DRAWN_JS, 2) is False
    assert page.evaluate(bench.charts_drawn_js(2)) is False


def test_charts_shown_with_their_marks_are_drawn(page):
    page.set_content(plot() + plot("visibility: hidden"))
    page.evaluate("document.querySelectorAll('.js-plotly-plot')[1].style.visibility = ''")
    assert page.evaluate(chromium.CHARTS_DRAWN_JS) is True
    assert page.evaluate(chromium.CHARTS_COUNT_DRAWN_JS, 2) is True
    assert page.evaluate(bench.charts_drawn_js(2)) is True
    # Fewer charts than the page should have: not yet.
    assert page.evaluate(chromium.CHARTS_COUNT_DRAWN_JS, 3) is False
    assert page.evaluate(bench.charts_drawn_js(3)) is False


def test_the_phone_profile_stamps_a_chart_when_it_is_shown(page):
    page.set_content(plot("visibility: hidden"))
    page.evaluate(bench.DRAWN_STAMPS_JS)
    page.wait_for_timeout(200)  # ten of the stamp's looks
    assert page.evaluate("window.__drawnAt") is None
    page.evaluate("document.querySelector('.js-plotly-plot').style.visibility = ''")
    page.wait_for_function("() => typeof window.__drawnAt === 'number'", timeout=5_000)
