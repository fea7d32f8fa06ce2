"""``make export``: every registered chart, in both languages, as files that need no app.

For each chart and language, in ``exports/<lang>/``:

- ``<chart>.html``: a standalone page (interactive, with its table);
- ``<chart>.png``, ``<chart>.svg``: the chart with its title and source drawn in (kaleido driving
  Debian's chromium);
- ``<chart>.csv``: the chart's rows for data desks, and ``<chart>.zip``: those rows with the
  sources they cite, a ``datapackage.json`` and a README that says how to cite them, the same
  bytes as the app's Download menu gives for the same view on the same day (``data_downloads``);
- ``<chart>-fallback.html``: image, description and table in one file;
- ``<chart>.embed.html``: the static chart page for articles, the same chart-only layout as the
  live embed, resizing its iframe with the same height script; its first image is
  ``<chart>.preview.svg`` (or ``.webp``; ``.preview-narrow.*`` for phones);
- ``<chart>.oembed.json``: its oEmbed answer (with ``--static-url`` only: it needs an address);
- ``corrections-<lang>.atom``: the corrections log as an Atom feed (with an address).

plotly.js is shared at the top, each page loading the smallest of plotly.js's own bundles that
draws its traces (``components/publish/bundles.py``: ``plotly-basic.min.js`` for most,
``plotly-geo.min.js`` for the map), and the typeface (the app's, Source Sans 3) in ``fonts/``,
which keeps the set far smaller than inlining them in each page. Every text file over 1 KB gets
gzip and brotli twins (``.gz``, ``.br``) for static hosts that serve precompressed files (nginx
``gzip_static on`` / ``brotli_static on``, or a CDN). ``index.html`` is a gallery
with each chart's files, its real height and its snippets: static (the default for articles),
live, pym.js, AMP and a plain iframe. The snippets need addresses, given as flags:
``--static-url`` (where this folder will be hosted) and ``--app-url`` (the live app); without
them the gallery writes no address at all and says which flag to pass. Heights are measured in
Chromium (Playwright, from the dev set-up) at 640 and 375 px. Nothing written requests anything
from a third party.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import shutil
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import brotli

from components.charts import fonts
from components.data.checks import DataPackageError
from components.data.citations import cited_publishers, credited_tools, source_text
from components.data.package import read_package
from components.paths import PROJECT_ROOT
from components.publish import export
from components.publish.about import about
from components.publish.bundles import bundle_name, write_bundles
from components.publish.downloads import chart_zip
from components.publish.feed import corrections_feed
from components.registry import CHARTS
from components.text.i18n import LANGS, t

FONT_FILE = f"fonts/{fonts.WEB_FONT.name}"  # beside the plotly.js bundles, shared by every page
GZIP_SUFFIXES = (".html", ".js", ".json", ".svg", ".csv", ".atom")
GZIP_MIN_BYTES = 1024
MEASURE_WIDTHS = (export.SNIPPET_WIDTH, 375)
FILE_KINDS = ((".embed.html", "embed_snippets.kind_static"), (".html", None), (".png", None),
              (".svg", None), (".csv", None), (".zip", None), ("-fallback.html", "export.fallback"))


def accessed_on() -> date:
    """The day the export's citations give as accessed: today, or ``SOURCE_DATE_EPOCH`` (the
    reproducible-builds convention) when set, so that a rebuild gives the same ZIPs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def write_chart_files(out: Path, data, spec, lang, static_url: str | None = None,
                      app_url: str | None = None, accessed: date | None = None) -> dict:
    """Write one chart's files in one language; returns what the gallery needs about it."""
    chart = spec.make(data, spec.defaults, lang)
    plain_source = source_text(data["sources"], chart.source_ids, lang, credits=chart.credits)
    stem = out / lang / spec.chart_id
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".html").write_text(
        export.chart_html(spec, chart, plain_source, lang, plotlyjs=f"../{bundle_name(chart)}",
                          font_src=f"../{FONT_FILE}"),
        encoding="utf-8")
    framed = export.framed_figure(chart, plain_source)
    png = export.figure_image(framed, "png")
    stem.with_suffix(".png").write_bytes(png)
    stem.with_suffix(".svg").write_bytes(export.figure_image(framed, "svg"))
    write_data_files(out, data, spec, lang, chart, accessed=accessed or accessed_on(),
                     url=export.permanent_url(app_url, spec, spec.defaults, lang, static_url))
    (stem.parent / f"{spec.chart_id}-fallback.html").write_text(
        export.static_fallback_html(chart, png, plain_source, lang, font_src=f"../{FONT_FILE}"),
        encoding="utf-8")

    preview, ext = export.preview_image(chart, export.SNIPPET_WIDTH)
    (stem.parent / f"{spec.chart_id}.preview.{ext}").write_bytes(preview)
    narrow, narrow_ext = export.preview_image(chart, export.NARROW_PREVIEW_WIDTH)
    (stem.parent / f"{spec.chart_id}.preview-narrow.{narrow_ext}").write_bytes(narrow)
    oembed_href = (export.static_embed_url(static_url, spec, lang).removesuffix(".embed.html")
                   + ".oembed.json") if static_url else None
    page = export.embed_page_html(
        spec, chart, cited_publishers(data["sources"], chart.source_ids), lang,
        credits=credited_tools(data["sources"], chart.credits),
        plotlyjs_src=f"../{bundle_name(chart)}", font_src=f"../{FONT_FILE}",
        preview_src=f"{spec.chart_id}.preview.{ext}",
        narrow_preview_src=f"{spec.chart_id}.preview-narrow.{narrow_ext}",
        csv_href=f"{spec.chart_id}.csv",
        dashboard_href=export.dashboard_url(app_url, spec, spec.defaults, lang) if app_url
        else None,
        oembed_href=oembed_href)
    (stem.parent / export.static_page_name(spec)).write_text(page, encoding="utf-8")
    return {"title": chart.title, "description": chart.description,
            "estimate": export.estimated_height(chart, plain_source, lang)}


