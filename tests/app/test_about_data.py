"""Every frame's "About this data" panel in both languages, and the whole data package on the
Sources page, through Streamlit's AppTest."""

from datetime import date

import pytest

from components.data.coverage import checked_to
from components.paths import DATA_DIR
from components.registry import PAGES, charts_on
from components.text.i18n import LANGS, format_date, t
from tools.apptest import open_app

CHART_PAGES = [page for page in PAGES if page.url_path in ("overview", "timeline", "map",
                                                            "cooperation")]


def open_tab(page, label: str, lang: str):
    """``page`` with every frame's tab ``label`` open, as a reader who clicked each."""
    app = open_app(page.script, lang=lang)
    for spec in charts_on(page.url_path):
        app.session_state[f"view-{spec.chart_id}"] = label
    return app.run()


@pytest.mark.parametrize("page", CHART_PAGES, ids=lambda page: page.url_path)
def test_the_table_and_the_panel_wait_until_their_tab_is_opened(page):
    app = open_app(page.script, lang="en")
    about, table = t("about.tab", "en"), t("frame.view_table", "en")
    assert not app.get("arrow_data_frame") and not app.dataframe
    assert not [md for tab in app.tabs if tab.label == about for md in tab.markdown]
    app = open_tab(page, table, "en")
    assert len(app.dataframe) == len(charts_on(page.url_path))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHART_PAGES, ids=lambda page: page.url_path)
def test_every_frame_has_an_about_this_data_panel_in_the_pages_language(page, lang):
    app = open_tab(page, t("about.tab", lang), lang)
    assert not app.exception, [e.value for e in app.exception]
    panels = [tab for tab in app.tabs if tab.label == t("about.tab", lang)]
    assert panels, [tab.label for tab in app.tabs]
    other = "en" if lang == "id" else "id"
    for panel in panels:
        text = " ".join(md.value for md in panel.markdown).replace("\\", "")  # md escapes
        assert t("about.what", lang) in text and t("about.sources", lang) in text
        assert t("about.checked", lang, date=format_date(checked_to(), lang)) in text
        assert t("about.what", other) not in text
        author = t("citation.author", lang)
        assert f"{t('about.short', lang)}: {author} (" in text
        assert f"{t('about.full', lang)}: {author} (" in text and "http" in text
        # The copy buttons (st.code, full form and BibTeX) wait in a popover until it is opened:
        # tests/browser/test_frame_tools.py opens it.
        assert t("about.copy", lang) in [block.proto.popover.label
                                         for block in panel.get("popover")]


def test_the_panel_says_the_date_the_data_was_checked_to():
    app = open_tab(next(page for page in PAGES if page.url_path == "map"), t("about.tab", "en"),
                   "en")
    panel = next(tab for tab in app.tabs if tab.label == t("about.tab", "en"))
    text = " ".join(md.value for md in panel.markdown).replace("\\", "")
    assert "Data checked to 28 October 2025" in text
    assert format_date(date(1967, 8, 8), "en") in text  # the rows start with ASEAN's founding


@pytest.mark.parametrize("lang", LANGS)
def test_the_sources_page_offers_the_whole_data_package(lang):
    app = open_app("pages/sources.py", lang=lang)
    assert not app.exception
    labels = [button.label for button in app.get("download_button")]
    assert t("about.package", lang) in labels
    assert t("about.package_help", lang) in [caption.value for caption in app.caption]
    assert (DATA_DIR / "README.md").exists()
