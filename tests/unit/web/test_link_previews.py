"""Each page's HTML carries its own title and description, in the link's language."""

import html
import re

from components.publish import first_paint
from components.streamlit_compat.front_end import plotly_chunk, plotly_chunk_imports, server_address
from components.text.i18n import t
from components.web.link_previews import page_of, preview_tags, rewrite

STREAMLIT_HEAD = '<html lang="en"><head><title>Streamlit</title><link rel=icon></head>'


def test_a_page_link_previews_as_that_page_in_its_language():
    tags = preview_tags("/map", "lang=en&bloc=SCO")
    assert f"<title>{t('nav.map', 'en')} · {t('app.title', 'en')}</title>" in tags
    assert f'content="{t("preview.map", "en")}"' in tags
    assert 'property="og:locale" content="en_GB"' in tags


def test_the_home_page_and_unknown_languages_fall_back_to_the_overview_in_indonesian():
    tags = preview_tags("/", "lang=xx")
    assert f"<title>{t('app.title', 'id')}</title>" in tags
    assert t("preview.overview", "id") in tags


def test_rewrite_replaces_streamlits_title_once():
    page = rewrite(STREAMLIT_HEAD, "/timeline", "lang=id")
    assert "<title>Streamlit</title>" not in page
    assert page.count("<title>") == 1 and '<link rel=icon>' in page


def test_nothing_from_the_link_reaches_the_html_unescaped():
    tags = preview_tags("/<script>", "lang=<script>")
    assert "<script>" not in tags


def test_the_html_element_carries_the_links_language():
    assert rewrite(STREAMLIT_HEAD, "/map", "lang=id").startswith('<html lang="id">')
    assert rewrite(STREAMLIT_HEAD, "/map", "lang=en").startswith('<html lang="en">')


def test_an_embed_page_names_its_oembed_answer_and_preloads_the_plotly_chunk():
    page = rewrite(STREAMLIT_HEAD, "/", "embed=true&chart=delegation-levels&lang=en&level=minister",
                   origin="http://127.0.0.1:8501")
    assert ('<link rel="alternate" type="application/json+oembed" href="http://127.0.0.1:8501/'
            'oembed?url=http%3A%2F%2F127.0.0.1%3A8501%2F%3Fembed%3Dtrue%26chart%3Ddelegation-levels'
            '%26lang%3Den%26level%3Dminister&amp;format=json"') in page
    assert '<link rel="modulepreload" crossorigin href="./static/js/PlotlyChart.' in page


def test_a_page_without_charts_gets_neither_oembed_nor_the_plotly_chunk():
    page = rewrite(STREAMLIT_HEAD, "/sources", "lang=en", origin="http://127.0.0.1:8501")
    assert "json+oembed" not in page and "PlotlyChart" not in page
    assert "PlotlyChart" in rewrite(STREAMLIT_HEAD, "/map", "lang=en")


def test_a_sandboxed_embed_falls_back_to_the_static_page_of_a_default_view(monkeypatch):
    from components.publish import export

    monkeypatch.setenv(export.STATIC_URL_VARIABLE, "https://static.example/ru")
    page = rewrite(STREAMLIT_HEAD, "/", "embed=true&chart=channels&lang=en", origin="http://h")
    assert "window.origin!=='null'" in page
    assert '"https://static.example/ru/en/channels.embed.html"' in page
    other_view = rewrite(STREAMLIT_HEAD, "/", "embed=true&chart=delegation-levels&level=minister",
                         origin="http://h")
    assert "static.example" not in other_view and "allow-same-origin" in other_view
    assert "</script><" not in other_view.split("window.origin")[1].split("</script>")[0]


def test_a_chart_page_preloads_what_the_plotly_chunk_imports_and_imports_it_early():
    page = rewrite(STREAMLIT_HEAD, "/timeline", "lang=en")
    for module in (plotly_chunk(), *plotly_chunk_imports()):
        assert page.count(f'<link rel="modulepreload" crossorigin href="./static/js/{module}" />') == 1
    assert f'import("./static/js/{plotly_chunk()}")' in page
    assert "import(" not in rewrite(STREAMLIT_HEAD, "/sources", "lang=en")


def test_a_first_painted_embed_leaves_the_plotly_chunk_for_later():
    from components.web.link_previews import head_links

    links = head_links("/", "embed=true&chart=channels&lang=en", first_painted=True)
    assert "PlotlyChart" not in links and "import(" not in links


def test_a_page_tells_streamlit_where_its_server_is_and_an_unknown_path_does_not():
    for path, base, page in (("/", "", ""), ("/overview", "", "overview"),
                             ("/news/map/", "/news", "map"), ("/news", "/news", "")):
        assert page_of(path, base) == page, path
        script = server_address(page)
        assert f'var page="{page}"' in script and "BACKEND_BASE_URL" in script, path
        assert script in rewrite(STREAMLIT_HEAD, path, "lang=en", base_path=base)
    assert page_of("/no-such-page") is None and page_of("/a/b") is None
    assert server_address(None) == ""


def test_a_page_names_its_canonical_address_and_its_other_language():
    tags = preview_tags("/map", "lang=en&bloc=SCO&asof=2024-07-04&evil=%22%3E", "https://a.example")
    assert ('<link rel="canonical" href="https://a.example/map?lang=en&amp;asof=2024-07-04'
            '&amp;bloc=SCO" />') in tags
    assert '<meta property="og:url" content="https://a.example/map?lang=en&amp;asof=' in tags
    assert 'hreflang="id" href="https://a.example/map?lang=id&amp;asof=2024-07-04' in tags
    assert 'hreflang="x-default"' in tags and "evil" not in tags
    bad = preview_tags("/map", "lang=en&bloc=%3Cscript%3E", "https://a.example")
    assert "%3Cscript" not in bad and "<script" not in bad
    assert 'href="https://a.example/map?lang=en" />' in bad
    assert "canonical" not in preview_tags("/map", "lang=en")  # no address known: no tags


def meta(tags: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', tags)
    return html.unescape(found.group(1)) if found else ""


def test_a_link_to_a_view_names_that_views_card_and_a_default_view_its_committed_card():
    view = preview_tags("/map", "lang=en&bloc=SCO&asof=2024-07-04", "https://a.example")
    assert meta(view, "og:image") == ("https://a.example/social-card/membership-map.png?"
                                      "lang=en&bloc=SCO&asof=2024-07-04")
    assert meta(view, "twitter:card") == "summary_large_image"
    assert meta(view, "twitter:image") == meta(view, "og:image")
    assert meta(view, "og:image:width") == "1200" and meta(view, "og:image:height") == "630"
    assert meta(view, "og:image:alt").startswith("On 4 July 2024 the SCO had")
    default = preview_tags("/map", "lang=id", "https://a.example")
    card = first_paint.manifest_entry("membership-map", "id")["card"]
    assert meta(default, "og:image") == f"https://a.example/chart-preview/{card}"
    embed = preview_tags("/", "lang=en&embed=true&chart=history&from=1990", "https://a.example")
    assert "/social-card/history.png?lang=en&from=1990" in meta(embed, "og:image")
    assert meta(preview_tags("/map", "lang=en"), "twitter:card") == "summary"  # no address


def test_every_page_carries_the_script_that_applies_a_typed_date_on_enter():
    from components.streamlit_compat.date_enter import enter_applies_typed_dates
    from components.web.link_previews import head_links

    for path in ("/", "/map", "/embed"):
        assert enter_applies_typed_dates() in head_links(path, "lang=en"), path
