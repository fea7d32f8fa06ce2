"""The picture a shared link shows: a 1200x630 PNG of the view the link names (Open Graph's and
X's large card), with the chart's title, the finding, at the top.

A card is the chart's exported image (``export.framed_figure``: title, subtitle, legend, chart,
source) drawn at the card's width. A chart shorter than the card is set on white; a taller one
(the claim tracker, a long timeline) keeps its top, title first, and fades out at the bottom
edge, so its text stays the size a reader can read in a feed rather than shrinking to fit.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from PIL import Image

from components.charts.spec import Chart, ChartSpec
from components.charts.url_state import to_query
from components.publish import export
from components.registry import PAGES, UnknownChartError, charts_on, get_chart
from components.text.i18n import Lang

CARD_WIDTH, CARD_HEIGHT = 1200, 630
FADE_PX = 90  # where a card cut from a taller chart fades to white


def card_png(chart: Chart, source_text: str) -> bytes:
    """The card of a built chart: Chromium draws the framed chart, Pillow fits it to the card."""
    figure = export.framed_figure(chart, source_text)
    image = export.figure_image(figure, "png", width=export.EXPORT_WIDTH,
                                scale=CARD_WIDTH / export.EXPORT_WIDTH)
    return fit_to_card(image)


def fit_to_card(png: bytes) -> bytes:
    """A PNG of the card's width set on a white card, or its top cut to the card and faded."""
    with Image.open(io.BytesIO(png)) as drawn:
        chart = drawn.convert("RGB")
    if chart.width != CARD_WIDTH:
        chart = chart.resize((CARD_WIDTH, round(chart.height * CARD_WIDTH / chart.width)))
    card = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), "white")
    card.paste(chart.crop((0, 0, CARD_WIDTH, min(chart.height, CARD_HEIGHT))), (0, 0))
    if chart.height > CARD_HEIGHT:
        white = Image.new("RGB", (CARD_WIDTH, FADE_PX), "white")
        fade = Image.linear_gradient("L").resize((CARD_WIDTH, FADE_PX))
        top = CARD_HEIGHT - FADE_PX
        card.paste(white, (0, top), fade)
    out = io.BytesIO()
    card.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- which card a link shows, and drawing it safely under load ----------------------------------

URL_PATH = "/social-card"  # /social-card/<chart>.png?lang=..&<the view's parameters>
MAX_WAITING = 4  # cards asked for while one is drawn; beyond, the default view's card answers


class WorkerBusy(RuntimeError):
    """More cards are waiting to be drawn than the server gives a browser to."""


_drawing = threading.Lock()  # one Chromium drawing at a time, whatever the crawlers ask
_waiting_lock = threading.Lock()
_waiting = 0


def lead_chart(page: str, chart_id: str | None = None) -> ChartSpec:
    """The chart a link's card shows: the one an embed names, else the page's first chart, else
    (a page without charts) the first page's."""
    if chart_id:
        try:
            return get_chart(chart_id)
        except UnknownChartError:
            pass
    return (charts_on(page) or charts_on(PAGES[0].url_path))[0]


def card_query(spec: ChartSpec, values: Mapping[str, Any], lang: Lang) -> str:
    """The query of a view's card address (``URL_PATH/<chart>.png?<this>``)."""
    return urlencode({"lang": lang, **to_query(spec.params, values)}, safe="~")


def drawn_card(chart: Chart, source_text: str) -> bytes:
    """``card_png`` through the one drawing slot; ``WorkerBusy`` when too many wait for it."""
    global _waiting
    with _waiting_lock:
        if _waiting >= MAX_WAITING:
            raise WorkerBusy(f"{_waiting} cards are waiting to be drawn")
        _waiting += 1
    try:
        with _drawing:
            return card_png(chart, source_text)
    finally:
        with _waiting_lock:
            _waiting -= 1
