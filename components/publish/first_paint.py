"""The live embed's first paint: the chart as an image in the page's own HTML, before Streamlit.

On a phone over a slow network, Streamlit's front end (2.5 MB) takes 15-20 s to boot and draw
an embedded chart, while the static chart page shows its image in about 2 s. So the live
embed's HTML (rewritten by ``components.web.link_previews``) carries the chart-only layout the static page
has: title, subtitle, the chart as an image, source line, notes and footer. Streamlit boots
underneath, hidden, and takes its place once its own chart is drawn (or once its run has ended
without one: an error, a notice). A reader sees the chart at once and can use it a little later.

The images are the static pages' preview images (``export.preview_image``), made ahead by
``make previews`` into ``data/cache/previews/`` and committed, like the geocoding cache: the
server never starts a browser. Each is made for a chart's default view in one language and
names the digest of the figure it shows. A view with other parameters, or a figure that no
longer matches its image (new data, a changed builder), gets no first paint: the embed then
loads as before. ``tests/unit/publish/test_first_paint.py`` fails when the committed images are stale, naming
what changed.

This module makes the layout and the images; putting them into Streamlit's page, and handing
over to it, is Streamlit's internals (``components.streamlit_compat.front_end``).
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from components.charts.spec import Chart, ChartSpec
from components.data.citations import CreditedTools, source_text
from components.data.package import read_package
from components.paths import DATA_DIR
from components.publish import export, social_cards
from components.registry import CHARTS
from components.text.i18n import LANGS, Lang, t

log = logging.getLogger(__name__)

PREVIEWS_DIR = DATA_DIR / "cache" / "previews"
MANIFEST_PATH = PREVIEWS_DIR / "previews.json"
URL_PATH = "/chart-preview"  # the route that serves the images (dashboard.py)
ELEMENT_ID = "ru-first-paint"
SHOWING_CLASS = "ru-first-paint"  # on <html> while the first paint stands in for the app
NARROW_MEDIA = "(max-width: 480px)"  # where the narrow image is used, as on the static page
MEDIA_TYPES = {".svg": "image/svg+xml", ".webp": "image/webp", ".png": "image/png"}
START_FUNCTION = "__ruStartApp"  # what the image calls once it has arrived: Streamlit may start


def figure_digest(chart: Chart) -> str:
    """What a preview image was made from: the digest of the figure as the static page has it."""
    return hashlib.sha256(export.standalone_figure(chart).to_json().encode("utf-8")).hexdigest()[:16]


def figure_summary(chart: Chart) -> dict:
    """What a preview image shows, in words a failing test can print: the title, and each
    trace's kind, name and number of marks."""
    marks = []
    for trace in chart.figure.data:
        values = next((getattr(trace, name, None) for name in ("x", "locations", "lat", "y")
                       if getattr(trace, name, None) is not None), ())
        marks.append([trace.type, trace.name or "", len(values)])
    return {"title": chart.title, "marks": marks}


def what_changed(summary: dict, chart: Chart) -> str:
    """How ``chart`` differs from the figure a preview image's ``summary`` describes."""
    if not summary:
        return "the image was made before its manifest kept a summary"
    now = figure_summary(chart)
    changes = []
    if summary.get("title") != now["title"]:
        changes.append(f"title {summary.get('title')!r} -> {now['title']!r}")
    if summary.get("marks") != now["marks"]:
        changes.append(f"marks (kind, name, count) {summary.get('marks')} -> {now['marks']}")
    return "; ".join(changes) or "nothing in its title or marks"


def read_manifest(path: Path = MANIFEST_PATH) -> dict:
    """``{chart_id: {lang: {"figure": digest, "wide": file, "narrow": file, "card": file}}}``;
    {} without one."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@cache
def _manifest() -> dict:
    return read_manifest()


def manifest_entry(chart_id: str, lang: str) -> dict:
    """The images of a chart's default view in a language, and the digest of their figure."""
    return _manifest().get(chart_id, {}).get(lang) or {}


def _listed(manifest: Mapping) -> set[str]:
    return {entry[kind] for langs in manifest.values() for entry in langs.values()
            for kind in ("wide", "narrow", "card") if kind in entry}


@cache
def _served_images() -> frozenset[str]:
    return frozenset(_listed(_manifest()))


def image_path(name: str) -> Path | None:
    """The committed image a request names, if the manifest lists it (no other file is served)."""
    return PREVIEWS_DIR / name if name in _served_images() else None


def embed_chart_id(query: Mapping[str, list[str]]) -> str | None:
    """The chart an embed URL's parsed query names (``embed=true&chart=<id>``), else None."""
    if query.get("embed", [""])[-1].lower() == "true" and query.get("chart"):
        return query["chart"][-1]
    return None


@dataclass(frozen=True)
class FirstPaint:
    head: str  # the images' preloads, the style and the script that hands over to Streamlit
    body: str  # the chart-only layout, before Streamlit's root


