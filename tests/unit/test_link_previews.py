"""Each page's HTML carries its own title and description, in the link's language."""

from components.i18n import t
from components.link_previews import preview_tags, rewrite

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
