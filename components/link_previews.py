"""Link previews: each page's own title and description in the HTML a crawler reads.

Streamlit serves the same ``index.html`` (titled "Streamlit") for every page, and a chat app or
social network reading a shared link never runs the page's JavaScript. This ASGI middleware
rewrites that one HTML response: the ``<title>``, the description and the Open Graph tags of the
page and language the link names. Everything else passes through untouched.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs

from components.i18n import LANGS, t
from components.shell import PAGES

PAGE_KEYS = {page.url_path: page for page in PAGES}
_SKIP_PREFIXES = ("/_stcore", "/static", "/app/static", "/media", "/component", "/favicon")


def preview_tags(path: str, query_string: str) -> str:
    """The ``<title>`` and meta tags for a page path (``/map``) and query (``lang=en&...``)."""
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
            '<meta name="twitter:card" content="summary" />')


def link_lang(query_string: str) -> str:
    lang = parse_qs(query_string).get("lang", ["id"])[-1]
    return lang if lang in LANGS else "id"


def rewrite(document: str, path: str, query_string: str) -> str:
    """The page HTML with its preview tags, and ``<html lang>`` set to the link's language (screen
    readers pick their voice from it)."""
    document = re.sub(r"<html[^>]*>", f'<html lang="{link_lang(query_string)}">', document,
                      count=1)
    return re.sub(r"<title>.*?</title>", lambda _: preview_tags(path, query_string), document,
                  count=1, flags=re.S)


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
        # Ask for the page uncompressed: it is rewritten here, and it is small.
        scope = {**scope, "headers": [(key, value) for key, value in scope["headers"]
                                      if key.lower() != b"accept-encoding"]}
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
                body = rewrite(b"".join(chunks).decode("utf-8"), scope["path"],
                               scope.get("query_string", b"").decode("latin-1")).encode("utf-8")
                headers = [(k, v) for k, v in start.get("headers", [])
                           if k.lower() not in (b"content-length", b"etag")]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({"type": "http.response.start", "status": start["status"],
                            "headers": headers})
                await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)
