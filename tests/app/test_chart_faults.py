"""A chart whose build fails shows its frame with an error notice; the rest of the page renders.

The fault is planted in the registry (one ChartSpec's ``make`` raises), as a builder bug would.
"""

from __future__ import annotations

import dataclasses

import pytest
from streamlit.testing.v1 import AppTest

from components import registry
from components.registry import CHARTS, PAGE_PARAMS, charts_on
from components.text.i18n import LANGS, t
from tools.apptest import frame_titles, heading, open_app, overview_heading

TIMEOUT = 60
PAGES_WITH_CHARTS = sorted({spec.page for spec in CHARTS})


def planted_fault(*_args, **_kwargs):
    raise RuntimeError("a builder bug planted by the test")


@pytest.fixture
def break_chart(monkeypatch):
    """Make the registered chart ``chart_id`` raise when it is built, for this test only."""
    def breaks(chart_id: str) -> None:
        monkeypatch.setattr(registry, "CHARTS", tuple(
            dataclasses.replace(spec, make=planted_fault) if spec.chart_id == chart_id else spec
            for spec in CHARTS))

    return breaks


def run_page(page: str, lang: str) -> AppTest:
    return open_app(f"pages/{page}.py", lang=lang)


def test_every_page_with_charts_is_tested():
    assert set(PAGES_WITH_CHARTS) >= set(PAGE_PARAMS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES_WITH_CHARTS)
def test_a_chart_that_fails_shows_a_notice_and_the_page_draws_its_other_charts(page, lang,
                                                                               break_chart):
    specs = charts_on(page)
    broken = specs[0]
    break_chart(broken.chart_id)
    app = run_page(page, lang)
    assert not app.exception, [e.value for e in app.exception]
    # A section page whose lead chart fails is headed by its name; the Overview by its verdict.
    assert heading(app) == (overview_heading(lang) if page == "overview"
                            else t(f"nav.{page}", lang))
    assert [error.value for error in app.error] == [t("frame.build_failed", lang)]
    assert len(app.get("plotly_chart")) == len(specs) - 1
    assert len(frame_titles(app)) == len(specs) - 1


def test_without_a_planted_fault_every_chart_of_the_page_is_drawn():
    """The counterpart of the test above: the counts it expects hold for a healthy page."""
    app = run_page("cooperation", "en")
    assert not app.error
    assert len(app.get("plotly_chart")) == len(charts_on("cooperation"))


def test_an_embedded_chart_that_fails_shows_its_frame_with_a_notice(break_chart):
    break_chart("membership-map")
    app = open_app(context={"is_embedded": True}, embed="true", chart="membership-map",
                   lang="id")
    assert not app.exception, [e.value for e in app.exception]
    assert [error.value for error in app.error] == [t("frame.build_failed", "id")]


def test_the_embed_page_still_offers_a_chart_that_fails(break_chart):
    break_chart(CHARTS[0].chart_id)
    app = run_page("embed", "en")
    assert not app.exception, [e.value for e in app.exception]
    chart_id = CHARTS[0].chart_id
    assert app.selectbox(key="embed.chart").options[0] == f"{chart_id} ({chart_id})"
