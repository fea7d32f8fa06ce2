"""PNG and SVG downloads do not start Chromium on every click (issue 33, "each PNG/SVG click runs
the server's Chromium, not cached"): a view's image is made once per data version and shared by
every reader, and the images kept stay within their byte budget."""

from __future__ import annotations

import pytest

from components.charts import cache
from components.data.source import current_package
from components.registry import get_chart
from components.ui import frame


@pytest.fixture
def chromium_calls(monkeypatch) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []

    def figure_image(figure, fmt, width=None):
        calls.append((figure.layout.title.text or "", fmt))
        return f"{fmt} {len(calls)}".encode()

    monkeypatch.setattr(frame.export, "figure_image", figure_image)
    cache.clear()
    yield calls
    cache.clear()


def test_many_clicks_on_one_view_make_its_image_once(chromium_calls):
    data = current_package()
    spec = get_chart("history")
    values = {param.key: param.default for param in spec.params}
    chart = cache.built(spec, data, values, "en")
    images = {frame.view_image(spec, chart, data, values, "en", "Source: x", "png")
              for _ in range(20)}
    assert images == {b"png 1"} and len(chromium_calls) == 1
    frame.view_image(spec, chart, data, values, "en", "Source: x", "svg")
    frame.view_image(spec, chart, data, values, "id", "Sumber: x", "png")
    assert [fmt for _, fmt in chromium_calls] == ["png", "svg", "png"]


def test_a_flood_of_distinct_views_keeps_the_images_within_their_budget(monkeypatch):
    monkeypatch.setattr(cache._images, "max_bytes", 1000)
    data = current_package()
    spec = get_chart("history")
    for n in range(500):
        cache.image("png", spec, data, {"view": n}, "en", lambda: bytes(100))
    assert cache._images._bytes == 1000 and len(cache._images._entries) == 10
