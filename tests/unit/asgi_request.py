"""One HTTP request through an ASGI app, for the middleware and route tests: the answer's status,
headers (lower-cased names) and its whole body."""

import asyncio


def _run(app, scope: dict) -> tuple[dict, list[dict]]:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start, sent


def _body(sent: list[dict]) -> bytes:
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def request(app, path: str, encoding: str | None = "gzip", method: str = "GET",
            scope_type: str = "http") -> tuple[dict, bytes]:
    headers = [(b"accept-encoding", encoding.encode())] if encoding else []
    scope = {"type": scope_type, "method": method, "path": path, "headers": headers,
             "query_string": b"", "root_path": ""}
    start, sent = _run(app, scope)
    return {k.lower(): v for k, v in start["headers"]}, _body(sent)


def route_request(routes, path: str, query: str = "", host: str = "127.0.0.1"
                  ) -> tuple[int, dict[str, str], bytes]:
    """A GET through a Starlette app of ``routes``, as the request arrived at ``host``."""
    from starlette.applications import Starlette

    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "", "scheme": "http",
             "headers": [(b"host", host.encode())], "server": ("127.0.0.1", 80)}
    start, sent = _run(Starlette(routes=routes), scope)
    return (start["status"], {k.decode().lower(): v.decode() for k, v in start["headers"]},
            _body(sent))
