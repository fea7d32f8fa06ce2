"""What search engines read to find every page: ``robots.txt``, ``sitemap.xml`` (every page in
both languages, each naming its other language), and a page's canonical address.

Pure: the app's public address in, text out; the web layer serves them (``components.web``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode
from xml.sax.saxutils import escape, quoteattr

from components.registry import PAGES, link_path
from components.text.i18n import LANGS

SITEMAP_PATH = "/sitemap.xml"
ROBOTS_PATH = "/robots.txt"


def page_url(base: str, path: str, lang: str, query: Mapping[str, str] | None = None) -> str:
    """A page's address in one language, with the view's parameters in a stable order."""
    params = {"lang": lang, **{key: value for key, value in sorted((query or {}).items())
                               if key != "lang"}}
    return f"{base.rstrip('/')}/{path.strip('/')}?{urlencode(params, safe='~')}"


def robots_txt(base: str) -> str:
    """Every page may be crawled; the sitemap lists them."""
    return f"User-agent: *\nAllow: /\nSitemap: {base.rstrip('/')}{SITEMAP_PATH}\n"


def sitemap_xml(base: str, langs: Sequence[str] = LANGS) -> str:
    """Every page in every language, each with its alternates (``hreflang``)."""
    entries = []
    for page in PAGES:
        urls = {lang: page_url(base, link_path(page), lang) for lang in langs}
        alternates = "".join(
            f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>'
            for lang, url in urls.items())
        entries += [f"<url><loc>{escape(url)}</loc>{alternates}</url>" for url in urls.values()]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(entries) + "</urlset>\n")