def write_data_files(out: Path, data, spec, lang, chart, *, url: str, accessed: date) -> None:
    """``<chart>.csv`` and ``<chart>.zip``: the bytes the app's Download menu gives for the same
    view, address and day."""
    stem = out / lang / spec.chart_id
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".csv").write_bytes(export.rows_csv(chart))
    found = about(spec, chart, data, lang, url=url, accessed=accessed)
    stem.with_suffix(".zip").write_bytes(chart_zip(found, chart.rows, data))


def measure_heights(pages: list[Path]) -> dict[Path, dict[int, int]] | None:
    """Each static chart page's height at ``MEASURE_WIDTHS``, drawn in Chromium; None without
    Playwright (the gallery then gives the estimate). In a thread of its own: a caller may be
    running Playwright's sync API already (the browser tests), and it allows one per thread."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_measure, pages).result()


def _measure(pages: list[Path]) -> dict[Path, dict[int, int]]:
    from playwright.sync_api import sync_playwright

    from tools import browser as chromium

    heights: dict[Path, dict[int, int]] = {}
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        context = browser.new_context()
        # Files only: nothing may leave the machine.
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(("file:", "data:", "blob:"))
                      else route.abort())
        page = context.new_page()
        for path in pages:
            heights[path] = {}
            for width in MEASURE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(path.as_uri())
                # Drawn: plotly has replaced the preview image.
                page.wait_for_function("() => !document.querySelector('#chart picture')"
                                       " && !!document.querySelector('#chart .main-svg')",
                                       timeout=60_000)
                heights[path][width] = page.evaluate(
                    "() => Math.ceil(document.querySelector('[data-embed-content]')"
                    ".getBoundingClientRect().bottom)")
        browser.close()
    return heights


def write_oembed(out: Path, spec, lang, info: dict, static_url: str, app_url: str | None) -> None:
    src = export.static_embed_url(static_url, spec, lang)
    answer = export.oembed_answer(src, info["title"], t("app.title", lang),
                                  (app_url or static_url).rstrip("/") + "/",
                                  export.SNIPPET_WIDTH, info["heights"][export.SNIPPET_WIDTH])
    (out / lang / f"{spec.chart_id}.oembed.json").write_text(
        json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")


def snippets(spec, lang, info: dict, static_url: str | None, app_url: str | None
             ) -> list[tuple[str, str, str]]:
    """(label, help, snippet) for every kind the given addresses allow, static first."""
    title, description = info["title"], info["description"]
    height = info["heights"][export.SNIPPET_WIDTH]
    static = export.static_embed_url(static_url, spec, lang) if static_url else None
    live = export.embed_url(app_url, spec, spec.defaults, lang) if app_url else None
    first = static or live
    kinds = []
    if static:
        kinds.append(("kind_static", "help_static", export.embed_snippet(static, title, description,
                                                                         height)))
    if live:
        kinds.append(("kind_live", "help_live", export.embed_snippet(live, title, description,
                                                                     height)))
    if first:
        kinds += [
            ("kind_pym", "help_pym", export.pym_snippet(first, title, f"ru-asean-{spec.chart_id}-"
                                                                      f"{lang}")),
            ("kind_amp", "help_amp", export.amp_snippet(first, title, height,
                                                        t("embed_frame.overflow", lang))),
            ("kind_plain", "help_plain", export.plain_iframe_snippet(first, title, height)),
        ]
    return [(t(f"embed_snippets.{label}", lang),
             t(f"embed_snippets.{help_key}", lang, width=export.SNIPPET_WIDTH), code)
            for label, help_key, code in kinds]


def gallery(out: Path, entries: list[tuple[str, str, dict]], static_url: str | None,
            app_url: str | None) -> None:
    cards = []
    missing = [flag for flag, value in (("--static-url", static_url), ("--app-url", app_url))
               if not value]
    for lang, chart_id, info in entries:
        spec = next(s for s in CHARTS if s.chart_id == chart_id)
        files = " · ".join(
            f'<a href="{lang}/{chart_id}{suffix}">{html.escape(t(key, lang)) if key else suffix[1:].upper()}'
            "</a>" for suffix, key in FILE_KINDS)
        if static_url:
            files += f' · <a href="{lang}/{chart_id}.oembed.json">oEmbed</a>'
        heights = info["heights"]
        measured = "" if info.get("measured") else " (estimate)"
        code = "".join(
            f"<h3>{html.escape(label)}</h3><p>{html.escape(help_text)}</p>"
            f"<pre><code>{html.escape(snippet)}</code></pre>"
            for label, help_text, snippet in snippets(spec, lang, info, static_url, app_url))
        if missing:
            code += (f'<p class="flags">Pass {" and ".join(missing)} to '
                     "<code>make export ARGS=\"...\"</code> for "
                     + ("the other snippets" if code else "ready snippets")
                     + ": --static-url is where this folder will be hosted, --app-url the live "
                     "app.</p>")
        cards.append(
            f'<section lang="{lang}"><h2>{html.escape(info["title"])}</h2>'
            f'<p><img src="{lang}/{chart_id}.png" alt="{html.escape(info["description"])}" '
            f'loading="lazy"></p><p>{files}</p>'
            f"<p>{heights[640]} px tall at 640 px wide, {heights[375]} px at 375 px{measured}.</p>"
            f"<details><summary>{html.escape(t('frame.embed', lang))}</summary>{code}"
            "</details></section>")
    page = (
        '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t('app.title', 'id'))} / {html.escape(t('app.title', 'en'))}</title>"
        f"<style>{fonts.font_face_css(FONT_FILE)}"
        f"body{{font-family:{export.FONT_STACK};max-width:1040px;margin:24px auto;"
        "padding:0 16px}img{max-width:100%;height:auto;border:1px solid #E3E7EC}"
        "pre{white-space:pre-wrap;word-break:break-all;background:#F4F6F8;padding:8px}"
        "section{margin-bottom:40px}.flags{background:#FFF6DB;padding:8px}</style></head>\n"
        "<body>\n"
        f"<h1>{html.escape(t('app.title', 'id'))} / {html.escape(t('app.title', 'en'))}</h1>\n"
        + "\n".join(cards) + "\n</body>\n</html>\n")
    (out / "index.html").write_text(page, encoding="utf-8")


def precompress(out: Path) -> int:
    """``.gz`` and ``.br`` twins beside every text file worth compressing; returns how many
    files got them."""
    count = 0
    for path in sorted(out.rglob("*")):
        if path.suffix in GZIP_SUFFIXES and path.is_file() and path.stat().st_size >= GZIP_MIN_BYTES:
            raw = path.read_bytes()
            packed = gzip.compress(raw, compresslevel=9, mtime=0)
            if len(packed) <= 0.9 * len(raw):  # an inlined PNG gains nothing: no twin
                path.with_name(path.name + ".gz").write_bytes(packed)
                path.with_name(path.name + ".br").write_bytes(brotli.compress(raw, quality=11))
                count += 1
    return count


def _address(value: str | None) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        raise SystemExit(f"error: {value!r} is not an http(s) address")
    return value.rstrip("/") if value else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "exports",
                        help="folder to write into (default: exports/)")
    parser.add_argument("--static-url", help="where this folder will be hosted, e.g. "
                        "https://static.example.org/ru-asean (static snippets, oembed.json)")
    parser.add_argument("--app-url", "--base-url", dest="app_url",
                        help="the live app's address (live snippets, 'Full dashboard' links)")
    parser.add_argument("--chart", action="append", help="export only this chart id (repeatable)")
    args = parser.parse_args(argv)
    static_url, app_url = _address(args.static_url), _address(args.app_url)

    if export.chromium_path() is None:
        print("error: PNG and SVG export needs Chromium. Install Debian's package with\n"
              "       apt-get update && apt-get install -y chromium", file=sys.stderr)
        return 2
    try:
        data = read_package()
    except DataPackageError as error:
        print(f"error: the data package has problems; run `make validate`:\n{error}",
              file=sys.stderr)
        return 1
    specs = [s for s in CHARTS if not args.chart or s.chart_id in args.chart]
    unknown = set(args.chart or ()) - {s.chart_id for s in CHARTS}
    if unknown:
        print(f"error: unknown chart id(s) {sorted(unknown)}; valid ids: "
              f"{', '.join(s.chart_id for s in CHARTS)}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    write_bundles(args.out)
    (args.out / FONT_FILE).parent.mkdir(exist_ok=True)
    shutil.copyfile(fonts.WEB_FONT, args.out / FONT_FILE)
    jobs = [(lang, spec) for lang in LANGS for spec in specs]
    accessed = accessed_on()
    entries = []
    started = time.monotonic()
    for number, (lang, spec) in enumerate(jobs, start=1):
        print(f"[{number}/{len(jobs)}] {spec.chart_id} ({lang}) ...", end=" ", flush=True)
        entries.append((lang, spec, write_chart_files(args.out, data, spec, lang, static_url,
                                                      app_url, accessed)))
        print("ok", flush=True)
    print("measuring the static chart pages in Chromium ...", flush=True)
    pages = [args.out / lang / export.static_page_name(spec) for lang, spec, _ in entries]
    measured = measure_heights(pages)
    for (lang, spec, info), path in zip(entries, pages, strict=True):
        info["measured"] = measured is not None
        info["heights"] = measured[path] if measured else {width: info["estimate"]
                                                          for width in MEASURE_WIDTHS}
        if static_url:
            write_oembed(args.out, spec, lang, info, static_url, app_url)
    if measured is None:
        print("note: Playwright is missing (make export installs the dev set-up): the gallery "
              "gives estimated heights", file=sys.stderr)
    gallery(args.out, [(lang, spec.chart_id, info) for lang, spec, info in entries], static_url,
            app_url)
    feed_base = app_url or static_url
    if feed_base:
        for lang in LANGS:  # the app serves the same at /corrections.atom?lang=
            (args.out / f"corrections-{lang}.atom").write_bytes(
                corrections_feed(data, lang, feed_base))
    else:
        print("note: the corrections feed needs an address (--app-url): not written")
    compressed = precompress(args.out)
    print(f"wrote {len(jobs)} charts x {len(FILE_KINDS) + 2 + bool(static_url)} files, index.html and "
          f"{compressed} .gz and .br twins to {args.out} in {time.monotonic() - started:.0f} s")
    if not (static_url and app_url):
        print("note: without --static-url and --app-url the gallery has no ready snippets; e.g. "
              'make export ARGS="--static-url https://static.example.org/ru-asean '
              '--app-url https://app.example.org"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
