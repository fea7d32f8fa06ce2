"""``make bench``: how fast and how heavy each page is, against the targets.

Per page: time from navigation until every chart is drawn in Chromium, a reader's first visit
(a new browser context each time), against the same charts' static export served over HTTP
with its gzip twins, in the same run (alternating, median of several runs);
AppTest run time cold and warm; bytes the server sent over the websocket; the largest figure's
JSON size. Per page and per embed, the bytes a cold browser receives (``transfer_mb``: what the
network layer saw, compressed as sent, plus the websocket's messages), with the same view's
static export beside it, served with its gzip twins as a static host would. A phone profile
(CPU slowed 4x and DevTools' "Slow 4G" network, through the DevTools protocol) timing a live and
a static embed from its iframe's insertion into an article until the chart is drawn. And the
server's memory idle and with 30 readers. Writes ``bench/results.json`` and prints tables that
say by how much a target is missed.

Targets: each page within 1.5x of its static export, warm reruns under 50 ms, no figure over
300 KB; a live embed at most 3.0 MB cold, a static chart page at most 1.8 MB, every page at most
3.0 MB; on the phone, the static embed drawn within 2.5 s and the live one within 2x that.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import gzip
import json
import re
import shutil
import statistics
import sys
import time
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright
from plotly.offline import get_plotlyjs

from components.data.citations import source_text
from components.data.package import read_package
from components.publish import export, static_export
from components.publish.bundles import FULL_NAME, PARTIAL
from components.registry import CHARTS, PAGES, charts_on, get_chart, link_path
from tools import app_server, loadtest, static_host
from tools import browser as chromium

TARGET_RATIO = 1.5
TARGET_WARM_MS = 50.0
TARGET_FIGURE_KB = 300.0
TARGET_EMBED_MB = 3.0
TARGET_STATIC_EMBED_MB = 1.8
TARGET_PAGE_MB = 3.0
TARGET_PHONE_STATIC_S = 2.5
TARGET_PHONE_RATIO = 2.0
# A static chart page with plotly.js's partial bundle, against the same page with the full one.
TARGET_STATIC_CHART_MB = 0.6
TARGET_PHONE_BUNDLE_RATIO = 0.4
BENCH_DIR = app_server.PROJECT_ROOT / "bench"
# Chrome DevTools' "Slow 4G" preset (what Lighthouse's mobile audit emulates): 562.5 ms round
# trip, 1.6 Mbit/s down and 750 kbit/s up, each at 90 %; and a phone's CPU, 4x slower.
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1_600_000 / 8 * 0.9,
           "uploadThroughput": 750_000 / 8 * 0.9}
PHONE_CPU_SLOWDOWN = 4
PHONE_CHARTS = ("membership-map", "channels")  # the heaviest figure, and a plain timeline
PHONE_RUNS = 3
PHONE_TIMEOUT_S = 180
# Stamps, in every frame, when the chart is first seen (its image: on the static page, or in the
# live embed's first paint) and when plotly has drawn it where the reader sees it.
DRAWN_STAMPS_JS = """(() => {
  const shown = CHART_SHOWN;
  const stamp = () => {
    const drawn = [...document.querySelectorAll('.js-plotly-plot')].some(shown);
    if (drawn && !window.__drawnAt) { window.__drawnAt = Date.now(); }
    const image = document.querySelector('#chart picture img, #ru-first-paint picture img');
    if (image && image.complete && image.naturalWidth && !window.__imageAt) {
      window.__imageAt = Date.now();
    }
    if (!window.__drawnAt) { setTimeout(stamp, 20); }
  };
  stamp();
})();""".replace("CHART_SHOWN", chromium.CHART_SHOWN_JS)


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


def time_app_page(page, url: str, charts: int) -> tuple[float, int]:
    """Seconds until the page's ``charts`` charts are all drawn, and websocket bytes received,
    for one page view. The clock stops when the reader sees the last chart: waiting for the
    script to be idle as well (twice, 300 ms apart, as the tests do) added 0.7-1.1 s to a page
    that was already drawn."""
    received = []

    def on_websocket(ws):
        ws.on("framereceived", lambda payload: received.append(len(payload)))

    page.on("websocket", on_websocket)
    started = time.monotonic()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function(charts_drawn_js(charts), timeout=60_000)
    elapsed = time.monotonic() - started
    chromium.wait_until_idle(page, 60_000)  # the view's last messages, for the websocket's bytes
    page.remove_listener("websocket", on_websocket)
    return elapsed, sum(received)


def time_static_page(page, url: str) -> float:
    started = time.monotonic()
    page.goto(url, wait_until="domcontentloaded")
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


def browser_times(server_url: str, statics_url: str, statics: dict[str, Path], runs: int
                  ) -> dict[str, dict]:
    """Per page, a reader's first visit: the app's page and its static export (over HTTP, as a
    static host serves it), alternating, each in a new browser context with an empty cache.

    Nothing intercepts the requests: Playwright's routing turns the browser's cache off and
    passes every request through the driver, which cost the app's page (90 files) far more than
    the static export (two), and made those visits neither first nor repeat ones. A request
    that leaves loopback is reported and fails the run instead.
    """
    results = {}
    elsewhere: list[str] = []
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)

        def first_visit(measure, *args):
            context = browser.new_context(viewport=chromium.DESKTOP)
            context.on("request", lambda request: None if chromium.on_loopback(request.url)
                       else elsewhere.append(request.url))
            try:
                return measure(context.new_page(), *args)
            finally:
                context.close()

        for info in PAGES:
            url = f"{server_url}/{link_path(info)}?lang=en"
            charts = len(charts_on(info.url_path))
            first_visit(time_app_page, url, charts)  # the server's caches, as a reader before you
            app_s, static_s, sent = [], [], []
            for _ in range(runs):  # alternate, so both see the same machine load
                seconds, received = first_visit(time_app_page, url, charts)
                app_s.append(seconds)
                sent.append(received)
                if info.url_path in statics:
                    static_s.append(first_visit(
                        time_static_page, f"{statics_url}/{statics[info.url_path].name}"))
            results[info.url_path] = {
                "app_s": statistics.median(app_s),
                "static_s": statistics.median(static_s) if static_s else None,
                "websocket_kb": statistics.median(sent) / 1024,
            }
        browser.close()
    if elsewhere:
        raise SystemExit(f"requests left loopback while timing pages: {sorted(set(elsewhere))}")
    return results


# --- bytes received cold ----------------------------------------------------------------------------

def charts_drawn_js(count: int) -> str:
    """True once ``count`` plotly charts are drawn and shown (a page without charts: once its h1 shows and
    any chart it previews in an iframe of its own, as the Embed page does, is drawn)."""
    if not count:
        return (f"() => ({chromium.SCRIPT_IDLE_JS.strip()})() && "
                "!!document.querySelector('[data-testid=\"stMain\"] h1') && "
                "[...document.querySelectorAll('[data-testid=\"stMain\"] iframe')]"
                ".every(f => !f.contentDocument"  # another origin: its bytes are not ours to wait for
                " || [...f.contentDocument.querySelectorAll('.js-plotly-plot')]"
                f".some({chromium.CHART_SHOWN_JS}))")
    return f"() => ({chromium.CHARTS_COUNT_DRAWN_JS.strip()})({count})"


def deflated_size(messages: list[bytes], window_bits: int = zlib.MAX_WBITS) -> int:
    """The bytes ``messages`` take on a websocket with permessage-deflate (one deflate stream
    with context takeover, each message flushed and its 4-byte tail dropped, as RFC 7692 says),
    with the server's negotiated window."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -window_bits)
    return sum(len(compressor.compress(message) + compressor.flush(zlib.Z_SYNC_FLUSH)) - 4
               for message in messages)


