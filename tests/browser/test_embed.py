"""Embeds in a real Chromium, as editors paste them into a news site on another origin.

The news site and the static host of ``make export``'s files are two more loopback web servers
(``tools/static_host``): the project's own snippet, NPR's pym.js (from the npm registry, served
by the news site), a plain iframe with no script, AMP's and Embedly's messages, two embeds on
one page at 1280 px and after a resize to 375 px, a sandboxed iframe, oEmbed, and gzip.
Each iframe must end within a few pixels of its content, with the source line inside it.
"""

import gzip
import http.client
import json
import re
import shutil
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from components.publish import export, static_export
from components.registry import CHARTS, get_chart
from components.text.i18n import t
from tools import browser as chromium
from tools import static_host

BROWSER_DIR = Path(__file__).resolve().parent
PYM_JS = BROWSER_DIR / "node_modules" / "pym.js" / "dist" / "pym.v1.min.js"
FIT_PX = 4  # an iframe ends within this many pixels of its content
FIT_TIMEOUT_S = 60
STATIC_CHARTS = ("channels", "membership-map")  # a timeline chart and the map (its box follows its width)
# The bottom of the embed's content inside its document, as the height script measures it.
CONTENT_BOTTOM = """() => {
    const block = document.querySelector('[data-embed-content], .st-key-embed-content');
    if (!block) { return null; }
    let scrolled = window.scrollY;
    for (let n = block.parentElement; n; n = n.parentElement) { scrolled += n.scrollTop || 0; }
    return Math.ceil(block.getBoundingClientRect().bottom + scrolled);
}"""
SOURCE_BOTTOM = """() => {
    const line = [...document.querySelectorAll('p, [data-testid="stCaptionContainer"]')]
        .find(e => /^(Source|Sumber):/.test(e.innerText.trim()));
    return line ? line.getBoundingClientRect().bottom : null;
}"""


def test_an_unknown_chart_id_shows_the_valid_ids(page, app_url, open_page):
    """A typo in the chart id tells the editor which ids exist."""
    open_page(page, app_url, "", heading=False, embed="true", chart="nope", lang="en")
    alert = page.locator('[data-testid="stAlert"]').first
    expect(alert).to_contain_text("nope")
    for spec in CHARTS:
        expect(alert).to_contain_text(spec.chart_id)


# --- the Embed page --------------------------------------------------------------------------------

def embed_link_box(page):
    """The link's text box once the page's run has ended: while it runs, Streamlit keeps the box
    that shows the previous link beside the new one (a new value makes a new element)."""
    chromium.wait_until_idle(page)
    return page.get_by_label(t("embed_snippets.link_label", "en"))


def embed_link(page) -> str:
    return embed_link_box(page).input_value().strip()


def test_a_choice_unpicked_on_the_embed_page_enters_the_embed_link_and_leaves_it_when_repicked(
        page, app_url, open_page):
    """The Embed page's choices are pills; the link lists them in the chart's order, so picking
    the last one back gives the default again, left out of the link."""
    open_page(page, app_url, "embed", lang="en", chart="summit-week")
    tracks = page.locator(".st-key-embed-summit-week-tracks")
    sco = tracks.get_by_role("button", name="SCO", exact=True)
    expect(sco).to_have_attribute("aria-pressed", "true")
    assert "tracks=" not in embed_link(page)
    sco.click()
    expect(sco).to_have_attribute("aria-pressed", "false")
    expect(embed_link_box(page)).to_have_value(
        re.compile("tracks=ASEAN~EAS~ASEAN-Russia~EAEU~Russia"))
    sco.click()
    expect(sco).to_have_attribute("aria-pressed", "true")
    expect(embed_link_box(page)).not_to_have_value(re.compile("tracks="))


def test_the_copy_button_puts_the_snippet_on_the_clipboard_and_follows_a_change_of_options(
        make_page, app_url, open_page):
    browser_page = make_page()
    page = browser_page.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    open_page(page, app_url, "embed", lang="en", chart="history")
    # The button's script runs once Streamlit has mounted its element.
    page.wait_for_function("window.__ruCopyButtons === 1")
    button = page.locator(".ru-copy")
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("<iframe") and "chart=history" in copied
    page.locator(".st-key-theme").get_by_text("Dark", exact=True).click()
    expect(embed_link_box(page)).to_have_value(re.compile("theme=dark"))
    expect(button).to_have_text("Copy the code")  # back after two seconds
    button.click()
    expect(button).to_have_text("Copied")
    assert "theme=dark" in page.evaluate("navigator.clipboard.readText()")


