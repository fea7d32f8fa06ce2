"""The served HTML of each page has its own title and description for link previews."""

import gzip
import html as html_lib
import urllib.request

import pytest

from components.i18n import LANGS, t
from components.shell import PAGES


def fetch_html(url: str) -> str:
    request = urllib.request.Request(url, headers={"Accept": "text/html",
                                                   "Accept-Encoding": "gzip"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":  # components/compression.py
            body = gzip.decompress(body)
        return body.decode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES, ids=[page.url_path for page in PAGES])
def test_each_page_serves_its_own_preview(app_url, page, lang):
    """What a chat app or social network reads from a shared link names the page it leads to."""
    html = fetch_html(f"{app_url}/{page.url_path}?lang={lang}")
    escaped = html_lib.escape
    assert escaped(t(f"preview.{page.url_path}", lang)) in html
    assert "<title>Streamlit</title>" not in html
    assert escaped(t(page.title_key, lang)) in html.split("</title>")[0] or page is PAGES[0]
