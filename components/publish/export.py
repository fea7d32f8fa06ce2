"""Charts as files: standalone HTML, PNG and SVG (through kaleido and Debian's chromium), CSV,
the static fallback for embeds, the static chart page, and the snippets editors paste.

No Streamlit here: the frame's download buttons, the Embed page and ``make export`` all call it.
Nothing written here fetches anything from a third party: plotly.js is inlined or shipped beside
the files, MathJax is replaced by an empty local script, and maps get an inline empty base topology.
"""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import textwrap
import threading
import warnings
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urljoin

import plotly.graph_objects as go
import plotly.io as pio

from components.charts import fonts
from components.charts.fields import csv_bytes
from components.charts.spec import Chart, ChartSpec
from components.charts.theme import FONT_FAMILY, MUTED_TEXT
from components.charts.url_state import choice, to_query
from components.data.citations import CREDIT_LIMIT, CreditedTools
from components.map.geometry import inline_shapes
from components.paths import STATIC_DIR
from components.publish import embed_flags
from components.registry import chart_page, link_path
from components.text.i18n import Lang, t
from components.text.safe_text import js_literal, safe_url

# plotly.js fetches a base map from a CDN for any geo trace; this empty topology stops it
# (plotly appends the file name after the '#').
OFFLINE_TOPOJSON_URL = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'
EMPTY_MATHJAX = STATIC_DIR / "empty-mathjax.js"
HEIGHT_MESSAGE = "ru-asean-embed-height"  # the postMessage type the host snippet listens for
HEIGHT_SCRIPT = STATIC_DIR / "embed-height.js"  # one height script for the live and static embeds
# What a sandboxed iframe needs: scripts, its own origin (Streamlit keeps its session in the
# origin's storage), a new tab for "Full dashboard" and the CSV download of "Get the data".
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"
SNIPPET_WIDTH = 640  # the article column a plain iframe's height is measured at
NARROW_PREVIEW_WIDTH = 360  # a static page's or first paint's image for phones, in CSS px
# A deployment's addresses: the app as readers reach it, and where `make export`'s folder is
# hosted (the live app then offers the static snippet, and a sandboxed embed falls back to it).
APP_URL_VARIABLE = "DASHBOARD_APP_URL"
STATIC_URL_VARIABLE = "DASHBOARD_STATIC_URL"
EXPORT_WIDTH = 1000
TITLE_WRAP_CHARS = 80  # at 22 px on a 1000 px image
SUBTITLE_WRAP_CHARS = 120
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")

BASE_PLOTLY_CONFIG: dict[str, Any] = {
    # No toolbar over the chart: on a touch screen plotly shows it at all times, over titles and
    # labels. Downloads are in the frame's Download menu; Streamlit's own element toolbar keeps
    # the full-screen view.
    "displayModeBar": False,
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,  # a chart must never trap the page's scrolling on a phone
    "topojsonURL": OFFLINE_TOPOJSON_URL,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
}


def css_font_stack(family: str) -> str:
    """A font list as valid CSS: a family name of several words, or one starting with a digit
    ("Source Sans 3"), is quoted; unquoted, it makes the whole declaration invalid (Times)."""
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
               "ui-sans-serif", "ui-serif", "ui-monospace", "-apple-system"}
    names = [name.strip().strip("'\"") for name in family.split(",") if name.strip()]
    return ", ".join(name if name in generic or re.fullmatch(r"[A-Za-z-][\w-]*", name)
                     else json.dumps(name) for name in names)


FONT_STACK = css_font_stack(FONT_FAMILY)


def plotly_config(spec: ChartSpec) -> dict[str, Any]:
    """The plotly.js config of a chart: the shared base plus the chart's own settings."""
    return {**BASE_PLOTLY_CONFIG, **spec.plotly_config,
            "toImageButtonOptions": {"filename": spec.chart_id, "scale": 2}}