def cold_transfer(browser, url: str, ready_js: str, viewport: dict = chromium.DESKTOP) -> dict:
    """What a browser with an empty cache receives for ``url`` until ``ready_js`` holds: HTTP
    bodies as the network layer saw them (compressed as sent, headers included) plus the
    websocket's messages (DevTools shows them inflated: deflated again here when the socket
    negotiated permessage-deflate)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")  # a new context: an empty cache, which then fills as a browser's does
    received: dict[str, float] = {}
    messages: list[bytes] = []
    deflate: list[int | None] = [None]  # the server's window bits, once negotiated

    def on_frame(event):
        frame = event["response"]
        payload = frame.get("payloadData", "")
        messages.append(base64.b64decode(payload) if frame.get("opcode") == 2
                        else payload.encode("utf-8"))

    def on_handshake(event):
        headers = {key.lower(): value for key, value in event["response"]["headers"].items()}
        extensions = headers.get("sec-websocket-extensions", "")
        if "permessage-deflate" in extensions:
            bits = re.search(r"server_max_window_bits=(\d+)", extensions)
            deflate[0] = int(bits.group(1)) if bits else zlib.MAX_WBITS

    cdp.on("Network.loadingFinished",
           lambda event: received.__setitem__(event["requestId"], event["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", on_frame)
    cdp.on("Network.webSocketHandshakeResponseReceived", on_handshake)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function(ready_js, timeout=120_000)
    page.wait_for_timeout(1500)  # fonts and late chunks
    context.close()
    websocket = deflated_size(messages, deflate[0]) if deflate[0] else sum(map(len, messages))
    return {"transfer_mb": (sum(received.values()) + websocket) / 1e6,
            "requests": len(received), "websocket_mb": websocket / 1e6,
            "websocket_deflated": deflate[0] is not None}


def precompress(folder: Path) -> None:
    """The bench's static pages get gzip twins, as ``make export`` writes them."""
    for path in folder.glob("*"):
        if path.suffix in (".html", ".js"):
            packed = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(packed)


