"""Embeds in a real Chromium: each chart alone, drawn, and an iframe that follows its content."""

import functools
import http.server
import threading

import pytest
from playwright.sync_api import expect

from components import export
from components.registry import CHARTS, get_chart


def test_an_unknown_chart_id_shows_the_valid_ids(page, app_url, open_page):
    """A typo in the chart id tells the editor which ids exist."""
    open_page(page, app_url, "", heading=False, embed="true", chart="nope", lang="en")
    alert = page.locator('[data-testid="stAlert"]').first
    expect(alert).to_contain_text("nope")
    for spec in CHARTS:
        expect(alert).to_contain_text(spec.chart_id)


@pytest.fixture(scope="module")
def host_site(tmp_path_factory):
    """A second loopback web server, another origin than the app's: the news site."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def host_page(app_url: str, chart_id: str) -> str:
    spec = get_chart(chart_id)
    url = export.embed_url(app_url, spec, spec.defaults, "en")
    snippet = export.embed_snippet(url, "A chart", "What it shows")
    return (f"<!DOCTYPE html><html><body style='margin:0'><p>Article text.</p>{snippet}"
            "<p>More article text.</p></body></html>")


@pytest.mark.parametrize("width", [375, 768, 1280])
def test_the_iframe_resizes_to_its_content_at_every_width(make_page, app_url, host_site, width):
    """The host page's iframe grows or shrinks to the embedded chart's height, so the reader
    never scrolls inside the iframe."""
    probe = make_page(viewport={"width": width, "height": 900})
    page = probe.page
    root, site_url = host_site
    (root / "article.html").write_text(host_page(app_url, CHARTS[0].chart_id), encoding="utf-8")
    page.goto(f"{site_url}/article.html")
    iframe = page.locator("iframe")
    frame = page.frame_locator("iframe")
    expect(frame.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    page.wait_for_function(
        "() => document.querySelector('iframe').style.height !== ''", timeout=30_000)
    page.wait_for_timeout(1500)  # let the chart settle and the last height message arrive
    height = iframe.evaluate("f => f.getBoundingClientRect().height")
    content = frame.locator('[data-testid="stMainBlockContainer"]').evaluate(
        "b => b.getBoundingClientRect().height")
    assert height != 640, "the iframe kept its initial height"
    assert content <= height <= content + 80, (content, height)
    assert probe.third_party_requests == []


def embed_link(page) -> str:
    return page.locator('[data-testid="stCode"]').nth(1).inner_text().strip()


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
    expect(page.locator('[data-testid="stCode"]').nth(1)).to_contain_text(
        "tracks=ASEAN~EAS~ASEAN-Russia~EAEU~Russia")
    sco.click()
    expect(sco).to_have_attribute("aria-pressed", "true")
    expect(page.locator('[data-testid="stCode"]').nth(1)).not_to_contain_text("tracks=")
