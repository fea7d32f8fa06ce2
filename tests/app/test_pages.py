"""Every page runs in both languages without an exception, through Streamlit's AppTest."""

import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import LANGS, t
from components.paths import PROJECT_ROOT
from components.shell import PAGES

TIMEOUT = 60


def run_page(script, **params):
    app = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if script != PAGES[0].script:
        app.switch_page(script)
        app.run()
    return app


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.url_path)
def test_every_page_runs_in_both_languages(page, lang):
    app = run_page(page.script, lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == t("overview.title" if page.url_path == "overview"
                                   else page.title_key, lang)


def test_an_unknown_language_falls_back_to_indonesian_with_a_notice():
    app = run_page(PAGES[0].script, lang="xx")
    assert not app.exception
    assert app.title[0].value == t("overview.title", "id")
    assert any("xx" in warning.value for warning in app.sidebar.warning)


def test_the_language_is_written_into_the_link():
    # The switch itself is clicked in the browser tests: AppTest drops widget state between runs
    # of an st.navigation app that also has a pages/ folder.
    app = run_page(PAGES[0].script, lang="en")
    assert app.query_params["lang"] in ("en", ["en"])
    assert app.sidebar.segmented_control(key="lang").value == "en"


def test_the_overview_key_figures_come_from_the_data():
    app = run_page(PAGES[0].script, lang="en")
    values = {metric.label: metric.value for metric in app.metric}
    assert values[t("overview.figure_eas.label", "en")] == "18"
    assert values[t("overview.figure_sectors.label", "en")] == "9"