def transfers(server_url: str, statics_url: str, statics: dict[str, Path], export_url: str,
              full_export_url: str) -> tuple[dict, dict]:
    """Cold bytes per page and per embed, each beside its static export."""
    embed_ready = ("() => !!document.querySelector('.js-plotly-plot .main-svg')"
                   " && !document.querySelector('#chart picture')")
    pages, embeds = {}, {}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for info in PAGES:
            url = f"{server_url}/{link_path(info)}?lang=en"
            ready = charts_drawn_js(len(charts_on(info.url_path)))
            row = cold_transfer(browser, url, ready)
            if info.url_path in statics:
                row["static_transfer_mb"] = cold_transfer(
                    browser, f"{statics_url}/{statics[info.url_path].name}", ready)["transfer_mb"]
            pages[info.url_path] = row
        for spec in CHARTS:
            row = cold_transfer(browser, export.embed_url(server_url, spec, spec.defaults, "en"),
                                charts_drawn_js(1),
                                viewport={"width": 640, "height": 900})
            row["static_transfer_mb"] = cold_transfer(
                browser, export.static_embed_url(export_url, spec, "en"), embed_ready,
                viewport={"width": 640, "height": 900})["transfer_mb"]
            row["static_full_bundle_mb"] = cold_transfer(
                browser, export.static_embed_url(full_export_url, spec, "en"), embed_ready,
                viewport={"width": 640, "height": 900})["transfer_mb"]
            embeds[spec.chart_id] = row
        browser.close()
    return pages, embeds


# --- the phone profile --------------------------------------------------------------------------------

