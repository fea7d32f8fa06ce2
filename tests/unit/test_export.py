"""Charts as files and embeds: nothing requests a third party, text is escaped, links round-trip."""

import re
from urllib.parse import parse_qs, urlparse

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import export
from components.chart_spec import Chart, ChartSpec
from components.url_state import choice, choices

PARAMS = (choice("bloc", ("ASEAN", "EAS", "SCO"), "EAS"),
          choices("roles", ("member", "observer"), ("member",)))


def make_chart(data, values, lang):
    figure = go.Figure(go.Bar(x=["A", "B"], y=[1, 2]))
    return Chart(figure=figure, title="Title <script>alert(1)</script>", subtitle="Sub & title",
                 table=pd.DataFrame({"country": ["<b>A</b>", "B"], "n": [1, 2]}),
                 source_ids=("bisnis-2023-09-07",), description='Two "bars"', notes=("A note",))


SPEC = ChartSpec("test-chart", "overview", PARAMS, make_chart)
CHART = make_chart(None, SPEC.defaults, "en")


def test_an_embed_link_carries_only_non_default_parameters_and_the_language():
    url = export.embed_url("http://127.0.0.1:8501/", SPEC, {"bloc": "SCO", "roles": ("member",)},
                           "id")
    query = parse_qs(urlparse(url).query)
    assert query == {"embed": ["true"], "chart": ["test-chart"], "lang": ["id"], "bloc": ["SCO"]}


def test_a_list_parameter_keeps_its_tilde_in_the_embed_link():
    url = export.embed_url("http://h", SPEC, {"bloc": "EAS", "roles": ("member", "observer")}, "en")
    assert "roles=member~observer" in url


def test_the_embed_snippet_has_a_title_a_description_and_the_resize_listener():
    snippet = export.embed_snippet("http://h/?embed=true&chart=x", 'A "title"', "Words & more")
    assert 'title="A &quot;title&quot;"' in snippet
    assert 'aria-description="Words &amp; more"' in snippet
    assert export.HEIGHT_MESSAGE in snippet
    assert "&amp;chart=x" in snippet


def test_the_standalone_html_requests_nothing_from_a_third_party():
    page = export.chart_html(SPEC, CHART, "Source: Bisnis.com", "en", plotlyjs="plotly.min.js")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    assert "cdn.plot.ly" not in page.replace(export.OFFLINE_TOPOJSON_URL, "")
    assert '<html lang="en">' in page


def test_data_text_in_the_html_is_escaped():
    page = export.chart_html(SPEC, CHART, "Source: x", "en", plotlyjs="plotly.min.js")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;b&gt;A&lt;/b&gt;" in page


def test_the_framed_figure_draws_title_subtitle_and_source_into_the_image():
    framed = export.framed_figure(CHART, "Source: Bisnis.com")
    assert "Title &lt;script&gt;" in framed.layout.title.text
    assert any("Bisnis.com" in a.text for a in framed.layout.annotations)
    assert CHART.figure.layout.title.text is None  # the chart itself is left as it was


def test_maps_never_fetch_the_plotly_cdn_base_map():
    assert export.plotly_config(SPEC)["topojsonURL"].startswith("data:application/json,")


@pytest.mark.skipif(export.chromium_path() is None, reason="needs Debian chromium")
def test_kaleido_writes_png_and_svg_with_local_chromium():
    framed = export.framed_figure(CHART, "Source: Bisnis.com")
    assert export.figure_image(framed, "png").startswith(b"\x89PNG")
    svg = export.figure_image(framed, "svg")
    assert svg.lstrip().startswith(b"<svg") and b"Bisnis.com" in svg


def test_the_static_fallback_holds_image_words_and_table():
    page = export.static_fallback_html(CHART, b"\x89PNG fake", "Source: x", "en")
    assert 'src="data:image/png;base64,' in page
    assert "Two &quot;bars&quot;" in page
    assert "<table" in page
