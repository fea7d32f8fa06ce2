"""The live embed's first paint: made ahead for every chart's default view, shown only where it
still matches the figure, escaped, and placed so that the image is asked for before Streamlit."""

import dataclasses
import html
import re
from pathlib import Path

import pytest
import streamlit

from components.data.citations import source_text
from components.data.source import current_package
from components.publish import first_paint
from components.registry import CHARTS, get_chart
from components.streamlit_compat.front_end import APP_START_TIMEOUT_MS
from components.text.i18n import LANGS, t
from components.web import link_previews
from components.web.link_previews import first_paint_for, rewrite

STREAMLIT_PAGE = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
EMBED = "embed=true&chart=channels&lang=en"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.chart_id)
def test_every_chart_has_a_first_paint_that_matches_its_figure(spec, lang, build):
    entry = first_paint.read_manifest().get(spec.chart_id, {}).get(lang)
    assert entry, f"no first paint for {spec.chart_id} ({lang}): run `make previews`"
    chart = build(spec, lang=lang)
    assert entry["figure"] == first_paint.figure_digest(chart), (
        f"the first paint of {spec.chart_id} ({lang}) shows another figure than the chart draws "
        f"now; what changed: {first_paint.what_changed(entry.get('summary', {}), chart)}. If "
        "the change is meant, run `make previews` and look at the new images.")
    for kind in ("wide", "narrow"):
        path = first_paint.image_path(entry[kind])
        assert path is not None and path.stat().st_size > 1000, entry[kind]


def test_a_stale_first_paint_says_what_changed_in_the_figure(build):
    chart = build(get_chart("channels"), lang="en")
    summary = first_paint.figure_summary(chart)
    assert first_paint.what_changed(summary, chart) == "nothing in its title or marks"
    older = {**summary, "title": "An older title",
             "marks": [[kind, name, count + 1] for kind, name, count in summary["marks"]]}
    said = first_paint.what_changed(older, chart)
    assert "title 'An older title' -> " in said and f"{chart.title!r}" in said
    assert "marks" in said and str(summary["marks"][0][2] + 1) in said
    assert "made before" in first_paint.what_changed({}, chart)


def test_only_the_listed_images_are_served():
    listed = first_paint.read_manifest()["channels"]["en"]["wide"]
    assert first_paint.image_path(listed) == first_paint.PREVIEWS_DIR / listed
    for name in ("previews.json", "../datapackage.json", "..%2Fsources.csv", "channels.svg"):
        assert first_paint.image_path(name) is None


def test_a_default_embed_gets_its_first_paint_and_other_views_do_not(build):
    paint = first_paint_for(EMBED)
    chart = build(get_chart("channels"))
    assert paint is not None
    assert f"<h1>{html.escape(chart.title)}</h1>" in paint.body
    assert f"{t('frame.source', 'en')}: " in paint.body
    assert "/chart-preview/channels-en-narrow-" in paint.head
    for query in ("chart=channels&lang=en",  # a chart on its page: not an embed
                  "embed=true&chart=no-such-chart",
                  "embed=true&chart=delegation-levels&level=minister",  # not the default view
                  "embed=false&chart=channels",
                  "embed=true&chart=channels",  # no language: the browser's decides, in the app
                  "embed=true&chart=channels&lang=xx"):
        assert first_paint_for(query) is None, query


@pytest.mark.parametrize("lang", LANGS)
def test_the_maps_first_paint_credits_its_shapes_and_capitals_as_the_live_frame_does(lang):
    paint = first_paint_for(f"embed=true&chart=membership-map&lang={lang}")
    spec = get_chart("membership-map")
    chart = spec.make(current_package(), dict(spec.defaults), lang)
    line = re.search(r'<p class="source">(.*?)</p>', paint.body).group(1)
    live = source_text(current_package()["sources"], chart.source_ids, lang, credits=chart.credits)
    assert chart.credits and re.sub(r"<[^>]+>", "", html.unescape(line)) == live
    assert "Natural Earth" in line


def test_an_image_that_no_longer_matches_its_figure_is_not_shown(monkeypatch):
    manifest = first_paint.read_manifest()
    stale = {**manifest, "channels": {**manifest["channels"],
                                      "en": {**manifest["channels"]["en"], "figure": "0" * 16}}}
    monkeypatch.setattr(first_paint, "_manifest", lambda: stale)
    assert first_paint_for(EMBED) is None
    assert first_paint_for("embed=true&chart=channels&lang=id") is not None


def test_text_from_the_data_stays_text_in_the_first_paint(build):
    spec = get_chart("channels")
    planted = "<img src=x onerror=alert(1)>"
    chart = dataclasses.replace(build(spec), title=planted, subtitle=planted, notes=(planted,),
                                description='" onload="alert(1)')
    body = first_paint.body_html(spec, chart, {planted: "javascript:alert(1)"}, "en", "w.svg",
                                 "n.svg", credits=[(planted, {planted: "javascript:alert(1)"})])
    assert "<img src=x" not in body and 'onload="alert' not in body
    assert "javascript:" not in body


def test_the_page_asks_for_the_image_before_streamlits_modules():
    page = rewrite(STREAMLIT_PAGE, "/", EMBED, origin="http://127.0.0.1:8501")
    assert page.startswith("<!--") and '<html class="ru-first-paint" lang="en">' in page
    head = page.split("</head>", 1)[0]
    # Streamlit's entry module and its preloads are no longer in the HTML: the start script adds
    # them, the plotly chunk first, once the image has arrived (or after a few seconds).
    assert not re.search(r'<script type="module"', page)
    assert '<link rel="modulepreload"' not in page
    start = head.split("window.__ruStartApp = function", 1)[1]
    modules = re.findall(r'\./static/js/[\w.-]+\.js', start)
    assert modules[0].startswith("./static/js/PlotlyChart.") and len(modules) > 10
    assert re.search(r'\./static/js/index\.[\w-]+\.js', start)
    assert f"setTimeout(window.__ruStartApp, {APP_START_TIMEOUT_MS})" in start
    assert head.index('rel="preload" as="image"') < head.index("__ruStartApp")
    body = page.split("<body>", 1)[1]
    assert body.index('<main id="ru-first-paint">') < body.index('<div id="root">')
    assert 'onload="__ruStartApp()" onerror="__ruStartApp()"' in body


def test_pages_and_other_embeds_keep_streamlits_own_html():
    for path, query in (("/map", "lang=en"),
                        ("/", "embed=true&chart=delegation-levels&level=minister")):
        page = rewrite(STREAMLIT_PAGE, path, query)
        assert "ru-first-paint" not in page and '<script type="module" crossorigin' in page


def test_a_first_paint_that_fails_leaves_the_embed_as_it_was(monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a table is missing")

    monkeypatch.setattr(link_previews, "first_paint_for", broken)
    page = rewrite(STREAMLIT_PAGE, "/", EMBED)
    assert "ru-first-paint" not in page and '<script type="module" crossorigin' in page
