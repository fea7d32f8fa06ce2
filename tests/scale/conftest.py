"""Replicas behind HAProxy on loopback, for the scale tests (``-m scale`` selects them).

- `start_cluster` (session): ``with start_cluster() as cluster``: 2 replicas and HAProxy with the
  project's config (tools/scale_test.py); everything is stopped when the block ends. A test that
  kills a replica starts a cluster of its own.
- `cluster` (module): one cluster shared by the tests of a module that kill nothing.
- `chromium_page` (test): a Debian Chromium page that may talk only to loopback; the test
  errors if the page asked any other host.

These tests need Debian's haproxy (`make haproxy`) and, for the browser ones, chromium.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tools import app_server, scale_test
from tools import browser as chromium

SCALE_DIR = Path(__file__).resolve().parent
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scale: replicas of the app behind HAProxy on loopback")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/scale with `scale` (select with -m scale)."""
    for item in items:
        if SCALE_DIR in item.path.parents:
            item.add_marker(pytest.mark.scale)


@pytest.fixture(scope="session")
def start_cluster(tmp_path_factory: pytest.TempPathFactory
                  ) -> Callable[..., contextlib.AbstractContextManager[scale_test.Cluster]]:
    if not Path(scale_test.HAPROXY).exists() and not shutil.which("haproxy"):
        pytest.fail(f"{scale_test.HAPROXY} is missing: run `make haproxy` (as root) or "
                    "`apt-get install -y haproxy`")

    @contextlib.contextmanager
    def _start(replicas: int = 2) -> Iterator[scale_test.Cluster]:
        log_dir = tmp_path_factory.mktemp("cluster")
        try:
            with scale_test.running_cluster(replicas, log_dir) as cluster:
                yield cluster
        except app_server.AppServerError as error:
            pytest.fail(str(error))

    return _start


@pytest.fixture(scope="module")
def cluster(start_cluster) -> Iterator[scale_test.Cluster]:
    with start_cluster() as running:
        yield running


@pytest.fixture(scope="session")
def scale_browser() -> Iterator[Browser]:
    if not Path(chromium.CHROMIUM).exists():
        pytest.fail(f"{chromium.CHROMIUM} is missing: run `make chromium` (as root); "
                    "never `playwright install`")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


def _is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in LOOPBACK_HOSTS


@pytest.fixture
def chromium_page(scale_browser: Browser) -> Iterator[Page]:
    """A fresh context and page; every request to a host but loopback is aborted and fails the
    test at teardown, as in tests/browser."""
    context = scale_browser.new_context(viewport=chromium.DESKTOP, locale="en-US",
                                        service_workers="block", accept_downloads=True)
    context.set_default_timeout(30_000)
    elsewhere: list[str] = []

    def route(request_route) -> None:
        if _is_loopback(request_route.request.url):
            request_route.continue_()
        else:
            elsewhere.append(request_route.request.url)
            request_route.abort("blockedbyclient")

    context.route("**/*", route)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not elsewhere, "the page asked hosts other than loopback:\n" + "\n".join(elsewhere)
