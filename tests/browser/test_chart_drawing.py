"""Each chart is drawn once, shown, at its width: Streamlit's own plotly element would first draw
it hidden at plotly's default size and then again (components/streamlit_compat/bundle_fixes.py)."""

import pytest

from components.registry import charts_on
from tools.page_checks import wait_for_charts

# Every chart that gets plotly's layers while its element is still hidden, and at what width.
RECORD_HIDDEN_DRAWS = """
window.__hiddenDraws = [];
new MutationObserver(records => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element) || !node.classList.contains('main-svg')) continue;
      const plot = node.closest('.js-plotly-plot');
      if (plot && plot.style.visibility === 'hidden') {
        window.__hiddenDraws.push(plot.getBoundingClientRect().width);
      }
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("path", ["map", "cooperation"])
def test_a_pages_charts_are_drawn_once_and_shown_at_their_width(make_page, app_url, open_page,
                                                                path):
    page = make_page().page
    page.add_init_script(RECORD_HIDDEN_DRAWS)
    open_page(page, app_url, path, lang="en")
    charts = len(charts_on(path))
    wait_for_charts(page, charts)
    assert page.evaluate("window.__hiddenDraws") == []
    widths = page.eval_on_selector_all(
        ".js-plotly-plot", "plots => plots.map(p => [p.getBoundingClientRect().width, "
        "p.querySelector('.main-svg').getBoundingClientRect().width])")
    assert len(widths) == charts
    for plot_width, layer_width in widths:
        assert abs(plot_width - layer_width) <= 1, widths

