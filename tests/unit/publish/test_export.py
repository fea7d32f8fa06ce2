"""Charts as files and embeds: nothing requests a third party, text is escaped, links round-trip."""

import re
from urllib.parse import parse_qs, urlparse

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.charts.spec import Chart, ChartSpec
from components.charts.url_state import choice, choices
from components.publish import export

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


def _annotation_width(family: str) -> float:
    """How wide plotly, in kaleido's Chromium, draws one line in ``family``: the box it puts
    around an annotation is as wide as the text it measured."""
    figure = go.Figure(layout={"width": 900, "height": 120, "font": {"size": 20}})
    figure.add_annotation(text="Wwwww Mmmmm aaaa 0123456789", font={"family": family},
                          bordercolor="black", showarrow=False, x=0.5, y=0.5)
    svg = export.figure_image(figure, "svg").decode()
    box = re.search(r'class="annotation-text-g".*?<rect class="bg"[^>]*width="([\d.]+)"', svg)
    return float(box[1])


@pytest.mark.skipif(export.chromium_path() is None, reason="needs Debian chromium")
def test_the_images_are_set_in_the_apps_typeface():
    """PNG and SVG text is measured and drawn in Source Sans 3, the face the app's pages use,
    not in whichever font the machine falls back to."""
    themed = _annotation_width(export.FONT_FAMILY)
    assert themed == _annotation_width('"Source Sans 3"')
    assert themed != _annotation_width("DejaVu Sans")
    assert themed != _annotation_width("Liberation Sans")


def test_a_static_page_loads_the_typeface_from_beside_it_and_a_downloaded_file_carries_it():
    page = static_page()
    assert 'url("../fonts/SourceSans3VF-Upright.latin.woff2")' in page
    assert 'rel="preload" href="../fonts/SourceSans3VF-Upright.latin.woff2" as="font"' in page
    downloaded = export.chart_html(SPEC, CHART, "Source: x", "en", plotlyjs="plotly.min.js")
    assert 'src: url("data:font/woff2;base64,' in downloaded
    assert export.FONT_STACK.startswith('"Source Sans"')


def test_the_static_fallback_holds_image_words_and_table():
    page = export.static_fallback_html(CHART, b"\x89PNG fake", "Source: x", "en")
    assert 'src="data:image/png;base64,' in page
    assert "Two &quot;bars&quot;" in page
    assert "<table" in page


# --- the chart-only embed, its snippets and the static chart page -------------------------------

PUBLISHERS = {"Bisnis.com": "https://www.bisnis.com/a", "<b>Bad</b>": "javascript:alert(1)"}


def static_page(**options):
    settings = {"credits": (),
                "plotlyjs_src": "../plotly.min.js", "font_src": "../fonts/SourceSans3VF-Upright.latin.woff2",
                "preview_src": "test-chart.preview.svg",
                "narrow_preview_src": "test-chart.preview-narrow.svg",
                "csv_href": "test-chart.csv", "dashboard_href": "https://app.example/map?lang=en",
                "oembed_href": "https://static.example/en/test-chart.oembed.json", **options}
    return export.embed_page_html(SPEC, CHART, PUBLISHERS, "en", **settings)


def test_the_static_chart_pages_source_line_credits_its_tools_after_its_sources():
    page = static_page(credits=[("Map <i>", {"Natural Earth": "https://www.naturalearthdata.com/",
                                             "<b>Tool</b>": "javascript:alert(1)"})])
    line = re.search(r'<p class="source">(.*?)</p>', page).group(1)
    assert line.endswith('. Map &lt;i&gt;: <a href="https://www.naturalearthdata.com/">Natural '
                         'Earth</a>; &lt;b&gt;Tool&lt;/b&gt;')
    assert line.index("Bisnis.com") < line.index("Natural Earth")


def test_a_font_family_of_several_words_is_quoted_in_css():
    stack = export.css_font_stack("Source Sans Pro, Source Sans 3, -apple-system, Segoe UI, "
                                  "Roboto, sans-serif")
    assert stack == ('"Source Sans Pro", "Source Sans 3", -apple-system, "Segoe UI", Roboto, '
                     "sans-serif")
    assert export.css_font_stack(export.FONT_STACK) == export.FONT_STACK


def test_the_height_script_speaks_every_hosts_protocol_and_waits_for_its_charts():
    script = export.height_script(1)
    assert script.startswith("<script>") and "__CHARTS__" not in script and "})(1);" in script
    for protocol in (export.HEIGHT_MESSAGE, "pymxPYMx", "xPYMxheightxPYMx", "xPYMxwidthxPYMx",
                     'sentinel: "amp"', '"embed-size"', '"iframe.resize"', "childId"):
        assert protocol in script, protocol