def standalone_figure(chart: Chart) -> go.Figure:
    """A copy of the chart's figure that needs no app: a map carries its own shapes."""
    return go.Figure(inline_shapes(chart.figure.to_plotly_json()))


def framed_figure(chart: Chart, source_text: str) -> go.Figure:
    """A copy of the figure with its title, subtitle and source drawn in, for image files.

    Title and subtitle sit at the top with the legend under them, as in a printed chart; the
    source line goes below the plot and its axis labels, where no legend can cover it.
    """
    figure = standalone_figure(chart)
    layout = figure.layout
    height = layout.height or 600
    top, bottom = layout.margin.t or 0, layout.margin.b or 0
    title_lines = textwrap.wrap(chart.title, width=TITLE_WRAP_CHARS)
    subtitle_lines = textwrap.wrap(chart.subtitle, width=SUBTITLE_WRAP_CHARS)
    title = "<br>".join(f"<b>{html.escape(line)}</b>" for line in title_lines)
    subtitle = "<br>".join(html.escape(line) for line in subtitle_lines)
    has_legend = layout.showlegend is not False and sum(
        1 for trace in figure.data if trace.showlegend is not False and trace.name) > 0
    header = 30 * len(title_lines) + 22 * len(subtitle_lines) + 44
    legend_space = 36 if has_legend else 0
    source_space = 40
    total = height + header + legend_space + source_space
    figure.update_layout(
        title={"text": f"{title}<br><span style='font-size:15px;color:{MUTED_TEXT}'>{subtitle}</span>",
               "x": 0, "xref": "container", "xanchor": "left", "pad": {"l": 20},
               "y": 1 - 34 / total, "yref": "container", "yanchor": "top", "font": {"size": 22}},
        legend={"yref": "container", "y": 1 - (header + 8) / total, "yanchor": "top",
                "x": 0, "xanchor": "left", "orientation": "h"},
        height=total,
        margin={"t": top + header + legend_space, "b": bottom + source_space,
                "l": max(layout.margin.l or 0, 20), "r": max(layout.margin.r or 0, 20)},
        paper_bgcolor="white",
    )
    figure.add_annotation(text=html.escape(source_text), xref="paper", yref="paper", x=0, y=0,
                          yshift=-(bottom + 12), xanchor="left", yanchor="top", showarrow=False,
                          align="left", font={"size": 13, "color": MUTED_TEXT})
    return figure


# --- images through kaleido ------------------------------------------------------------------------

class ChromiumMissingError(RuntimeError):
    """Image export needs a Chromium browser, and none was found."""


_kaleido_lock = threading.Lock()
_kaleido_started = False


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _start_kaleido() -> None:
    global _kaleido_started
    with _kaleido_lock:
        if _kaleido_started:
            return
        if chromium_path() is None:
            raise ChromiumMissingError(
                "PNG and SVG export needs Chromium: install Debian's package with "
                "`apt-get install -y chromium` (kaleido never downloads a browser here).")
        import kaleido

        EMPTY_MATHJAX.parent.mkdir(parents=True, exist_ok=True)
        EMPTY_MATHJAX.touch()
        pio.defaults.mathjax = EMPTY_MATHJAX.as_uri()  # the default is a CDN: it stalls offline
        pio.defaults.topojson = OFFLINE_TOPOJSON_URL
        fonts.use_in_images()
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _kaleido_started = True


