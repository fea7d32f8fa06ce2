"""Compressed responses: HTML, JavaScript, CSS, JSON and SVG go out gzip-compressed to browsers
that accept it.

Streamlit 1.67 compresses some responses itself (its ``SelectiveGZipMiddleware``), but on purpose
never the root document and never its front-end bundles under ``/static/``: Starlette's gzip
recompresses a body on every request, and Streamlit expects a proxy or CDN in front to compress
and cache. Served as it ships, a cold embed therefore costs 9.2 MB, 4.7 MB of it the plotly.js
chunk alone (1.4 MB gzipped). This ASGI middleware, outermost on the ``st.App``, closes the gap
without paying the CPU on every request:

- Streamlit's bundles (``/static/js|css|media/<name>.<hash>.<ext>``, content-hashed and served
  ``immutable``) are compressed once per process, on first request, in a worker thread, and then
  served from memory (bounded by ``CACHE_BYTES``);
- everything else (the page HTML, which link previews rewrite, the JSON routes, ``/app/static``)
  goes through Starlette's ``GZipMiddleware``, which leaves a response that is already encoded
  (by Streamlit's own middleware) as it is.

Websockets, ranges, conditional requests and HEAD pass through untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import re
from collections import OrderedDict

import anyio.to_thread
from starlette.middleware.gzip import GZipMiddleware

MINIMUM_SIZE = 500  # bytes; smaller responses gain nothing from compression
LEVEL = 6  # level 9 saves 0.2 % on plotly.js for 30 % more CPU
CACHE_BYTES = 64 * 1024 * 1024  # compressed bundles kept in memory (a cold embed needs ~3 MB)
COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json",
                      "application/manifest+json", "image/svg+xml", "application/xml")
# Streamlit's own content-hashed assets: "/static/js/PlotlyChart.D9Z0_fxz.js".
_HASHED_ASSET = re.compile(r"^/static/(?:js|css|media)/[^/]+\.[A-Za-z0-9_-]{6,}\.(?:js|css|svg)$")


def accepts_gzip(headers: dict[bytes, bytes]) -> bool:
    """Whether the request's Accept-Encoding names gzip (and does not refuse it with q=0)."""
    for part in headers.get(b"accept-encoding", b"").decode("latin-1").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in ("gzip", "*"):
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def compressible(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower().startswith(COMPRESSIBLE_TYPES)


def _asset_path(scope, base_path: str) -> str | None:
    """The request path inside the app (base URL path removed) if it names a hashed bundle."""
    path = scope.get("path", "")
    prefix = scope.get("root_path", "") or base_path
    if prefix and path.startswith(prefix.rstrip("/") + "/"):
        path = path[len(prefix.rstrip("/")):]
    return path if _HASHED_ASSET.match(path) else None


class Compression:
    """ASGI middleware: gzip for browsers that accept it; hashed bundles compressed once."""

    def __init__(self, app, base_path: str | None = None, cache_bytes: int = CACHE_BYTES):
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_SIZE, compresslevel=LEVEL)
        self._base_path = base_path  # None: Streamlit's server.baseUrlPath, read on first use
        self.cache_bytes = cache_bytes
        self._cache: OrderedDict[str, tuple[int, list, bytes]] = OrderedDict()
        self._cached_bytes = 0
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}  # the lock, requests using it

    @property
    def base_path(self) -> str:
        if self._base_path is None:
            from streamlit import config

            self._base_path = config.get_option("server.baseUrlPath") or ""
        return "/" + self._base_path.strip("/") if self._base_path.strip("/") else ""

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":  # websockets and lifespan pass straight through
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        if not accepts_gzip(headers):
            await self.app(scope, receive, send)
            return
        asset = _asset_path(scope, self.base_path)
        if (asset is None or scope.get("method") != "GET" or b"range" in headers
                or b"if-none-match" in headers or b"if-modified-since" in headers):
            await self.gzip(scope, receive, send)
            return
        entry = self._cache.get(asset)
        if entry is None:
            async with self._exclusive(asset):  # many readers after a deploy compress it once
                entry = self._cache.get(asset) or await self._compress(scope, receive, send, asset)
            if entry is None:  # not cacheable: already answered as it came
                return
        self._cache.move_to_end(asset)
        status, start_headers, body = entry
        await send({"type": "http.response.start", "status": status, "headers": start_headers})
        await send({"type": "http.response.body", "body": body})

    @contextlib.asynccontextmanager
    async def _exclusive(self, asset: str):
        """One request at a time for ``asset``; its lock is kept only while a request holds or
        awaits it, so paths that never become cacheable (404s, errors) leave nothing behind."""
        lock, users = self._locks.get(asset, (asyncio.Lock(), 0))
        self._locks[asset] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[asset]
            if users == 1:
                del self._locks[asset]
            else:
                self._locks[asset] = (lock, users - 1)

    async def _compress(self, scope, receive, send, asset: str) -> tuple[int, list, bytes] | None:
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        raw_headers = start.get("headers", [])
        named = {key.lower(): value for key, value in raw_headers}
        body = b"".join(chunks)
        if (start.get("status") != 200 or b"content-encoding" in named or len(body) < MINIMUM_SIZE
                or not compressible(named.get(b"content-type", b"").decode("latin-1"))):
            await send({"type": "http.response.start", "status": start.get("status", 500),
                        "headers": raw_headers})
            await send({"type": "http.response.body", "body": body})
            return None
        packed = await anyio.to_thread.run_sync(gzip.compress, body, LEVEL)
        headers = [(key, value) for key, value in raw_headers
                   if key.lower() not in (b"content-length", b"etag", b"vary")]
        headers += [(b"content-encoding", b"gzip"), (b"content-length", str(len(packed)).encode()),
                    (b"vary", b"Accept-Encoding")]
        entry = (200, headers, packed)
        if len(packed) <= self.cache_bytes:
            self._cache[asset] = entry
            self._cached_bytes += len(packed)
            while self._cached_bytes > self.cache_bytes:
                _, (_, _, dropped) = self._cache.popitem(last=False)
                self._cached_bytes -= len(dropped)
        return entry