def test_the_full_dashboard_link_opens_the_charts_page_at_the_same_view():
    spec = ChartSpec("test-chart", "map", PARAMS, make_chart)
    url = export.dashboard_url("https://app.example/", spec, {"bloc": "SCO", "roles": ("member",)},
                               "id")
    assert url == "https://app.example/map?lang=id&bloc=SCO"


def test_the_plain_iframe_has_no_script_and_the_charts_real_height():
    snippet = export.plain_iframe_snippet("https://h/?embed=true&chart=x", 'A "t"', 912)
    assert "<script" not in snippet and 'height="912"' in snippet
    assert 'title="A &quot;t&quot;"' in snippet and "&amp;chart=x" in snippet


def test_the_pym_snippet_makes_a_pym_parent_without_naming_a_host():
    snippet = export.pym_snippet("https://h/x.html", "</script><b>t</b>", "ru-asean-x-en")
    assert 'new pym.Parent("ru-asean-x-en", "https://h/x.html"' in snippet
    assert "</script><b>" not in snippet
    assert "http" not in snippet.split("pym.Parent")[0]  # pym.js comes from the site itself


def test_the_amp_snippet_is_resizable_with_an_overflow_button_and_the_sandbox_flags():
    snippet = export.amp_snippet("https://h/x.html", "T", 700, "Show all")
    assert snippet.startswith("<amp-iframe ") and " resizable " in snippet
    assert 'height="700"' in snippet and "<div overflow" in snippet
    assert f'sandbox="{export.SANDBOX}"' in snippet and "allow-same-origin" in export.SANDBOX


def test_the_static_chart_page_holds_the_chart_only_layout_and_escapes_data_text():
    page = static_page()
    assert "<script>alert(1)</script>" not in page and "Title &lt;script&gt;" in page
    assert "javascript:" not in page and "&lt;b&gt;Bad&lt;/b&gt;" in page
    assert '<a href="https://www.bisnis.com/a">Bisnis.com</a>' in page
    assert 'download="test-chart-en.csv"' in page and ">Get the data<" in page
    assert 'href="https://app.example/map?lang=en" target="_blank" rel="noopener"' in page
    assert 'alt="Two &quot;bars&quot;"' in page  # the preview's alt: the chart in words
    assert "data-embed-content" in page and export.HEIGHT_MESSAGE in page
    assert ('<link rel="alternate" type="application/json+oembed" '
            'href="https://static.example/en/test-chart.oembed.json"') in page
    assert "tab" not in page.lower().replace("table", "")  # no tabs, no editor tools


def test_the_static_chart_page_asks_no_third_party_and_loads_plotly_from_beside_it():
    page = static_page(dashboard_href=None, oembed_href=None)
    # What the page loads (links to the sources are for the reader to follow).
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', page) + re.findall(
        r'<link [^>]*href="([^"]+)"', page)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    assert '"../plotly.min.js"' in page and "cdn.plot.ly" not in page.replace(
        export.OFFLINE_TOPOJSON_URL, "")
    assert "Full dashboard" not in page and "oembed" not in page


def test_the_static_chart_pages_font_list_is_valid_css():
    page = static_page()
    assert f"font-family: {export.FONT_STACK};" in page
    assert re.search(r"font-family: [^;]*[^\"]Source Sans 3", page) is None


def test_a_narrower_embed_is_taller_and_a_maps_box_follows_its_width():
    wide = export.estimated_height(CHART, "Source: Bisnis.com", "en", 640)
    narrow = export.estimated_height(CHART, "Source: Bisnis.com", "en", 320)
    assert narrow >= wide > (CHART.figure.layout.height or 450)
    figure = go.Figure(layout={"height": 460, "meta": {"fit_height": {"width_per_height": 2.35,
                                                                      "extra_px": 88}}})
    assert export.chart_box_height(figure, 343) == int(343 / 2.35 + 88)
    assert export.chart_box_height(figure, 1000) == 460


def test_the_oembed_answer_is_a_rich_plain_iframe_of_fixed_size():
    answer = export.oembed_answer("https://h/?embed=true&chart=x", "T", "P", "https://h/", 640, 700)
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert (answer["width"], answer["height"]) == (640, 700)
    assert "<script" not in answer["html"] and 'height="700"' in answer["html"]


def test_the_height_script_survives_streamlits_html_sanitiser():
    # DOMPurify removes a <script> whose text holds "<" followed by a letter, "/" or "!".
    body = export.height_script(1).removeprefix("<script>").removesuffix("</script>")
    assert re.search(r"<[/\w!]", body) is None
