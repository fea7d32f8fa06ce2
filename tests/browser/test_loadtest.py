"""The load test's readers: what they count is what the app sends, and a failure counts as one."""

from __future__ import annotations

import pytest

from components.registry import PAGES, charts_on, link_path
from tools import loadtest


@pytest.mark.parametrize("info", PAGES, ids=[info.url_path for info in PAGES])
def test_a_websocket_reader_receives_every_chart_the_page_shows(app_url: str, info) -> None:
    run = loadtest.run_coroutine(loadtest.wire_run(app_url, link_path(info), "lang=en", "en"))
    assert run.exceptions == 0
    assert run.charts == len(charts_on(info.url_path))
    assert run.bytes > 0


def test_a_websocket_reader_opens_the_chart_an_embed_page_shows(app_url: str) -> None:
    view = loadtest.run_coroutine(loadtest.wire_view(app_url, "embed", "id", loadtest.PAGE_TIMEOUT_S))
    assert view.seconds is not None, view.problem


def test_a_page_that_does_not_finish_in_time_counts_as_failed(app_url: str) -> None:
    view = loadtest.run_coroutine(loadtest.wire_view(app_url, "timeline", "en", timeout_s=0.001))
    assert view.seconds is None
    assert "Timeout" in view.problem


def test_a_small_load_of_websocket_and_chromium_readers_draws_every_page(app_server_process
                                                                           ) -> None:
    result = loadtest.load(app_server_process, readers=3, browsers=1, deadline_s=300)
    assert result["failures"] == []
    assert result["success_rate"] == 1.0
    assert result["page_views"] == 3 * len(PAGES)
    assert result["browser"]["succeeded"] == len(PAGES)
    assert result["server_rss_peak_mb"] >= result["server_rss_idle_mb"] > 0
    assert "every chart (100%)" in loadtest.report(result)
