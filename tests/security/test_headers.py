"""Headers and closed paths on the live app (issue 33, "Headers and config"): a CSP, nosniff and
a Referrer-Policy on every answer; dashboard pages framed only by the app itself, embeds and the
static chart pages by any site; /_stcore/metrics closed; oEmbed's 400 on any bad size, and no
``Host`` in an answer a shared cache may keep; Streamlit's trusted origins and error details."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import quote, urlencode

import pytest

from components.registry import CHARTS
from components.web import server
from tests.security.conftest import fetch
from tests.unit.asgi_request import route_request

PAGES = ("/", "/map", "/?embed=true&chart=" + CHARTS[0].chart_id, "/app/static/embed-height.js",
         "/_stcore/health", "/oembed?url=x")


def frame_ancestors(headers) -> str:
    policy = headers.get("Content-Security-Policy") or ""
    return next((d.strip() for d in policy.split(";") if d.strip().startswith("frame-ancestors")), "")


@pytest.mark.parametrize("path", PAGES)
def test_every_answer_has_a_csp_nosniff_and_a_referrer_policy(app_url, path):
    answer = fetch(app_url + path, headers={"Accept": "text/html"})
    assert answer.headers.get("X-Content-Type-Options") == "nosniff"
    assert answer.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin"
    policy = answer.headers.get("Content-Security-Policy") or ""
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    # Nothing from a third party in any directive.
    assert "http" not in policy and "*." not in policy


def test_a_dashboard_page_is_framed_only_by_the_app_itself(app_url):
    for path in ("/", "/map?lang=en", "/cooperation"):
        answer = fetch(app_url + path, headers={"Accept": "text/html"})
        assert frame_ancestors(answer.headers) == "frame-ancestors 'self'", path
        assert answer.headers.get("X-Frame-Options") == "SAMEORIGIN"


def test_an_embed_and_a_static_chart_page_are_framed_by_any_site(app_url):
    for path in (f"/?embed=true&chart={CHARTS[0].chart_id}&lang=en", "/app/static/embed-height.js"):
        answer = fetch(app_url + path, headers={"Accept": "text/html"})
        assert answer.status == 200, path
        assert frame_ancestors(answer.headers) == "frame-ancestors *", path
        assert "X-Frame-Options" not in answer.headers


@pytest.mark.parametrize("method", ["GET", "OPTIONS"])
def test_streamlits_metrics_are_closed_to_readers(app_url, method):
    # A reader's request as the app sees it from a proxy on the same machine (uvicorn takes the
    # client's address from X-Forwarded-For when the peer is loopback).
    answer = fetch(app_url + "/_stcore/metrics", method=method,
                   headers={"X-Forwarded-For": "203.0.113.5"})
    assert answer.status in (403, 404)
    assert b"session" not in answer.body.lower()


@pytest.mark.parametrize(("client", "reaches_streamlit"),
                         [("203.0.113.5", False), ("10.0.0.7", False), ("::ffff:10.0.0.7", False),
                          ("127.0.0.1", True), ("::1", True)])
def test_the_metrics_answer_only_a_client_on_the_machine(client, reaches_streamlit):
    from components.web.headers import SecurityHeaders

    reached = []

    async def streamlit(scope, receive, send):
        reached.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"active_sessions 1"})

    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/_stcore/metrics", "query_string": b"",
             "headers": [], "client": (client, 5000)}
    asyncio.run(SecurityHeaders(streamlit)(scope, receive, send))
    assert bool(reached) == reaches_streamlit
    assert sent[0]["status"] == (200 if reaches_streamlit else 404)


def test_no_origin_but_the_apps_own_may_command_it(app_url):
    # Streamlit's default lets frames from https://*.streamlit.app send the app commands.
    config = json.loads(fetch(app_url + "/_stcore/host-config").body)
    assert config["allowedOrigins"] == []


def test_readers_are_sent_no_error_details_and_hosts_are_listed():
    import streamlit.config as config
    config.get_config_options(force_reparse=True)
    assert config.get_option("client.showErrorDetails") == "none"
    hosts = config.get_option("server.allowedHosts")
    assert hosts and "*" not in hosts


@pytest.mark.parametrize("size", ["²", "٣", "1" * 5000, "0", "-5", "1e3", "10000000"])
def test_oembed_answers_400_to_any_bad_size(app_url, size):
    for name in ("maxwidth", "maxheight"):
        url = f"{app_url}/?embed=true&chart={CHARTS[0].chart_id}"
        answer = fetch(f"{app_url}/oembed?" + urlencode({"url": url, name: size}))
        assert answer.status == 400, (name, size[:10], answer.status)
        assert "error" in json.loads(answer.body)


def test_oembed_answers_at_the_hosts_address_only_privately(app_url):
    host = app_url.split("//")[1]
    url = f"http://evil.example/?embed=true&chart={CHARTS[0].chart_id}"
    answer = fetch(f"{app_url}/oembed?url={quote(url)}", headers={"Host": "evil.example"})
    assert answer.status == 200  # no public address set: the host the request came to
    assert "evil.example" in answer.body.decode()
    cache = answer.headers.get("Cache-Control", "")
    assert "public" not in cache and ("private" in cache or "no-store" in cache)
    assert "host" in answer.headers.get("Vary", "").lower()
    assert host  # the app's own address answers too (tests/unit/publish/test_oembed.py)


# --- the oEmbed route with a public address set: straight through the ASGI app ------------------

def call_route(path: str, query: str, host: str) -> tuple[int, dict[str, str], bytes]:
    return route_request(server.routes(), path, query, host)


def test_with_a_public_address_oembed_never_reflects_the_host(monkeypatch):
    monkeypatch.setenv("DASHBOARD_APP_URL", "https://dash.example.org")
    chart = CHARTS[0].chart_id
    forged = urlencode({"url": f"http://evil.example/?embed=true&chart={chart}"})
    status, headers, body = call_route("/oembed", forged, "evil.example")
    assert status == 404 and b"evil.example" not in body
    public = urlencode({"url": f"https://dash.example.org/?embed=true&chart={chart}"})
    status, headers, body = call_route("/oembed", public, "evil.example")
    assert status == 200 and b"evil.example" not in body
    assert "https://dash.example.org/?embed=true" in json.loads(body)["html"]
    assert "public" in headers["cache-control"]


# --- the rewritten page: whole, and never "not modified" by the shipped page's validators -------

def test_a_range_request_on_a_page_gets_the_whole_rewritten_page(app_url):
    whole = fetch(app_url + "/map?lang=en", headers={"Accept": "text/html"})
    ranged = fetch(app_url + "/map?lang=en", headers={"Accept": "text/html", "Range": "bytes=0-1200"})
    assert ranged.status == 200 and "Content-Range" not in ranged.headers
    assert int(ranged.headers["Content-Length"]) == len(ranged.body) == len(whole.body)


def test_a_conditional_request_on_a_page_is_answered_with_the_current_page(app_url):
    page = fetch(app_url + "/?lang=en", headers={"Accept": "text/html"})
    assert "ETag" not in page.headers and "Last-Modified" not in page.headers
    for validator in ({"If-None-Match": "*"},
                      {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}):
        again = fetch(app_url + "/?lang=en", headers={"Accept": "text/html", **validator})
        assert again.status == 200 and b"<title>" in again.body, validator


def upgrade_status(app_url: str, host: str) -> int:
    import base64
    import http.client
    import os

    address = app_url.split("//")[1]
    connection = http.client.HTTPConnection(address, timeout=10)
    connection.putrequest("GET", "/_stcore/stream", skip_host=True)
    for name, value in (("Host", host), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
                        ("Sec-WebSocket-Version", "13"),
                        ("Sec-WebSocket-Key", base64.b64encode(os.urandom(16)).decode()),
                        ("Sec-WebSocket-Protocol", "streamlit")):
        connection.putheader(name, value)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def test_a_websocket_to_a_host_name_not_configured_is_refused(app_url):
    # DNS rebinding: a page on evil.example whose name now points at the app.
    assert upgrade_status(app_url, app_url.split("//")[1]) == 101
    assert upgrade_status(app_url, "evil.example") != 101


def test_a_text_frame_on_the_stream_closes_it_without_a_traceback(running_app):
    import asyncio

    import websockets

    async def send_text() -> int | None:
        url = running_app.url.replace("http", "ws", 1) + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"]) as socket:
            await socket.send("not a protobuf message")
            try:
                await asyncio.wait_for(socket.recv(), 5)
            except websockets.ConnectionClosed as closed:
                return closed.rcvd.code if closed.rcvd else None
        return None

    assert asyncio.run(send_text()) == 1003  # unsupported data
    assert "Traceback" not in running_app.output(100_000)
