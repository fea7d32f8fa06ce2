"""The served HTML of each page has its own title and description for link previews."""

import gzip
import html as html_lib
import re
import urllib.request

import pytest

from components.charts.spec import PLOTLY_KEY_PREFIX
from components.registry import PAGES, charts_on
from components.streamlit_compat.bundle_fixes import PLOTLY_MODULE_GLOBAL
from components.text.i18n import LANGS, t


def fetch_html(url: str) -> str:
    request = urllib.request.Request(url, headers={"Accept": "text/html",
                                                   "Accept-Encoding": "gzip"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=10) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":  # components/web/compression.py
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


def test_a_chart_page_evaluates_plotly_while_the_server_runs_its_script(app_url, page):
    """The plotly chunk is evaluated once Streamlit has asked the server to run the page, before
    any chart has arrived (components/web/link_previews.py, ``warm_chart_library``): the server's
    answer is held back here, so without the early import plotly.js would not load at all."""
    from tools import browser as chromium

    held: dict = {"messages": [], "page_side": None, "released": False}

    def pass_on_held() -> None:
        while held["released"] and held["messages"]:
            held["page_side"].send(held["messages"].pop(0))

    def hold_the_servers_answer(socket) -> None:
        held["page_side"] = socket

        def from_server(message) -> None:
            held["messages"].append(message)
            pass_on_held()

        socket.connect_to_server().on_message(from_server)

    page.route_web_socket(re.compile(r"/_stcore/stream"), hold_the_servers_answer)
    page.add_init_script(RECORD_CHART_SKELETONS)
    page.goto(f"{app_url}/map?lang=en", wait_until="domcontentloaded")
    page.wait_for_function(f"() => typeof window.Plotly === 'object' "
                           f"&& !!window.{PLOTLY_MODULE_GLOBAL}", timeout=20_000)
    # Nothing the server sent has reached the page, so no chart element can have asked for it.
    assert held["page_side"] is not None and not held["released"]
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0

    held["released"] = True
    pass_on_held()
    page.wait_for_function(chromium.CHARTS_COUNT_DRAWN_JS, arg=len(charts_on("map")),
                           timeout=60_000)
    # The module was there, so Streamlit's lazy element took it without suspending: no chart
    # showed a skeleton first (components/streamlit_compat/bundle_fixes.py, SETTLED_CHART_MODULE).
    assert page.evaluate("window.__chartSkeletons") == 0


# Streamlit's loading skeleton inside a chart's element, each time one is committed.
RECORD_CHART_SKELETONS = """
window.__chartSkeletons = 0;
new MutationObserver(records => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node instanceof Element && node.closest('[class*="st-key-PREFIX"]')
          && (node.matches('[data-testid="stSkeleton"]')
              || node.querySelector('[data-testid="stSkeleton"]'))) {
        window.__chartSkeletons += 1;
      }
    }
  }
}).observe(document, {childList: true, subtree: true});
""".replace("PREFIX", PLOTLY_KEY_PREFIX)


@pytest.mark.parametrize("path", ["", "map"])
def test_streamlit_finds_its_server_at_the_first_try_on_every_page(app_url, page, open_page,
                                                                    path):
    """Told where the server is (``link_previews.server_address``), Streamlit's front end does
    not first try the page's path as the app's base path, and wait 100 ms when refused."""
    probes = []
    page.on("request", lambda request: probes.append(request.url)
            if "/_stcore/health" in request.url else None)
    open_page(page, app_url, path, lang="en")
    assert probes == [f"{app_url}/_stcore/health"]


def fetch_bytes(url: str) -> tuple[int, str, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(urllib.request.Request(url), timeout=60) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def og_image(html: str) -> str:
    found = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert found, "no og:image"
    return html_lib.unescape(found.group(1))


def test_a_shared_link_to_a_view_shows_that_views_card(app_url):
    """As a link-preview tester reads a link: the page's HTML without running it, then its
    og:image. A view other than the default gets its own card, not the default view's."""
    from io import BytesIO

    from PIL import Image

    view = fetch_html(f"{app_url}/map?lang=en&bloc=SCO&asof=2024-07-04")
    default = fetch_html(f"{app_url}/map?lang=en")
    assert '<meta name="twitter:card" content="summary_large_image" />' in view
    view_image, default_image = og_image(view), og_image(default)
    assert "bloc=SCO" in view_image and "asof=2024-07-04" in view_image
    cards = {}
    for name, address in (("view", view_image), ("default", default_image)):
        assert address.startswith(app_url), address  # absolute, on the app
        status, kind, body = fetch_bytes(address)
        assert status == 200 and kind == "image/png"
        assert Image.open(BytesIO(body)).size == (1200, 630)
        cards[name] = body
    assert cards["view"] != cards["default"]
