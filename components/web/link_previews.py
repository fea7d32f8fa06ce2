"""Link previews: each page's own title and description in the HTML a crawler reads.

Streamlit serves the same ``index.html`` (titled "Streamlit") for every page, and a chat app or
social network reading a shared link never runs the page's JavaScript. This ASGI middleware
rewrites that one HTML response: the ``<title>``, the description and the Open Graph tags of the
page and language the link names. Everything else passes through untouched.

More goes into the head of a page that shows charts. An embed URL (and a chart named on its
page with ``chart=``) gets the oEmbed discovery link (``components/publish/oembed.py``). The plotly.js
chunk of Streamlit's front end (4.7 MB, 1.4 MB compressed) gets a ``modulepreload``, and so do
the modules it imports that Streamlit's page does not preload: Streamlit asks for it only once
the first chart's message has arrived over the websocket, so the browser would otherwise fetch
and compile it after everything else. The chunk is also evaluated early, by a few lines that
import it once Streamlit has sent its first websocket message (``warm_chart_library``). A page
also tells Streamlit's front end where its server is (``server_address``), so it does not first
try the page's path as the app's base path. And an
embed gets a few lines for an iframe sandboxed without ``allow-same-origin``: there the page's
origin is opaque, the browser refuses Streamlit's module scripts (they load in CORS mode) and
the embed would stay blank; it goes to the static chart page instead (``$DASHBOARD_STATIC_URL``,
default views only), or says which sandbox flags it needs. An embed of a chart's default view
also carries its first paint, the chart as an image until Streamlit has drawn it
(``components/publish/first_paint.py``).
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Mapping
from urllib.parse import parse_qs, quote, urlencode

import anyio.to_thread
import streamlit as st

from components.charts.cache import built, derived, remembered
from components.charts.spec import EMBED_CONTENT_KEY, PLOTLY_KEY_PREFIX
from components.charts.url_state import parse_query, to_query
from components.data.citations import cited_publishers, credited_tools
from components.data.source import current_package
from components.publish import export, first_paint, oembed, site_index, social_cards
from components.publish.claim_reviews import claim_reviews, json_ld_script
from components.publish.dataset_markup import package_dataset, view_dataset
from components.publish.embed_flags import EmbedFlags, live_theme_script, read_flags
from components.publish.first_paint import embed_chart_id
from components.registry import (
    CHARTS,
    PAGE_PARAMS,
    PAGES,
    UnknownChartError,
    charts_on,
    get_chart,
    link_path,
)
from components.streamlit_compat import front_end
from components.streamlit_compat.date_enter import enter_applies_typed_dates
from components.text.i18n import LANGS, t
from components.text.safe_text import js_literal

log = logging.getLogger(__name__)
PAGE_KEYS = {page.url_path: page for page in PAGES}
# Request headers kept from Streamlit when the page is rewritten, and its answer's headers that
# describe the shipped page, not the rewritten one.
_NOT_PASSED_IN = frozenset({b"accept-encoding", b"range", b"if-range", b"if-none-match",
                            b"if-modified-since", b"if-match", b"if-unmodified-since"})
_NOT_PASSED_OUT = frozenset({b"content-length", b"etag", b"last-modified", b"accept-ranges",
                             b"content-range"})
_SKIP_PREFIXES = ("/_stcore", "/static", "/app/static", "/media", "/component", "/favicon")


def preview_tags(path: str, query_string: str, base: str = "") -> str:
    """The ``<title>`` and meta tags for a page path (``/map``) and query (``lang=en&...``);
    with the app's address (``base``), the page's canonical address, ``og:url`` and its address
    in each language (``hreflang``), the view's parameters kept and normalised."""
    lang = link_lang(query_string)
    page = PAGE_KEYS.get(path.strip("/") or PAGES[0].url_path, PAGES[0])
    app_title = t("app.title", lang)
    title = app_title if page is PAGES[0] else f"{t(page.title_key, lang)} · {app_title}"
    description = t(f"preview.{page.url_path}", lang)
    locale = "id_ID" if lang == "id" else "en_GB"
    values = {key: html.escape(value, quote=True) for key, value in
              {"title": title, "description": description, "site": app_title}.items()}
    return (f"<title>{values['title']}</title>"
            f'<meta name="description" content="{values["description"]}" />'
            f'<meta property="og:title" content="{values["title"]}" />'
            f'<meta property="og:description" content="{values["description"]}" />'
            f'<meta property="og:site_name" content="{values["site"]}" />'
            f'<meta property="og:locale" content="{locale}" />'
            '<meta property="og:type" content="website" />'
            + (address_tags(page, query_string, base, lang) + card_tags(page, query_string, base, lang)
               if base else '<meta name="twitter:card" content="summary" />'))


