"""The Cooperation page through AppTest: URL parameters, valid and invalid, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest

from components.data.package import read_package
from components.paths import PROJECT_ROOT
from components.registry import get_chart
from components.text.i18n import LANGS, t
from components.text.safe_text import md_escape
from tools.apptest import heading, open_app, page_heading

TIMEOUT = 60
PAGE = "pages/cooperation.py"


def run_cooperation(**params):
    return open_app(PAGE, **params)


def markdown_text(app):
    return "\n".join(element.value for element in app.markdown)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_shows_its_three_chart_titles_in_each_language(lang):
    app = run_cooperation(lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert heading(app) == page_heading("cooperation", lang)
    data = read_package()
    text = markdown_text(app)
    # The first chart's title is the page's h1; the frame leaves it out.
    lead = get_chart("initiatives-sectors").make(data, {}, lang).title
    assert f"#### {md_escape(lead)}" not in text
    for chart_id in ("channels", "delegation-levels"):
        title = get_chart(chart_id).make(data, {}, lang).title
        assert f"#### {md_escape(title)}" in text


def test_the_ministrys_claims_on_its_channels_say_who_and_what_the_evidence_shows():
    """C13 (consolidating ASEAN, SCO and EAEU efforts, a position) and C14 (invited since 2017,
    a claim of fact only Russian sources give): each in words, its maker and its verdict in
    sight; no warning about a text the reader cannot see."""
    app = run_cooperation(lang="en")
    labels = [link.proto.label for link in app.get("page_link")]
    assert any(label.startswith("**C13** · Russia wants ASEAN to work with the SCO")
               and t("evidence.position", "en") in label for label in labels)
    assert any(label.startswith("**C14** · SCO and EAEU heads invited")
               and t("evidence.no_independent_evidence", "en") in label for label in labels)
    assert not [w for w in app.warning if "claim by" in w.value]


def test_a_valid_initiative_in_the_url_selects_it_and_shows_its_statements():
    app = run_cooperation(lang="en", initiative="volunteer-movement")
    assert not app.exception
    assert app.radio(key="initiative").value == "volunteer-movement"
    assert not [w for w in app.warning if "initiative" in w.value]
    # The claims behind it link to their cards on the Overview, the one page that shows them.
    behind = [link.proto.label.split(" · ")[0].strip("*") for link in app.get("page_link")
              if link.proto.label.startswith("**C")]
    assert behind[:2] == ["C8", "C9"]  # the proposal and the ministry's quote behind it
    assert "C7" not in behind  # C7 belongs to other initiatives
    c9 = next(link for link in app.get("page_link") if link.proto.label.startswith("**C9** "))
    assert c9.proto.query_string == "lang=en&claim=C9"


def test_an_unknown_initiative_falls_back_to_all_with_a_notice():
    app = run_cooperation(lang="en", initiative="moon-base")
    assert not app.exception
    assert app.radio(key="initiative").value == ""
    assert any(md_escape("moon-base") in w.value for w in app.warning)


def test_a_valid_level_in_the_url_is_selected():
    app = run_cooperation(lang="id", level="minister")
    assert not app.exception
    level = [widget for widget in app.get("segmented_control") if widget.key == "level"]
    assert level[0].value == "minister"
    assert not [w for w in app.warning if "level" in w.value]


def test_an_unknown_level_falls_back_with_a_notice_and_the_page_still_renders():
    app = run_cooperation(lang="en", level="emperor")
    assert not app.exception
    assert any("emperor" in w.value for w in app.warning)
    assert app.header[-1].value == t("cooperation.valdai_heading", "en")


def test_the_overview_links_to_each_section_with_its_key_figure():
    app = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert "**9 priority sectors, 3 proposals**" in markdown_text(app)
