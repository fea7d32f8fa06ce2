"""The live embed's first paint: the chart as an image in the page's own HTML, before Streamlit.

On a phone over a slow network, Streamlit's front end (2.5 MB) takes 15-20 s to boot and draw
an embedded chart, while the static chart page shows its image in about 2 s. So the live
embed's HTML (rewritten by ``link_previews``) carries the chart-only layout the static page
has: title, subtitle, the chart as an image, source line, notes and footer. Streamlit boots
underneath, hidden, and takes its place once its own chart is drawn (or once its run has ended
without one: an error, a notice). A reader sees the chart at once and can use it a little later.

The images are the static pages' preview images (``export.preview_image``), made ahead by
``make previews`` into ``data/cache/previews/`` and committed, like the geocoding cache: the
server never starts a browser. Each is made for a chart's default view in one language and
names the digest of the figure it shows. A view with other parameters, or a figure that no
longer matches its image (new data, a changed builder), gets no first paint: the embed then
loads as before. ``tests/unit/test_first_paint.py`` fails when the committed images are stale.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

from components.charts.spec import PLOTLY_KEY_PREFIX, Chart, ChartSpec
from components.data.citations import CreditedTools, cited_publishers, credited_tools
from components.paths import DATA_DIR
from components.publish import export
from components.registry import UnknownChartError, get_chart
from components.text.i18n import LANGS, Lang, t

log = logging.getLogger(__name__)

PREVIEWS_DIR = DATA_DIR / "cache" / "previews"
MANIFEST_PATH = PREVIEWS_DIR / "previews.json"
URL_PATH = "/chart-preview"  # the route that serves the images (dashboard.py)
ELEMENT_ID = "ru-first-paint"
SHOWING_CLASS = "ru-first-paint"  # on <html> while the first paint stands in for the app
NARROW_MEDIA = "(max-width: 480px)"  # where the narrow image is used, as on the static page
MEDIA_TYPES = {".svg": "image/svg+xml", ".webp": "image/webp", ".png": "image/png"}


def figure_digest(chart: Chart) -> str:
    """What a preview image was made from: the digest of the figure as the static page has it."""
    return hashlib.sha256(export.standalone_figure(chart).to_json().encode("utf-8")).hexdigest()[:16]


def read_manifest(path: Path = MANIFEST_PATH) -> dict:
    """``{chart_id: {lang: {"figure": digest, "wide": file, "narrow": file}}}``; {} without one."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@cache
def _manifest() -> dict:
    return read_manifest()


def _listed(manifest: Mapping) -> set[str]:
    return {entry[kind] for langs in manifest.values() for entry in langs.values()
            for kind in ("wide", "narrow")}


@cache
def _served_images() -> frozenset[str]:
    return frozenset(_listed(_manifest()))


def image_path(name: str) -> Path | None:
    """The committed image a request names, if the manifest lists it (no other file is served)."""
    return PREVIEWS_DIR / name if name in _served_images() else None


def embed_chart_id(query: Mapping[str, list[str]]) -> str | None:
    """The chart an embed URL's parsed query names (``embed=true&chart=<id>``), else None."""
    if query.get("embed", [""])[-1].lower() == "true" and query.get("chart"):
        return query["chart"][-1]
    return None


def _streamlit_front_end() -> Path:
    """The folder Streamlit serves its front end from: ``index.html`` and ``static/``."""
    import streamlit

    return Path(streamlit.__file__).parent / "static"


def streamlit_static(folder: str, name: str) -> Path:
    """One of Streamlit's own front-end files (``js``, ``PlotlyChart.D9Z0_fxz.js``)."""
    return _streamlit_front_end() / "static" / folder / name


def streamlit_asset(folder: str, pattern: str) -> str | None:
    """The file name of one of Streamlit's own front-end files (their names carry a hash)."""
    found = streamlit_assets(folder, pattern)
    return found[0] if found else None


def streamlit_assets(folder: str, pattern: str) -> list[str]:
    """The file names of Streamlit's own front-end files that match ``pattern``, sorted."""
    folder_path = _streamlit_front_end() / "static" / folder
    return [path.name for path in sorted(folder_path.glob(pattern))]


def streamlit_page_modules() -> list[str]:
    """The modules Streamlit's own page loads at once (``./static/js/...``): its entry module and
    those it preloads, as it ships them."""
    document = (_streamlit_front_end() / "index.html").read_text("utf-8")
    return _APP_SCRIPT.findall(document) + _APP_PRELOAD.findall(document)