def card_tags(page, query_string: str, base: str, lang: str) -> str:
    """``og:image`` and the large card of the view a link names (``social_cards``): the committed
    image of a default view, else the address that draws this view."""
    query = parse_qs(query_string)
    spec = social_cards.lead_chart(page.url_path, embed_chart_id(query))
    values, _ = parse_query(spec.params, query)
    try:
        data = current_package()
        chart = built(spec, data, values, lang)
        committed = derived("committed-card", spec, data, values, lang,
                            lambda: committed_card(spec, chart, values, lang))
    except Exception:  # broken data: the link shows its words without a picture
        log.exception("no link card for %s?%s", page.url_path, query_string)
        return '<meta name="twitter:card" content="summary" />'
    if committed:
        image = f"{base}{first_paint.URL_PATH}/{committed}"
    else:
        image = (f"{base}{social_cards.URL_PATH}/{spec.chart_id}.png?"
                 f"{social_cards.card_query(spec, values, lang)}")
    image, alt = html.escape(image, quote=True), html.escape(chart.title, quote=True)
    return (f'<meta property="og:image" content="{image}" />'
            f'<meta property="og:image:type" content="image/png" />'
            f'<meta property="og:image:width" content="{social_cards.CARD_WIDTH}" />'
            f'<meta property="og:image:height" content="{social_cards.CARD_HEIGHT}" />'
            f'<meta property="og:image:alt" content="{alt}" />'
            '<meta name="twitter:card" content="summary_large_image" />'
            f'<meta name="twitter:image" content="{image}" />'
            f'<meta name="twitter:image:alt" content="{alt}" />')


def committed_card(spec, chart, values, lang: str) -> str | None:
    """The card ``make previews`` made for this default view, if it still shows the chart."""
    if to_query(spec.params, values):
        return None
    entry = first_paint.manifest_entry(spec.chart_id, lang)
    if entry.get("card") and entry.get("figure") == first_paint.figure_digest(chart):
        return entry["card"]
    return None


def address_tags(page, query_string: str, base: str, lang: str) -> str:
    """The canonical address of the view a link names, ``og:url``, and the same view in each
    language: only the page's own parameters, each as the app reads it (a bad value dropped)."""
    params = PAGE_PARAMS.get(page.url_path, ())
    values, _ = parse_query(params, parse_qs(query_string))
    view = to_query(params, values)
    urls = {other: site_index.page_url(base, link_path(page), other, view) for other in LANGS}
    canonical = html.escape(urls[lang], quote=True)
    return (f'<link rel="canonical" href="{canonical}" />'
            f'<meta property="og:url" content="{canonical}" />'
            + "".join(f'<link rel="alternate" hreflang="{other}" '
                      f'href="{html.escape(url, quote=True)}" />' for other, url in urls.items())
            + f'<link rel="alternate" hreflang="x-default" '
              f'href="{html.escape(urls["id"], quote=True)}" />')


def link_lang(query_string: str) -> str:
    return query_lang(parse_qs(query_string))


def query_lang(query: Mapping[str, list[str]]) -> str:
    """The language a parsed query names, Indonesian when it names none the app has."""
    lang = query.get("lang", ["id"])[-1]
    return lang if lang in LANGS else "id"


