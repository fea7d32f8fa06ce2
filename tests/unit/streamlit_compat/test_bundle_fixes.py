"""Streamlit's plotly bundle goes out with its chart mounted once the width is known; nothing
else the app serves is touched."""

import dataclasses
import gzip
import logging

from components.streamlit_compat import bundle_fixes as frontend_fixes
from components.streamlit_compat.bundle_fixes import (
    DRAW_ONCE,
    FIXES,
    SETTLED_CHART_MODULE,
    FrontendFixes,
)
from components.streamlit_compat.front_end import (
    PLOTLY_MODULE_GLOBAL,
    file_path,
    plotly_chunk,
    warm_chart_library,
)
from components.web.compression import Compression
from tests.unit.asgi_request import request

CHUNK = plotly_chunk()


def installed_bundle(fix) -> tuple[str | None, bytes]:
    """The bundle of the installed Streamlit that the manifest names for the fix, and its bytes."""
    name = fix.bundle()
    return name, file_path(name).read_bytes() if name else b""


def fake_streamlit(files: dict[str, bytes], seen: list | None = None):
    async def app(scope, receive, send):
        if seen is not None:
            seen.append(dict(scope["headers"]))
        body = files.get(scope["path"], b"")
        await send({"type": "http.response.start", "status": 200 if body else 404,
                    "headers": [(b"content-type", b"application/javascript"),
                                (b"content-length", str(len(body)).encode()),
                                (b"cache-control", b"public, immutable")]})
        await send({"type": "http.response.body", "body": body})
    return app


def test_every_fix_finds_its_piece_exactly_once_in_the_installed_streamlit():
    # Fails after a Streamlit upgrade that changed a fixed bundle: redo the fix or drop it.
    for fix in FIXES:
        name, source = installed_bundle(fix)
        assert name, f"the manifest names no bundle for the fix {fix.shim.name!r}"
        assert source.count(fix.old(CHUNK)) == 1, f"redo the fix {fix.shim.name!r}: {name}"
        assert fix.new(CHUNK) not in source
    assert set(frontend_fixes.fixes_by_bundle()) == {installed_bundle(fix)[0] for fix in FIXES}


def test_the_plotly_bundle_is_served_fixed_with_its_new_length_under_any_base_path():
    name, source = installed_bundle(DRAW_ONCE)
    seen = []
    for path in (f"/static/js/{name}", f"/news/dashboard/static/js/{name}"):
        headers, body = request(FrontendFixes(fake_streamlit({path: source}, seen)), path,
                            encoding="gzip, br")
        assert body == source.replace(DRAW_ONCE.old(CHUNK), DRAW_ONCE.new(CHUNK))
        assert int(headers[b"content-length"]) == len(body) == len(source) + 2
        assert headers[b"cache-control"] == b"public, immutable"
    assert all(b"accept-encoding" not in headers for headers in seen)  # fixed as it ships


def test_the_fixed_bundle_is_what_compression_compresses_and_keeps():
    name, source = installed_bundle(DRAW_ONCE)
    path = f"/static/js/{name}"
    app = Compression(FrontendFixes(fake_streamlit({path: source})), base_path="")
    for _ in range(2):
        headers, body = request(app, path, encoding="gzip")
        assert headers[b"content-encoding"] == b"gzip"
        assert DRAW_ONCE.new(CHUNK) in gzip.decompress(body)


def test_other_files_head_requests_and_missing_bundles_pass_untouched():
    name, source = installed_bundle(DRAW_ONCE)
    other = b"import{a}from'./x.js';" + DRAW_ONCE.old(CHUNK)
    files = {"/static/js/other.DormvYxC.js": other, f"/static/js/{name}": source}
    app = FrontendFixes(fake_streamlit(files))
    assert request(app, "/static/js/other.DormvYxC.js")[1] == other
    assert request(app, f"/static/js/{name}", method="HEAD")[1] == source  # as Streamlit answered
    headers, body = request(app, "/static/js/PlotlyChart.gone.js")
    assert body == b"" and headers[b"content-length"] == b"0"


def test_a_bundle_without_its_piece_is_served_as_it_ships_and_the_log_says_so(
        monkeypatch, caplog):
    changed = dataclasses.replace(DRAW_ONCE, old=lambda chunk: b"not in any bundle",
                                  new=lambda chunk: b"x")
    monkeypatch.setattr(frontend_fixes, "FIXES", (changed,))
    frontend_fixes.fixes_by_bundle.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="components.streamlit_compat.bundle_fixes"):
            assert frontend_fixes.fixes_by_bundle() == {}
        assert "serving it unchanged" in caplog.text
        name, source = installed_bundle(DRAW_ONCE)
        path = f"/static/js/{name}"
        assert request(FrontendFixes(fake_streamlit({path: source})), path)[1] == source
    finally:
        frontend_fixes.fixes_by_bundle.cache_clear()


def test_the_lazy_chart_element_takes_the_module_the_early_import_leaves():
    # The early import and the fixed entry bundle name the same global and the same chunk.
    script = warm_chart_library(f"./static/js/{CHUNK}")
    assert f"window.{PLOTLY_MODULE_GLOBAL}=module" in script
    new, old = SETTLED_CHART_MODULE.new(CHUNK), SETTLED_CHART_MODULE.old(CHUNK)
    assert f"window.{PLOTLY_MODULE_GLOBAL}".encode() in new
    assert CHUNK.encode() in old
    assert new.endswith(old[len(b"(0,U.lazy)(()=>"):])


def test_a_fix_made_for_another_streamlit_is_left_out_and_the_bundle_served_as_it_ships(
        monkeypatch, caplog):
    other = dataclasses.replace(DRAW_ONCE, shim=dataclasses.replace(DRAW_ONCE.shim,
                                                                    made_for="0.0.1"))
    monkeypatch.setattr(frontend_fixes, "FIXES", (other,))
    frontend_fixes.fixes_by_bundle.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="components.streamlit_compat"):
            assert frontend_fixes.fixes_by_bundle() == {}
        assert "'plotly-draw-once' was made for 0.0.1" in caplog.text
    finally:
        frontend_fixes.fixes_by_bundle.cache_clear()


def test_a_fixed_bundle_does_not_keep_the_shipped_bundles_etag():
    name, source = installed_bundle(DRAW_ONCE)
    path = f"/static/js/{name}"

    async def with_etag(scope, receive, send):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/javascript"), (b"etag", b'"x"')]})
        await send({"type": "http.response.body", "body": source})

    headers, body = request(FrontendFixes(with_etag), path)
    assert DRAW_ONCE.new(CHUNK) in body and b"etag" not in headers


