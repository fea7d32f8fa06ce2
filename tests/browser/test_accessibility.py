"""Text contrast that axe-core cannot judge, measured in a real browser in both themes: selected
pills and the date picker's selected day, at rest and under the pointer.

(axe-core itself runs on every page and embed in tests/browser/test_tour.py.)
"""

import pytest
from playwright.sync_api import Page, expect

from tools.page_checks import background_luminance, contrast, flatten, rgba

AA_TEXT_CONTRAST = 4.5

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
    assert background_luminance(page) < 0.05, "the dark theme is not on"
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("path", "pills"), [("timeline", ".st-key-tracks"),
                                             ("embed", ".st-key-embed-summit-week-tracks")])
def test_selected_track_pills_keep_aa_text_contrast_at_rest_and_hovered(make_page, app_url,
                                                                       open_page, scheme, path,
                                                                       pills):
    """Where a multiselect tag was white on the dark theme's teal (2.5:1), a selected pill's
    teal text on its own tint keeps 4.5:1, in both themes, also under the pointer."""
    page = make_page(color_scheme=scheme).page
    open_page(page, app_url, path, lang="en", chart="summit-week" if path == "embed" else None)
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
    assert (background_luminance(page) < 0.05) == (scheme == "dark"), (
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