@dataclass(frozen=True)
class FirstPaint:
    head: str  # the images' preloads, the style and the script that hands over to Streamlit
    body: str  # the chart-only layout, before Streamlit's root


def for_request(query_string: str, base_path: str = "") -> FirstPaint | None:
    """The first paint for an embed URL's query, or None (not an embed, another view, no image)."""
    from components.charts.url_state import parse_query, to_query

    query = parse_qs(query_string)
    chart_id = embed_chart_id(query)
    if chart_id is None:
        return None
    try:
        spec = get_chart(chart_id)
    except UnknownChartError:
        return None
    values, _ = parse_query(spec.params, query)
    if to_query(spec.params, values):
        return None  # only default views have an image made ahead
    lang = query.get("lang", [""])[-1]
    if lang not in LANGS:
        return None  # the app then picks the browser's language, which the HTML cannot know
    entry = _manifest().get(spec.chart_id, {}).get(lang)
    if not entry:
        return None
    chart, publishers, tools, digest = _default_chart(spec, lang)
    if digest != entry.get("figure"):
        _warn_stale(spec.chart_id, lang)
        return None
    images = f"{base_path}{URL_PATH}/"
    return FirstPaint(head=head_html(chart, images + entry["wide"], images + entry["narrow"]),
                      body=body_html(spec, chart, publishers, lang, images + entry["wide"],
                                     images + entry["narrow"], credits=tools))


_lock = threading.Lock()
_MAX_CACHED = 256
_charts: dict[tuple, tuple[Chart, dict[str, str], CreditedTools, str]] = {}


def _default_chart(spec: ChartSpec, lang: Lang) -> tuple[Chart, dict[str, str], CreditedTools, str]:
    """The chart's default view, its publishers, the tools it credits and its figure's digest,
    once per data version."""
    from components.publish.oembed import current_data

    data = current_data()
    key = (spec.chart_id, lang, data.version)
    with _lock:
        found = _charts.get(key)
    if found is None:
        chart = spec.make(data, dict(spec.defaults), lang)
        found = (chart, cited_publishers(data["sources"], chart.source_ids),
                 credited_tools(data["sources"], chart.credits), figure_digest(chart))
        with _lock:
            if len(_charts) > _MAX_CACHED:  # old data versions
                _charts.clear()
            _charts[key] = found
    return found


_warned: set[tuple[str, str]] = set()


def _warn_stale(chart_id: str, lang: str) -> None:
    if (chart_id, lang) not in _warned:
        _warned.add((chart_id, lang))
        log.warning("the first-paint image of %s (%s) no longer matches its figure: "
                    "run `make previews`", chart_id, lang)


# Sizes as the live embed draws them (Streamlit's h4 and captions), so that little moves when
# Streamlit takes over.
_STYLE = f"""
html.{SHOWING_CLASS} body {{ margin: 0; }}
html.{SHOWING_CLASS} #root {{ visibility: hidden; position: absolute; top: 0; left: 0;
  width: 100%; }}
#{ELEMENT_ID} {{ box-sizing: border-box; padding: 16px; margin: 0; background: #fff;
  container-type: inline-size; font-family: {{family}}; color: #0E1117; font-size: 16px;
  line-height: 1.6; }}
#{ELEMENT_ID} > * {{ margin: 0 0 8px; }}
#{ELEMENT_ID} > :last-child {{ margin-bottom: 0; }}
#{ELEMENT_ID} h1 {{ font-size: 19.2px; line-height: 1.2; font-weight: 600; }}
#{ELEMENT_ID} .subtitle, #{ELEMENT_ID} .source, #{ELEMENT_ID} .note, #{ELEMENT_ID} .links {{
  color: {export.MUTED_TEXT}; font-size: 14px; line-height: 1.6; }}
#{ELEMENT_ID} .chart picture, #{ELEMENT_ID} .chart img {{ display: block; width: 100%;
  height: 100%; object-fit: contain; object-position: top left; }}
#{ELEMENT_ID} a {{ color: inherit; }}
#{ELEMENT_ID} .links span + span::before {{ content: " · "; }}
"""

HANDOVER_GIVE_UP_MS = 60_000  # longer than a slow phone takes to draw (about 20 s)