# --- the news site and the static host ---------------------------------------------------------

@pytest.fixture(scope="module")
def host_site(tmp_path_factory):
    """A second loopback web server, another origin than the app's: the news site, with its own
    copy of pym.js."""
    root = tmp_path_factory.mktemp("site")
    if not PYM_JS.exists():
        pytest.fail(f"{PYM_JS} is missing: run `make test` (npm ci installs pym.js)")
    shutil.copy(PYM_JS, root / "pym.v1.min.js")
    with static_host.serving(root) as url:
        yield root, url


@pytest.fixture(scope="module")
def static_site(tmp_path_factory, app_url):
    """``make export`` of two charts, hosted on a third origin as a CDN would (gzip twins)."""
    root = tmp_path_factory.mktemp("static")
    with static_host.serving(root) as url:
        assert static_export.main(["--out", str(root), "--static-url", url, "--app-url", app_url,
                                   *[arg for chart in STATIC_CHARTS for arg in ("--chart", chart)]
                                   ]) == 0
        yield root, url


def article(root: Path, name: str, body: str) -> str:
    (root / name).write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>An article</title></head>"
        "<body style='margin:0'><main style='max-width:640px;margin:0 auto'>"
        f"<p>Article text.</p>{body}<p>More article text.</p></main></body></html>",
        encoding="utf-8")
    return name


def live_url(app_url: str, chart_id: str, lang: str = "en") -> str:
    spec = get_chart(chart_id)
    return export.embed_url(app_url, spec, spec.defaults, lang)


def static_url(site_url: str, chart_id: str, lang: str = "en") -> str:
    return export.static_embed_url(site_url, get_chart(chart_id), lang)


def iframe_fit(page, index: int) -> tuple[float, int | None, float | None]:
    """The iframe's height, its content's bottom and its source line's bottom (frame px)."""
    iframe = page.locator("iframe").nth(index)
    frame = iframe.element_handle().content_frame()
    height = iframe.evaluate("f => f.getBoundingClientRect().height")
    return height, frame.evaluate(CONTENT_BOTTOM), frame.evaluate(SOURCE_BOTTOM)


