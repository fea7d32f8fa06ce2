"""Charts as files: standalone HTML, PNG and SVG (through kaleido and Debian's chromium), CSV,
the static fallback for embeds, and the iframe snippet editors paste.

No Streamlit here: the frame's download buttons, the Embed page and ``make export`` all call it.
Nothing written here fetches anything from a third party: plotly.js is inlined or shipped beside
the files, MathJax is replaced by an empty local script, and maps get an inline empty base topology.
"""

from __future__ import annotations

import base64
import html
import shutil
import textwrap
import threading
import warnings
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import plotly.graph_objects as go
import plotly.io as pio

from components.chart_spec import Chart, ChartSpec
from components.i18n import Lang, t
from components.map.geometry import inline_shapes
from components.paths import STATIC_DIR
from components.theme import FONT_FAMILY, MUTED_TEXT
from components.url_state import to_query

# plotly.js fetches a base map from a CDN for any geo trace; this empty topology stops it
# (plotly appends the file name after the '#').
OFFLINE_TOPOJSON_URL = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'
EMPTY_MATHJAX = STATIC_DIR / "empty-mathjax.js"
HEIGHT_MESSAGE = "ru-asean-embed-height"  # the postMessage type the host snippet listens for
EXPORT_WIDTH = 1000
TITLE_WRAP_CHARS = 80  # at 22 px on a 1000 px image
SUBTITLE_WRAP_CHARS = 120
# Fonts every Debian chromium has: the app's own font is served to browsers, not to kaleido.
EXPORT_FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"
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


def plotly_config(spec: ChartSpec) -> dict[str, Any]:
    """The plotly.js config of a chart: the shared base plus the chart's own settings."""
    return {**BASE_PLOTLY_CONFIG, **spec.plotly_config,
            "toImageButtonOptions": {"filename": spec.chart_id, "scale": 2}}


def standalone_figure(chart: Chart) -> go.Figure:
    """A copy of the chart's figure that needs no app: a map carries its own shapes."""
    return go.Figure(inline_shapes(chart.figure.to_plotly_json()))


def framed_figure(chart: Chart, source_text: str, width: int = EXPORT_WIDTH) -> go.Figure:
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
        font_family=EXPORT_FONT,
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
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _kaleido_started = True


def figure_image(figure: go.Figure, fmt: str, width: int = EXPORT_WIDTH) -> bytes:
    """The figure as PNG or SVG bytes; its own height, or 600 px when it has none."""
    _start_kaleido()
    height = figure.layout.height or 600
    with warnings.catch_warnings():
        # plotly passes browser options that kaleido's long-lived server has no use for.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return figure.to_image(format=fmt, width=width, height=height,
                               scale=2 if fmt == "png" else 1)


# --- HTML --------------------------------------------------------------------------------------------

_PAGE_STYLE = f"""
body {{ font-family: {FONT_FAMILY}; color: #1F2A36; max-width: 1040px; margin: 24px auto;
       padding: 0 16px; }}
h1 {{ font-size: 1.5rem; margin: 0 0 4px; }}
.subtitle, .source, .note {{ color: {MUTED_TEXT}; }}
.source, .note {{ font-size: .875rem; }}
table {{ border-collapse: collapse; font-size: .875rem; display: block; overflow-x: auto; }}
th, td {{ border-bottom: 1px solid #E3E7EC; padding: 4px 8px; text-align: left;
         vertical-align: top; }}
img {{ max-width: 100%; height: auto; }}
"""


def _page(lang: Lang, title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_PAGE_STYLE}</style>\n</head>\n"
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
               plotlyjs: str | bool = True) -> str:
    """A standalone page with the interactive chart, its frame texts and its table.

    ``plotlyjs`` is True to inline plotly.js (one self-contained file), or the relative path of
    a shared ``plotly.min.js`` beside the file.
    """
    head, foot = _text_block(chart, source_text, lang)
    figure = standalone_figure(chart).to_html(full_html=False, include_plotlyjs=plotlyjs,
                                  config=plotly_config(spec), default_width="100%")
    table = chart.table.to_html(index=False, escape=True, border=0)
    return _page(lang, chart.title, f"{head}{figure}\n{foot}{table}")


def static_fallback_html(chart: Chart, png: bytes, source_text: str, lang: Lang) -> str:
    """The embed's fallback for when the app is asleep or blocked: image, words and table."""
    head, foot = _text_block(chart, source_text, lang)
    image = (f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" '
             f'alt="{html.escape(chart.description)}">')
    table = chart.table.to_html(index=False, escape=True, border=0)
    return _page(lang, chart.title, f"{head}{image}\n{foot}{table}")


def table_csv(chart: Chart) -> bytes:
    return chart.table.to_csv(index=False).encode("utf-8")


# --- embeds ------------------------------------------------------------------------------------------

def embed_url(base_url: str, spec: ChartSpec, values: Mapping[str, Any], lang: Lang) -> str:
    """The URL that shows one chart alone: its own parameters (non-defaults only) and the language."""
    query = {"embed": "true", "chart": spec.chart_id, "lang": lang, **to_query(spec.params, values)}
    return f"{base_url.rstrip('/')}/?{urlencode(query, safe='~')}"


def embed_snippet(url: str, title: str, description: str, height: int = 640) -> str:
    """The HTML an editor pastes: the iframe, its text alternative and the resizing listener."""
    return (
        f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" '
        f'aria-description="{html.escape(description)}" loading="lazy" '
        f'style="width:100%;border:0;min-height:320px" height="{height}"></iframe>\n'
        "<script>window.addEventListener('message',function(e){"
        f"if(!e.data||e.data.type!=='{HEIGHT_MESSAGE}')return;"
        "document.querySelectorAll('iframe').forEach(function(f){"
        "if(f.contentWindow===e.source)f.style.height=e.data.height+'px';});});</script>"
    )