# Hands over to Streamlit: once its chart is drawn and shown, or its run has ended with no chart
# to draw. Until then the image stays, rather than a blank frame: Streamlit has the chart's
# element on the page while plotly.js is still loading (about a second, 15 s on a slow phone),
# and draws the chart first hidden until it knows its width. The chart's own inline style says
# so; its computed visibility would not, as the first paint hides all of #root meanwhile. If
# plotly.js never arrives (the element stays a skeleton), Streamlit takes over after
# HANDOVER_GIVE_UP_MS anyway, so its links work. An iframe sandboxed without allow-same-origin
# never starts Streamlit; there the page's own notice (link_previews.sandbox_fallback) is shown
# at once.
_HANDOVER = f"""<script>(function () {{
  var root = document.documentElement, timer = null;
  function show() {{
    var paint = document.getElementById("{ELEMENT_ID}");
    if (paint) {{ paint.remove(); }}
    root.classList.remove("{SHOWING_CLASS}");
    if (timer) {{ clearInterval(timer); }}
  }}
  if (window.origin === "null") {{ document.addEventListener("DOMContentLoaded", show); return; }}
  var started = Date.now();
  function check() {{
    var plot = document.querySelector("#root .js-plotly-plot");
    if (plot && plot.querySelector(".main-svg path, .main-svg .point")
        && plot.style.visibility !== "hidden") {{
      return show();
    }}
    if (!plot && Date.now() - started > {HANDOVER_GIVE_UP_MS}) {{ return show(); }}
    var app = document.querySelector('#root [data-testid="stApp"]');
    if (app && app.getAttribute("data-test-script-state") === "notRunning"
        && document.querySelector("#root .st-key-embed-content")
        && !document.querySelector('#root [class*="st-key-{PLOTLY_KEY_PREFIX}"]')) {{ show(); }}
  }}
  // A look every 200 ms, rather than after each of the thousands of changes Streamlit makes to
  // the page as it boots.
  timer = setInterval(check, 200);
}})();</script>"""


def head_html(chart: Chart, wide_src: str, narrow_src: str) -> str:
    """Preloads for the image, the style and the hand-over script: in the head where the title
    is, before Streamlit's scripts, so the image is asked for first."""
    # Streamlit's own Source Sans file, which its page preloads anyway.
    font = streamlit_asset("media", "SourceSansVF-Upright.ttf.*.woff2")
    family = export.FONT_STACK
    face = ""
    if font:
        face = ('@font-face { font-family: "ru-first-paint-sans"; '
                f'src: url("./static/media/{font}") format("woff2"); font-weight: 200 900; '
                "font-display: swap; }\n")
        family = f'"ru-first-paint-sans", {family}'
    style = face + _STYLE.replace("{family}", family) + export.chart_box_style(
        chart.figure, f"#{ELEMENT_ID} .chart")
    return (f'<link rel="preload" as="image" href="{html.escape(narrow_src, quote=True)}" '
            f'media="{NARROW_MEDIA}" fetchpriority="high" />'
            f'<link rel="preload" as="image" href="{html.escape(wide_src, quote=True)}" '
            f'media="not all and {NARROW_MEDIA}" fetchpriority="high" />'
            f"<style>{style}</style>{_HANDOVER}")


def body_html(spec: ChartSpec, chart: Chart, publishers: Mapping[str, str], lang: Lang,
              wide_src: str, narrow_src: str, credits: CreditedTools) -> str:
    """The chart-only layout as the static chart page has it, every text escaped. The footer's
    links work once Streamlit has taken over; until then they are its labels."""
    notes = "".join(f'<p class="note">{html.escape(t("frame.note", lang))}: '
                    f"{html.escape(note)}</p>" for note in chart.notes)
    footer = "".join(f"<span>{html.escape(t(key, lang))}</span>"
                     for key in ("embed_frame.get_data", "embed_frame.full_dashboard"))
    return (f'<main id="{ELEMENT_ID}">'
            f"<h1>{html.escape(chart.title)}</h1>"
            f'<p class="subtitle">{html.escape(chart.subtitle)}</p>'
            f'<div class="chart"><picture><source media="{NARROW_MEDIA}" '
            f'srcset="{html.escape(narrow_src, quote=True)}">'
            f'<img src="{html.escape(wide_src, quote=True)}" '
            f'alt="{html.escape(chart.description, quote=True)}" fetchpriority="high" '
            'onload="__ruStartApp()" onerror="__ruStartApp()"></picture></div>'
            f'<p class="source">{export.source_html(publishers, credits, lang)}</p>{notes}'
            f'<p class="links">{footer}</p></main>')


