"""What a browser test looks for on a page it has opened, measured in the page itself.

Shared by the page and embed tours (tests/browser/test_tour.py) and the tests that check one of
these after an interaction: accessibility (axe-core), interface text of the other language,
sideways scrolling and cut-off or tiny chart text on a phone, and the theme of chart text.
Each function takes a Playwright page and returns what it found, for the test to assert on.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from playwright.sync_api import Page

from components.text.i18n import catalog
from tools import browser as chromium

AXE = Path(__file__).resolve().parent.parent / "tests" / "browser" / "node_modules" / "axe-core" \
    / "axe.min.js"
BLOCKING = {"serious", "critical"}
# Streamlit loads some widgets' code only when a page first shows one, and holds their place with
# a skeleton meanwhile: a multiselect's tags came up to 3 s after the script had finished, and
# axe run before then passed over them. So axe waits until every skeleton has been replaced.
NO_SKELETON_JS = "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
WIDGETS_LOADED_TIMEOUT_MS = 20_000
MIN_CHART_FONT_PX = 10
# A section page's name, written small above its h1 (the h1 is the page's finding).
SECTION_NAME = ".st-key-section-kicker"
MIN_FOREIGN_CHUNK = 12  # shorter strings ("Tabel"/"Table", "PNG") are too often the same or generic


# --- accessibility ---------------------------------------------------------------------------------

class AxeMissingError(RuntimeError):
    """axe-core is not installed: ``make test`` installs it with ``npm ci``."""


def axe_violations(page: Page) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not AXE.exists():
        raise AxeMissingError(f"{AXE} is missing: run `make test` (it installs axe-core with npm ci)")
    page.wait_for_function(NO_SKELETON_JS, timeout=WIDGETS_LOADED_TIMEOUT_MS)
    page.wait_for_timeout(300)  # the widgets' first paint after their code arrived
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in BLOCKING]


def axe_report(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} - {v['help']}: {v['nodes']}" for v in violations)


# --- language ----------------------------------------------------------------------------------------

def literal_chunks(text: str) -> list[str]:
    """The fixed parts of an interface string, between its {placeholders}, markdown removed."""
    chunks = [literal for literal, *_ in string.Formatter().parse(text)]
    cleaned = [re.sub(r"[*_`#>\[\]]", "", chunk).strip(" .,:;–-\n") for chunk in chunks]
    return [chunk.split("\n")[0].strip() for chunk in cleaned if chunk]


def foreign_strings(lang: str) -> set[str]:
    """Interface text of the other language that never occurs in this language's strings."""
    other = "en" if lang == "id" else "id"
    own = " ".join(catalog(lang).values())
    return {chunk for text in catalog(other).values() for chunk in literal_chunks(text)
            if len(chunk) >= MIN_FOREIGN_CHUNK and chunk not in own}


def visible_text(page: Page) -> str:
    """The text of the main area and the sidebar, without quotes (data shown in both languages)
    and without lists of data text kept in its own language (containers keyed ``data-text-``,
    such as source titles)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-testid="stMain"], [data-testid="stSidebar"]')).map(area => {
            const copy = area.cloneNode(true);
            copy.querySelectorAll('blockquote, [class*="st-key-data-text"]')
                .forEach(quote => quote.remove());
            document.body.appendChild(copy);  // innerText needs the copy to be rendered
            const text = copy.innerText;
            copy.remove();
            return text;
        }).join(' ')""")


def other_language_text(page: Page, lang: str) -> list[str]:
    """Interface strings of the other language that the page shows."""
    text = visible_text(page)
    return sorted(chunk for chunk in foreign_strings(lang) if chunk in text)


# --- charts ------------------------------------------------------------------------------------------

def wait_for_charts(page: Page, count: int, timeout_ms: int = 30_000) -> None:
    """Wait until at least ``count`` plotly charts are on the page, each drawn and shown."""
    page.wait_for_function(chromium.CHARTS_COUNT_DRAWN_JS, arg=count, timeout=timeout_ms)


def drawn_marks(page_or_frame) -> int:
    """How many SVG shapes plotly drew (paths and points) inside the chart areas."""
    return page_or_frame.locator(".js-plotly-plot .main-svg path, .js-plotly-plot .point").count()


# Chart texts whose visible characters reach past their chart's left or right edge, in px.
# Characters, not the text's box: legend names end in non-breaking spaces on purpose.
CUT_CHART_TEXT = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const box = plot.getBoundingClientRect();
    const frame = plot.closest('[class*="st-key-frame-"]');
    const chart = frame ? frame.className.match(/st-key-frame-([\\w-]+)/)[1] : '?';
    return [...plot.querySelectorAll('.main-svg text')].flatMap(text => {
        const content = text.textContent, matrix = text.getScreenCTM();
        let left = Infinity, right = -Infinity;
        for (let i = 0; i < text.getNumberOfChars(); i++) {
            if (!content[i] || !content[i].trim()) continue;
            const r = text.getExtentOfChar(i);
            for (const [x, y] of [[r.x, r.y], [r.x + r.width, r.y + r.height]]) {
                const point = new DOMPoint(x, y).matrixTransform(matrix);
                left = Math.min(left, point.x); right = Math.max(right, point.x);
            }
        }
        const past = Math.max(box.left - left, right - box.right);
        return past > 0.5 ? [chart + ': "' + content.trim().slice(0, 40) + '" by '
                             + past.toFixed(1) + ' px'] : [];
    });
})"""


def cut_chart_text(page: Page) -> list[str]:
    """Chart texts that reach past their chart's edges."""
    return page.evaluate(CUT_CHART_TEXT)


