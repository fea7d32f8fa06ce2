"""One HTTP request through an ASGI app, for the middleware tests: the answer's headers
(lower-cased names) and its whole body."""

import asyncio


def request(app, path: str, encoding: str | None = "gzip", method: str = "GET",
            scope_type: str = "http") -> tuple[dict, bytes]:
    headers = [(b"accept-encoding", encoding.encode())] if encoding else []
    scope = {"type": scope_type, "method": method, "path": path, "headers": headers,
             "query_string": b"", "root_path": ""}
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {k.lower(): v for k, v in start["headers"]}, body