def wait_until_fitted(page, index: int = 0, timeout_s: float = FIT_TIMEOUT_S) -> tuple:
    """Wait until the iframe is as tall as its content (charts drawn); returns the last fit."""
    frame_locator = page.frame_locator("iframe").nth(index)
    expect(frame_locator.locator(".js-plotly-plot .main-svg").first).to_be_visible(
        timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    fit = (0, None, None)
    while time.monotonic() < deadline:
        fit = iframe_fit(page, index)
        height, content, _source = fit
        if content and abs(height - content) <= FIT_PX:
            page.wait_for_timeout(400)  # and still so a moment later: no transient height
            again = iframe_fit(page, index)
            if again[1] and abs(again[0] - again[1]) <= FIT_PX:
                return again
        page.wait_for_timeout(250)
    raise AssertionError(f"iframe {index} did not fit its content: height {fit[0]}, content "
                         f"{fit[1]}")


def assert_source_line_inside(fit) -> None:
    height, _content, source = fit
    assert source is not None, "no source line found in the embed"
    assert source <= height, f"the source line ends at {source} px, the iframe at {height} px"


# --- the project's own snippet -------------------------------------------------------------------

def test_two_embeds_on_one_page_fit_their_content_at_1280_and_after_a_resize_to_375(
        make_page, app_url, host_site):
    """Two live embeds on one article: each iframe follows its own content (the snippet tells
    them apart by the message's source), at desktop width and again on a phone."""
    probe = make_page(viewport={"width": 1280, "height": 900})
    page = probe.page
    root, site_url = host_site
    snippets = "".join(export.embed_snippet(live_url(app_url, chart_id), chart_id, "What it shows")
                       for chart_id in ("channels", "membership-map"))
    page.goto(f"{site_url}/{article(root, 'two.html', snippets)}")
    wide = [wait_until_fitted(page, index) for index in (0, 1)]
    for fit in wide:
        assert fit[0] != 640, "the iframe kept its initial height"
        assert_source_line_inside(fit)
    page.set_viewport_size({"width": 375, "height": 812})
    narrow = []
    for index in (0, 1):
        deadline = time.monotonic() + FIT_TIMEOUT_S
        while iframe_fit(page, index)[0] == wide[index][0] and time.monotonic() < deadline:
            page.wait_for_timeout(250)  # the map gets shorter, the timeline taller
        narrow.append(wait_until_fitted(page, index))
    for fit in narrow:
        assert_source_line_inside(fit)
    assert probe.third_party_requests == []


def test_the_static_chart_page_resizes_its_iframe_on_a_phone(make_page, host_site, static_site):
    page = make_page(viewport={"width": 375, "height": 812}).page
    root, site_url = host_site
    _static_root, static_base = static_site
    snippet = export.embed_snippet(static_url(static_base, "channels", "id"), "Grafik", "Isi")
    page.goto(f"{site_url}/{article(root, 'static.html', snippet)}")
    assert_source_line_inside(wait_until_fitted(page))


FONTS_LOADED = """() => document.fonts.ready.then(() => ({
    loaded: [...document.fonts].filter(face => face.status === 'loaded')
                               .map(face => face.family.replace(/"/g, '')),
    heading: getComputedStyle(document.querySelector('h1')).fontFamily}))"""


def test_the_static_chart_page_is_set_in_the_apps_typeface_from_beside_it(make_page, host_site,
                                                                             static_site):
    page = make_page(viewport={"width": 375, "height": 812}).page
    root, site_url = host_site
    _static_root, static_base = static_site
    snippet = export.embed_snippet(static_url(static_base, "channels", "en"), "Chart", "Words")
    page.goto(f"{site_url}/{article(root, 'typeface.html', snippet)}")
    wait_until_fitted(page)
    embed = page.frames[1]
    fonts = embed.evaluate(FONTS_LOADED)
    assert fonts["loaded"] == ["Source Sans"], fonts
    assert fonts["heading"].startswith('"Source Sans"'), fonts


# --- other hosts ------------------------------------------------------------------------------------

def test_pym_js_sizes_the_live_embed_and_its_query_keys_leave_the_chart_as_it_is(
        make_page, app_url, host_site):
    """NPR's pym.js makes the iframe (adding initialWidth, childId, parentTitle, parentUrl to its
    URL) and sets its height from the embed's pym messages; the chart shows no notice."""
    probe = make_page(viewport={"width": 1280, "height": 900})
    page = probe.page
    root, site_url = host_site
    snippet = export.pym_snippet(live_url(app_url, "delegation-levels"), "A chart", "pym-chart")
    page.goto(f"{site_url}/{article(root, 'pym.html', snippet)}")
    fit = wait_until_fitted(page)
    assert_source_line_inside(fit)
    src = page.locator("#pym-chart iframe").get_attribute("src")
    assert "childId=pym-chart" in src and "parentUrl=" in src
    frame = page.frame_locator("iframe").first
    assert frame.locator('[data-testid="stAlert"]').count() == 0
    assert page.locator("#pym-chart iframe").get_attribute("height") == f"{int(fit[0])}px"


def test_the_plain_iframe_shows_the_whole_static_chart_without_any_script(
        make_page, host_site, static_site):
    """A CMS that strips scripts keeps only the iframe: its height, measured at 640 px by
    make export, holds the whole chart and its source line."""
    page = make_page(viewport={"width": 1280, "height": 900}).page
    root, site_url = host_site
    static_root, static_base = static_site
    answer = json.loads((static_root / "en" / "membership-map.oembed.json").read_text())
    snippet = export.plain_iframe_snippet(static_url(static_base, "membership-map"), "A chart",
                                          answer["height"])
    assert "<script" not in snippet
    page.goto(f"{site_url}/{article(root, 'plain.html', snippet)}")
    frame = page.frame_locator("iframe").first
    expect(frame.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=60_000)
    height, content, source = iframe_fit(page, 0)
    assert height == answer["height"] and content <= height <= content + FIT_PX
    assert_source_line_inside((height, content, source))


def test_amp_and_embedly_style_hosts_get_their_height_messages(make_page, app_url, host_site):
    """An AMP page reads {sentinel: 'amp', type: 'embed-size'}; Embedly and Medium read the
    'iframe.resize' JSON string. A host page that only listens records both."""
    page = make_page(viewport={"width": 640, "height": 900}).page
    root, site_url = host_site
    listener = ("<script>window.heights={amp:[],embedly:[]};window.addEventListener('message',"
                "function(e){var d=e.data;if(d&&d.sentinel==='amp'&&d.type==='embed-size')"
                "heights.amp.push(d.height);if(typeof d==='string'&&d.indexOf('iframe.resize')>0)"
                "heights.embedly.push(JSON.parse(d).height);});</script>")
    frame = (f'<iframe src="{live_url(app_url, "members-over-time")}" title="A chart" '
             'style="width:100%;border:0" height="300"></iframe>')
    page.goto(f"{site_url}/{article(root, 'amp.html', listener + frame)}")
    expect(page.frame_locator("iframe").first.locator(".js-plotly-plot .main-svg").first
           ).to_be_visible(timeout=60_000)
    page.wait_for_function("() => heights.amp.length > 0 && heights.embedly.length > 0",
                           timeout=30_000)
    page.wait_for_timeout(500)
    heights = page.evaluate("() => heights")
    content = page.locator("iframe").element_handle().content_frame().evaluate(CONTENT_BOTTOM)
    assert abs(heights["amp"][-1] - content) <= FIT_PX and heights["embedly"] == heights["amp"]
    assert max(heights["amp"]) <= content + FIT_PX, f"a transient height: {heights['amp']}"


def test_a_sandboxed_live_embed_needs_same_origin_and_says_so(make_page, app_url, host_site):
    """With the documented flags the embed draws; with allow-scripts alone the browser refuses
    Streamlit's module scripts (an opaque origin), and the embed names the flags it needs."""
    probe = make_page(viewport={"width": 1280, "height": 900})
    page = probe.page
    root, site_url = host_site
    src = live_url(app_url, "channels")
    frames = (f'<iframe sandbox="{export.SANDBOX}" src="{src}" style="width:100%;height:700px">'
              f'</iframe><iframe sandbox="allow-scripts" src="{src}" '
              'style="width:100%;height:300px"></iframe>')
    page.goto(f"{site_url}/{article(root, 'sandbox.html', frames)}")
    expect(page.frame_locator("iframe").nth(0).locator(".js-plotly-plot .main-svg").first
           ).to_be_visible(timeout=60_000)
    notice = page.frame_locator("iframe").nth(1).locator("#root p")
    expect(notice).to_contain_text("allow-same-origin", timeout=30_000)
    expect(notice.locator("a")).to_have_attribute("target", "_blank")


# --- oEmbed ------------------------------------------------------------------------------------------

def get(url: str, accept_encoding: str | None = None) -> tuple[int, Message, bytes]:
    """Status, headers (looked up in any case) and body of a GET, without a proxy."""
    headers = {"Accept": "text/html,application/json,*/*"}
    if accept_encoding:
        headers["Accept-Encoding"] = accept_encoding
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def oembed(app_url: str, url: str, **params: str) -> tuple[int, dict]:
    query = "&".join([f"url={quote(url, safe='')}"] + [f"{k}={v}" for k, v in params.items()])
    status, _headers, body = get(f"{app_url}/oembed?{query}")
    return status, json.loads(body)


def test_oembed_answers_for_embed_and_chart_page_urls_with_the_drawn_height(
        make_page, app_url, host_site):
    """The answer's iframe, pasted into a page at its own width, holds the whole embed."""
    status, answer = oembed(app_url, live_url(app_url, "members-over-time"), format="json")
    assert status == 200 and answer["type"] == "rich" and answer["version"] == "1.0"
    assert answer["width"] == 640 and "<script" not in answer["html"]
    status, on_page = oembed(app_url, f"{app_url}/map?chart=role-matrix&lang=id&bloc=SCO",
                             maxwidth="480")
    assert status == 200 and on_page["width"] == 480 and "bloc=SCO" in on_page["html"]

    page = make_page(viewport={"width": 1280, "height": 900}).page
    root, site_url = host_site
    page.goto(f"{site_url}/{article(root, 'oembed.html', answer['html'])}")
    expect(page.frame_locator("iframe").first.locator(".js-plotly-plot .main-svg").first
           ).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1000)
    height, content, source = iframe_fit(page, 0)
    assert content <= height <= content + 120, (content, height)  # never short, a little spare
    assert_source_line_inside((height, content, source))