def small_chart_text(page: Page) -> tuple[int, list[tuple[float, str]]]:
    """How many chart texts there are, and those drawn under ``MIN_CHART_FONT_PX``."""
    sizes = page.evaluate("""() => [...document.querySelectorAll('.main-svg text')]
        .filter(t => t.textContent.trim())
        .map(t => [parseFloat(getComputedStyle(t).fontSize), t.textContent.slice(0, 30)])""")
    return len(sizes), [(size, text) for size, text in sizes if size < MIN_CHART_FONT_PX]


TICK_LUMINANCE = """() => {
    const tick = document.querySelector('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text');
    if (!tick) { return null; }
    const [r, g, b] = getComputedStyle(tick).fill.match(/\\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


def tick_luminance(page: Page) -> float | None:
    """The luminance (0 dark - 1 light) of the first axis tick label's colour; None without axes."""
    return page.evaluate(TICK_LUMINANCE)


# --- colours ---------------------------------------------------------------------------------------

BACKGROUND_JS = """() => getComputedStyle(document.querySelector('[data-testid="stApp"]'))
    .backgroundColor"""


def rgba(css: str) -> tuple[float, float, float, float]:
    """``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` as four numbers (alpha 1 when not given)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def luminance(colour: tuple[float, ...]) -> float:
    """WCAG 2.1 relative luminance of an opaque sRGB colour."""
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(text: tuple[float, ...], background: tuple[float, ...]) -> float:
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def flatten(layers: list[str]) -> tuple[float, float, float]:
    """The colour seen through background layers listed from the element outwards."""
    seen = (255.0, 255.0, 255.0)  # under everything, the browser's white canvas
    for layer in reversed(layers):
        *colour, alpha = rgba(layer)
        seen = tuple(alpha * c + (1 - alpha) * s for c, s in zip(colour, seen, strict=True))
    return seen


def background_luminance(page: Page) -> float:
    """The WCAG relative luminance of the app's background: under 0.05 when the dark theme is on."""
    return luminance(rgba(page.evaluate(BACKGROUND_JS)))


# --- layout on a phone ----------------------------------------------------------------------------

# Elements that scroll sideways inside the page (a row of pills in a column does, in Streamlit
# 1.67); tables, code and charts may, as they are meant to.
SIDEWAYS_SCROLLERS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1
                 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                 && !e.closest('[data-testid="stDataFrame"], pre, .js-plotly-plot'))
    .map(e => (e.closest('[class*="st-key-"]')?.className.match(/st-key-[\\w-]+/) || [e.tagName])[0]
              + ': ' + e.scrollWidth + ' px of content in ' + e.clientWidth + ' px')"""

WIDER_THAN = """limit => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.getBoundingClientRect().right > limit + 1
                 && !e.closest('[data-testid="stDataFrame"], pre, .js-plotly-plot')
                 && getComputedStyle(e).visibility !== 'hidden')
    .slice(0, 5).map(e => (e.getAttribute('data-testid') || e.tagName) + ': '
                     + (e.innerText || '').slice(0, 40))"""


def sideways_overflow(page: Page, width: int) -> tuple[int, list[str], list[str]]:
    """The document's scroll width, up to five elements reaching past ``width``, and the elements
    that scroll sideways inside the page."""
    return (page.evaluate("document.documentElement.scrollWidth"), page.evaluate(WIDER_THAN, width),
            page.evaluate(SIDEWAYS_SCROLLERS))


# --- labels and type --------------------------------------------------------------------------------

# Pairs of chart texts whose drawn boxes overlap by more than a sliver, per chart: a label under
# another. Texts of one element (a multi-line label's lines, a legend's name) never pair.
OVERLAPPING_LABELS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const frame = plot.closest('[class*="st-key-frame-"]');
    const chart = frame ? frame.className.match(/st-key-frame-([\\w-]+)/)[1] : '?';
    const texts = [...plot.querySelectorAll(
        '.annotation-text, .legendtext, .xtick text, .ytick text, .textpoint text, .gtitle')]
        .filter(t => t.textContent.trim());
    const boxes = texts.map(t => ({text: t.textContent.trim().slice(0, 30),
                                   box: t.getBoundingClientRect()}));
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].box, b = boxes[j].box;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 2 && h > 3) {
                found.push(chart + ': "' + boxes[i].text + '" and "' + boxes[j].text + '"');
            }
        }
    }
    return found;
})"""


def overlapping_labels(page: Page) -> list[str]:
    """Chart texts drawn over one another."""
    return page.evaluate(OVERLAPPING_LABELS)


def chart_typefaces(page: Page) -> set[str]:
    """The first font family of every chart text, as the browser resolves its style."""
    return set(page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot .main-svg text')]
        .filter(t => t.textContent.trim())
        .map(t => getComputedStyle(t).fontFamily.split(',')[0].trim().replace(/["']/g, ''))"""))


def page_typeface(page: Page) -> str:
    """The first font family of the page's body text."""
    return page.evaluate("""() => getComputedStyle(document.querySelector(
        '[data-testid="stMarkdownContainer"] p') || document.body).fontFamily
        .split(',')[0].trim().replace(/["']/g, '')""")
