"""The proxy as a public front (issue 33, "no limits", cookies without Secure, metrics public):
deploy/haproxy/haproxy.cfg, as compose runs it, with TLS on a certificate made here (openssl),
in front of one replica on loopback: HTTPS works and plain HTTP is sent there, the sticky cookie
is Secure, a burst gets a clear 429, too many connections from one address get 429, and
/_stcore/metrics is denied at the proxy. Lower limits than the defaults keep the test short."""

from __future__ import annotations

import http.client
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from tools import app_server, scale_test

pytestmark = pytest.mark.skipif(not Path(scale_test.HAPROXY).exists() or not shutil.which("openssl"),
                                reason="needs Debian haproxy and openssl")

RATE_LIMIT = 40
CONN_LIMIT = 6


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost; (PEM with the key, certificate)."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
    bundle = folder / "bundle.pem"
    bundle.write_bytes(cert.read_bytes() + key.read_bytes())
    return bundle, cert


@pytest.fixture(scope="module")
def front(tmp_path_factory, app_url):
    folder = tmp_path_factory.mktemp("front")
    bundle, cert = make_certificate(folder)
    http_port, https_port = app_server.free_loopback_port(), app_server.free_loopback_port()
    config = folder / "haproxy.cfg"
    config.write_text(scale_test.loopback_config(scale_test.CONFIG_TEMPLATE.read_text(),
                                                 {"r1": app_url}))
    env = {"PATH": "/usr/bin:/bin", "HAPROXY_BIND": f"127.0.0.1:{http_port}",
           "HAPROXY_TLS_BIND": f"127.0.0.1:{https_port}", "HAPROXY_TLS_CERT": str(bundle),
           "HAPROXY_RATE_LIMIT": str(RATE_LIMIT), "HAPROXY_CONN_LIMIT": str(CONN_LIMIT)}
    check = subprocess.run([scale_test.HAPROXY, "-c", "-q", "-f", str(config)], env=env,
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stdout + check.stderr
    log = (folder / "haproxy.log").open("wb")
    process = subprocess.Popen([scale_test.HAPROXY, "-db", "-f", str(config)], env=env,
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    context = ssl.create_default_context(cafile=str(cert))
    try:
        deadline = time.monotonic() + 30
        while not app_server.health_ok(f"http://127.0.0.1:{http_port}"):
            assert process.poll() is None, (folder / "haproxy.log").read_text()
            assert time.monotonic() < deadline, "no healthy answer through haproxy"
            time.sleep(0.2)
        time.sleep(2.5)  # the replica is up (two checks); let the health probes' counts expire
        yield {"http_port": http_port, "https_port": https_port, "context": context}
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def https_get(front, path: str, connection: http.client.HTTPSConnection | None = None):
    connection = connection or http.client.HTTPSConnection("127.0.0.1", front["https_port"],
                                                           context=front["context"], timeout=30)
    connection.request("GET", path, headers={"Accept": "text/html"})
    response = connection.getresponse()
    return response, response.read()


def wait_for_quiet(seconds: float = 11) -> None:
    time.sleep(seconds)  # the 10 s request-rate window of this client empties


def test_https_serves_the_app_with_a_secure_cookie_and_hsts(front):
    wait_for_quiet()
    response, body = https_get(front, "/?lang=en")
    assert response.status == 200 and b"<html" in body.lower()
    cookie = response.getheader("Set-Cookie") or ""
    assert cookie.startswith("SERVERID=")
    attributes = [part.strip().lower() for part in cookie.split(";")]
    assert "secure" in attributes and "httponly" in attributes and "samesite=none" in attributes
    assert "max-age" in (response.getheader("Strict-Transport-Security") or "")
    # The app's own headers pass through the proxy.
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_plain_http_is_sent_to_https_but_the_health_check(front):
    connection = http.client.HTTPConnection("127.0.0.1", front["http_port"], timeout=30)
    connection.request("GET", "/map?lang=en")
    response = connection.getresponse()
    response.read()
    assert response.status == 301 and response.getheader("Location", "").startswith("https://")
    connection.request("GET", "/_stcore/health")
    response = connection.getresponse()
    assert response.status == 200 and response.read().strip() == b"ok"


def test_metrics_are_denied_at_the_proxy(front):
    for path in ("/_stcore/metrics", "/_stcore/metrics/"):
        response, body = https_get(front, path)
        assert response.status == 404 and b"session" not in body


def test_a_burst_of_requests_gets_a_clear_429(front):
    wait_for_quiet()
    connection = http.client.HTTPSConnection("127.0.0.1", front["https_port"],
                                             context=front["context"], timeout=30)
    statuses = []
    for _ in range(RATE_LIMIT + 10):
        response, body = https_get(front, "/_stcore/health", connection)
        statuses.append(response.status)
        if response.status == 429:
            assert response.getheader("Retry-After") == "10"
            assert b"Too many requests" in body
            break
    # HAProxy's rate is a sliding estimate over two periods: the limit bites near, not at, 40.
    assert statuses[:RATE_LIMIT // 2] == [200] * (RATE_LIMIT // 2)
    assert statuses[-1] == 429, statuses
    wait_for_quiet()
    assert https_get(front, "/_stcore/health")[0].status == 200  # and it passes


def test_too_many_connections_from_one_address_get_429(front):
    wait_for_quiet()
    held = []
    try:
        for _ in range(CONN_LIMIT):
            sock = socket.create_connection(("127.0.0.1", front["http_port"]), timeout=10)
            held.append(sock)
        time.sleep(0.3)
        connection = http.client.HTTPConnection("127.0.0.1", front["http_port"], timeout=30)
        connection.request("GET", "/_stcore/health")
        response = connection.getresponse()
        body = response.read()
        assert response.status == 429 and b"Too many open connections" in body
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.5)
    connection = http.client.HTTPConnection("127.0.0.1", front["http_port"], timeout=30)
    connection.request("GET", "/_stcore/health")
    assert connection.getresponse().status == 200
