"""``make loadtest``: N simulated readers at once, each opening every page and waiting until its
charts have arrived, on loopback, bounded in time, stopping by itself.

Reports the success rate, p50/p95 time until the charts are there, and the server's peak memory.

Most readers speak Streamlit's own websocket protocol, as a browser does: they ask for a page,
receive every element the server sends and count the charts. A few readers (``--browsers``) are
real Chromium pages that also wait until every chart is drawn. Why not 30 Chromiums: on a small
machine 30 browsers drawing plotly at once starve the server they are meant to load (each reader
brings its own CPU in real life), so the measure would be of the client, not of the app.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import websockets
from playwright.async_api import async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from components.registry import PAGES, charts_on, link_path
from tools import app_server
from tools import browser as chromium

DEFAULT_READERS = 30
DEFAULT_BROWSERS = 2
DEFAULT_DEADLINE_S = 900
PAGE_TIMEOUT_S = 120.0
NOT_REACHED = "(not reached before the deadline)"


@dataclass
class PageView:
    page: str
    seconds: float | None  # until the charts were there; None when the view failed
    reader: str  # "wire" or "browser"
    problem: str = ""


@dataclass
class WireRun:
    """What the server sent for one script run of one page."""

    charts: int = 0
    exceptions: int = 0
    iframes: list[str] = field(default_factory=list)
    bytes: int = 0
    # Each chart's plotly JSON as sent: two runs of the same view can be compared.
    chart_specs: list[str] = field(default_factory=list)


class MemoryWatch:
    """Samples the server's resident memory (RSS, from /proc) until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak_kb, self.samples = pid, interval, 0, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss_kb(self) -> int:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self.rss_kb()
            self.samples.append(rss)
            self.peak_kb = max(self.peak_kb, rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def page_request(base_url: str, path: str, query: str, lang: str) -> bytes:
    """The first message a browser sends for a page: run its script with this URL."""
    message = BackMsg()
    rerun = message.rerun_script
    rerun.query_string = query
    rerun.page_name = path
    rerun.context_info.locale = "id-ID" if lang == "id" else "en-GB"
    rerun.context_info.timezone = "Asia/Jakarta"
    rerun.context_info.url = f"{base_url}/{path}?{query}"
    # The browser tells the server about ``?embed=true`` here; the script never sees that key.
    rerun.context_info.is_embedded = "embed=true" in query.lower().split("&")
    return message.SerializeToString()


def stream_url(base_url: str) -> str:
    """Streamlit's websocket for a server (or a proxy in front of one)."""
    return "ws" + base_url.removeprefix("http") + "/_stcore/stream"


async def read_run(socket, timeout_s: float = PAGE_TIMEOUT_S) -> WireRun:
    """Read what the server sends on an open websocket until the script run has finished."""
    run = WireRun()
    async with asyncio.timeout(timeout_s):
        async for raw in socket:
            run.bytes += len(raw)
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                match element.WhichOneof("type"):
                    case "plotly_chart":
                        run.charts += 1
                        run.chart_specs.append(element.plotly_chart.spec)
                    case "exception":
                        run.exceptions += 1
                    case "iframe":
                        run.iframes.append(element.iframe.src)
            elif kind == "script_finished" and message.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                if message.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    run.exceptions += 1
                return run
            # FINISHED_EARLY_FOR_RERUN: the app reran itself (the shell does); keep reading.
    raise ConnectionError("the server closed the connection before the page finished")


def connect(base_url: str, timeout_s: float = PAGE_TIMEOUT_S,
            headers: Mapping[str, str] | None = None):
    """Open Streamlit's websocket as a browser on ``base_url``'s page does (same origin).

    ``headers`` go with the handshake: a ``Cookie`` carries a proxy's sticky-session cookie.
    """
    return websockets.connect(stream_url(base_url), subprotocols=["streamlit"], origin=base_url,
                              max_size=None, open_timeout=timeout_s, additional_headers=headers)


async def wire_run(base_url: str, path: str, query: str, lang: str,
                   timeout_s: float = PAGE_TIMEOUT_S,
                   headers: Mapping[str, str] | None = None) -> WireRun:
    """Open a page over Streamlit's websocket and read until its script has finished."""
    async with connect(base_url, timeout_s, headers) as socket:
        await socket.send(page_request(base_url, path, query, lang))
        return await read_run(socket, timeout_s)


async def wire_view(base_url: str, path: str, lang: str, timeout_s: float) -> PageView:
    """One page view by a wire reader: the page, then any embedded chart its iframe opens."""
    started = time.monotonic()
    expected = len(charts_on(path or PAGES[0].url_path))
    try:
        run = await wire_run(base_url, path, f"lang={lang}", lang, timeout_s)
        for src in run.iframes:  # a browser opens the iframe's page too
            inner = urlsplit(src)
            embedded = await wire_run(base_url, inner.path.strip("/"), inner.query, lang, timeout_s)
            run.charts += embedded.charts
            run.exceptions += embedded.exceptions
            expected += 1
    except (OSError, TimeoutError, websockets.WebSocketException) as error:
        return PageView(path, None, "wire", f"{type(error).__name__}: {error}")
    if run.exceptions:
        return PageView(path, None, "wire", f"{run.exceptions} error notice(s)")
    if run.charts < expected:
        return PageView(path, None, "wire", f"{run.charts} of {expected} charts")
    return PageView(path, time.monotonic() - started, "wire")


async def wire_reader(base_url: str, number: int, timeout_s: float, views: list[PageView]) -> None:
    lang = "id" if number % 2 else "en"
    for info in PAGES:
        views.append(await wire_view(base_url, link_path(info), lang, timeout_s))


async def browser_reader(browser, base_url: str, number: int, timeout_s: float,
                         views: list[PageView]) -> None:
    """A reader in Chromium: every page in turn, until every chart on it is drawn."""
    timeout_ms = timeout_s * 1000
    context = await browser.new_context(viewport=chromium.DESKTOP)
    await context.route("**/*", lambda route: route.continue_()
                        if chromium.on_loopback(route.request.url) else route.abort())
    page = await context.new_page()
    for info in PAGES:
        started = time.monotonic()
        try:
            await page.goto(f"{base_url}/{link_path(info)}?lang={'id' if number % 2 else 'en'}",
                            wait_until="domcontentloaded", timeout=timeout_ms)
            await page.wait_for_function(chromium.SCRIPT_IDLE_JS, timeout=timeout_ms)
            await page.wait_for_function(chromium.CHARTS_DRAWN_JS, timeout=timeout_ms)
            failed = await page.locator('[data-testid="stException"]').count()
            views.append(PageView(info.url_path, None if failed else time.monotonic() - started,
                                  "browser", "error notice" if failed else ""))
        except Exception as error:  # a timeout or a crash counts as a failed page view
            views.append(PageView(info.url_path, None, "browser", type(error).__name__))
    await context.close()


async def run_readers(base_url: str, readers: int, browsers: int, deadline_s: float,
                      timeout_s: float = PAGE_TIMEOUT_S) -> list[list[PageView]]:
    """Every reader's page views; views the deadline cut off count as failed."""
    browsers = min(browsers, readers)
    results: list[list[PageView]] = [[] for _ in range(readers)]
    async with async_playwright() as playwright:
        browser = (await playwright.chromium.launch(executable_path=chromium.CHROMIUM,
                                                    headless=True, args=chromium.CHROMIUM_ARGS)
                   if browsers else None)
        try:
            tasks = [asyncio.create_task(
                browser_reader(browser, base_url, n, timeout_s, results[n]) if n < browsers
                else wire_reader(base_url, n, timeout_s, results[n])) for n in range(readers)]
            _, pending = await asyncio.wait(tasks, timeout=deadline_s)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        finally:
            if browser:
                await browser.close()
    for number, views in enumerate(results):
        kind = "browser" if number < browsers else "wire"
        views += [PageView(NOT_REACHED, None, kind, "deadline")] * (len(PAGES) - len(views))
    return results


def run_coroutine(coroutine):
    """``asyncio.run``, in a thread of its own when this thread already runs an event loop (as it
    does inside Playwright's sync API, which the browser tests use)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(views: list[PageView]) -> dict:
    seconds = [view.seconds for view in views if view.seconds is not None]
    return {
        "page_views": len(views),
        "succeeded": len(seconds),
        "p50_s": statistics.median(seconds) if seconds else None,
        "p95_s": percentile(seconds, 0.95) if seconds else None,
    }


def load(server: app_server.AppServer, readers: int, browsers: int = DEFAULT_BROWSERS,
         deadline_s: float = DEFAULT_DEADLINE_S) -> dict:
    """Run the readers against a running server; returns the measurements."""
    with MemoryWatch(server.process.pid) as memory:
        idle_kb = memory.rss_kb()
        started = time.monotonic()
        results = run_coroutine(run_readers(server.url, readers, browsers, deadline_s))
        wall = time.monotonic() - started
    views = [view for result in results for view in result]
    overall = summary(views)
    return {
        "readers": readers,
        "browser_readers": min(browsers, readers),
        **overall,
        "success_rate": overall["succeeded"] / overall["page_views"] if views else 0.0,
        "wire": summary([view for view in views if view.reader == "wire"]),
        "browser": summary([view for view in views if view.reader == "browser"]),
        "failures": [f"{view.reader} reader, {view.page or PAGES[0].url_path}: {view.problem}"
                     for view in views if view.seconds is None],
        "wall_s": wall,
        "server_rss_idle_mb": idle_kb / 1024,
        "server_rss_peak_mb": memory.peak_kb / 1024,
    }


def seconds_line(label: str, part: dict) -> str:
    if part["p50_s"] is None:
        return f"{label}: none drawn ({part['page_views']} page views)"
    return (f"{label}: p50 {part['p50_s']:.2f} s, p95 {part['p95_s']:.2f} s "
            f"({part['succeeded']}/{part['page_views']} page views)")


def report(result: dict) -> str:
    lines = [f"page views: {result['succeeded']}/{result['page_views']} with every chart "
             f"({result['success_rate']:.0%}) in {result['wall_s']:.0f} s"]
    if result["wire"]["page_views"]:
        lines.append(seconds_line("  until the charts arrived (websocket readers)", result["wire"]))
    if result["browser"]["page_views"]:
        lines.append(seconds_line("  until the charts were drawn (Chromium readers)",
                                  result["browser"]))
    lines.append(f"server memory: idle {result['server_rss_idle_mb']:.0f} MB, "
                 f"peak {result['server_rss_peak_mb']:.0f} MB")
    lines += [f"  failed: {failure}" for failure in result["failures"][:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=DEFAULT_READERS)
    parser.add_argument("--browsers", type=int, default=DEFAULT_BROWSERS,
                        help="how many of the readers are real Chromium pages")
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE_S,
                        help="stop after this many seconds whatever happens")
    args = parser.parse_args(argv)
    log = app_server.PROJECT_ROOT / "bench" / "loadtest-server.log"
    try:
        with app_server.running_app(log) as server:
            print(f"{args.readers} readers ({min(args.browsers, args.readers)} in Chromium), "
                  f"each opening {len(PAGES)} pages ...", flush=True)
            result = load(server, args.readers, args.browsers, args.deadline)
    except app_server.AppServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report(result))
    return 0 if result["success_rate"] == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
