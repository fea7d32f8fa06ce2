"""``make bench``: how fast and how heavy each page is, against the targets.

Per page: time from navigation until every chart is drawn in Chromium, against the same charts'
static export opened in the same browser in the same run (alternating, median of several runs);
AppTest run time cold and warm; bytes the server sent over the websocket; the largest figure's
JSON size. And the server's memory idle and with 30 readers. Writes ``bench/results.json`` and
prints a table that says by how much a target is missed.

Targets: each page within 1.5x of its static export, warm reruns under 50 ms, no figure over
300 KB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from plotly.offline import get_plotlyjs

from components import export
from components.citations import source_text
from components.data_package import read_package
from components.registry import charts_on
from components.shell import PAGES, link_path
from tools import app_server, loadtest
from tools import browser as chromium

TARGET_RATIO = 1.5
TARGET_WARM_MS = 50.0
TARGET_FIGURE_KB = 300.0
BENCH_DIR = app_server.PROJECT_ROOT / "bench"


def static_pages(out: Path, lang: str = "en") -> dict[str, Path]:
    """One static HTML file per page holding that page's charts, plotly.js shared beside them."""
    data = read_package()
    out.mkdir(parents=True, exist_ok=True)
    (out / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")
    files = {}
    for info in PAGES:
        specs = charts_on(info.url_path)
        if not specs:
            continue
        bodies = []
        for spec in specs:
            chart = spec.make(data, spec.defaults, lang)
            page = export.chart_html(spec, chart, source_text(data["sources"], chart.source_ids,
                                                              lang), lang, plotlyjs=False)
            bodies.append(page.split("<body>", 1)[1].rsplit("</body>", 1)[0])
        path = out / f"{info.url_path}.html"
        path.write_text('<!DOCTYPE html><html><head><meta charset="utf-8">'
                        '<script src="plotly.min.js"></script></head><body>'
                        + "\n".join(bodies) + "</body></html>", encoding="utf-8")
        files[info.url_path] = path
    return files


def largest_figure_kb(lang: str = "en") -> dict[str, float]:
    data = read_package()
    sizes = {}
    for info in PAGES:
        specs = charts_on(info.url_path)
        sizes[info.url_path] = max(
            (len(spec.make(data, spec.defaults, lang).figure.to_json()) / 1024 for spec in specs),
            default=0.0)
    return sizes


def time_app_page(page, url: str) -> tuple[float, int]:
    """Seconds until every chart is drawn, and websocket bytes received, for one page view."""
    received = []

    def on_websocket(ws):
        ws.on("framereceived", lambda payload: received.append(len(payload)))

    page.on("websocket", on_websocket)
    started = time.monotonic()
    page.goto(url, wait_until="domcontentloaded")
    chromium.wait_until_idle(page, 60_000)
    page.wait_for_function(chromium.CHARTS_DRAWN_JS, timeout=60_000)
    elapsed = time.monotonic() - started
    page.remove_listener("websocket", on_websocket)
    return elapsed, sum(received)


def time_static_page(page, path: Path) -> float:
    started = time.monotonic()
    page.goto(path.as_uri(), wait_until="domcontentloaded")
    page.wait_for_function(f"() => !!document.querySelector('.js-plotly-plot') "
                           f"&& ({chromium.CHARTS_DRAWN_JS})()", timeout=60_000)
    return time.monotonic() - started


def apptest_times(runs: int) -> dict[str, tuple[float, float]]:
    """Per page: the first AppTest run (cold) and the median of later runs (warm), in ms."""
    from streamlit.testing.v1 import AppTest

    times = {}
    for info in PAGES:
        app = AppTest.from_file(str(app_server.PROJECT_ROOT / "dashboard.py"), default_timeout=120)
        app.query_params["lang"] = "en"
        app.run()
        started = time.perf_counter()
        app.switch_page(info.script)
        app.run()
        cold = (time.perf_counter() - started) * 1000
        warm = []
        for _ in range(runs):
            started = time.perf_counter()
            app.run()
            warm.append((time.perf_counter() - started) * 1000)
        times[info.url_path] = (cold, statistics.median(warm))
    return times


def browser_times(server_url: str, statics: dict[str, Path], runs: int) -> dict[str, dict]:
    results = {}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        context = browser.new_context(viewport=chromium.DESKTOP)
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:",
                                                       "file:"))
                      else route.abort())
        page = context.new_page()
        for info in PAGES:
            url = f"{server_url}/{link_path(info)}?lang=en"
            time_app_page(page, url)  # warm the server's caches once, as a reader before you did
            app_s, static_s, sent = [], [], []
            for _ in range(runs):  # alternate, so both see the same machine load
                seconds, received = time_app_page(page, url)
                app_s.append(seconds)
                sent.append(received)
                if info.url_path in statics:
                    static_s.append(time_static_page(page, statics[info.url_path]))
            results[info.url_path] = {
                "app_s": statistics.median(app_s),
                "static_s": statistics.median(static_s) if static_s else None,
                "websocket_kb": statistics.median(sent) / 1024,
            }
        browser.close()
    return results


