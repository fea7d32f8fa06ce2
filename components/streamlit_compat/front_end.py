"""Streamlit's front end as it ships: its files, its build manifest, and its ``index.html``.

The app's pages ask for the plotly.js chunk early, and a live embed's HTML carries its chart as an
image until Streamlit has drawn it (``components.web.link_previews``). Both need to know which of
Streamlit's content-hashed files are which, and the shape of the page Streamlit serves. The files
come from Vite's build manifest (``static/manifest.json``: each module's file and its static
imports); only the page itself is read as text, to move its script tags.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from components.streamlit_compat import Shim
from components.text.safe_text import js_literal

PRELOADS = Shim(
    "plotly-chunk-preload", "1.67.0",
    why="Streamlit asks for its plotly.js chunk (4.7 MB) only once a chart's message has "
        "arrived; a modulepreload of it and of the three modules it imports that the page does "
        "not preload lets the browser fetch and compile it while the page starts (0.2 s saved "
        "on a first visit to the Overview, Chromium trace).",
    remove_when="Streamlit preloads the chunk of an element the page is about to draw.")
FIRST_PAINT = Shim(
    "embed-first-paint", "1.67.0",
    why="A live embed's HTML shows its chart as an image before Streamlit's 2.5 MB front end "
        "boots (about 2 s on the phone profile against 15-20 s), then hands over once "
        "Streamlit's chart is drawn: it moves the page's module scripts and reads Streamlit's "
        "DOM (stApp's script state) to know when.",
    remove_when="Streamlit renders an element's first paint on the server (no such plan).")
BACKEND_ADDRESS = Shim(
    "backend-base-url", "1.67.0",
    why="Left to itself, Streamlit's front end takes a page's path (/overview) for a possible "
        "base URL path, asks /overview/_stcore/health, is refused and waits 100 ms: setting "
        "window.__streamlit.BACKEND_BASE_URL opens the websocket 0.1-0.15 s sooner.",
    remove_when="Streamlit's front end knows the app's page paths before probing.")
EARLY_CHART_IMPORT = Shim(
    "early-plotly-import", "1.67.0",
    why="Evaluating plotly.js (0.9 s of main thread) while the server runs the page's script "
        "instead of after the page's other elements: 0.02-0.13 s sooner to all charts drawn "
        "(paired runs of make bench's page timing).",
    remove_when="Streamlit imports its chart module while it waits for the script's answer.")
SHIMS = (PRELOADS, FIRST_PAINT, BACKEND_ADDRESS, EARLY_CHART_IMPORT)

PLOTLY_MODULE_GLOBAL = "__dashboardPlotlyChart"  # where the early import leaves the chart module
_ENTRY = "index.html"
_PLOTLY_ELEMENT = "PlotlyChart"
_FONT = "src/assets/fonts/Source_Sans/SourceSansVF-Upright.ttf.woff2"


def front_end_dir() -> Path:
    """The folder Streamlit serves its front end from: ``index.html``, ``manifest.json`` and
    ``static/`` (found without importing Streamlit)."""
    return Path(find_spec("streamlit").origin).parent / "static"


@cache
def manifest() -> dict:
    """Vite's build manifest of the installed Streamlit; {} if it has none."""
    try:
        return json.loads((front_end_dir() / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def file_path(name: str) -> Path:
    """One of Streamlit's module files (``PlotlyChart.D9Z0_fxz.js``) on disk."""
    return front_end_dir() / "static" / "js" / name


def _file_name(key: str) -> str | None:
    entry = manifest().get(key)
    return entry["file"].rsplit("/", 1)[-1] if entry and "file" in entry else None


def _imports(key: str) -> list[str]:
    """The manifest keys ``key`` imports statically, transitively, in order of first import."""
    found: list[str] = []
    queue = list(manifest().get(key, {}).get("imports", ()))
    while queue:
        item = queue.pop(0)
        if item not in found:
            found.append(item)
            queue += manifest().get(item, {}).get("imports", ())
    return found


def entry_module() -> str | None:
    """The file name of Streamlit's entry module, which ``index.html`` loads."""
    return _file_name(_ENTRY)


def page_modules() -> list[str]:
    """The modules Streamlit's page loads at once: its entry and the modules it preloads."""
    entry = entry_module()
    return ([entry] if entry else []) + [_file_name(key) for key in _imports(_ENTRY)
                                         if _file_name(key)]


def _plotly_key() -> str | None:
    return next((key for key, entry in manifest().items()
                 if entry.get("name") == _PLOTLY_ELEMENT and entry.get("isDynamicEntry")), None)


def plotly_chunk() -> str | None:
    """The file name of the plotly.js chunk in Streamlit's front end (content-hashed)."""
    key = _plotly_key()
    return _file_name(key) if key else None


@cache
def plotly_chunk_imports() -> tuple[str, ...]:
    """The modules the plotly chunk imports that Streamlit's page does not load already.

    Streamlit fetches them only once it imports the chunk; by then the server is running the
    page's script, and three files of 0.4-1.3 KB took 200 ms to come back (Chromium trace of a
    first visit to the overview), time in which the chunk could not be evaluated.
    """
    key = _plotly_key()
    if key is None:
        return ()
    loaded = {_ENTRY, *_imports(_ENTRY)}
    return tuple(_file_name(item) for item in _imports(key)
                 if item not in loaded and _file_name(item))


def plotly_module_urls() -> list[str]:
    """The plotly chunk and the modules it imports that Streamlit's page does not, as the page
    asks for them (``./static/js/...``), the chunk first; none if the shim is off or Streamlit
    has no such chunk."""
    chunk = plotly_chunk() if PRELOADS.active else None
    return [f"./static/js/{module}" for module in (chunk, *plotly_chunk_imports())] if chunk else []


def font_file() -> str | None:
    """Streamlit's own Source Sans file (its page preloads it), under ``static/media/``."""
    entry = manifest().get(_FONT)
    return entry["file"].rsplit("/", 1)[-1] if entry else None


# --- The page Streamlit serves -------------------------------------------------------------------

_APP_SCRIPT = re.compile(r'<script type="module" crossorigin src="([^"]+)"></script>')
_APP_PRELOAD = re.compile(r'<link rel="modulepreload" crossorigin href="([^"]+)"\s*/?>')
APP_START_TIMEOUT_MS = 5000  # start the app anyway if the image has not arrived by then


def fits(document: str) -> bool:
    """Whether the page is Streamlit's as this module knows it: its root, and its entry module,
    on the release the first paint was made for."""
    return (FIRST_PAINT.active and '<div id="root">' in document
            and bool(_APP_SCRIPT.search(document)))


def insert_first_paint(document: str, head: str, body: str, showing_class: str,
                       start_function: str, first_preloads: Sequence[str] = ()) -> str:
    """Streamlit's page with a first paint's ``head`` and ``body`` before its root, shown in its
    place (``<html class=showing_class>``).

    Streamlit's modules are asked for once the image has arrived (it calls ``start_function``): listed
    in the head, they would take the line first on a slow network (on the phone profile the image
    then came at 9 s, not 2 s). ``first_preloads`` are modules to ask for before Streamlit's own
    (the plotly chunk, which the chart waits for: asked for last, it arrived 4 s later on the
    phone profile).
    """
    scripts = _APP_SCRIPT.findall(document)
    preloads = list(first_preloads) + _APP_PRELOAD.findall(document)
    document = _APP_PRELOAD.sub("", _APP_SCRIPT.sub("", document))
    document = document.replace("</head>", head + _app_start(preloads, scripts, start_function)
                                + "</head>", 1)
    document = document.replace('<div id="root">', f'{body}<div id="root">', 1)
    return document.replace("<html", f'<html class="{showing_class}"', 1)


def _app_start(preloads: list[str], scripts: list[str], start_function: str) -> str:
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
        f"  window.{start_function} = function () {{\n"
        "    if (started) { return; }\n"
        "    started = true;\n"
        f"    {js_literal(preloads)}.forEach(function (url) {{\n"
        "      add('link', 'href', url, {rel: 'modulepreload'}); });\n"
        f"    {js_literal(scripts)}.forEach(function (url) {{\n"
        "      add('script', 'src', url, {type: 'module'}); });\n"
        "  };\n"
        f"  setTimeout(window.{start_function}, {APP_START_TIMEOUT_MS});\n"
        "})();</script>")


HANDOVER_GIVE_UP_MS = 60_000  # longer than a slow phone takes to draw (about 20 s)


def handover_script(element_id: str, showing_class: str, content_key: str,
                    chart_key_prefix: str) -> str:
    """Hands a first paint over to Streamlit: once its chart is drawn and shown, or its run has
    ended with no chart to draw.

    Until then the image stays, rather than a blank frame: Streamlit has the chart's element on
    the page while plotly.js is still loading (about a second, 15 s on a slow phone), and draws
    the chart first hidden until it knows its width. The chart's own inline style says so; its
    computed visibility would not, as the first paint hides all of #root meanwhile. If plotly.js
    never arrives (the element stays a skeleton), Streamlit takes over after
    ``HANDOVER_GIVE_UP_MS`` anyway, so its links work. An iframe sandboxed without
    allow-same-origin never starts Streamlit; there the page's own notice is shown at once.
    """
    return f"""<script>(function () {{
  var root = document.documentElement, timer = null;
  function show() {{
    var paint = document.getElementById("{element_id}");
    if (paint) {{ paint.remove(); }}
    root.classList.remove("{showing_class}");
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
        && document.querySelector("#root .st-key-{content_key}")
        && !document.querySelector('#root [class*="st-key-{chart_key_prefix}"]')) {{ show(); }}
  }}
  // A look every 200 ms, rather than after each of the thousands of changes Streamlit makes to
  // the page as it boots.
  timer = setInterval(check, 200);
}})();</script>"""


def server_address(page: str | None) -> str:
    """A classic inline script that tells Streamlit's front end where its server is, for one of
    the app's pages (``page``: its path without slashes, "" for the root; None: not a page of
    the app, left to Streamlit).

    The address goes in ``window.__streamlit.BACKEND_BASE_URL``, the setting Streamlit reads for
    hosts that know where its server is. It is made in the browser from the address the reader
    opened, less the page, so it holds behind a proxy that serves the app under a path of its own.
    """
    if page is None or not BACKEND_ADDRESS.active:
        return ""
    return ("<script>(function(){if(window.__streamlit)return;"
            f"var page={js_literal(page)},path=location.pathname.replace(/\\/+$/,'');"
            "if(page){if(path.slice(-page.length-1)!=='/'+page)return;"
            "path=path.slice(0,-page.length-1);}"
            "window.__streamlit={BACKEND_BASE_URL:location.origin+path+'/'};})();</script>")


def warm_chart_library(chunk_url: str) -> str:
    """A classic inline script that imports the plotly chunk once Streamlit has sent its first
    websocket message (the request to run the page's script).

    Between that message and the script's answer the main thread waits for the server; the
    evaluation now happens in that wait. The import is the one Streamlit makes later (the
    browser evaluates a module once); if it fails, Streamlit's own import reports as before.
    The module is left in a global, which Streamlit's lazy element takes instead of suspending
    (``bundle_fixes.SETTLED_CHART_MODULE``).
    """
    if not EARLY_CHART_IMPORT.active:
        return ""
    return ("<script>(function(){var socket=window.WebSocket;if(!socket)return;"
            "var send=socket.prototype.send;socket.prototype.send=function(){"
            "socket.prototype.send=send;var sent=send.apply(this,arguments);"
            f"setTimeout(function(){{import({js_literal(chunk_url)}).then(function(module){{"
            f"window.{PLOTLY_MODULE_GLOBAL}=module;}}).catch(function(){{}});}},0);"
            "return sent;};})();</script>")
