"""WCAG 2.1 AA in a real browser: axe-core injected into every page, both languages, and embeds,
in the light theme and (every page in English, one embed) in the dark theme a reader's system asks
for; and the selected pills' text contrast measured in both themes, at rest and hovered.

Fails on any serious or critical violation, listing the rule, the help text and the elements.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from components.i18n import LANGS
from components.registry import CHARTS
from components.shell import PAGES, link_path

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
AA_TEXT_CONTRAST = 4.5
# The embed checked in the dark theme: its source line has links in a caption, which Streamlit
# draws at 60 % opacity (the dark theme's default link blue fell to 3.9:1 there).
DARK_EMBED = "history"


# Streamlit loads some widgets' code only when a page first shows one, and holds their place with
# a skeleton meanwhile: a multiselect's tags came up to 3 s after the script had finished, and
# axe run before then passed over them. So axe waits until every skeleton has been replaced.
NO_SKELETON_JS = "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
WIDGETS_LOADED_TIMEOUT_MS = 20_000


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs axe-core with npm ci)")
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


def report(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} - {v['help']}: {v['nodes']}" for v in violations)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_has_no_serious_accessibility_violation(page, app_url, open_page,
                                                           page_info, lang):
    """axe-core finds no serious or critical WCAG 2.1 A/AA violation on the page."""
    open_page(page, app_url, link_path(page_info), lang=lang)
    violations = axe_violations(page)
    assert not violations, report(violations)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_every_embed_has_no_serious_accessibility_violation(page, app_url, open_page, spec, lang):
    """axe-core finds no serious or critical violation in a chart's embed."""
    open_page(page, app_url, "", heading=False, embed="true", chart=spec.chart_id, lang=lang)
    page.wait_for_selector(".js-plotly-plot")
    violations = axe_violations(page)
    assert not violations, report(violations)


# --- Dark theme ------------------------------------------------------------------------------------

# The app's background: the dark theme is really on, or a dark-theme test would pass in light.
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


# A pill's text colour and every background from the pill out to the page, as the browser has
# them now (a selected pill's own background is a tint of the primary colour, not opaque).
PILL_COLOURS_JS = """pill => {
    const layers = [];
    for (let node = pill; node; node = node.parentElement) {
        layers.push(getComputedStyle(node).backgroundColor);
    }
    return {text: getComputedStyle(pill).color, layers: layers};
}"""


def pill_contrast(pill) -> float:
    colours = pill.evaluate(PILL_COLOURS_JS)
    return contrast(rgba(colours["text"]), flatten(colours["layers"]))


def open_dark(make_page, open_page, app_url: str, path: str, **params) -> Page:
    page = make_page(color_scheme="dark").page
    open_page(page, app_url, path, **params)
    assert luminance(rgba(page.evaluate(BACKGROUND_JS))) < 0.05, "the dark theme is not on"
    return page


@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_has_no_serious_accessibility_violation_in_the_dark_theme(
        make_page, app_url, open_page, page_info):
    """axe-core finds no serious or critical violation when the reader's system asks for dark."""
    page = open_dark(make_page, open_page, app_url, link_path(page_info), lang="en")
    violations = axe_violations(page)
    assert not violations, report(violations)


def test_an_embed_has_no_serious_accessibility_violation_in_the_dark_theme(make_page, app_url,
                                                                            open_page):
    page = open_dark(make_page, open_page, app_url, "", heading=False, embed="true",
                     chart=DARK_EMBED, lang="en")
    page.wait_for_selector(".js-plotly-plot")
    violations = axe_violations(page)
    assert not violations, report(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "pills"), [("timeline", ".st-key-tracks"),
                                             ("embed", ".st-key-embed-summit-week-tracks")])
def test_selected_track_pills_keep_aa_text_contrast_at_rest_and_hovered(make_page, app_url,
                                                                       open_page, scheme, path,
                                                                       pills):
    """Where a multiselect tag was white on the dark theme's teal (2.5:1), a selected pill's
    teal text on its own tint keeps 4.5:1, in both themes, also under the pointer."""
    page = make_page(color_scheme=scheme).page
    open_page(page, app_url, path, lang="en")
    selected = page.locator(f'{pills} button[aria-pressed="true"]')
    expect(selected.first).to_be_visible()
    at_rest = pill_contrast(selected.first)
    selected.first.hover()
    page.wait_for_timeout(500)  # the hover background fades in
    hovered = pill_contrast(selected.first)
    assert min(at_rest, hovered) >= AA_TEXT_CONTRAST, (
        f"{scheme}: {at_rest:.3f}:1 at rest, {hovered:.3f}:1 hovered")


# --- The date picker's selected day ----------------------------------------------------------------

SELECTED_DAY = '[data-testid="stDateInputCalendar"] [role="gridcell"] > [data-selected]'
# The shell's dark-theme style is an st.html element, whose front-end code Streamlit loads only
# once the script has finished: it came up to half a second after the page looked finished.
STYLE_ARRIVAL_TIMEOUT_MS = 5_000


def settled_contrast(page: Page, element) -> float:
    """The element's text contrast once it reaches AA, or as it is when the wait runs out."""
    measured = pill_contrast(element)
    for _ in range(STYLE_ARRIVAL_TIMEOUT_MS // 250):
        if measured >= AA_TEXT_CONTRAST:
            break
        page.wait_for_timeout(250)
        measured = pill_contrast(element)
    return measured


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_date_pickers_selected_day_keeps_aa_text_contrast_at_rest_and_hovered(
        make_page, app_url, open_page, scheme):
    """Streamlit writes the selected day white on the primary colour, 2.5:1 on the dark theme's
    light teal; the Map page's "as of" calendar keeps 4.5:1 in both themes."""
    page = make_page(color_scheme=scheme).page
    open_page(page, app_url, "map", lang="en")
    assert (luminance(rgba(page.evaluate(BACKGROUND_JS))) < 0.05) == (scheme == "dark"), (
        f"the {scheme} theme is not on")
    page.locator('.st-key-asof [data-testid="stDateInputCalendarButton"]').click()
    selected_day = page.locator(SELECTED_DAY)
    expect(selected_day).to_have_text("7")  # the default date, 7 September 2023
    at_rest = settled_contrast(page, selected_day)
    selected_day.hover()
    page.wait_for_timeout(500)  # the hover ring fades in
    hovered = pill_contrast(selected_day)
    assert min(at_rest, hovered) >= AA_TEXT_CONTRAST, (
        f"{scheme}: {at_rest:.3f}:1 at rest, {hovered:.3f}:1 hovered")
