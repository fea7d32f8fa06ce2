"""Real-browser fixtures: a Streamlit server, Debian Chromium, and pages that may talk only
to the app itself.

- `app_url`  (session): starts `streamlit run dashboard.py` on a free loopback port.
- `browser`  (session): Debian /usr/bin/chromium driven by Playwright (never `playwright install`).
- `make_page` (test): opens a fresh context + page; `page` / `console_errors` use it with defaults.
  Every request to a host other than the app's own is aborted and recorded, and the test
  errors at teardown if there was any: each browser test checks "no third-party request".
  Failed app requests (network failures, HTTP status >= 400) are recorded in `failed_requests`.
- `open_page` (fixture giving the helper `open_page(page, app_url, path, **params)`): navigate
  and wait until Streamlit finished running.

Front-end test ids (stApp, stMain, stStatusWidget, stException) and the stApp attribute
`data-test-script-state` were checked in the Streamlit 1.67.0 front-end bundle.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    Route,
    WebSocketRoute,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tools import app_server
from tools import browser as chromium

CHROMIUM = chromium.CHROMIUM
VIEWPORT = {"width": 1280, "height": 900}
SERVER_START_TIMEOUT_S = 60
APP_RUN_TIMEOUT_MS = 30_000

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}

BROWSER_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BROWSER_DIR.parent.parent

# The running server, whose output is shown when a page never finishes loading.
_server: app_server.AppServer | None = None


# ---------------------------------------------------------------------------------------------
# The Streamlit server


@contextlib.contextmanager
def _serving(log_path: Path, env: dict[str, str] | None = None) -> Iterator[app_server.AppServer]:
    """The dashboard on a free loopback port while the block runs; a failed start fails the test."""
    try:
        server = app_server.start(log_path, env=env)
    except app_server.AppServerError as error:
        pytest.fail(str(error))
    try:
        yield server
    finally:
        app_server.stop(server)


@pytest.fixture(scope="session", name="serving")
def serving_fixture() -> Callable[..., contextlib.AbstractContextManager[app_server.AppServer]]:
    """``with serving(log_path, env=...) as server``: another server, e.g. on planted data."""
    return _serving


@pytest.fixture(scope="session")
def app_server_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[app_server.AppServer]:
    """Run the dashboard on a free loopback port for the whole session."""
    global _server
    if not (PROJECT_ROOT / "dashboard.py").exists():
        pytest.fail(f"{PROJECT_ROOT / 'dashboard.py'} does not exist: nothing to test in a browser")
    with _serving(tmp_path_factory.mktemp("streamlit") / "server.log") as _server:
        yield _server


@pytest.fixture(scope="session")
def app_url(app_server_process: app_server.AppServer) -> str:
    """The running dashboard's base URL."""
    return app_server_process.url


# ---------------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make chromium` (as root) or "
            "`sudo apt-get install -y chromium`; never `playwright install`"
        )
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            yield browser
        finally:
            browser.close()