# Streamlit's front end as its page lists it: the entry module and the modules it preloads.
_APP_SCRIPT = re.compile(r'<script type="module" crossorigin src="([^"]+)"></script>')
_APP_PRELOAD = re.compile(r'<link rel="modulepreload" crossorigin href="([^"]+)"\s*/?>')
APP_START_TIMEOUT_MS = 5000  # start the app anyway if the image has not arrived by then


def fits(document: str) -> bool:
    """Whether the page is Streamlit's as this module knows it: its root, and its entry module."""
    return '<div id="root">' in document and bool(_APP_SCRIPT.search(document))


def insert_body(document: str, paint: FirstPaint, first_preloads: Sequence[str] = ()) -> str:
    """Streamlit's page with the first paint's layout before its root, shown in its place.

    Streamlit's modules are asked for once the image has arrived: listed in the head, they would
    take the line first on a slow network (on the phone profile the image then came at 9 s, not 2 s).
    ``first_preloads`` are modules to ask for before Streamlit's own (the plotly chunk, which the
    chart waits for: asked for last, it arrived 4 s later on the phone profile).
    """
    scripts = _APP_SCRIPT.findall(document)
    preloads = list(first_preloads) + _APP_PRELOAD.findall(document)
    document = _APP_PRELOAD.sub("", _APP_SCRIPT.sub("", document))
    document = document.replace("</head>", _app_start(preloads, scripts) + "</head>", 1)
    document = document.replace('<div id="root">', f'{paint.body}<div id="root">', 1)
    return document.replace("<html", f'<html class="{SHOWING_CLASS}"', 1)


def _app_start(preloads: list[str], scripts: list[str]) -> str:
    """The script that adds Streamlit's modules to the page: called by the image's load or error
    event, or after ``APP_START_TIMEOUT_MS``."""
    return (
        "<script>(function () {\n"
        "  var started = false;\n"
        "  function add(tag, attribute, url, extra) {\n"
        "    var element = document.createElement(tag);\n"
        "    element.crossOrigin = '';\n"
        "    for (var key in extra) { element[key] = extra[key]; }\n"
        "    element[attribute] = url;\n"
        "    document.head.appendChild(element);\n"
        "  }\n"
        "  window.__ruStartApp = function () {\n"
        "    if (started) { return; }\n"
        "    started = true;\n"
        f"    {export._js(preloads)}.forEach(function (url) {{\n"
        "      add('link', 'href', url, {rel: 'modulepreload'}); });\n"
        f"    {export._js(scripts)}.forEach(function (url) {{\n"
        "      add('script', 'src', url, {type: 'module'}); });\n"
        "  };\n"
        f"  setTimeout(window.__ruStartApp, {APP_START_TIMEOUT_MS});\n"
        "})();</script>")


def refresh(out: Path = PREVIEWS_DIR) -> dict:
    """Make every chart's first-paint images, default view, each language, with kaleido and
    Debian's Chromium, and write the manifest; images no longer listed are removed."""
    from components.data.package import read_package
    from components.publish.static_export import NARROW_PREVIEW_WIDTH
    from components.registry import CHARTS

    data = read_package()
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {}
    jobs = [(spec, lang) for spec in CHARTS for lang in LANGS]
    for number, (spec, lang) in enumerate(jobs, 1):
        print(f"[{number}/{len(jobs)}] {spec.chart_id} ({lang})", flush=True)
        chart = spec.make(data, dict(spec.defaults), lang)
        entry = {"figure": figure_digest(chart)}
        for kind, width in (("wide", export.SNIPPET_WIDTH), ("narrow", NARROW_PREVIEW_WIDTH)):
            image, ext = export.preview_image(chart, width)
            name = f"{spec.chart_id}-{lang}-{kind}-{hashlib.sha256(image).hexdigest()[:12]}.{ext}"
            (out / name).write_bytes(image)
            entry[kind] = name
        manifest.setdefault(spec.chart_id, {})[lang] = entry
    kept = _listed(manifest)
    for old in out.iterdir():
        if old.suffix in MEDIA_TYPES and old.name not in kept:
            old.unlink()
    (out / MANIFEST_PATH.name).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    return manifest


if __name__ == "__main__":
    made = refresh()
    print(f"{sum(len(langs) for langs in made.values())} first paints written to {PREVIEWS_DIR}")