def page_of(path: str, base_path: str = "") -> str | None:
    """The app's page a request path names, without slashes ("" for the root), or None."""
    within = path[len(base_path):] if base_path and path.startswith(base_path) else path
    page = within.strip("/")
    return page if not page or page in PAGE_KEYS else None


def shows_charts(path: str, query_string: str) -> bool:
    """Whether the page at ``path`` draws a chart: an embed, or a page with charts."""
    if embed_chart_id(parse_qs(query_string)):
        return True
    page = PAGE_KEYS.get(path.strip("/").rsplit("/", 1)[-1] or PAGES[0].url_path)
    return page is not None and bool(charts_on(page.url_path))


def head_links(path: str, query_string: str, origin: str = "", base_path: str = "",
               first_painted: bool = False) -> str:
    """The oEmbed discovery link for a chart's URL and the plotly chunk's preload.

    ``path`` is the request's whole path (base URL path included), ``origin`` its scheme and host.
    A first-painted embed preloads it later, with Streamlit's own modules: on a slow network the
    chunk's 1.4 MB would share the line with the image the reader is waiting for.
    """
    links = front_end.server_address(page_of(path, base_path))
    links += enter_applies_typed_dates()  # one listener for the page's life, not per run
    query = parse_qs(query_string)
    if origin and query.get("chart"):
        page_url = f"{origin}{quote(path)}?{query_string}"
        oembed = (f"{origin}{base_path}/oembed?"
                  f"{urlencode({'url': page_url, 'format': 'json'})}")
        links += (f'<link rel="alternate" type="application/json+oembed" '
                  f'href="{html.escape(oembed, quote=True)}" '
                  f'title="{html.escape(t("app.title", link_lang(query_string)), quote=True)}" />')
    modules = front_end.plotly_module_urls()
    if modules and shows_charts(path, query_string) and not first_painted:
        for url in modules:
            links += f'<link rel="modulepreload" crossorigin href="{url}" />'
        links += front_end.warm_chart_library(modules[0])
    if embed_chart_id(query):
        links += sandbox_fallback(query_string, origin + base_path if origin else "")
    return links


def sandbox_fallback(query_string: str, app_base: str) -> str:
    """A classic inline script (it runs where module scripts are refused) for an embed in an
    iframe sandboxed without allow-same-origin: the static chart page, or what flags it needs."""
    from components.charts.url_state import parse_query, to_query

    query = parse_qs(query_string)
    lang = link_lang(query_string)
    try:
        spec = get_chart(query["chart"][-1])
    except UnknownChartError:
        return ""
    values, _ = parse_query(spec.params, query)
    static_base = (os.environ.get(export.STATIC_URL_VARIABLE) or "").rstrip("/")
    static_page = (export.static_embed_url(static_base, spec, lang)
                   if static_base and not to_query(spec.params, values) else "")
    dashboard = export.dashboard_url(app_base, spec, values, lang) if app_base else ""
    message = html.escape(t("embed_frame.sandboxed", lang, flags=export.SANDBOX))
    if dashboard:
        message += (f' <a href="{html.escape(dashboard, quote=True)}" target="_blank" '
                    f'rel="noopener">{html.escape(t("embed_frame.full_dashboard", lang))}</a>')
    notice = js_literal(f'<p style="font-family:sans-serif;margin:16px">{message}</p>')
    return ("<script>(function(){if(window.origin!=='null')return;"
            f"var page={js_literal(static_page)};if(page){{location.replace(page);return;}}"
            "document.addEventListener('DOMContentLoaded',function(){"
            f"document.getElementById('root').innerHTML={notice};"
            "});})();</script>")