def _is_app_url(url: str) -> bool:
    """True for the app's own requests (loopback) and in-page data:/blob: URLs."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.hostname in LOOPBACK_HOSTS


# Opening a page's deep link (/map) first makes the front end probe /map/_stcore/health and
# /map/_stcore/host-config, which 404, before it falls back to /_stcore/...: Streamlit issue
# #7074 (open), still so in 1.67. The browser logs each 404 as a console error.
_STREAMLIT_BASE_PATH_PROBE = re.compile(
    r"^http://(127\.0\.0\.1|localhost)(:\d+)?/.+/_stcore/(health|host-config)$"
)


def _is_known_streamlit_probe(url: str, status: int) -> bool:
    return status == 404 and _STREAMLIT_BASE_PATH_PROBE.match(url) is not None


def _is_known_streamlit_noise(text: str, url: str) -> bool:
    return (
        text.startswith("Failed to load resource: the server responded with a status of 404")
        and _STREAMLIT_BASE_PATH_PROBE.match(url) is not None
    )


@dataclass
class BrowserPage:
    """A page plus what it did that a test may want to assert on."""

    page: Page
    third_party_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    # Known, harmless Streamlit console errors (see _is_known_streamlit_noise), kept for debugging.
    ignored_console_errors: list[str] = field(default_factory=list)
    # The app's own requests that failed: "<status or error> <method> <url>".
    failed_requests: list[str] = field(default_factory=list)

    def record_third_party(self, url: str) -> None:
        if url not in self.third_party_requests:
            self.third_party_requests.append(url)


@pytest.fixture
def make_page(browser: Browser) -> Iterator[Callable[..., BrowserPage]]:
    """Factory: `make_page(locale="en-US", **context_options)` opens a page in a new context.

    Requests to any host but loopback are aborted and recorded; at teardown the test errors
    if any page it opened made one.
    """
    opened: list[tuple[BrowserContext, BrowserPage]] = []

    def _make(locale: str = "en-US", **context_options: object) -> BrowserPage:
        options = {"viewport": VIEWPORT, "locale": locale, "service_workers": "block"}
        options.update(context_options)
        context = browser.new_context(**options)
        context.set_default_timeout(APP_RUN_TIMEOUT_MS)
        page = context.new_page()
        probe = BrowserPage(page=page)
        opened.append((context, probe))

        def route_request(route: Route) -> None:
            if _is_app_url(route.request.url):
                route.continue_()
            else:
                probe.record_third_party(route.request.url)
                route.abort("blockedbyclient")

        def route_websocket(ws: WebSocketRoute) -> None:
            probe.record_third_party(ws.url)
            ws.close()

        def on_console(message: ConsoleMessage) -> None:
            if message.type != "error":
                return
            where = message.location or {}
            place = f" ({where.get('url')}:{where.get('lineNumber')})" if where else ""
            text = f"console.error: {message.text}{place}"
            if _is_known_streamlit_noise(message.text, where.get("url") or ""):
                probe.ignored_console_errors.append(text)
            else:
                probe.console_errors.append(text)

        def on_request_failed(request: Request) -> None:
            # Third-party requests fail because the route aborts them; they are reported above.
            if _is_app_url(request.url):
                probe.failed_requests.append(f"{request.failure} {request.method} {request.url}")

        def on_response(response: Response) -> None:
            if response.status >= 400 and not _is_known_streamlit_probe(response.url,
                                                                         response.status):
                probe.failed_requests.append(
                    f"HTTP {response.status} {response.request.method} {response.url}")

        context.route("**/*", route_request)
        context.route_web_socket(lambda url: not _is_app_url(url), route_websocket)
        # Belt and braces: anything that reached the network without the route still counts.
        context.on(
            "request",
            lambda request: (
                None if _is_app_url(request.url) else probe.record_third_party(request.url)
            ),
        )
        page.on("console", on_console)
        page.on("pageerror", lambda error: probe.console_errors.append(f"pageerror: {error}"))
        page.on("requestfailed", on_request_failed)
        page.on("response", on_response)
        return probe

    yield _make

    for context, _probe in opened:
        with contextlib.suppress(PlaywrightError):
            context.close()
    third_party = [url for _context, probe in opened for url in probe.third_party_requests]
    assert not third_party, "the page requested hosts other than the app's own:\n" + "\n".join(
        third_party
    )


@pytest.fixture
def browser_page(make_page: Callable[..., BrowserPage]) -> BrowserPage:
    """The default page of a test: new context, 1280x900, locale en-US."""
    return make_page()


@pytest.fixture
def page(browser_page: BrowserPage) -> Page:
    """A fresh Playwright page (see `make_page` for the third-party request check)."""
    return browser_page.page


@pytest.fixture
def console_errors(browser_page: BrowserPage) -> list[str]:
    """console.error messages and uncaught page errors of `page`, collected as they happen."""
    return browser_page.console_errors


@pytest.fixture
def failed_requests(browser_page: BrowserPage) -> list[str]:
    """The app's own requests from `page` that failed or answered with a status >= 400."""
    return browser_page.failed_requests


# ---------------------------------------------------------------------------------------------
# Navigation helpers

_TITLE_WAIT_MS = 5_000


def _failure(page: Page, what: str) -> AssertionError:
    exceptions = page.locator('[data-testid="stException"]')
    shown = "\n\n".join(exceptions.all_inner_texts()) if exceptions.count() else "(none)"
    main = page.locator('[data-testid="stMain"]')
    text = main.first.inner_text()[:800] if main.count() else "(no stMain)"
    server = _server.output() if _server else "(no server output)"
    return AssertionError(
        f"{page.url}: {what}\n--- exceptions on the page ---\n{shown}\n"
        f"--- text of stMain ---\n{text}\n--- server output ---\n{server}"
    )


def wait_for_app(page: Page, timeout_ms: int = APP_RUN_TIMEOUT_MS, heading: bool = True) -> None:
    """Wait until Streamlit finished running the script and the page's h1 is visible.

    Finished = stApp has data-test-script-state="notRunning" while connected, and the
    stStatusWidget ("Running...") is gone, twice 300 ms apart (a script may trigger a rerun by
    writing query parameters back or switching page). Fails fast, with any exception shown on
    the page and the server output, if the script ended without rendering an h1.
    """
    try:
        chromium.wait_until_idle(page, timeout_ms)
    except PlaywrightTimeoutError as error:
        raise _failure(page, f"the app did not finish running within {timeout_ms} ms") from error
    if not heading:  # an embedded chart has no page heading
        return
    try:
        page.locator('[data-testid="stMain"] h1').first.wait_for(
            state="visible", timeout=_TITLE_WAIT_MS
        )
    except PlaywrightTimeoutError as error:
        raise _failure(page, "the app finished running but shows no h1 in stMain") from error


def page_url(app_url: str, path: str = "", **params: object) -> str:
    """`app_url/path?k=v...`; params whose value is None are left out."""
    query = urlencode({key: value for key, value in params.items() if value is not None})
    url = f"{app_url}/{path.strip('/')}"
    return f"{url}?{query}" if query else url


def open_page(page: Page, app_url: str, path: str = "", heading: bool = True,
              **params: object) -> None:
    """Open `app_url/path?params` and wait until Streamlit finished running it (and, unless
    `heading=False`, until the page's h1 shows)."""
    page.goto(page_url(app_url, path, **params), wait_until="domcontentloaded")
    wait_for_app(page, heading=heading)


@pytest.fixture(name="open_page")
def open_page_fixture() -> Callable[..., None]:
    """The `open_page(page, app_url, path, **params)` helper, for tests to call.

    Handed out as a fixture because test modules cannot reliably import from conftest.py.
    """
    return open_page
