"""``make loadtest``: N simulated readers at once, each opening every page in a real Chromium
and waiting until its charts are drawn. Loopback only, bounded in time, stops by itself.

Reports the success rate, p50/p95 time until the charts are drawn, and the server's peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

from playwright.async_api import async_playwright

from components.shell import PAGES, link_path
from tools import app_server
from tools import browser as chromium

DEFAULT_READERS = 30
DEFAULT_DEADLINE_S = 900


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


async def reader(browser, base_url: str, number: int, timeout_ms: int,
                 timings: list[tuple[str, float | None]]) -> None:
    """One reader: every page in turn, appending (page, seconds until charts drawn), or None for
    a page that failed, to ``timings`` as it goes (so a reader cut off by the deadline still
    counts what it did)."""
    context = await browser.new_context(viewport=chromium.DESKTOP)
    await context.route("**/*", lambda route: route.continue_()
                        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                        else route.abort())
    page = await context.new_page()
    for info in PAGES:
        started = time.monotonic()
        try:
            await page.goto(f"{base_url}/{link_path(info)}?lang={'id' if number % 2 else 'en'}",
                            wait_until="domcontentloaded", timeout=timeout_ms)
            await page.wait_for_function(chromium.SCRIPT_IDLE_JS, timeout=timeout_ms)
            await page.wait_for_function(chromium.CHARTS_DRAWN_JS, timeout=timeout_ms)
            failed = await page.locator('[data-testid="stException"]').count()
            timings.append((info.url_path, None if failed else time.monotonic() - started))
        except Exception:  # a timeout or a crash counts as a failed page view
            timings.append((info.url_path, None))
    await context.close()


async def run_readers(base_url: str, readers: int, deadline_s: float, timeout_ms: int
                      ) -> list[list[tuple[str, float | None]]]:
    """Every reader's timings; page views the deadline cut off count as failed."""
    results: list[list[tuple[str, float | None]]] = [[] for _ in range(readers)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium.CHROMIUM,
                                                   headless=True, args=chromium.CHROMIUM_ARGS)
        try:
            tasks = [asyncio.create_task(reader(browser, base_url, n, timeout_ms, results[n]))
                     for n in range(readers)]
            _, pending = await asyncio.wait(tasks, timeout=deadline_s)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        finally:
            await browser.close()
    for timings in results:
        timings += [("(not reached before the deadline)", None)] * (len(PAGES) - len(timings))
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def load(server: app_server.AppServer, readers: int, deadline_s: float = DEFAULT_DEADLINE_S,
         timeout_ms: int = 120_000) -> dict:
    """Run the readers against a running server; returns the measurements."""
    with MemoryWatch(server.process.pid) as memory:
        idle_kb = memory.rss_kb()
        started = time.monotonic()
        results = asyncio.run(run_readers(server.url, readers, deadline_s, timeout_ms))
        wall = time.monotonic() - started
    views = [timing for result in results for timing in result]
    drawn = [seconds for _, seconds in views if seconds is not None]
    return {
        "readers": readers,
        "page_views": len(views),
        "succeeded": len(drawn),
        "success_rate": len(drawn) / len(views) if views else 0.0,
        "p50_s": statistics.median(drawn) if drawn else None,
        "p95_s": percentile(drawn, 0.95) if drawn else None,
        "wall_s": wall,
        "server_rss_idle_mb": idle_kb / 1024,
        "server_rss_peak_mb": memory.peak_kb / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=DEFAULT_READERS)
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE_S,
                        help="stop after this many seconds whatever happens")
    args = parser.parse_args(argv)
    log = app_server.PROJECT_ROOT / "bench" / "loadtest-server.log"
    try:
        with app_server.running_app(log) as server:
            print(f"{args.readers} readers, each opening {len(PAGES)} pages ...", flush=True)
            result = load(server, args.readers, args.deadline)
    except app_server.AppServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"page views: {result['succeeded']}/{result['page_views']} drawn "
          f"({result['success_rate']:.0%}) in {result['wall_s']:.0f} s")
    if result["p50_s"] is not None:
        print(f"time until charts drawn: p50 {result['p50_s']:.2f} s, p95 {result['p95_s']:.2f} s")
    print(f"server memory: idle {result['server_rss_idle_mb']:.0f} MB, "
          f"peak {result['server_rss_peak_mb']:.0f} MB")
    return 0 if result["success_rate"] == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
