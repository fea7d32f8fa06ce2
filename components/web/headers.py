"""Security headers on every HTTP answer, and Streamlit's metrics endpoint closed.

- ``Content-Security-Policy``: everything from the app's own origin. Streamlit's front end needs
  inline styles (emotion), the pages carry a few inline scripts (components/web/link_previews.py,
  static/embed-height.js inlined into embeds), plotly's WebGL and workers come from ``blob:``,
  and images from ``data:``/``blob:``. No third party appears in any directive.
- ``frame-ancestors``: a dashboard page can be framed only by the app itself; an embed
  (``?embed=true``) and the static chart pages under ``/app/static/`` by any site, which is what
  they are for. ``X-Frame-Options: SAMEORIGIN`` says the same to browsers without CSP 2.
- ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: strict-origin-when-cross-origin``.
- ``/_stcore/metrics`` (Streamlit's session and cache counts) answers 404 to every client but
  one on the machine itself (a loopback peer: an operator's scraper, ``make scale-test`` counting
  sessions per replica). Behind a proxy on another host (compose, Kubernetes) no reader reaches
  it, and the proxy denies it too (deploy/haproxy/haproxy.cfg).

A header the inner app already set is left as it is.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse

CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' blob: data:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
FRAMEABLE_BY_ANY = "frame-ancestors *"
FRAMEABLE_BY_SELF = "frame-ancestors 'self'"
METRICS_PATH = "/_stcore/metrics"
# Served to be framed anywhere: the static chart pages (static/, at /app/static/).
FRAMEABLE_PREFIXES = ("/app/static/",)


def content_security_policy(frameable: bool) -> str:
    return "; ".join((*CSP_DIRECTIVES, FRAMEABLE_BY_ANY if frameable else FRAMEABLE_BY_SELF))


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def is_metrics(path: str) -> bool:
    return path.rstrip("/").endswith(METRICS_PATH)


def from_loopback(scope) -> bool:
    """The connection's peer is this machine (the socket's, not a forwarded header's)."""
    client = scope.get("client") or ("", 0)
    host = client[0] or ""
    return host in LOOPBACK or host.startswith("127.") or host == "::ffff:127.0.0.1"


def is_frameable(path: str, query_string: bytes | str) -> bool:
    """An embed URL (``embed=true``, as Streamlit reads it) or a static chart page."""
    if isinstance(query_string, bytes):
        query_string = query_string.decode("latin-1")
    embed = parse_qs(query_string).get("embed", [])
    if any(value.lower() == "true" for value in embed):
        return True
    return any(prefix in path for prefix in FRAMEABLE_PREFIXES)


def security_headers(path: str, query_string: bytes | str) -> dict[str, str]:
    frameable = is_frameable(path, query_string)
    headers = {
        "Content-Security-Policy": content_security_policy(frameable),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if not frameable:
        headers["X-Frame-Options"] = "SAMEORIGIN"
    return headers


class SecurityHeaders:
    """ASGI middleware: the headers above on every HTTP answer; 404 for the metrics path, but
    to a loopback peer."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        added = security_headers(path, scope.get("query_string", b""))

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in added.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        if is_metrics(path) and not from_loopback(scope):
            await PlainTextResponse("not found", status_code=404)(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)