# Sizes as the live embed draws them (Streamlit's h4 and captions), so that little moves when
# Streamlit takes over.
_STYLE = f"""
html.{SHOWING_CLASS} body {{ margin: 0; }}
html.{SHOWING_CLASS} #root {{ visibility: hidden; position: absolute; top: 0; left: 0;
  width: 100%; }}
#{ELEMENT_ID} {{ box-sizing: border-box; padding: 16px; margin: 0; background: #fff;
  container-type: inline-size; font-family: {{family}}; color: #0E1117; font-size: 16px;
  line-height: 1.6; }}
#{ELEMENT_ID} > * {{ margin: 0 0 8px; }}
#{ELEMENT_ID} > :last-child {{ margin-bottom: 0; }}
#{ELEMENT_ID} h1 {{ font-size: 19.2px; line-height: 1.2; font-weight: 600; }}
#{ELEMENT_ID} .subtitle, #{ELEMENT_ID} .source, #{ELEMENT_ID} .note, #{ELEMENT_ID} .links {{
  color: {export.MUTED_TEXT}; font-size: 14px; line-height: 1.6; }}
#{ELEMENT_ID} .chart picture, #{ELEMENT_ID} .chart img {{ display: block; width: 100%;
  height: 100%; object-fit: contain; object-position: top left; }}
#{ELEMENT_ID} a {{ color: inherit; }}
#{ELEMENT_ID} .links span + span::before {{ content: " · "; }}
"""

def head_html(chart: Chart, wide_src: str, narrow_src: str, font_url: str | None) -> str:
    """Preloads for the image and the style: in the head where the title is, before Streamlit's
    scripts, so the image is asked for first. ``font_url``: Streamlit's own Source Sans file,
    which its page preloads anyway."""
    family = export.FONT_STACK
    face = ""
    if font_url:
        face = ('@font-face { font-family: "ru-first-paint-sans"; '
                f'src: url("{font_url}") format("woff2"); font-weight: 200 900; '
                "font-display: swap; }\n")
        family = f'"ru-first-paint-sans", {family}'
    style = face + _STYLE.replace("{family}", family) + export.chart_box_style(
        chart.figure, f"#{ELEMENT_ID} .chart")
    return (f'<link rel="preload" as="image" href="{html.escape(narrow_src, quote=True)}" '
            f'media="{NARROW_MEDIA}" fetchpriority="high" />'
            f'<link rel="preload" as="image" href="{html.escape(wide_src, quote=True)}" '
            f'media="not all and {NARROW_MEDIA}" fetchpriority="high" />'
            f"<style>{style}</style>")


def body_html(spec: ChartSpec, chart: Chart, publishers: Mapping[str, str], lang: Lang,
              wide_src: str, narrow_src: str, credits: CreditedTools) -> str:
    """The chart-only layout as the static chart page has it, every text escaped. The footer's
    links work once Streamlit has taken over; until then they are its labels."""
    notes = "".join(f'<p class="note">{html.escape(t("frame.note", lang))}: '
                    f"{html.escape(note)}</p>" for note in chart.notes)
    footer = "".join(f"<span>{html.escape(t(key, lang))}</span>"
                     for key in ("embed_frame.get_data", "embed_frame.full_dashboard"))
    return (f'<main id="{ELEMENT_ID}">'
            f"<h1>{html.escape(chart.title)}</h1>"
            f'<p class="subtitle">{html.escape(chart.subtitle)}</p>'
            f'<div class="chart"><picture><source media="{NARROW_MEDIA}" '
            f'srcset="{html.escape(narrow_src, quote=True)}">'
            f'<img src="{html.escape(wide_src, quote=True)}" '
            f'alt="{html.escape(chart.description, quote=True)}" fetchpriority="high" '
            f'onload="{START_FUNCTION}()" onerror="{START_FUNCTION}()"></picture></div>'
            f'<p class="source">{export.source_html(publishers, credits, lang)}</p>{notes}'
            f'<p class="links">{footer}</p></main>')


def refresh(out: Path = PREVIEWS_DIR) -> dict:
    """Make every chart's first-paint images and link card (``social_cards``), default view,
    each language, with kaleido and Debian's Chromium, and write the manifest; images no longer
    listed are removed."""
    data = read_package()
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {}
    jobs = [(spec, lang) for spec in CHARTS for lang in LANGS]
    for number, (spec, lang) in enumerate(jobs, 1):
        print(f"[{number}/{len(jobs)}] {spec.chart_id} ({lang})", flush=True)
        chart = spec.make(data, dict(spec.defaults), lang)
        entry = {"figure": figure_digest(chart), "summary": figure_summary(chart)}
        for kind, width in (("wide", export.SNIPPET_WIDTH), ("narrow", export.NARROW_PREVIEW_WIDTH)):
            image, ext = export.preview_image(chart, width)
            name = f"{spec.chart_id}-{lang}-{kind}-{hashlib.sha256(image).hexdigest()[:12]}.{ext}"
            (out / name).write_bytes(image)
            entry[kind] = name
        source = source_text(data["sources"], chart.source_ids, lang, credits=chart.credits)
        card = social_cards.card_png(chart, source)
        entry["card"] = f"{spec.chart_id}-{lang}-card-{hashlib.sha256(card).hexdigest()[:12]}.png"
        (out / entry["card"]).write_bytes(card)
        manifest.setdefault(spec.chart_id, {})[lang] = entry
    kept = _listed(manifest)
    for old in out.iterdir():
        if old.suffix in MEDIA_TYPES and old.name not in kept:
            old.unlink()
    (out / MANIFEST_PATH.name).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                          encoding="utf-8")
    return manifest


if __name__ == "__main__":
    made = refresh()
    print(f"{sum(len(langs) for langs in made.values())} first paints written to {PREVIEWS_DIR}")