def phone_embed(browser, article_url: str, src: str) -> dict:
    """Seconds from the iframe's insertion into the article until the chart inside is first
    seen (its image, on a static page) and until plotly has drawn it, on the phone profile."""
    context = browser.new_context(viewport=chromium.PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(DRAWN_STAMPS_JS)
    page = context.new_page()
    page.goto(article_url)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    inserted = page.evaluate("""src => {
        const frame = document.createElement('iframe');
        frame.src = src; frame.title = 'A chart'; frame.style.cssText = 'width:100%;border:0';
        frame.height = 640; document.querySelector('main').appendChild(frame);
        return Date.now(); }""", src)
    stamps = [None, None]
    deadline = time.monotonic() + PHONE_TIMEOUT_S
    while time.monotonic() < deadline and stamps[1] is None:
        for frame in page.frames[1:]:
            with contextlib.suppress(Exception):  # the frame is still navigating
                stamps = frame.evaluate("() => [window.__imageAt || null, window.__drawnAt || null]")
        time.sleep(0.1)
    context.close()
    first = stamps[0] or stamps[1]
    return {"first_chart_s": (first - inserted) / 1000 if first else None,
            "drawn_s": (stamps[1] - inserted) / 1000 if stamps[1] else None}


def phone_profile(server_url: str, article_url: str, export_url: str, full_export_url: str
                  ) -> dict:
    """Median over runs, live, static and static with the full plotly.js alternating, per
    chart."""
    results = {}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for chart_id in PHONE_CHARTS:
            spec = get_chart(chart_id)
            runs = {"live": [], "static": [], "static_full_bundle": []}
            for _ in range(PHONE_RUNS):
                runs["live"].append(phone_embed(
                    browser, article_url, export.embed_url(server_url, spec, spec.defaults, "en")))
                runs["static"].append(phone_embed(
                    browser, article_url, export.static_embed_url(export_url, spec, "en")))
                runs["static_full_bundle"].append(phone_embed(
                    browser, article_url, export.static_embed_url(full_export_url, spec, "en")))

            def median(kind: str, key: str, runs=runs) -> float | None:
                values = [run[key] for run in runs[kind] if run[key] is not None]
                return statistics.median(values) if len(values) == len(runs[kind]) else None

            row = {kind: {key: median(kind, key) for key in ("first_chart_s", "drawn_s")}
                   for kind in runs}
            # Like for like: the chart first seen, live and static; and plotly drawn, both.
            live, static = row["live"]["first_chart_s"], row["static"]["first_chart_s"]
            row["ratio_to_static_first_chart"] = live / static if live and static else None
            live_drawn, static_drawn = row["live"]["drawn_s"], row["static"]["drawn_s"]
            row["ratio_to_static_drawn"] = (live_drawn / static_drawn if live_drawn and static_drawn
                                            else None)
            full_drawn = row["static_full_bundle"]["drawn_s"]
            row["static_drawn_to_full_bundle"] = (static_drawn / full_drawn
                                                  if static_drawn and full_drawn else None)
            results[chart_id] = row
        browser.close()
    return results


def with_full_bundle(export_dir: Path, out: Path) -> None:
    """A copy of the export whose static chart pages load the full plotly.js, as they did before
    the partial bundles: the pages to weigh and time them against."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(export_dir, out)
    for page in out.rglob("*.embed.html"):
        text = page.read_text(encoding="utf-8")
        for bundle in PARTIAL:
            text = text.replace(f"../{bundle.name}", f"../{FULL_NAME}")
        page.write_text(text, encoding="utf-8")
        page.with_name(page.name + ".gz").unlink(missing_ok=True)
        page.with_name(page.name + ".br").unlink(missing_ok=True)
    precompress(out)


def missed(value: float | None, target: float) -> str:
    """"ok" when within the target, else by how much it is missed."""
    if value is None:
        return "n/a"
    if value <= target:
        return "ok"
    return f"+{(value / target - 1):.0%}"


def print_weights(pages: dict, embeds: dict) -> None:
    header = (f"{'cold bytes':<20} {'MB':>6} {'target':>7} {'req':>5} {'ws MB':>6} "
              f"{'static MB':>9} {'target':>7}")
    print("\n" + header + "\n" + "-" * len(header))
    for name, row in [*pages.items(), *((f"embed {k}", v) for k, v in embeds.items())]:
        is_embed = name.startswith("embed ")
        limit = TARGET_EMBED_MB if is_embed else TARGET_PAGE_MB
        static = row.get("static_transfer_mb")
        static_text = f"{static:>9.2f}" if static else f"{'-':>9}"
        static_check = missed(static, TARGET_STATIC_CHART_MB) if is_embed else ""
        full = row.get("static_full_bundle_mb")
        full_text = f" (full plotly.js {full:.2f} MB)" if full else ""
        print(f"{name:<20} {row['transfer_mb']:>6.2f} {missed(row['transfer_mb'], limit):>7} "
              f"{row['requests']:>5} {row['websocket_mb']:>6.2f} {static_text} {static_check:>7}"
              f"{full_text}")


def print_phone(phone: dict) -> None:
    header = (f"{'phone (4x CPU, Slow 4G)':<24} {'live first s':>12} {'static first s':>14} "
              f"{'<2.5s':>6} {'first/first':>11} {'<2x':>5} {'live drawn s':>12} "
              f"{'static drawn s':>14} {'drawn/drawn':>11}")
    print("\n" + header + "\n" + "-" * len(header))

    def number(value, digits=1):
        return f"{value:.{digits}f}" if value is not None else "-"

    for chart_id, row in phone.items():
        static_first = row["static"]["first_chart_s"]
        full = row.get("static_full_bundle", {})
        print(f"{chart_id:<24} {number(row['live']['first_chart_s']):>12} "
              f"{number(static_first):>14} {missed(static_first, TARGET_PHONE_STATIC_S):>6} "
              f"{number(row['ratio_to_static_first_chart'], 2):>11} "
              f"{missed(row['ratio_to_static_first_chart'], TARGET_PHONE_RATIO):>5} "
              f"{number(row['live']['drawn_s']):>12} {number(row['static']['drawn_s']):>14} "
              f"{number(row['ratio_to_static_drawn'], 2):>11}")
        print(f"{'':<24} static page, full plotly.js: first {number(full.get('first_chart_s'))} s, "
              f"drawn {number(full.get('drawn_s'))} s; partial/full drawn "
              f"{number(row.get('static_drawn_to_full_bundle'), 2)} "
              f"{missed(row.get('static_drawn_to_full_bundle'), TARGET_PHONE_BUNDLE_RATIO)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--readers", type=int, default=loadtest.DEFAULT_READERS)
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(exist_ok=True)
    print("building static exports of each page's charts ...", flush=True)
    statics = static_pages(BENCH_DIR / "static")
    precompress(BENCH_DIR / "static")
    site = BENCH_DIR / "site"
    site.mkdir(exist_ok=True)
    (site / "article.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>An article</title></head>"
        "<body style='margin:0'><main><p>Article text.</p></main></body></html>", encoding="utf-8")
    sizes = largest_figure_kb()
    print("timing AppTest runs ...", flush=True)
    apptest = apptest_times(args.runs)
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(app_server.running_app(BENCH_DIR / "bench-server.log"))
        export_dir = BENCH_DIR / "export"
        export_url = stack.enter_context(static_host.serving(export_dir.resolve()))
        statics_url = stack.enter_context(static_host.serving((BENCH_DIR / "static").resolve()))
        article_url = stack.enter_context(static_host.serving(site.resolve())) + "/article.html"
        time.sleep(1)
        idle_mb = loadtest.MemoryWatch(server.process.pid).rss_kb() / 1024
        print("exporting the static chart pages (make export) ...", flush=True)
        export_dir.mkdir(exist_ok=True)
        static_export.main(["--out", str(export_dir), "--static-url", export_url,
                            "--app-url", server.url])
        full_dir = BENCH_DIR / "export-full-bundle"
        full_export_url = stack.enter_context(static_host.serving(full_dir.resolve()))
        with_full_bundle(export_dir, full_dir)
        print("timing pages in Chromium ...", flush=True)
        browser = browser_times(server.url, statics_url, statics, args.runs)
        print("weighing pages and embeds, cold ...", flush=True)
        page_bytes, embeds = transfers(server.url, statics_url, statics, export_url,
                                       full_export_url)
        print("phone profile: live and static embeds ...", flush=True)
        phone = phone_profile(server.url, article_url, export_url, full_export_url)
        for name, row in page_bytes.items():
            browser[name].update(row)
        # Saved before the load phase, which is the longest: a cut-off run keeps these.
        (BENCH_DIR / "results.json").write_text(json.dumps(
            {"pages": browser, "embeds": embeds, "phone": phone, "apptest_ms": apptest,
             "figure_kb": sizes, "server_rss_idle_mb": idle_mb, "load": "not run yet"}, indent=2),
            encoding="utf-8")
        print(f"{args.readers} readers at once ...", flush=True)
        load = loadtest.load(server, args.readers)
    pages = {}
    for info in PAGES:
        row = browser[info.url_path]
        ratio = row["app_s"] / row["static_s"] if row["static_s"] else None
        pages[info.url_path] = {**row, "ratio": ratio, "apptest_cold_ms": apptest[info.url_path][0],
                                "apptest_warm_ms": apptest[info.url_path][1],
                                "largest_figure_kb": sizes[info.url_path]}
    results = {"pages": pages, "embeds": embeds, "phone": phone, "server_rss_idle_mb": idle_mb,
               "load": load,
               "targets": {"ratio": TARGET_RATIO, "warm_ms": TARGET_WARM_MS,
                           "figure_kb": TARGET_FIGURE_KB, "embed_mb": TARGET_EMBED_MB,
                           "static_embed_mb": TARGET_STATIC_EMBED_MB, "page_mb": TARGET_PAGE_MB,
                           "phone_static_s": TARGET_PHONE_STATIC_S,
                           "phone_ratio": TARGET_PHONE_RATIO,
                           "static_chart_mb": TARGET_STATIC_CHART_MB,
                           "phone_bundle_ratio": TARGET_PHONE_BUNDLE_RATIO}}
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
    print_weights(pages, embeds)
    print_phone(phone)
    print(f"\nserver memory: idle {idle_mb:.0f} MB; with {load['readers']} readers at once:")
    print(loadtest.report(load))
    print(f"wrote {BENCH_DIR / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