def first_paint_for(query_string: str, base_path: str = "") -> first_paint.FirstPaint | None:
    """The first paint for an embed URL's query, or None (not an embed, another view, no image,
    or an image no longer of the chart's figure)."""
    query = parse_qs(query_string)
    chart_id = embed_chart_id(query)
    if chart_id is None or read_flags(query) != EmbedFlags():
        return None  # a dark, plain or transparent embed: the image is of the default frame
    try:
        spec = get_chart(chart_id)
    except UnknownChartError:
        return None
    values, _ = parse_query(spec.params, query)
    if to_query(spec.params, values):
        return None  # only default views have an image made ahead
    lang = query.get("lang", [""])[-1]
    if lang not in LANGS:
        return None  # the app then picks the browser's language, which the HTML cannot know
    entry = first_paint.manifest_entry(spec.chart_id, lang)
    if not entry:
        return None
    data = current_package()
    chart = built(spec, data, values, lang)
    publishers, tools, digest = derived(
        "first-paint", spec, data, values, lang,
        lambda: (cited_publishers(data["sources"], chart.source_ids),
                 credited_tools(data["sources"], chart.credits), first_paint.figure_digest(chart)))
    if digest != entry.get("figure"):
        _warn_stale(spec.chart_id, lang)
        return None
    images = f"{base_path}{first_paint.URL_PATH}/"
    wide, narrow = images + entry["wide"], images + entry["narrow"]
    font = front_end.font_file()
    head = (first_paint.head_html(chart, wide, narrow, f"./static/media/{font}" if font else None)
            + front_end.handover_script(first_paint.ELEMENT_ID, first_paint.SHOWING_CLASS,
                                        EMBED_CONTENT_KEY, PLOTLY_KEY_PREFIX))
    return first_paint.FirstPaint(head=head, body=first_paint.body_html(
        spec, chart, publishers, lang, wide, narrow, credits=tools))


_warned: set[tuple[str, str]] = set()


def _warn_stale(chart_id: str, lang: str) -> None:
    if (chart_id, lang) not in _warned:
        _warned.add((chart_id, lang))
        log.warning("the first-paint image of %s (%s) no longer matches its figure: "
                    "run `make previews`", chart_id, lang)


def public_address(origin: str, base_path: str) -> str:
    """The app's address for links that leave the page: the public one when set, else the one
    the request came to (its answers are then private to that host)."""
    return oembed.public_base() or (f"{origin}{base_path}" if origin else "")


def fact_check_markup(path: str, query_string: str, origin: str, base_path: str) -> str:
    """The Overview's claims as schema.org ClaimReview JSON-LD, for crawlers (no JavaScript);
    nothing on other pages, in embeds, or without an address to name the reviews by."""
    if page_of(path, base_path) not in ("", PAGES[0].url_path) or embed_chart_id(
            parse_qs(query_string)):
        return ""
    base = public_address(origin, base_path)
    if not base:
        return ""
    lang = link_lang(query_string)
    try:
        data = current_package()
        reviews = remembered(("claim-reviews", lang, base, data.version),
                             lambda: claim_reviews(data, lang, f"{base.rstrip('/')}/?lang={lang}"))
    except Exception:  # broken data: the page loads without the markup, its notice says why
        log.exception("no fact-check markup for %s?%s", path, query_string)
        return ""
    return json_ld_script(reviews)


def embed_theme(query_string: str) -> str:
    """The script that sets a live embed's ``theme=dark|auto`` before Streamlit starts."""
    query = parse_qs(query_string)
    return live_theme_script(read_flags(query).theme) if embed_chart_id(query) else ""


def dataset_markup(path: str, query_string: str, origin: str, base_path: str) -> str:
    """schema.org Dataset JSON-LD (``components/publish/dataset_markup.py``): the package on the
    Sources page, the view's data in a chart's embed; nothing elsewhere or without an address."""
    base = public_address(origin, base_path).rstrip("/")
    query = parse_qs(query_string)
    chart_id = embed_chart_id(query)
    page = page_of(path, base_path)
    if not base or (chart_id is None and page != "sources"):
        return ""
    lang = link_lang(query_string)
    try:
        data = current_package()
        if chart_id is None:
            url = site_index.page_url(base, "sources", lang, {})
            found = remembered(("dataset", lang, base, data.version), lambda: package_dataset(
                data, lang, base, url, CHARTS))
        else:
            spec = get_chart(chart_id)
            values, _ = parse_query(spec.params, query)
            chart = built(spec, data, values, lang)
            url = export.permanent_url(base, spec, values, lang)
            found = derived("dataset", spec, data, values, lang,
                            lambda: view_dataset(data, spec, chart, values, lang, base, url), base)
    except UnknownChartError:
        return ""
    except Exception:  # broken data: the page loads without the markup, its notice says why
        log.exception("no dataset markup for %s?%s", path, query_string)
        return ""
    return json_ld_script([found])


