"""``make export`` files open from disk in Chromium with every network request blocked."""

import json
import re

import pytest

from components.publish import static_export
from components.registry import CHARTS

CHART_IDS = [spec.chart_id for spec in CHARTS]
STATIC_URL = "https://static.example.org/ru-asean"
APP_URL = "https://app.example.org"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    assert static_export.main(["--out", str(out), "--static-url", STATIC_URL,
                               "--app-url", APP_URL]) == 0
    return out


def offline_page(browser):
    context = browser.new_context()
    requested = []

    def only_files(route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            requested.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, requested, errors


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_an_exported_chart_renders_offline(browser, exported, chart_id):
    """The standalone HTML and the static chart page draw their chart from files beside them,
    and ask the network nothing; the static page shows its preview image first."""
    context, page, requested, errors = offline_page(browser)
    page.goto((exported / "en" / f"{chart_id}.html").as_uri())
    page.wait_for_function("() => !!document.querySelector('.js-plotly-plot .main-svg')")
    assert page.locator(".js-plotly-plot .main-svg path, .js-plotly-plot .point").count() > 0

    static_page = exported / "en" / f"{chart_id}.embed.html"
    # The preview image comes first in the page itself (the chart, on a fast machine and a light
    # bundle, may replace it before a look at the live page).
    assert re.search(r'id="chart"[^>]*>\s*<picture>.*?<img [^>]*alt="[^"]+"',
                     static_page.read_text(encoding="utf-8"), flags=re.S)
    page.goto(static_page.as_uri())
    page.wait_for_function("() => !document.querySelector('#chart picture')"
                           " && !!document.querySelector('#chart .main-svg')", timeout=60_000)
    assert page.locator("#chart .main-svg path, #chart .point").count() > 0
    # A valid font list: the heading is not in the browser's serif default.
    assert "serif" not in page.evaluate(
        "() => getComputedStyle(document.querySelector('h1')).fontFamily").replace("sans-serif", "")
    assert page.locator(".links a").count() == 2  # Get the data, Full dashboard
    assert requested == [] and errors == []
    context.close()


def test_every_chart_has_its_files_in_both_languages_and_the_gallery_links_them(exported):
    gallery = (exported / "index.html").read_text(encoding="utf-8")
    assert (exported / static_export.FONT_FILE).read_bytes()[:4] == b"wOF2"  # the pages' typeface
    for lang in ("id", "en"):
        for chart_id in CHART_IDS:
            for suffix in (".html", ".png", ".svg", ".csv", "-fallback.html", ".embed.html",
                           ".oembed.json"):
                path = exported / lang / f"{chart_id}{suffix}"
                assert path.stat().st_size > 0, path
                assert f"{lang}/{chart_id}{suffix}" in gallery
            assert list((exported / lang).glob(f"{chart_id}.preview.*"))
            answer = json.loads((exported / lang / f"{chart_id}.oembed.json").read_text())
            assert answer["type"] == "rich" and answer["width"] == 640 and answer["height"] > 300
            assert f'{STATIC_URL}/{lang}/{chart_id}.embed.html' in answer["html"]
            assert (exported / lang / f"{chart_id}.embed.html.gz").exists()
    for snippet in ("embed=true", "<iframe", "new pym.Parent", "amp-iframe", STATIC_URL, APP_URL):
        assert snippet.replace("<", "&lt;") in gallery, snippet
    assert (exported / "plotly.min.js").stat().st_size > 1_000_000
    assert (exported / "plotly.min.js.gz").stat().st_size < 2_000_000


def test_without_addresses_the_gallery_names_the_flags_and_writes_no_address(tmp_path):
    assert static_export.main(["--out", str(tmp_path), "--chart", "channels"]) == 0
    written = "".join(path.read_text(encoding="utf-8") for path in
                      [tmp_path / "index.html", *tmp_path.glob("*/channels.embed.html")])
    assert "--static-url" in written and "--app-url" in written
    # No address of the app or the static host (the source lines link their sources).
    assert not re.search(r'src="https?://', written)
    assert "embed=true" not in written and "json+oembed" not in written
    assert 'target="_blank"' not in written  # no "Full dashboard" link without --app-url
    assert not list(tmp_path.glob("*/*.oembed.json"))


def test_export_fails_clearly_without_chromium(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(static_export.export, "chromium_path", lambda: None)
    assert static_export.main(["--out", str(tmp_path)]) == 2
    assert "needs Chromium" in capsys.readouterr().err


def test_a_static_page_takes_the_dark_plain_and_transparent_flags(browser, exported):
    """The flags an editor adds to a static page's address: dark colours (the subplot's grid
    too), the chart and source only, no background."""
    from components.charts.theme import DARK_COLOURS, GRID_COLOUR

    context, page, requested, errors = offline_page(browser)
    base = (exported / "en" / "history.embed.html").as_uri()
    page.goto(f"{base}?theme=dark&plain=1")
    page.wait_for_function("() => !!document.querySelector('#chart .main-svg')", timeout=60_000)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(14, 17, 23)"
    assert not page.locator("h1").is_visible() and not page.locator(".links").is_visible()
    assert page.locator(".source").is_visible()
    grid = page.evaluate("document.querySelector('#chart .js-plotly-plot')._fullLayout"
                         ".xaxis2.gridcolor")
    assert grid.lower() == DARK_COLOURS[GRID_COLOUR].lower()
    page.goto(f"{base}?transparent=1&theme=nonsense")
    page.wait_for_function("() => !!document.querySelector('#chart .main-svg')", timeout=60_000)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert page.locator("h1").is_visible()  # a bad theme is the default: light and whole
    assert requested == [] and errors == []
    context.close()