def missed(value: float | None, target: float) -> str:
    """"ok" when within the target, else by how much it is missed."""
    if value is None:
        return "n/a"
    if value <= target:
        return "ok"
    return f"+{(value / target - 1):.0%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--readers", type=int, default=loadtest.DEFAULT_READERS)
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(exist_ok=True)
    print("building static exports of each page's charts ...", flush=True)
    statics = static_pages(BENCH_DIR / "static")
    sizes = largest_figure_kb()
    print("timing AppTest runs ...", flush=True)
    apptest = apptest_times(args.runs)
    with app_server.running_app(BENCH_DIR / "bench-server.log") as server:
        time.sleep(1)
        idle_mb = loadtest.MemoryWatch(server.process.pid).rss_kb() / 1024
        print("timing pages in Chromium ...", flush=True)
        browser = browser_times(server.url, statics, args.runs)
        # Saved before the load phase, which is the longest: a cut-off run keeps these.
        (BENCH_DIR / "results.json").write_text(json.dumps(
            {"pages": browser, "apptest_ms": apptest, "figure_kb": sizes,
             "server_rss_idle_mb": idle_mb, "load": "not run yet"}, indent=2), encoding="utf-8")
        print(f"{args.readers} readers at once ...", flush=True)
        load = loadtest.load(server, args.readers)
    pages = {}
    for info in PAGES:
        row = browser[info.url_path]
        ratio = row["app_s"] / row["static_s"] if row["static_s"] else None
        pages[info.url_path] = {**row, "ratio": ratio, "apptest_cold_ms": apptest[info.url_path][0],
                                "apptest_warm_ms": apptest[info.url_path][1],
                                "largest_figure_kb": sizes[info.url_path]}
    results = {"pages": pages, "server_rss_idle_mb": idle_mb, "load": load,
               "targets": {"ratio": TARGET_RATIO, "warm_ms": TARGET_WARM_MS,
                           "figure_kb": TARGET_FIGURE_KB}}
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")

    header = (f"{'page':<12} {'app s':>6} {'static s':>8} {'ratio':>6} {'<1.5x':>6} "
              f"{'cold ms':>8} {'warm ms':>8} {'<50ms':>6} {'ws KB':>7} {'fig KB':>7} {'<300':>5}")
    print("\n" + header + "\n" + "-" * len(header))
    for name, row in pages.items():
        static = f"{row['static_s']:.2f}" if row["static_s"] else "-"
        ratio = f"{row['ratio']:.2f}" if row["ratio"] else "-"
        print(f"{name:<12} {row['app_s']:>6.2f} {static:>8} {ratio:>6} "
              f"{missed(row['ratio'], TARGET_RATIO):>6} {row['apptest_cold_ms']:>8.0f} "
              f"{row['apptest_warm_ms']:>8.1f} {missed(row['apptest_warm_ms'], TARGET_WARM_MS):>6} "
              f"{row['websocket_kb']:>7.0f} {row['largest_figure_kb']:>7.0f} "
              f"{missed(row['largest_figure_kb'], TARGET_FIGURE_KB):>5}")
    print(f"\nserver memory: idle {idle_mb:.0f} MB; with {load['readers']} readers at once:")
    print(loadtest.report(load))
    print(f"wrote {BENCH_DIR / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
