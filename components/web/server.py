"""What the app adds to Streamlit's web server: routes (country shapes, first-paint images,
oEmbed, each chart's data, the corrections feed, robots.txt and the sitemap) and middleware (security headers,
gzip, bundle fixes, link previews), for ``st.App`` in dashboard.py."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

import anyio.to_thread
import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from components.charts.cache import built, image
from components.charts.url_state import parse_query
from components.data.citations import source_text
from components.data.source import current_package
from components.map.geometry import GEOMETRY_PATH, GEOMETRY_URL_PATH
from components.publish import export, first_paint, oembed, site_index, social_cards
from components.publish.about import about
from components.publish.downloads import chart_zip
from components.publish.feed import FEED_PATH, corrections_feed
from components.registry import UnknownChartError, get_chart
from components.streamlit_compat import tcp_nodelay
from components.streamlit_compat.bundle_fixes import FrontendFixes
from components.streamlit_compat.text_frames import TextFramesClose
from components.web.compression import Compression
from components.web.headers import SecurityHeaders
from components.web.link_previews import LinkPreviews, link_lang, query_lang


def base_path() -> str:
    """Streamlit's ``server.baseUrlPath`` as a path prefix: "" or "/base"."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


async def country_shapes(request):
    # The map's shapes, which its figures name by this address: a day in the browser's cache.
    return FileResponse(GEOMETRY_PATH, media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})


async def first_paint_image(request):
    # A live embed's first image (components/publish/first_paint.py): its name changes with its
    # content, so a browser keeps it for a year.
    path = first_paint.image_path(request.path_params["name"])
    if path is None or not path.is_file():
        return PlainTextResponse("no such image", status_code=404)
    return FileResponse(path, media_type=first_paint.MEDIA_TYPES.get(path.suffix),
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})


def view_card(name: str, query: dict) -> tuple[int, bytes | str, dict[str, str]]:
    """Status, the card's PNG (or where the default card is, or why not) and headers for
    ``/social-card/<chart>.png?lang=..&<view>``: drawn once per view and data version, one at a
    time; while too many wait, the chart's default card answers instead (a redirect)."""
    chart_id, _, kind = name.rpartition(".")
    try:
        spec = get_chart(chart_id)
    except UnknownChartError:
        spec = None
    if kind != "png" or spec is None:
        return 404, "no such card: /social-card/<chart>.png", {}
    lang = query_lang(query)
    values, _ = parse_query(spec.params, query)
    data = current_package()
    chart = built(spec, data, values, lang)
    text = source_text(data["sources"], chart.source_ids, lang, credits=chart.credits)
    try:
        card = image("card", spec, data, values, lang,
                     lambda: social_cards.drawn_card(chart, text))
    except social_cards.WorkerBusy:
        fallback = first_paint.manifest_entry(spec.chart_id, lang).get("card")
        if not fallback:
            return 503, "busy: try again shortly", {"Retry-After": "10"}
        return 302, f"{base_path()}{first_paint.URL_PATH}/{fallback}", {"Cache-Control": "no-store"}
    return 200, card, {"Cache-Control": "public, max-age=3600"}


async def social_card(request):
    status, body, headers = await anyio.to_thread.run_sync(
        view_card, request.path_params["name"], parse_qs(request.url.query))
    if status == 302:
        return RedirectResponse(body, status_code=302, headers=headers)
    if status != 200:
        return PlainTextResponse(body, status_code=status, headers=headers)
    return Response(body, media_type="image/png", headers=headers)


async def oembed_answer(request):
    # Blocking (it may build a chart): in a worker thread.
    status, body = await anyio.to_thread.run_sync(
        oembed.respond, dict(request.query_params), request.headers.get("host", ""), base_path())
    headers = {"Access-Control-Allow-Origin": "*"}
    if oembed.public_base():
        # Answered only for the public address: the same answer whatever Host says.
        headers["Cache-Control"] = "public, max-age=300"
    else:
        # The answer names the host the request came to: no shared cache may keep it for others.
        headers["Cache-Control"] = "private, max-age=300"
        headers["Vary"] = "Host"
    return JSONResponse(body, status_code=status, headers=headers)