def rewrite(document: str, path: str, query_string: str, origin: str = "",
            base_path: str = "") -> str:
    """The page HTML with its preview tags, and ``<html lang>`` set to the link's language (screen
    readers pick their voice from it). ``origin`` (scheme and host) and ``base_path`` (the
    server's base URL path) make the absolute address of the oEmbed discovery link. An embed
    of a chart's default view also gets its first paint (``components/publish/first_paint.py``)."""
    paint = None
    if front_end.fits(document):
        try:
            paint = first_paint_for(query_string, base_path)
        except Exception:  # broken data, a chart that fails: the embed loads as it did before
            log.exception("no first paint for %s?%s", path, query_string)
    document = re.sub(r"<html[^>]*>", f'<html lang="{link_lang(query_string)}">', document,
                      count=1)
    document = re.sub(r"<title>.*?</title>",
                      lambda _: preview_tags(path, query_string, public_address(origin, base_path))
                      + embed_theme(query_string)
                      + head_links(path, query_string, origin, base_path, paint is not None)
                      + fact_check_markup(path, query_string, origin, base_path)
                      + dataset_markup(path, query_string, origin, base_path)
                      + (paint.head if paint else ""),
                      document, count=1, flags=re.S)
    if paint is None:
        return document
    return front_end.insert_first_paint(document, paint.head, paint.body,
                                        first_paint.SHOWING_CLASS, first_paint.START_FUNCTION,
                                        front_end.plotly_module_urls())


def _origin(scope, headers: dict) -> tuple[str, str]:
    """The app's address as the request reached it: scheme and host, and the base URL path."""
    host = headers.get(b"host", b"").decode("latin-1")
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    if not host or not re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", host):
        return "", ""
    return f"{scope.get('scheme', 'http')}://{host}", (f"/{base}" if base else "")


class LinkPreviews:
    """ASGI middleware: page HTML gets its preview tags; all other traffic is passed through."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers", [])) if scope["type"] == "http" else {}
        if (scope["type"] != "http" or scope.get("method") != "GET"
                or scope["path"].startswith(_SKIP_PREFIXES)
                or b"text/html" not in headers.get(b"accept", b"")):
            await self.app(scope, receive, send)
            return
        origin, base_path = _origin(scope, headers)
        # Ask for the page uncompressed (it is rewritten here, and it is small), whole and
        # unconditionally: a Range would cut the shipped page, not the rewritten one, and its
        # ETag and dates say nothing about the rewritten page (made from the data, which changes).
        scope = {**scope, "headers": [(key, value) for key, value in scope["headers"]
                                      if key.lower() not in _NOT_PASSED_IN]}
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
                headers = dict(message.get("headers", []))
                if not headers.get(b"content-type", b"").startswith(b"text/html"):
                    start["passthrough"] = True
                    await send(message)
                return
            if start.get("passthrough"):
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                # In a worker thread: an embed's first paint may build its chart.
                body = (await anyio.to_thread.run_sync(
                    rewrite, b"".join(chunks).decode("utf-8"), scope["path"],
                    scope.get("query_string", b"").decode("latin-1"), origin, base_path)
                    ).encode("utf-8")
                headers = [(k, v) for k, v in start.get("headers", [])
                           if k.lower() not in _NOT_PASSED_OUT]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({"type": "http.response.start", "status": start["status"],
                            "headers": headers})
                await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)