def test_oembed_refuses_bad_requests_with_json_errors(app_url):
    embed = live_url(app_url, "channels")
    for params, expected in (({"url": "https://elsewhere.example/?embed=true&chart=channels"}, 404),
                             ({"url": live_url(app_url, "channels").replace("channels", "nope")},
                              404),
                             ({"url": f"{app_url}/sources?lang=en"}, 404),
                             ({"url": embed, "format": "xml"}, 501),
                             ({"url": embed, "maxwidth": "wide"}, 400)):
        url = params.pop("url")
        status, body = oembed(app_url, url, **params)
        assert status == expected and "error" in body, (url, params, status, body)


def test_embed_pages_name_their_oembed_answer(app_url):
    status, _headers, body = get(live_url(app_url, "channels"), accept_encoding="gzip")
    assert status == 200
    page = gzip.decompress(body).decode("utf-8")
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"',
                     page)
    assert link, "no oEmbed discovery link"
    status, _headers, answer = get(link.group(1).replace("&amp;", "&"))
    assert status == 200 and json.loads(answer)["type"] == "rich"


# --- compression -------------------------------------------------------------------------------------

def test_html_js_css_and_json_are_served_gzip_compressed(app_url):
    _status, headers, body = get(f"{app_url}/", accept_encoding="gzip")
    assert headers.get("Content-Encoding") == "gzip", "the root document"
    index = gzip.decompress(body).decode("utf-8")
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', index).group(1)
    style = re.search(r'href="\./(static/css/[^"]+\.css)"', index).group(1)
    chunk = re.search(r'href="\./(static/js/PlotlyChart\.[^"]+\.js)"',
                      gzip.decompress(get(f"{app_url}/map?lang=en", "gzip")[2]).decode()).group(1)
    # Not _stcore/host-config: with no trusted origins (.streamlit/config.toml) it is under the
    # 500 bytes worth compressing.
    for path in (script, style, chunk, "map?lang=en",
                 f"oembed?url={quote(live_url(app_url, 'channels'), safe='')}"):
        status, headers, body = get(f"{app_url}/{path}", accept_encoding="gzip")
        assert status == 200 and headers.get("Content-Encoding") == "gzip", path
        assert gzip.decompress(body), path
    status, headers, body = get(f"{app_url}/{chunk}")
    assert "Content-Encoding" not in headers and len(body) > 3_000_000, "identity when not asked"