async def corrections_atom(request):
    # The corrections log as Atom (components/publish/feed.py), in the link's language; its links
    # name the public address when one is configured, else the host the request came to.
    lang = link_lang(request.url.query)
    base, headers = _public_or_host(request)
    body = await anyio.to_thread.run_sync(lambda: corrections_feed(current_package(), lang, base))
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)


def _public_or_host(request) -> tuple[str, dict[str, str]]:
    """The address links name, and the caching that goes with it: shared when it is the public
    address, private to the host otherwise."""
    public = oembed.public_base()
    if public:
        return public, {"Cache-Control": "public, max-age=3600"}
    return (f"{request.url.scheme}://{request.headers.get('host', '')}{base_path()}",
            {"Cache-Control": "private, max-age=3600", "Vary": "Host"})


async def robots(request):
    base, headers = _public_or_host(request)
    return PlainTextResponse(site_index.robots_txt(base), headers=headers)


async def sitemap(request):
    base, headers = _public_or_host(request)
    return Response(site_index.sitemap_xml(base), media_type="application/xml", headers=headers)


def view_data(name: str, query: dict, base: str) -> tuple[int, bytes, str]:
    """Status, body and media type for ``/data/<chart>.<kind>?lang=..&<the chart's values>``:
    the same bytes as the export and the app's downloads, made from the data package alone."""
    chart_id, _, kind = name.rpartition(".")
    if kind not in export.DATA_KINDS:
        return 404, b"no such data: /data/<chart>.csv or /data/<chart>.zip", "text/plain"
    try:
        spec = get_chart(chart_id)
    except UnknownChartError:
        return 404, f"no chart {chart_id[:40]!r}".encode(), "text/plain"
    lang = query_lang(query)
    values, _ = parse_query(spec.params, query)
    data = current_package()
    chart = built(spec, data, values, lang)
    if kind == "csv":
        return 200, export.rows_csv(chart), export.DATA_KINDS[kind]
    found = about(spec, chart, data, lang, url=export.permanent_url(base, spec, values, lang),
                  accessed=date.today())
    return 200, chart_zip(found, chart.rows, data), export.DATA_KINDS[kind]


async def chart_data(request):
    base, headers = _public_or_host(request)
    name = request.path_params["name"]
    status, body, media_type = await anyio.to_thread.run_sync(
        view_data, name, parse_qs(request.url.query), base)
    if status == 200:
        chart_id, _, kind = name.rpartition(".")
        lang = link_lang(request.url.query)
        headers["Content-Disposition"] = (
            f'attachment; filename="{chart_id}-{lang}.{kind}"')
    return Response(body, status_code=status, media_type=media_type, headers=headers)


def routes() -> list[Route]:
    """The app's own routes, beside Streamlit's."""
    return [Route(GEOMETRY_URL_PATH, country_shapes),
            Route(f"{first_paint.URL_PATH}/{{name}}", first_paint_image),
            Route(f"{base_path()}{social_cards.URL_PATH}/{{name}}", social_card, methods=["GET"]),
            Route(f"{base_path()}/oembed", oembed_answer, methods=["GET"]),
            Route(f"{base_path()}{FEED_PATH}", corrections_atom, methods=["GET"]),
            Route(f"{base_path()}{site_index.ROBOTS_PATH}", robots, methods=["GET"]),
            Route(f"{base_path()}{site_index.SITEMAP_PATH}", sitemap, methods=["GET"]),
            Route(f"{base_path()}{export.DATA_PATH}/{{name}}", chart_data, methods=["GET"])]


def middleware() -> list[Middleware]:
    """Security headers outermost (every answer gets them, the metrics path is closed before
    anything else runs); then compression: it compresses the HTML link previews rewrite and the
    bundles the front-end fixes change, too. Innermost, a text frame on the stream closes it."""
    # Streamlit has bound the app's socket by now (uvicorn imports the script after), with
    # Nagle's algorithm left on.
    tcp_nodelay.set_on_listening_sockets()
    return [Middleware(SecurityHeaders), Middleware(Compression), Middleware(FrontendFixes),
            Middleware(LinkPreviews), Middleware(TextFramesClose)]
