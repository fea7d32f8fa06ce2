"""The app's own routes beside Streamlit's, under its base URL path where it has one."""

import streamlit as st

from components.map.geometry import GEOMETRY_URL_PATH
from components.publish.first_paint import URL_PATH
from components.web import server


def test_the_routes_are_the_shapes_the_first_paint_images_and_oembed(monkeypatch):
    paths = [route.path for route in server.routes()]
    assert paths == [GEOMETRY_URL_PATH, f"{URL_PATH}/{{name}}", "/oembed"]
    monkeypatch.setattr(st, "get_option", lambda name: "/news/dashboard/")
    assert server.base_path() == "/news/dashboard"
    assert server.routes()[-1].path == "/news/dashboard/oembed"