def figure_image(figure: go.Figure, fmt: str, width: int = EXPORT_WIDTH,
                 scale: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes; its own height, or 600 px when it has none. A PNG is at
    twice its size (sharp on a phone's screen) unless ``scale`` says otherwise."""
    _start_kaleido()
    height = figure.layout.height or 600
    with warnings.catch_warnings():
        # plotly passes browser options that kaleido's long-lived server has no use for.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return figure.to_image(format=fmt, width=width, height=height,
                               scale=scale or (2 if fmt == "png" else 1))


# --- HTML --------------------------------------------------------------------------------------------

_PAGE_STYLE = f"""
body {{ font-family: {FONT_STACK}; color: #1F2A36; max-width: 1040px; margin: 24px auto;
       padding: 0 16px; }}
h1 {{ font-size: 1.5rem; margin: 0 0 4px; }}
.subtitle, .source, .note {{ color: {MUTED_TEXT}; }}
.source, .note {{ font-size: .875rem; }}
table {{ border-collapse: collapse; font-size: .875rem; display: block; overflow-x: auto; }}
th, td {{ border-bottom: 1px solid #E3E7EC; padding: 4px 8px; text-align: left;
         vertical-align: top; }}
img {{ max-width: 100%; height: auto; }}
"""


def _page(lang: Lang, title: str, body: str, font_src: str | None) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n"
            f"<style>{fonts.font_face_css(font_src)}{_PAGE_STYLE}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def _text_block(chart: Chart, source_text: str, lang: Lang) -> tuple[str, str]:
    head = (f"<h1>{html.escape(chart.title)}</h1>\n"
            f'<p class="subtitle">{html.escape(chart.subtitle)}</p>\n')
    notes = "".join(f'<p class="note">{html.escape(t("frame.note", lang))}: {html.escape(n)}</p>\n'
                    for n in chart.notes)
    foot = (f'<p class="source">{html.escape(source_text)}</p>\n{notes}'
            f"<h2>{html.escape(t('frame.in_words', lang))}</h2>\n"
            f"<p>{html.escape(chart.description)}</p>\n")
    return head, foot


def chart_html(spec: ChartSpec, chart: Chart, source_text: str, lang: Lang,
               plotlyjs: str | bool = True, font_src: str | None = None) -> str:
    """A standalone page with the interactive chart, its frame texts and its table.

    ``plotlyjs`` is True to inline plotly.js (one self-contained file), or the relative path of
    a shared ``plotly.min.js`` beside the file; ``font_src`` likewise for the web font.
    """
    head, foot = _text_block(chart, source_text, lang)
    figure = standalone_figure(chart).to_html(full_html=False, include_plotlyjs=plotlyjs,
                                  config=plotly_config(spec), default_width="100%")
    table = chart.table.to_html(index=False, escape=True, border=0)
    return _page(lang, chart.title, f"{head}{figure}\n{foot}{table}", font_src)


def static_fallback_html(chart: Chart, png: bytes, source_text: str, lang: Lang,
                         font_src: str | None = None) -> str:
    """The embed's fallback for when the app is asleep or blocked: image, words and table."""
    head, foot = _text_block(chart, source_text, lang)
    image = (f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" '
             f'alt="{html.escape(chart.description)}">')
    table = chart.table.to_html(index=False, escape=True, border=0)
    return _page(lang, chart.title, f"{head}{image}\n{foot}{table}", font_src)


def rows_csv(chart: Chart) -> bytes:
    """The chart's rows as data desks take them (``chart_data.csv_bytes``): the app's "Data (CSV)"
    and "Get the data", and ``make export``'s ``<chart>.csv``."""
    return csv_bytes(chart.rows)


DATA_PATH = "/data"  # where the app serves each chart's rows: /data/<chart>.csv or .zip
DATA_KINDS = {"csv": "text/csv; charset=utf-8", "zip": "application/zip"}


def data_path(spec: ChartSpec, values: Mapping[str, Any], lang: Lang, kind: str) -> str:
    """The address of a view's data, relative to any page of the app (``data/<chart>.csv?...``):
    an address every replica answers from the data package alone, which a reader can cite."""
    query = {"lang": lang, **to_query(spec.params, values)}
    return f"{DATA_PATH.strip('/')}/{spec.chart_id}.{kind}?{urlencode(query, safe='~')}"


def permanent_url(app_url: str | None, spec: ChartSpec, values: Mapping[str, Any], lang: Lang,
                  static_url: str | None = None) -> str:
    """The address a citation gives for this view of a chart: the dashboard's page at this view;
    without a known app, the chart's page in the hosted export; else nothing."""
    if app_url:
        return dashboard_url(app_url, spec, values, lang)
    if static_url:
        return urljoin(static_url.rstrip("/") + "/", f"{lang}/{spec.chart_id}.html")
    return ""


# --- embeds ------------------------------------------------------------------------------------------

def embed_url(base_url: str, spec: ChartSpec, values: Mapping[str, Any], lang: Lang) -> str:
    """The URL that shows one chart alone: its own parameters (non-defaults only) and the language."""
    query = {"embed": "true", "chart": spec.chart_id, "lang": lang, **to_query(spec.params, values)}
    return f"{base_url.rstrip('/')}/?{urlencode(query, safe='~')}"


def with_query(url: str, query: Mapping[str, str]) -> str:
    """``url`` with ``query``'s parameters added after its own."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}{urlencode(query, safe='~')}" if query else url


def dashboard_url(base_url: str, spec: ChartSpec, values: Mapping[str, Any], lang: Lang) -> str:
    """The app's page that shows this chart, in the same view: "Full dashboard" in an embed."""
    query = {"lang": lang, **to_query(spec.params, values)}
    return f"{base_url.rstrip('/')}/{link_path(chart_page(spec))}?{urlencode(query, safe='~')}"


def static_page_name(spec: ChartSpec) -> str:
    """The static chart page's file, inside ``exports/<lang>/``."""
    return f"{spec.chart_id}.embed.html"


def static_embed_url(static_base: str, spec: ChartSpec, lang: Lang) -> str:
    """The address of the static chart page where ``make export``'s folder is hosted."""
    return urljoin(static_base.rstrip("/") + "/", f"{lang}/{static_page_name(spec)}")


def height_script(charts: int) -> str:
    """The embed height script (static/embed-height.js), waiting for ``charts`` plotly charts."""
    source = HEIGHT_SCRIPT.read_text(encoding="utf-8").replace("__CHARTS__", str(int(charts)))
    return f"<script>\n{source}</script>"


_LISTENER = ("<script>window.addEventListener('message',function(e){"
             f"if(!e.data||e.data.type!=='{HEIGHT_MESSAGE}')return;"
             "document.querySelectorAll('iframe').forEach(function(f){"
             "if(f.contentWindow===e.source)f.style.height=e.data.height+'px';});});</script>")


SNIPPET_KINDS = ("static", "live", "pym", "amp", "plain")
# The control on the Embed page that picks one of the snippets below. Declared here rather than
# in the page script, which runs anew on every rerun: a control's option names are cached by its
# parameter's identity.
SNIPPET_KIND = choice("kind", SNIPPET_KINDS, "live", label_key="embed_snippets.choose_kind",
                      widget="segmented",
                      option_names=lambda data, lang: {kind: t(f"embed_snippets.kind_{kind}", lang)
                                                       for kind in SNIPPET_KINDS})


def embed_snippet(url: str, title: str, description: str, height: int = 640) -> str:
    """The project's own snippet: the iframe, its text alternative and the resizing listener.

    ``height`` is what the iframe shows until the embed reports its own height (and where the
    listener never runs); the chart's real height at 640 px when it is known.
    """
    return (
        f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" '
        f'aria-description="{html.escape(description)}" loading="lazy" '
        f'style="width:100%;border:0" height="{int(height)}"></iframe>\n{_LISTENER}'
    )


def plain_iframe_snippet(url: str, title: str, height: int) -> str:
    """An iframe alone, no script: what a CMS that strips scripts keeps (WordPress). Its height is
    the chart's whole height at ``SNIPPET_WIDTH``, source line included."""
    return (f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" width="100%" '
            f'height="{int(height)}" style="width:100%;border:0" loading="lazy"></iframe>')


def pym_snippet(url: str, title: str, element_id: str) -> str:
    """For pages that use NPR's pym.js: pym makes the iframe and sizes it from the embed's
    messages. The page loads pym.js itself (its own copy: the snippet names no host)."""
    return (f'<div id="{html.escape(element_id)}"></div>\n'
            '<script src="pym.v1.min.js"></script>\n'
            f"<script>new pym.Parent({js_literal(element_id)}, {js_literal(url)}, "
            f"{{title: {js_literal(title)}}});</script>")


def amp_snippet(url: str, title: str, height: int, overflow_label: str) -> str:
    """For AMP pages: ``amp-iframe`` starts at the chart's height and grows on the embed's
    ``embed-size`` message (``resizable``; AMP asks the reader first, with the overflow button).
    AMP needs an https address on another origin than the article and the amp-iframe extension."""
    return (f'<amp-iframe src="{html.escape(url)}" title="{html.escape(title)}" '
            f'height="{int(height)}" layout="fixed-height" sandbox="{SANDBOX}" resizable '
            'frameborder="0">\n'
            f'  <div overflow tabindex="0" role="button" aria-label="{html.escape(overflow_label)}">'
            f"{html.escape(overflow_label)}</div>\n</amp-iframe>")


def oembed_answer(embed_src: str, title: str, provider_name: str, provider_url: str, width: int,
                  height: int) -> dict[str, Any]:
    """An oEmbed 1.0 "rich" answer: a plain iframe of fixed size (no script, so WordPress and
    other consumers keep it as it is)."""
    iframe = (f'<iframe src="{html.escape(embed_src)}" title="{html.escape(title)}" '
              f'width="{int(width)}" height="{int(height)}" style="border:0;max-width:100%" '
              'loading="lazy"></iframe>')
    return {"version": "1.0", "type": "rich", "title": title, "provider_name": provider_name,
            "provider_url": provider_url, "width": int(width), "height": int(height),
            "html": iframe}


# --- the embed's height without a browser --------------------------------------------------------

# The chart-only embed's layout, live (components/ui/embed.py) and static (embed_page_html), in px.
# Only the plain iframe and oEmbed, which cannot ask the embed, use this estimate; ``make export``
# measures the static pages in Chromium, and the browser tests hold the estimate to the drawn
# embed (never shorter, at most a few lines taller).
_TITLE_PX, _TITLE_LINE, _TITLE_CHAR = 20, 30, 10.6
_SMALL_PX, _SMALL_LINE, _SMALL_CHAR = 14, 22, 7.2
_PADDING_PX = 16


def _lines(text: str, width: int, char_px: float) -> int:
    per_line = max(int(width / char_px), 10)
    return max(1, -(-len(text) // per_line)) if text else 0


def chart_box_height(figure: go.Figure, width: int) -> int:
    """The height the chart itself takes at ``width`` (a map follows its width when narrow)."""
    height = int(figure.layout.height or 450)
    meta = figure.layout.meta
    fit = meta.get("fit_height") if isinstance(meta, Mapping) else None
    if fit and width <= 700:
        return int(width / float(fit["width_per_height"]) + float(fit["extra_px"]))
    return height


def estimated_height(chart: Chart, source_text: str, lang: Lang, width: int = SNIPPET_WIDTH) -> int:
    """The chart-only embed's height at ``width``, from its texts and the figure's height."""
    inner = width - 2 * _PADDING_PX
    notes = [f"{t('frame.note', lang)}: {note}" for note in chart.notes]
    small_lines = (_lines(chart.subtitle, inner, _SMALL_CHAR)
                   + _lines(source_text, inner, _SMALL_CHAR)
                   + sum(_lines(note, inner, _SMALL_CHAR) for note in notes) + 1)  # + the footer
    blocks = 4 + len(notes)  # title, subtitle, chart, source, notes, footer: gaps between them
    return int(2 * _PADDING_PX + _lines(chart.title, inner, _TITLE_CHAR) * _TITLE_LINE
               + small_lines * _SMALL_LINE + chart_box_height(chart.figure, inner) + blocks * 12)


# --- the static chart page -------------------------------------------------------------------------

_EMBED_STYLE = f"""
*, *::before, *::after {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; background: #fff; }}
body {{ font-family: {FONT_STACK}; color: #1F2A36; font-size: 16px; line-height: 1.5; }}
.embed {{ padding: {_PADDING_PX}px; container-type: inline-size; }}
.embed > * {{ margin: 0 0 12px; }}
.embed > :last-child {{ margin-bottom: 0; }}
h1 {{ font-size: {_TITLE_PX}px; line-height: {_TITLE_LINE}px; font-weight: 700; margin-bottom: 4px; }}
.subtitle, .source, .note, .links {{ color: {MUTED_TEXT}; font-size: {_SMALL_PX}px;
  line-height: {_SMALL_LINE}px; }}
.chart {{ position: relative; width: 100%; }}
.chart picture, .chart img {{ display: block; width: 100%; height: 100%; object-fit: contain;
  object-position: top left; }}
.chart .plot {{ position: absolute; inset: 0; }}
a {{ color: #00163F; }}
.links a {{ color: inherit; }}
.links span + span::before {{ content: " · "; }}
"""


def source_html(publishers: Mapping[str, str], credits: CreditedTools, lang: Lang,
                limit: int = 4) -> str:
    """The "Source:" line as HTML, each publisher linked to its page when the address is safe,
    then the tools it credits ("Map: Natural Earth"), as the app's chart frame has it."""
    text = f"{html.escape(t('frame.source', lang))}: {_linked(publishers, lang, limit)}"
    for label, tools in credits:
        text += f". {html.escape(label)}: {_linked(tools, lang, CREDIT_LIMIT)}"
    return text


def _linked(publishers: Mapping[str, str], lang: Lang, limit: int) -> str:
    items = []
    for publisher, url in list(publishers.items())[:limit]:
        target = safe_url(url)
        items.append(f'<a href="{html.escape(target)}">{html.escape(publisher)}</a>' if target
                     else html.escape(publisher))
    text = "; ".join(items)
    if len(publishers) > limit:
        text += " " + html.escape(t("frame.and_more", lang, count=len(publishers) - limit))
    return text


def static_figure(chart: Chart) -> dict[str, Any]:
    """The figure as the static chart page draws it: sized by its box, a valid font list."""
    figure = standalone_figure(chart)
    figure.update_layout(height=None, width=None, autosize=True, font_family=FONT_STACK,
                         hoverlabel_font_family=FONT_STACK)
    return json.loads(figure.to_json())


def chart_box_style(figure: go.Figure, selector: str) -> str:
    """CSS giving the chart's box (``selector``) the figure's height, or, where the builder asks
    for it (a map), a height that follows the box's width inside a narrow container."""
    height = int(figure.layout.height or 450)
    meta = figure.layout.meta
    fit = meta.get("fit_height") if isinstance(meta, Mapping) else None
    style = f"{selector} {{ height: {height}px; }}\n"
    if fit:
        style += (f"@container (max-width: 700px) {{ {selector} {{ height: calc(100cqw / "
                  f"{float(fit['width_per_height'])} + {float(fit['extra_px'])}px); }} }}\n")
    return style


def embed_page_html(spec: ChartSpec, chart: Chart, publishers: Mapping[str, str], lang: Lang, *,
                    credits: CreditedTools, plotlyjs_src: str, font_src: str, preview_src: str,
                    narrow_preview_src: str | None = None, csv_href: str,
                    dashboard_href: str | None = None, oembed_href: str | None = None) -> str:
    """The static chart page: the chart-only embed as one file that needs no app.

    Title, subtitle, chart, source line, notes and the footer ("Get the data", "Full dashboard"),
    as in the live embed. The chart shows first as an image (the preview, also what a reader
    without JavaScript gets, with the chart in words as its alt text); plotly.js, shared beside
    the page, is fetched only once the page has loaded, and the interactive chart then takes the
    image's place in a box of the same size, so the page's height does not move. The height
    script tells the host page that height.
    """
    box_style = chart_box_style(chart.figure, ".chart")
    title = html.escape(chart.title)
    description = html.escape(chart.description)
    narrow = (f'<source media="(max-width: 480px)" srcset="{html.escape(narrow_preview_src)}">'
              if narrow_preview_src else "")
    notes = "".join(f'<p class="note">{html.escape(t("frame.note", lang))}: {html.escape(note)}</p>\n'
                    for note in chart.notes)
    links = [f'<span><a href="{html.escape(csv_href)}" download="{spec.chart_id}-{lang}.csv">'
             f'{html.escape(t("embed_frame.get_data", lang))}</a></span>']
    if dashboard_href:
        links.append(f'<span><a href="{html.escape(dashboard_href)}" target="_blank" '
                     f'rel="noopener">{html.escape(t("embed_frame.full_dashboard", lang))}</a></span>')
    discovery = (f'<link rel="alternate" type="application/json+oembed" '
                 f'href="{html.escape(oembed_href)}" title="{title}">\n' if oembed_href else "")
    config = {**plotly_config(spec), "responsive": True}
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n{discovery}"
        # Fetched with the page, not once the CSS asks for it: the title's lines, and so the
        # height the host is told, settle sooner.
        f'<link rel="preload" href="{html.escape(font_src)}" as="font" type="font/woff2" crossorigin>\n'
        f"<style>{fonts.font_face_css(font_src)}{_EMBED_STYLE}{box_style}"
        f"{embed_flags.STATIC_FLAGS_STYLE}</style>\n"
        # Before the body is drawn: a dark or plain embed never shows a light or full frame.
        f"{embed_flags.static_flags_script()}\n"
        "</head>\n<body>\n"
        '<main class="embed" data-embed-content>\n'
        f"<h1>{title}</h1>\n"
        f'<p class="subtitle">{html.escape(chart.subtitle)}</p>\n'
        f'<div class="chart" id="chart"><picture>{narrow}'
        f'<img src="{html.escape(preview_src)}" alt="{description}"></picture></div>\n'
        f'<p class="source">{source_html(publishers, credits, lang)}</p>\n{notes}'
        f'<p class="links">{"".join(links)}</p>\n'
        "</main>\n"
        f'<script type="application/json" id="figure">{js_literal(static_figure(chart))}</script>\n'
        f"{height_script(0)}\n"
        "<script>\n"
        "window.addEventListener('load', function () {\n"
        "  // The image first; plotly.js (1.4 MB compressed) only once the page has loaded.\n"
        "  var script = document.createElement('script');\n"
        f"  script.src = {js_literal(plotlyjs_src)};\n"
        "  script.onload = function () {\n"
        "    var box = document.getElementById('chart');\n"
        "    var figure = window.ruDarken(JSON.parse(document.getElementById('figure').textContent));\n"
        "    var plot = document.createElement('div');\n"
        "    plot.className = 'plot';\n"
        "    plot.setAttribute('role', 'img');\n"
        f"    plot.setAttribute('aria-label', {js_literal(chart.description)});\n"
        "    box.appendChild(plot);\n"
        f"    Plotly.newPlot(plot, figure.data, figure.layout, {js_literal(config)}).then(function () {{\n"
        "      var picture = box.querySelector('picture');\n"
        "      if (picture) { picture.remove(); }\n"
        "    });\n"
        "  };\n"
        "  document.head.appendChild(script);\n"
        "});\n"
        "</script>\n</body>\n</html>\n"
    )


def preview_image(chart: Chart, width: int) -> tuple[bytes, str]:
    """The chart alone as the static page's first image at ``width``: SVG, or WebP where the SVG
    would be heavier (a map's shapes). Returns the bytes and the file extension."""
    figure = standalone_figure(chart)
    height = chart_box_height(chart.figure, width)
    _start_kaleido()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        svg = figure.to_image(format="svg", width=width, height=height)
        if len(svg) < 150_000:
            return svg, "svg"
        return figure.to_image(format="webp", width=width, height=height, scale=1.5), "webp"
