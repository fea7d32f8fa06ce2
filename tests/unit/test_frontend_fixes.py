"""Streamlit's plotly bundle goes out with its chart mounted once the width is known; nothing
else the app serves is touched."""

import gzip
import logging

from components.publish import first_paint
from components.streamlit_compat import bundle_fixes as frontend_fixes
from components.streamlit_compat.bundle_fixes import (
    DRAW_ONCE,
    FIXES,
    PLOTLY_MODULE_GLOBAL,
    SETTLED_CHART_MODULE,
    FrontendFixes,
)
from components.web.compression import Compression
from components.web.link_previews import plotly_chunk, warm_chart_library
from tests.unit.asgi_request import request


def installed_bundle(fix) -> tuple[str | None, bytes]:
    """The one bundle of the installed Streamlit that the fix's pattern names and that holds its
    piece, and its bytes."""
    holders = [name for name in first_paint.streamlit_assets("js", fix.pattern)
               if first_paint.streamlit_static("js", name).read_bytes().count(fix.old) == 1]
    name = holders[0] if len(holders) == 1 else None
    return name, first_paint.streamlit_static("js", name).read_bytes() if name else b""


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
        assert name, f"no one Streamlit bundle {fix.pattern} holds {fix.old!r} exactly once"
        assert fix.new not in source
    assert set(frontend_fixes.fixes_by_bundle()) == {installed_bundle(fix)[0] for fix in FIXES}


def test_the_plotly_bundle_is_served_fixed_with_its_new_length_under_any_base_path():
    name, source = installed_bundle(DRAW_ONCE)
    seen = []
    for path in (f"/static/js/{name}", f"/news/dashboard/static/js/{name}"):
        headers, body = request(FrontendFixes(fake_streamlit({path: source}, seen)), path,
                            encoding="gzip, br")
        assert body == source.replace(DRAW_ONCE.old, DRAW_ONCE.new)
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
        assert DRAW_ONCE.new in gzip.decompress(body)


def test_other_files_head_requests_and_missing_bundles_pass_untouched():
    name, source = installed_bundle(DRAW_ONCE)
    other = b"import{a}from'./x.js';" + DRAW_ONCE.old
    files = {"/static/js/index.DormvYxC.js": other, f"/static/js/{name}": source}
    app = FrontendFixes(fake_streamlit(files))
    assert request(app, "/static/js/index.DormvYxC.js")[1] == other
    assert request(app, f"/static/js/{name}", method="HEAD")[1] == source  # as Streamlit answered
    headers, body = request(app, "/static/js/PlotlyChart.gone.js")
    assert body == b"" and headers[b"content-length"] == b"0"


def test_a_bundle_without_its_piece_is_served_as_it_ships_and_the_log_says_so(
        monkeypatch, caplog):
    changed = DRAW_ONCE.__class__(pattern=DRAW_ONCE.pattern, old=b"not in any bundle",
                                  new=b"x")
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
    script = warm_chart_library(f"./static/js/{plotly_chunk()}")
    assert f"window.{PLOTLY_MODULE_GLOBAL}=module" in script
    assert f"window.{PLOTLY_MODULE_GLOBAL}".encode() in SETTLED_CHART_MODULE.new
    assert plotly_chunk().encode() in SETTLED_CHART_MODULE.old
    assert SETTLED_CHART_MODULE.new.endswith(SETTLED_CHART_MODULE.old[len(b"(0,U.lazy)(()=>"):])
