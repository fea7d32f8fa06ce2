"""Fixes to Streamlit's front end, made to its bundles as the app serves them.

Streamlit 1.67's plotly element mounts the chart before its container has been measured (width
-1) and draws it then, hidden (``visibility: hidden``), at plotly's own default size; once the
container's width is known, a moment later, it draws the chart again, shown. Every chart is
drawn twice on every first visit, and the first draw is thrown away: 0.1-0.2 s of main thread
per chart on the bench machine, four times that on the phone profile, before any chart is
visible. ``DRAW_ONCE`` mounts the chart once the width is known, so it is drawn once, shown, at
its width; a hidden container (width 0) waits, as before.

Streamlit loads that element with ``React.lazy``, which suspends on first use even when the
module is already there (link previews import it early, ``front_end.warm_chart_library``): the
element's skeleton is committed, and React holds back the chart's reveal after a fallback (by up to
500 ms, to avoid flicker), 0.15-0.2 s on the bench machine. ``SETTLED_CHART_MODULE`` hands
React the module the early import left in ``window.<PLOTLY_MODULE_GLOBAL>`` as an already
settled thenable, so the first use does not suspend; without it, the element loads as it ships.

Each fix replaces one exact piece of one content-hashed bundle. The bundle's name names its
content, so a fixed bundle is the same bytes for as long as the name is served. If a Streamlit
upgrade changes the bundle, the piece is no longer found in exactly one file: the bundle is
then served as it ships (what the fix saved is lost, nothing breaks), the log says so, and a
unit test (tests/unit/streamlit_compat/test_bundle_fixes.py) fails until the fix is redone or
dropped.

This ASGI middleware sits inside ``components.web.compression.Compression``, which compresses
the fixed bundle once and keeps it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from components.streamlit_compat import Shim, front_end
from components.streamlit_compat.front_end import PLOTLY_MODULE_GLOBAL

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BundleFix:
    shim: Shim
    bundle: Callable[[], str | None]  # the bundle's file name under static/js, from the manifest
    old: Callable[[str], bytes]  # exactly once in the bundle (given the plotly chunk's name)
    new: Callable[[str], bytes]


# The plotly element's wrapper (`Ye` in the minified bundle) renders the chart when the
# fullscreen frame's width is truthy, and -1 ("not measured yet") is truthy.
DRAW_ONCE = BundleFix(
    Shim("plotly-draw-once", "1.67.0",
         why="Streamlit draws every chart twice on a first visit, first hidden at plotly's "
             "default size: 0.17-0.19 s sooner to charts on the pages with 2-3 charts (paired "
             "runs).",
         remove_when="Streamlit's PlotlyChart waits for a measured width (width > 0)."),
    bundle=front_end.plotly_chunk,
    old=lambda chunk: b"return t?i(Je,{width:t,...e}):null",
    new=lambda chunk: b"return t>0?i(Je,{width:t,...e}):null",
)
# The entry bundle's lazy plotly element: `(0,U.lazy)(()=>H(()=>import(chunk),deps,meta))`, H
# being Vite's preload helper.
SETTLED_CHART_MODULE = BundleFix(
    Shim("settled-chart-module", "1.67.0",
         why="React.lazy suspends on first use even when the early import has the module, and "
             "React then holds the chart's reveal back by 0.15-0.2 s after the skeleton.",
         remove_when="Streamlit's lazy chart element no longer suspends on a loaded module, or "
                     "the early import (front_end.EARLY_CHART_IMPORT) goes."),
    bundle=front_end.entry_module,
    old=lambda chunk: f"(0,U.lazy)(()=>H(()=>import(`./{chunk}`)".encode(),
    new=lambda chunk: (f"(0,U.lazy)(()=>window.{PLOTLY_MODULE_GLOBAL}?"
                       f"{{then:r=>r(window.{PLOTLY_MODULE_GLOBAL})}}:"
                       f"H(()=>import(`./{chunk}`)").encode(),
)
FIXES = (DRAW_ONCE, SETTLED_CHART_MODULE)
SHIMS = tuple(fix.shim for fix in FIXES)


def fixable(fix: BundleFix, source: bytes, chunk: str) -> bool:
    return source.count(fix.old(chunk)) == 1


def apply(fix: BundleFix, source: bytes, chunk: str) -> bytes:
    return (source.replace(fix.old(chunk), fix.new(chunk), 1) if fixable(fix, source, chunk)
            else source)


@cache
def fixes_by_bundle() -> dict[str, BundleFix]:
    """The fixes that apply to the Streamlit installed, by bundle file name. A fix whose shim is
    off, or whose piece is not exactly once in its bundle, is left out, and logged."""
    found = {}
    chunk = front_end.plotly_chunk() or ""
    for fix in FIXES:
        if not fix.shim.active:
            continue
        name = fix.bundle()
        if name and chunk and fixable(fix, front_end.file_path(name).read_bytes(), chunk):
            found[name] = fix
        else:
            log.warning("Streamlit's bundle %s is not the one the fix %r was written for; serving "
                        "it unchanged (components/streamlit_compat/bundle_fixes.py)", name,
                        fix.shim.name)
    return found


def _bundle(path: str) -> str | None:
    """The file name if ``path`` asks for a bundle under ``/static/js/`` (any base path)."""
    head, _, name = path.rpartition("/")
    return name if head.endswith("/static/js") else None


class FrontendFixes:
    """ASGI middleware: the bundles in ``FIXES`` go out fixed; all other traffic is untouched."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        name = (_bundle(scope.get("path", "")) if scope["type"] == "http"
                and scope.get("method") == "GET" else None)
        fix = fixes_by_bundle().get(name) if name else None
        if fix is None or any(key.lower() == b"range" for key, _ in scope.get("headers", [])):
            await self.app(scope, receive, send)
            return
        # Ask for the bundle as it ships: the fix is made on its bytes.
        scope = {**scope, "headers": [(key, value) for key, value in scope.get("headers", [])
                                      if key.lower() != b"accept-encoding"]}
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = start.get("headers", [])
            if start.get("status") == 200:
                body = apply(fix, body, front_end.plotly_chunk() or "")
                # The shipped bundle's ETag names other bytes than these.
                headers = [(key, value) for key, value in headers
                           if key.lower() not in (b"content-length", b"etag")]
                headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)
