"""The app's own routes beside Streamlit's, under its base URL path where it has one."""

import streamlit as st

from components.map.geometry import GEOMETRY_URL_PATH
from components.publish.first_paint import URL_PATH
from components.web import server
from tests.unit.asgi_request import route_request


def test_the_routes_are_the_shapes_the_first_paint_images_oembed_and_the_feed(monkeypatch):
    paths = [route.path for route in server.routes()]
    assert paths == [GEOMETRY_URL_PATH, f"{URL_PATH}/{{name}}", "/social-card/{name}", "/oembed",
                     "/corrections.atom", "/robots.txt", "/sitemap.xml", "/data/{name}"]
    monkeypatch.setattr(st, "get_option", lambda name: "/news/dashboard/")
    assert server.base_path() == "/news/dashboard"
    assert [route.path for route in server.routes()[2:5]] == [
        "/news/dashboard/social-card/{name}", "/news/dashboard/oembed",
        "/news/dashboard/corrections.atom"]


def test_a_card_is_asked_for_by_chart_and_png_and_a_busy_worker_points_to_the_default(
        monkeypatch):
    from components.publish import first_paint, social_cards

    assert server.view_card("no-such-chart.png", {})[0] == 404
    assert server.view_card("history.svg", {})[0] == 404

    def busy(chart, text):
        raise social_cards.WorkerBusy("4 waiting")

    monkeypatch.setattr(social_cards, "drawn_card", busy)
    status, where, headers = server.view_card("history.png", {"lang": ["en"], "from": ["1990"]})
    card = first_paint.manifest_entry("history", "en")["card"]
    assert (status, where) == (302, f"{URL_PATH}/{card}") and headers["Cache-Control"] == "no-store"
    monkeypatch.setattr(social_cards, "drawn_card", lambda chart, text: b"png of " + chart.title.encode())
    status, body, headers = server.view_card("history.png", {"lang": ["en"], "from": ["1991"]})
    assert status == 200 and body.startswith(b"png of ") and "max-age" in headers["Cache-Control"]


def test_the_feed_is_served_in_the_links_language_and_kept_private_to_its_host(monkeypatch):
    from lxml import etree

    def get(query: str, host: str) -> tuple[dict, bytes]:
        status, headers, body = route_request(server.routes(), "/corrections.atom", query, host)
        assert status == 200
        return headers, body

    monkeypatch.delenv("DASHBOARD_APP_URL", raising=False)
    headers, body = get("lang=en", "dash.example")
    assert headers["content-type"].startswith("application/atom+xml")
    assert headers["cache-control"].startswith("private") and headers["vary"] == "Host"
    feed = etree.fromstring(body)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext("{http://www.w3.org/2005/Atom}id").startswith("http://dash.example/")
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) > 10
    monkeypatch.setenv("DASHBOARD_APP_URL", "https://public.example/ru")
    headers, body = get("lang=xx", "evil.example")
    assert b"evil.example" not in body and b"https://public.example/ru" in body
    assert headers["cache-control"].startswith("public")
    assert etree.fromstring(body).get("{http://www.w3.org/XML/1998/namespace}lang") == "id"


def test_robots_and_the_sitemap_are_served_at_the_apps_address(monkeypatch):
    monkeypatch.setenv("DASHBOARD_APP_URL", "https://public.example")

    def get(path: str) -> bytes:
        status, _, body = route_request(server.routes(), path, host="evil.example")
        assert status == 200
        return body

    assert b"Sitemap: https://public.example/sitemap.xml" in get("/robots.txt")
    sitemap = get("/sitemap.xml")
    assert b"<loc>https://public.example/map?lang=en</loc>" in sitemap and b"evil" not in sitemap


def test_a_views_data_is_an_address_any_replica_answers_with_the_exports_bytes(monkeypatch):
    import io
    import zipfile

    from components.data.package import read_package
    from components.publish import export
    from components.registry import get_chart

    monkeypatch.setenv("DASHBOARD_APP_URL", "https://public.example")
    spec = get_chart("members-over-time")
    status, body, media = server.view_data(
        "members-over-time.csv", {"lang": ["en"], "bloc": ["EAEU"]}, "https://public.example")
    expected = export.rows_csv(spec.make(read_package(), {**spec.defaults, "bloc": "EAEU"}, "en"))
    assert (status, media) == (200, "text/csv; charset=utf-8") and body == expected
    status, body, media = server.view_data(
        "members-over-time.zip", {"lang": ["id"], "bloc": ["EAEU"]}, "https://public.example")
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        readme = archive.read("members-over-time-id/README.md").decode("utf-8")
    assert status == 200 and "https://public.example/map?lang=id&bloc=EAEU" in readme
    for name, query in (("no-such-chart.csv", {}), ("members-over-time.exe", {}),
                        ("members-over-time", {})):
        assert server.view_data(name, query, "https://x")[0] == 404
    # A value the chart does not take falls back to its default, as in the app.
    assert server.view_data("members-over-time.csv", {"bloc": ["moon"], "lang": ["en"]},
                            "https://x")[1] == export.rows_csv(spec.make(read_package(),
                                                                          dict(spec.defaults), "en"))
    assert export.data_path(spec, {**spec.defaults, "bloc": "EAEU"}, "en", "csv") == (
        "data/members-over-time.csv?lang=en&bloc=EAEU")
