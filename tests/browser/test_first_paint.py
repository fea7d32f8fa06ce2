"""The live embed's first paint in a real Chromium: the chart as an image, title and source line
drawn from the page's HTML alone, and Streamlit's embed in its place once its chart is drawn."""

import re

import pytest
from playwright.sync_api import expect

from components.charts.spec import plotly_key
from components.publish import export
from components.registry import get_chart
from components.streamlit_compat import front_end
from components.text.i18n import t
from tools import browser as chromium

FIRST_PAINT = "#ru-first-paint"


@pytest.mark.parametrize(("chart_id", "lang", "width"), [("channels", "en", 375),
                                                         ("membership-map", "id", 640)])
def test_the_chart_shows_from_the_html_before_streamlit_has_started(make_page, app_url, chart_id,
                                                                    lang, width):
    page = make_page(viewport={"width": width, "height": 900}).page
    # Streamlit's entry module never arrives: what the reader sees is the page's HTML alone.
    page.route(re.compile(r"/static/js/index\.[\w-]+\.js$"), lambda route: route.abort())
    spec = get_chart(chart_id)
    page.goto(export.embed_url(app_url, spec, spec.defaults, lang))
    paint = page.locator(FIRST_PAINT)
    expect(paint.locator("h1")).to_be_visible()
    image = paint.locator("picture img")
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    box = image.bounding_box()
    assert box["width"] >= width - 40 and box["height"] > 200, box
    source = paint.locator(".source")
    expect(source).to_contain_text(f"{t('frame.source', lang)}: ")
    assert source.bounding_box()["y"] > box["y"] + box["height"] - 1  # under the chart
    assert page.evaluate("getComputedStyle(document.getElementById('root')).visibility") == "hidden"


def test_streamlit_takes_the_place_of_the_first_paint_once_its_chart_is_drawn(page, app_url,
                                                                             open_page):
    spec = get_chart("channels")
    open_page(page, app_url, "", heading=False, embed="true", chart=spec.chart_id, lang="en")
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    expect(page.locator(FIRST_PAINT)).to_have_count(0)
    assert page.evaluate("document.documentElement.className") == ""
    title = page.locator(".st-key-embed-content h4")
    expect(title).to_be_visible()
    # Once on the page: the first paint's title is gone with it.
    assert page.get_by_text(title.inner_text(), exact=True).count() == 1
    assert page.evaluate("getComputedStyle(document.getElementById('root')).visibility") == "visible"


PLOTLY_CHUNK = re.compile(r"/static/js/PlotlyChart\.[\w-]+\.js$")


def wait_for_the_chart_element(page, chart_id: str) -> None:
    """Streamlit's run has ended and the chart's element is on the page."""
    page.wait_for_function(f"() => ({chromium.SCRIPT_IDLE_JS.strip()})()"
                           " && !!document.querySelector('.st-key-" + plotly_key(chart_id) + "')")


def test_the_first_paint_stays_while_plotly_js_loads(page, app_url):
    held = []
    page.route(PLOTLY_CHUNK, lambda route: held.append(route))
    spec = get_chart("channels")
    page.goto(export.embed_url(app_url, spec, spec.defaults, "en"))
    wait_for_the_chart_element(page, spec.chart_id)  # waiting for plotly.js
    page.wait_for_timeout(1_000)  # five of the hand-over's looks
    expect(page.locator(FIRST_PAINT)).to_have_count(1)
    for route in held:
        route.continue_()
    page.wait_for_function(chromium.CHARTS_COUNT_DRAWN_JS, arg=1)
    expect(page.locator(FIRST_PAINT)).to_have_count(0)


def test_streamlit_takes_over_when_plotly_js_never_arrives(page, app_url):
    page.clock.install()
    page.route(PLOTLY_CHUNK, lambda route: route.abort())
    spec = get_chart("channels")
    page.goto(export.embed_url(app_url, spec, spec.defaults, "en"))
    wait_for_the_chart_element(page, spec.chart_id)
    expect(page.locator(FIRST_PAINT)).to_have_count(1)
    page.clock.fast_forward(front_end.HANDOVER_GIVE_UP_MS)
    # Streamlit's own page, whose links work, rather than an image that never turns live.
    expect(page.locator(FIRST_PAINT)).to_have_count(0)
    expect(page.get_by_role("link", name=t("embed_frame.full_dashboard", "en"))).to_be_visible()


# Keeps Streamlit's chart hidden, as Streamlit itself does between its first draw (before it knows
# the chart's width) and its second, for as long as window.__keepChartHidden holds.
KEEP_CHART_HIDDEN_JS = """
window.__keepChartHidden = true;
new MutationObserver(() => {
  if (!window.__keepChartHidden) { return; }
  for (const plot of document.querySelectorAll('#root .js-plotly-plot')) {
    if (plot.style.visibility !== 'hidden') { plot.style.visibility = 'hidden'; }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['style']});
"""


def test_the_first_paint_stays_until_streamlit_shows_its_chart(page, app_url):
    page.add_init_script(KEEP_CHART_HIDDEN_JS)
    spec = get_chart("channels")
    page.goto(export.embed_url(app_url, spec, spec.defaults, "en"))
    page.wait_for_function(
        "() => !!document.querySelector('#root .js-plotly-plot .main-svg path')")
    page.wait_for_timeout(1_000)  # five of the hand-over's looks
    # Drawn but hidden: the image stays, rather than an empty frame.
    expect(page.locator(FIRST_PAINT)).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.getElementById('root')).visibility") == "hidden"
    page.evaluate("() => { window.__keepChartHidden = false; "
                  "document.querySelector('#root .js-plotly-plot').style.visibility = ''; }")
    expect(page.locator(FIRST_PAINT)).to_have_count(0)
    assert page.evaluate("getComputedStyle(document.getElementById('root')).visibility") == "visible"


def test_another_view_loads_as_before_without_a_first_paint(page, app_url, open_page):
    open_page(page, app_url, "", heading=False, embed="true", chart="delegation-levels",
              level="minister", lang="en")
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    assert page.evaluate(f"!!document.querySelector('{FIRST_PAINT}')") is False
