"""Chromium through HAProxy in front of two replicas (tools/scale_test.py, as in tests/scale): a
view's data is an address every replica answers, from the dashboard and from an embed framed by
another site (whose browser refuses the sticky cookie), and a reader whose
replica dies sees Streamlit reconnect to another one and the same view from the URL, not an error
page, with the download buttons still working.

Here rather than in tests/scale: one Playwright per test session (this folder's `browser`).
Popovers and buttons as in test_frame_tools.py.
"""

from __future__ import annotations

import contextlib
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from components.data.package import read_package
from components.publish import export
from components.registry import CHARTS, charts_on
from components.text.i18n import t
from tools import app_server, scale_test
from tools import browser as chromium

VIEW = "/map?bloc=EAEU&lang=en"
CHART = "membership-map"  # its table depends on the bloc in the URL
MAP_CHARTS = len(charts_on("map"))
RECONNECT_TARGET_S = scale_test.RECOVERY_TARGET_S

# Streamlit's connection states, recorded as the page goes through them (stApp's attribute).
RECORD_CONNECTION_STATES_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.connectionStates = [];
  new MutationObserver(() => window.connectionStates.push(
      app.getAttribute('data-test-connection-state')))
    .observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
}"""


@contextlib.contextmanager
def two_replicas(log_dir: Path) -> Iterator[scale_test.Cluster]:
    if not Path(scale_test.HAPROXY).exists() and not shutil.which("haproxy"):
        pytest.fail(f"{scale_test.HAPROXY} is missing: run `make haproxy` (as root)")
    try:
        with scale_test.running_cluster(2, log_dir) as cluster:
            yield cluster
    except app_server.AppServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[scale_test.Cluster]:
    """Two replicas behind HAProxy for the tests that kill none."""
    with two_replicas(tmp_path_factory.mktemp("cluster")) as running:
        yield running


@pytest.fixture
def chromium_page(make_page) -> Page:
    return make_page().page


def wait_for_charts(page: Page, timeout_ms: int = 60_000) -> None:
    """Every chart of the view is on the page, drawn and shown."""
    page.wait_for_function(chromium.CHARTS_COUNT_DRAWN_JS, arg=MAP_CHARTS, timeout=timeout_ms)


SELECT_BOXES = 2  # the map page's bloc and country pickers


def open_view(page: Page, base_url: str) -> None:
    page.goto(base_url + VIEW, wait_until="domcontentloaded")
    chromium.wait_until_idle(page, 60_000)
    wait_for_charts(page)
    # The select boxes' module can arrive after the charts on a loaded machine: the view is
    # whole once they are drawn too.
    expect(page.locator('[data-testid="stSelectbox"] input[role="combobox"]')).to_have_count(
        SELECT_BOXES, timeout=30_000)


def sticky_replica(page: Page) -> str:
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies[scale_test.STICKY_COOKIE]


def what_the_reader_sees(page: Page) -> dict:
    """The view as the reader sees it: address, heading, control values, error notices."""
    return {
        "url": page.url,
        "heading": page.locator('[data-testid="stMain"] h1').first.inner_text(),
        "controls": [box.get_attribute("value") for box in
                     page.locator('[data-testid="stSelectbox"] input[role="combobox"]').all()],
        "charts": page.locator(".js-plotly-plot").count(),
        "errors": page.locator('[data-testid="stException"]').count(),
    }


def download_csv(page: Page):
    """Open the chart's Download popover (a rerun on the session's replica), click CSV (an
    address on the app), close it."""
    page.locator(f".st-key-frame-{CHART}").locator(f".st-key-downloads-{CHART} button").first.click()
    csv_link = page.get_by_role("link", name=t("about.csv", "en"))
    expect(csv_link).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as download:
        csv_link.click()
    page.keyboard.press("Escape")
    return download.value


def view_csv() -> bytes:
    """The chart's table for the view's values (bloc=EAEU), as the Download popover hands it."""
    spec = next(spec for spec in CHARTS if spec.chart_id == CHART)
    return export.rows_csv(spec.make(read_package(), {**spec.defaults, "bloc": "EAEU"}, "en"))


def http_status(url: str) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_download_is_an_address_every_replica_answers_with_the_same_bytes(
        cluster, chromium_page) -> None:
    open_view(chromium_page, cluster.proxy.url)
    download = download_csv(chromium_page)
    assert download.suggested_filename == f"{CHART}-en.csv"
    assert download.path().read_bytes() == view_csv()
    assert download.url.startswith(cluster.proxy.url + f"/data/{CHART}.csv?")
    # Made from the data package alone: a reader whose sticky cookie a framing site's browser
    # refused reaches another replica, and gets the same file.
    data_path = download.url.removeprefix(cluster.proxy.url)
    for replica in cluster.replicas:
        assert http_status(replica.server.url + data_path) == 200


def test_a_framed_embed_on_another_site_gets_its_data_through_the_proxy(
        cluster, chromium_page, tmp_path) -> None:
    """The embed framed by a page of another site (localhost against the proxy's 127.0.0.1):
    the browser refuses HAProxy's SameSite=Lax cookie in that frame, so a download held by one
    replica's session failed on the other (7 of 7 readers in the security review)."""
    from tools import static_host

    spec = next(spec for spec in CHARTS if spec.chart_id == CHART)
    src = export.embed_url(cluster.proxy.url, spec, {**spec.defaults, "bloc": "EAEU"}, "en")
    (tmp_path / "article.html").write_text(
        f'<!DOCTYPE html><html><body><iframe src="{src}" width="640" height="900" '
        'title="A chart"></iframe></body></html>', encoding="utf-8")
    with static_host.serving(tmp_path.resolve()) as site:
        article = site.replace("127.0.0.1", "localhost") + "/article.html"
        chromium_page.goto(article, wait_until="domcontentloaded")
        frame = chromium_page.frame_locator("iframe")
        link = frame.get_by_role("link", name=t("embed_frame.get_data", "en"))
        expect(link).to_be_visible(timeout=60_000)
        with chromium_page.expect_download(timeout=30_000) as download:
            link.click()
    assert download.value.path().read_bytes() == view_csv()
    assert download.value.url.startswith(cluster.proxy.url + f"/data/{CHART}.csv?")


def test_a_reader_whose_replica_dies_gets_the_same_view_back_from_another_one(
        tmp_path, chromium_page) -> None:
    with two_replicas(tmp_path) as cluster:
        page = chromium_page
        open_view(page, cluster.proxy.url)
        before = what_the_reader_sees(page)
        csv_before = download_csv(page).path().read_bytes()
        chromium.wait_until_idle(page, 30_000)
        holder = sticky_replica(page)
        page.evaluate(RECORD_CONNECTION_STATES_JS)

        killed_at = time.monotonic()
        scale_test.kill_replica(cluster.replica(holder))
        page.wait_for_function("() => window.connectionStates.some(s => s !== 'CONNECTED')",
                               timeout=10_000)
        page.wait_for_function(
            "() => window.connectionStates.at(-1) === 'CONNECTED'",
            timeout=RECONNECT_TARGET_S * 1000)
        reconnected_s = time.monotonic() - killed_at
        chromium.wait_until_idle(page, 30_000)
        wait_for_charts(page, 30_000)

        assert reconnected_s <= RECONNECT_TARGET_S
        assert sticky_replica(page) != holder
        assert what_the_reader_sees(page) == before
        expect(page.get_by_role("dialog")).to_have_count(0)
        # The session is new, on the other replica, and it is live: the popover reruns the
        # view's script there, with the values from the URL, and the same file comes back.
        assert csv_before == view_csv()
        assert download_csv(page).path().read_bytes() == csv_before
        assert what_the_reader_sees(page)["errors"] == 0
