"""The bundle locks: one request compresses a bundle while the others wait for it, and no lock
outlives the requests that use it, whatever the answer (a 404 is never cached)."""

import asyncio
import gzip

from components.web.compression import Compression

BUNDLE = "/static/js/PlotlyChart.D9Z0_fxz.js"
GZIP = [(b"accept-encoding", b"gzip")]


def serve_all(app, paths):
    """Every path requested at once in one event loop: each answer's headers and body."""

    async def one(path):
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        await app({"type": "http", "method": "GET", "path": path, "headers": GZIP,
                   "query_string": b"", "root_path": ""}, receive, send)
        start = next(m for m in sent if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return {k.lower(): v for k, v in start["headers"]}, body

    async def run():
        return await asyncio.gather(*(one(path) for path in paths))

    return asyncio.run(run())


def slow_app(status: int, body: bytes, calls: list):
    """An app that gives way to the loop before answering, so the requests overlap."""

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/javascript"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    return app


def test_a_thousand_missing_bundles_leave_no_lock_behind():
    calls = []
    app = Compression(slow_app(404, b"not found " * 100, calls), base_path="")
    paths = [f"/static/js/Missing{n}.D9Z0_fxz.js" for n in range(1000)]
    answers = serve_all(app, paths)
    assert len(calls) == 1000
    assert all(b"content-encoding" not in headers for headers, _body in answers)
    assert app._locks == {}
    assert not app._cache


def test_concurrent_requests_for_one_bundle_compress_it_once():
    body = b"var plotly = 1;\n" * 4000
    calls = []
    app = Compression(slow_app(200, body, calls), base_path="")
    answers = serve_all(app, [BUNDLE] * 20)
    assert calls == [BUNDLE]
    for headers, sent in answers:
        assert headers[b"content-encoding"] == b"gzip"
        assert gzip.decompress(sent) == body
    assert app._locks == {}


def test_concurrent_requests_for_a_missing_bundle_each_get_the_404_and_leave_no_lock():
    calls = []
    app = Compression(slow_app(404, b"not found " * 100, calls), base_path="")
    answers = serve_all(app, [BUNDLE] * 5)
    assert len(calls) == 5
    assert all(body == b"not found " * 100 for _headers, body in answers)
    assert app._locks == {}
