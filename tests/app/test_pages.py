"""Every page runs in both languages without an exception, through Streamlit's AppTest."""

import pytest

from components.registry import PAGES
from components.text.i18n import LANGS, t
from components.text.safe_text import md_escape
from tools.apptest import heading, open_app, overview_heading, page_heading

TIMEOUT = 60


def run_page(script, **params):
    return open_app(script, **params)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.url_path)
def test_every_page_runs_in_both_languages(page, lang):
    app = run_page(page.script, lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert heading(app) == page_heading(page.url_path, lang)


def test_an_unknown_language_falls_back_to_indonesian_with_a_notice():
    app = run_page(PAGES[0].script, lang="xx")
    assert not app.exception
    assert app.title[0].value == overview_heading("id")
    assert any("xx" in warning.value for warning in app.sidebar.warning)


def test_the_language_switch_changes_the_page_and_the_link():
    app = run_page(PAGES[0].script, lang="id")
    app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert app.title[0].value == overview_heading("en")
    assert app.query_params["lang"] in ("en", ["en"])
    app.run()  # and it stays switched on the next run, though the URL said id before
    assert app.title[0].value == overview_heading("en")


def test_a_switch_that_lost_its_value_keeps_the_language_in_the_link():
    """Streamlit can hand the switch back empty (a run started while the page was still being
    drawn): the page keeps the link's language and never writes ``lang=None`` into the link."""
    app = run_page(PAGES[0].script, lang="en")
    app.session_state["lang"] = None
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == overview_heading("en")
    assert app.query_params["lang"] in ("en", ["en"])
    assert app.sidebar.segmented_control(key="lang").value == "en"


def test_a_new_language_in_the_link_wins_over_the_session():
    app = run_page(PAGES[0].script, lang="id")
    app.query_params["lang"] = "en"
    app.run()
    assert app.title[0].value == overview_heading("en")


def test_the_overview_lede_counts_come_from_the_data():
    """Nine sectors and three proposals (the article names three; a position and a commitment are
    not proposals), and fourteen claims."""
    app = run_page(PAGES[0].script, lang="en")
    lede = next(block.value for block in app.markdown if "Lavrov represented Russia" in block.value)
    assert "9 priority sectors of cooperation and 3 proposals" in lede
    assert "each of the article's 14 claims" in lede


@pytest.mark.parametrize(("locale", "lang"), [("en-GB", "en"), ("id-ID", "id"), ("fr-FR", "id")])
def test_without_a_link_language_the_browser_language_decides(locale, lang):
    app = open_app(context={"locale": locale})
    assert app.title[0].value == overview_heading(lang)


def claim_expanders(app):
    return {expander.label.split("**")[1]: expander for expander in app.expander
            if expander.label.startswith("**C")}


def test_a_closed_claim_card_sends_only_its_label():
    """Fourteen cards, closed: their quotes, translations and sources wait until one is opened."""
    cards = claim_expanders(run_page(PAGES[0].script, lang="en"))
    assert len(cards) == 14
    assert all(not card.children for card in cards.values())


def test_the_claim_in_the_link_opens_its_card_in_full():
    app = run_page(PAGES[0].script, lang="en", claim="C7")
    cards = claim_expanders(app)
    opened = [ref for ref, card in cards.items() if card.children]
    assert opened == ["C7"]
    pills = app.button_group(key="claim")
    assert pills.value == "C7" and pills.options[:2] == ["C1", "C2"]  # no pill for "none"
    texts = [block.value for block in cards["C7"].markdown]
    assert any(text.startswith("> “Our initiatives on this platform") for text in texts)
    # The Indonesian original one click away, and the verdict with its evidence.
    original = cards["C7"].get("popover")[0]
    assert original.proto.popover.label == t("overview.original_id", "en")
    assert any(text.startswith(f"**{t('evidence.position', 'en')}.**")
               for text in texts)
    # Its title says the claim in words, not only its number.
    assert md_escape("Russia's initiatives: pandemic response and tourism") in cards["C7"].label


def test_a_claim_confirmed_in_part_says_which_part():
    cards = claim_expanders(run_page(PAGES[0].script, lang="id", claim="C1"))
    texts = [block.value for block in cards["C1"].markdown]
    assert any(text.startswith(f"**{t('evidence.confirmed_in_part', 'id')}.** Dikonfirmasi "
                               "sebagian: Bahwa Lavrov hadir") for text in texts)


def test_a_section_page_says_each_blocs_checked_day_where_they_differ():
    from components.data.coverage import bloc_checked_to

    app = run_page("pages/map.py", lang="en")
    note = next(caption.value for caption in app.caption if caption.value.startswith("Data checked"))
    days = bloc_checked_to()
    assert len(set(days.values())) > 1 and "Each bloc: " in note
    assert all(bloc in note for bloc in days)
