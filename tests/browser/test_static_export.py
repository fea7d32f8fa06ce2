"""``make export`` files open from disk in Chromium with every network request blocked."""

import pytest

from components import static_export
from components.registry import CHARTS

CHART_IDS = [spec.chart_id for spec in CHARTS]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    assert static_export.main(["--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_an_exported_chart_renders_offline(browser, exported, chart_id):
    """The standalone HTML draws its chart from files beside it, and asks the network nothing."""
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
    page.goto((exported / "en" / f"{chart_id}.html").as_uri())
    page.wait_for_function("() => !!document.querySelector('.js-plotly-plot .main-svg')")
    assert page.locator(".js-plotly-plot .main-svg path, .js-plotly-plot .point").count() > 0
    assert requested == [] and errors == []
    context.close()


def test_every_chart_has_its_files_in_both_languages_and_the_gallery_links_them(exported):
    gallery = (exported / "index.html").read_text(encoding="utf-8")
    for lang in ("id", "en"):
        for chart_id in CHART_IDS:
            for suffix in (".html", ".png", ".svg", ".csv", "-fallback.html"):
                path = exported / lang / f"{chart_id}{suffix}"
                assert path.stat().st_size > 0, path
                assert f"{lang}/{chart_id}{suffix}" in gallery
    assert "embed=true" in gallery and "iframe" in gallery
    assert (exported / "plotly.min.js").stat().st_size > 1_000_000


def test_export_fails_clearly_without_chromium(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(static_export.export, "chromium_path", lambda: None)
    assert static_export.main(["--out", str(tmp_path)]) == 2
    assert "needs Chromium" in capsys.readouterr().err