def test_a_kept_alive_connection_gets_each_answer_without_waiting_for_an_ack(app_url):
    # Headers and body leave in two writes. With Nagle's algorithm on
    # (components/streamlit_compat/tcp_nodelay.py) the body waited for the browser's delayed ACK
    # of the headers: 40 ms on every answer after the first, where the app answers these in about
    # a millisecond.
    host, port = app_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    seconds = []
    try:
        for _ in range(8):
            started = time.perf_counter()
            connection.request("GET", "/_stcore/health")
            response = connection.getresponse()
            assert response.status == 200 and response.read().strip() == b"ok"
            seconds.append(time.perf_counter() - started)
    finally:
        connection.close()
    later = sorted(seconds[1:])
    assert later[len(later) // 2] < 0.02, f"answers took {[round(s * 1000) for s in seconds]} ms"


@pytest.mark.parametrize("chart_id", ["membership-map", "history"])
def test_the_embed_pages_preview_is_as_tall_as_the_embed_on_a_phone(make_page, app_url,
                                                                    open_page, chart_id):
    """The editor sees the embed whole, last note and footer included: the preview takes the
    height the embed reports, not an estimate that clipped it at 375 px."""
    page = make_page(viewport=chromium.PHONE, is_mobile=True, has_touch=True).page
    open_page(page, app_url, "embed", lang="id", chart=chart_id)
    preview = page.locator(".st-key-embed-preview iframe")
    expect(preview).to_be_visible(timeout=30_000)
    index = page.locator("iframe").evaluate_all(
        "frames => frames.findIndex(f => f.closest('.st-key-embed-preview'))")
    fit = wait_until_fitted(page, index)
    assert_source_line_inside(fit)
