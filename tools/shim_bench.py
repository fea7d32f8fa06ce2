"""``make shim-bench``: what each of Streamlit's shims still gains, in paired runs.

For each shim that speeds up a page (components/streamlit_compat/), two app servers run side by
side: one with every shim, one with that shim left out (``DASHBOARD_SHIMS_OFF``). A reader's
first visit to each page is timed on both, alternating, each visit in a new browser context, until
every chart is drawn (the clock of ``make bench``). The median difference is what the shim gains
on this machine; a shim whose gain is within the runs' noise no longer pays for itself.
Shims that are about correctness or looks (the pages-folder mode, DOM styles) are not timed.

    python -m tools.shim_bench [--runs N] [--pages map,overview] [--shims name,...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

from playwright.sync_api import sync_playwright

from components.registry import PAGES, charts_on, link_path
from components.streamlit_compat import OFF_VARIABLE
from tools import app_server
from tools import browser as chromium
from tools.bench import BENCH_DIR, time_app_page

TIMED_SHIMS = ("plotly-draw-once", "settled-chart-module", "plotly-chunk-preload",
               "backend-base-url", "early-plotly-import", "tcp-nodelay", "figure-sent-once")
DEFAULT_PAGES = ("map", "cooperation")


def paired_runs(shim: str, pages: list[str], runs: int) -> dict[str, dict]:
    """Per page: seconds to charts with the shim and without it, each visit a first one."""
    logs = BENCH_DIR / "shim-bench"
    with_shim = app_server.start(logs / "with.log")
    without = app_server.start(logs / f"without-{shim}.log", env={OFF_VARIABLE: shim})
    results: dict[str, dict] = {}
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)

            def visit(server, path: str, charts: int) -> float:
                context = browser.new_context(viewport=chromium.DESKTOP)
                try:
                    url = f"{server.url}/{path}?lang=en"
                    return time_app_page(context.new_page(), url, charts)[0]
                finally:
                    context.close()

            for page in pages:
                info = next(info for info in PAGES if info.url_path == page)
                path, charts = link_path(info), len(charts_on(page))
                visit(with_shim, path, charts)  # warm both servers' caches first
                visit(without, path, charts)
                on, off = [], []
                for _ in range(runs):
                    on.append(visit(with_shim, path, charts))
                    off.append(visit(without, path, charts))
                gains = [b - a for a, b in zip(on, off, strict=True)]
                results[page] = {"with_s": statistics.median(on), "without_s": statistics.median(off),
                                 "gain_s": statistics.median(gains),
                                 "spread_s": statistics.pstdev(gains)}
            browser.close()
    finally:
        app_server.stop(with_shim)
        app_server.stop(without)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES))
    parser.add_argument("--shims", default=",".join(TIMED_SHIMS))
    args = parser.parse_args(argv)
    pages = [page for page in args.pages.split(",") if page]
    report = {}
    print(f"{'shim':<24}{'page':<13}{'with s':>8}{'without s':>11}{'gain s':>9}{'spread s':>10}")
    for shim in [name for name in args.shims.split(",") if name]:
        report[shim] = paired_runs(shim, pages, args.runs)
        for page, row in report[shim].items():
            print(f"{shim:<24}{page:<13}{row['with_s']:>8.2f}{row['without_s']:>11.2f}"
                  f"{row['gain_s']:>9.2f}{row['spread_s']:>10.2f}", flush=True)
    BENCH_DIR.mkdir(exist_ok=True)
    (BENCH_DIR / "shims.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
