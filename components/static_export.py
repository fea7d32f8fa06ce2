"""``make export``: every registered chart, in both languages, as files that need no app.

For each chart and language: a standalone HTML page (interactive; plotly.js shared in one file
beside them, which keeps the set far smaller than inlining it in each page), a PNG and an SVG
(kaleido driving Debian's chromium), the CSV of the rows shown, and the static fallback page for
embeds. ``index.html`` is a gallery with each chart's embed snippet. Nothing written requests
anything from a third party.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

from plotly.offline import get_plotlyjs

from components import export
from components.citations import source_text
from components.data_package import read_package
from components.i18n import LANGS, t
from components.paths import PROJECT_ROOT
from components.registry import CHARTS
from components.validation import DataPackageError

PLOTLY_JS = "plotly.min.js"


def write_chart_files(out: Path, data, spec, lang) -> dict[str, str]:
    """Write one chart's files in one language; returns what the gallery needs about it."""
    chart = spec.make(data, spec.defaults, lang)
    plain_source = source_text(data["sources"], chart.source_ids, lang)
    stem = out / lang / spec.chart_id
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".html").write_text(
        export.chart_html(spec, chart, plain_source, lang, plotlyjs=f"../{PLOTLY_JS}"),
        encoding="utf-8")
    framed = export.framed_figure(chart, plain_source)
    png = export.figure_image(framed, "png")
    stem.with_suffix(".png").write_bytes(png)
    stem.with_suffix(".svg").write_bytes(export.figure_image(framed, "svg"))
    stem.with_suffix(".csv").write_bytes(export.table_csv(chart))
    (stem.parent / f"{spec.chart_id}-fallback.html").write_text(
        export.static_fallback_html(chart, png, plain_source, lang), encoding="utf-8")
    return {"title": chart.title, "description": chart.description}


def gallery(out: Path, entries: list[tuple[str, str, dict[str, str]]], base_url: str) -> None:
    cards = []
    for lang, chart_id, info in entries:
        spec = next(s for s in CHARTS if s.chart_id == chart_id)
        snippet = export.embed_snippet(export.embed_url(base_url, spec, spec.defaults, lang),
                                       info["title"], info["description"])
        files = " · ".join(f'<a href="{lang}/{chart_id}{suffix}">{label}</a>' for suffix, label in (
            (".html", "HTML"), (".png", "PNG"), (".svg", "SVG"), (".csv", "CSV"),
            ("-fallback.html", t("export.fallback", lang))))
        cards.append(
            f'<section lang="{lang}"><h2>{html.escape(info["title"])}</h2>'
            f'<p><img src="{lang}/{chart_id}.png" alt="{html.escape(info["description"])}" '
            f'loading="lazy"></p><p>{files}</p>'
            f"<details><summary>{html.escape(t('frame.embed', lang))}</summary>"
            f"<pre><code>{html.escape(snippet)}</code></pre></details></section>")
    page = (
        '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t('app.title', 'id'))} / {html.escape(t('app.title', 'en'))}</title>"
        "<style>body{font-family:sans-serif;max-width:1040px;margin:24px auto;padding:0 16px}"
        "img{max-width:100%;height:auto;border:1px solid #E3E7EC}pre{white-space:pre-wrap;"
        "word-break:break-all;background:#F4F6F8;padding:8px}section{margin-bottom:40px}"
        "</style></head>\n<body>\n"
        f"<h1>{html.escape(t('app.title', 'id'))} / {html.escape(t('app.title', 'en'))}</h1>\n"
        + "\n".join(cards) + "\n</body>\n</html>\n")
    (out / "index.html").write_text(page, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "exports",
                        help="folder to write into (default: exports/)")
    parser.add_argument("--base-url", default="http://localhost:8501",
                        help="the hosted app's address, used in the embed snippets")
    parser.add_argument("--chart", action="append", help="export only this chart id (repeatable)")
    args = parser.parse_args(argv)

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
    (args.out / PLOTLY_JS).write_text(get_plotlyjs(), encoding="utf-8")
    jobs = [(lang, spec) for lang in LANGS for spec in specs]
    entries = []
    started = time.monotonic()
    for number, (lang, spec) in enumerate(jobs, start=1):
        print(f"[{number}/{len(jobs)}] {spec.chart_id} ({lang}) ...", end=" ", flush=True)
        entries.append((lang, spec.chart_id, write_chart_files(args.out, data, spec, lang)))
        print("ok", flush=True)
    gallery(args.out, entries, args.base_url)
    print(f"wrote {len(jobs)} charts x 5 files and index.html to {args.out} "
          f"in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
