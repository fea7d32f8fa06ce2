"""Responses go out gzip-compressed to browsers that accept it; bundles are compressed once."""

import asyncio
import gzip

from components.web.compression import Compression, accepts_gzip, compressible
from tests.unit.asgi_request import request

BUNDLE = "/static/js/PlotlyChart.D9Z0_fxz.js"


def fake_app(body: bytes, content_type: bytes = b"application/javascript", calls=None):
    async def app(scope, receive, send):
        if calls is not None:
            calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type),
                                (b"content-length", str(len(body)).encode()),
                                (b"etag", b'"abc"'), (b"cache-control", b"immutable")]})
        await send({"type": "http.response.body", "body": body})
    return app


def test_gzip_is_accepted_unless_refused():
    assert accepts_gzip({b"accept-encoding": b"gzip, deflate, br"})
    assert accepts_gzip({b"accept-encoding": b"br;q=1, *;q=0.5"})
    assert not accepts_gzip({b"accept-encoding": b"gzip;q=0"})
    assert not accepts_gzip({})


def test_text_types_are_compressible_and_fonts_and_images_are_not():
    for content_type in ("text/html; charset=utf-8", "application/javascript", "text/css",
                         "application/json", "image/svg+xml"):
        assert compressible(content_type), content_type
    for content_type in ("font/woff2", "image/png", "image/webp"):
        assert not compressible(content_type), content_type


def test_a_bundle_is_compressed_once_and_then_served_from_memory():
    body = b"var plotly = 1;\n" * 4000
    calls = []
    app = Compression(fake_app(body, calls=calls), base_path="")
    for _ in range(3):
        headers, sent = request(app, BUNDLE)
        assert headers[b"content-encoding"] == b"gzip"
        assert int(headers[b"content-length"]) == len(sent) < len(body) / 10
        assert gzip.decompress(sent) == body
        assert headers[b"cache-control"] == b"immutable" and b"etag" not in headers
    assert calls == [BUNDLE]


def test_a_browser_that_does_not_accept_gzip_gets_the_bytes_as_they_are():
    body = b"x" * 5000
    headers, sent = request(Compression(fake_app(body), base_path=""), BUNDLE, encoding=None)
    assert b"content-encoding" not in headers and sent == body


def test_html_and_json_are_compressed_on_the_way_out():
    for path, content_type in (("/", b"text/html; charset=utf-8"),
                               ("/oembed", b"application/json")):
        body = b"<p>text</p>" * 200
        headers, sent = request(Compression(fake_app(body, content_type), base_path=""), path)
        assert headers[b"content-encoding"] == b"gzip", path
        assert gzip.decompress(sent) == body


def test_fonts_are_left_as_they_are():
    body = b"\x00woff2" * 2000
    headers, sent = request(Compression(fake_app(body, b"font/woff2"), base_path=""),
                            "/static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2")
    assert b"content-encoding" not in headers and sent == body


def test_a_bundle_under_a_base_url_path_is_recognised():
    body = b"a" * 5000
    calls = []
    app = Compression(fake_app(body, calls=calls), base_path="/news/charts/")
    for _ in range(2):
        headers, _sent = request(app, "/news/charts" + BUNDLE)
        assert headers[b"content-encoding"] == b"gzip"
    assert len(calls) == 1


def test_websockets_pass_through_untouched():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    async def run():
        await Compression(app, base_path="")({"type": "websocket", "path": "/_stcore/stream",
                                              "headers": [(b"accept-encoding", b"gzip")]},
                                             None, None)

    asyncio.run(run())
    assert seen == ["websocket"]
