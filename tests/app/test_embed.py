"""Embed mode shows one chart's frame and nothing else; a bad chart id lists the valid ones."""

import pytest

from components.registry import CHARTS, chart_ids, get_chart
from components.text.i18n import t
from components.text.safe_text import md_escape
from tools.apptest import open_app


def run_embed(**params):
    return open_app(context={"is_embedded": params.get("embed") == "true"}, **params)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_every_chart_renders_alone_in_embed_mode(spec, lang):
    app = run_embed(embed="true", chart=spec.chart_id, lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.title, "an embed has no page heading"
    assert not app.sidebar.children, "an embed has no sidebar"
    assert not app.error


def test_an_unknown_chart_id_gives_a_message_listing_the_valid_ids():
    app = run_embed(embed="true", chart="<b>nope</b>", lang="en")
    assert not app.exception
    message = app.error[0].value
    assert md_escape("<b>nope</b>") in message  # the id as inert text
    assert all(chart_id in message for chart_id in chart_ids())


def test_a_bad_chart_parameter_in_an_embed_falls_back_with_a_notice():
    spec, param = next((spec, param) for spec in CHARTS for param in spec.params
                       if param.kind in ("choice", "choices", "day"))
    app = run_embed(embed="true", chart=spec.chart_id, lang="en", **{param.key: "%%bad%%"})
    assert not app.exception
    assert any(param.key in warning.value for warning in app.warning)
    assert t("notice.bad_param", "en", key=param.key, value="%%bad%%") in [
        warning.value for warning in app.warning]


def test_the_embed_page_offers_a_charts_choices_as_pills_starting_at_the_default():
    """The summit week's tracks are pills, all selected, and the default stays out of the link."""
    spec = get_chart("summit-week")
    app = open_app("pages/embed.py", lang="en", chart=spec.chart_id)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.multiselect
    param = next(param for param in spec.params if param.kind == "choices")
    pills = app.pills(key=f"embed.{spec.chart_id}.{param.key}")
    assert list(pills.value) == list(param.default)
    embed_link = next(
        box.value for box in app.text_input if box.label == t("embed_snippets.link_label", "en"))
    assert f"chart={spec.chart_id}" in embed_link and f"{param.key}=" not in embed_link


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_embed_page_labels_its_controls_as_the_chart_pages_do(lang):
    spec = get_chart("summit-week")
    app = open_app("pages/embed.py", lang=lang, chart=spec.chart_id)
    assert not app.exception, [e.value for e in app.exception]
    tracks = app.pills(key=f"embed.{spec.chart_id}.tracks")
    assert tracks.label == t("timeline.filter.tracks", lang)
    assert t("timeline.track.ASEAN-Russia", lang) in tracks.options
    assert "ASEAN-Russia" not in tracks.options
    search = app.text_input(key=f"embed.{spec.chart_id}.q")
    assert search.label == t("timeline.filter.search", lang)


def test_the_embed_page_opens_on_the_chart_its_link_names():
    app = open_app("pages/embed.py", lang="en", chart="channels")
    assert app.selectbox(key="embed.chart").value == "channels"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_embed_of_a_retired_chart_says_where_its_content_went(lang):
    app = run_embed(embed="true", chart="distance-to-jakarta", lang=lang)
    assert not app.exception and not app.error
    assert [info.value for info in app.info] == [t("embed.retired.distance-to-jakarta", lang)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_embed_is_the_chart_alone_with_a_quiet_footer(lang):
    """Title, chart, source and the footer: no tabs, no in-words expander, no editor tools."""
    spec = next(spec for spec in CHARTS if spec.page == "map")
    app = run_embed(embed="true", chart=spec.chart_id, lang=lang, bloc="SCO")
    assert not app.exception, [e.value for e in app.exception]
    assert not app.tabs and not app.expander
    assert not app.get("download_button")  # the data is an address any replica answers
    data_link = f"[{md_escape(t('embed_frame.get_data', lang))}](data/{spec.chart_id}.csv?lang={lang}"
    assert any(md.value.startswith(data_link) for md in app.markdown)
    link = f"[{md_escape(t('embed_frame.full_dashboard', lang))}]"
    footer = [md.value for md in app.markdown if md.value.startswith(link)]
    assert footer and footer[0].endswith(f"/map?lang={lang}&bloc=SCO)"), footer


def test_pyms_query_parameters_leave_the_embed_as_it_is():
    """pym.js adds initialWidth, childId, parentTitle and parentUrl to the iframe's URL."""
    spec = CHARTS[0]
    app = run_embed(embed="true", chart=spec.chart_id, lang="en", initialWidth="640",
                    childId="ru-asean-x", parentTitle="An article", parentUrl="https://news/a")
    assert not app.exception and not app.warning and not app.error
    assert app.query_params["childId"] in ("ru-asean-x", ["ru-asean-x"])  # kept in the URL


def markdown_texts(app) -> list[str]:
    return [element.value for element in app.markdown]


def test_a_plain_embed_shows_the_chart_and_its_source_only():
    spec = get_chart("history")
    full = run_embed(embed="true", chart=spec.chart_id, lang="en")
    plain = run_embed(embed="true", chart=spec.chart_id, lang="en", plain="1")
    assert not plain.exception
    assert any(text.startswith("#### ") for text in markdown_texts(full))
    assert not any(text.startswith("#### ") for text in markdown_texts(plain))
    get_data = t("embed_frame.get_data", "en")
    assert any(get_data in text for text in markdown_texts(full))
    assert not any(get_data in text for text in markdown_texts(plain))
    source_lines = [caption.value for caption in plain.caption]
    assert source_lines and len(plain.get("plotly_chart")) == 1


def test_a_transparent_embed_clears_the_apps_background():
    def styles(app) -> str:
        return " ".join(str(element.proto) for element in app.get("html"))

    transparent = run_embed(embed="true", chart="history", lang="en", transparent="1")
    assert "background: transparent" in styles(transparent)
    assert "background: transparent" not in styles(run_embed(embed="true", chart="history",
                                                             lang="en"))


def test_the_embed_page_adds_the_flags_an_editor_picks_to_the_code():
    app = open_app("pages/embed.py", lang="en", chart="history", theme="dark", plain="1")
    assert not app.exception, [e.value for e in app.exception]
    embed_link = next(
        box.value for box in app.text_input if box.label == t("embed_snippets.link_label", "en"))
    assert embed_link.endswith("&theme=dark&plain=1")
    assert "transparent" not in embed_link


def test_the_embed_page_has_a_copy_button_for_its_snippet():
    app = open_app("pages/embed.py", lang="en", chart="history")
    assert not app.exception, [e.value for e in app.exception]
    [box] = [box for box in app.text_area if box.label == t("embed_snippets.code_label", "en")]
    buttons = [str(element.proto) for element in app.get("html") if "ru-copy" in str(element.proto)]
    assert len(buttons) == 1 and f"st-key-{box.key}" in buttons[0]
    assert t("embed_snippets.copy", "en") in buttons[0]
