"""Light and dark: charts follow the reader's theme, so axis text is never dark on dark paper."""

import pytest

TICK_LUMINANCE = """() => {
    const tick = document.querySelector('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text');
    if (!tick) { return null; }
    const [r, g, b] = getComputedStyle(tick).fill.match(/\\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.mark.parametrize(("scheme", "light_text"), [("dark", True), ("light", False)])
@pytest.mark.parametrize("chart", ["history", "delegation-levels", "members-over-time"])
def test_chart_axis_text_follows_the_readers_theme(make_page, app_url, open_page, scheme,
                                                   light_text, chart):
    page = make_page(color_scheme=scheme).page
    open_page(page, app_url, "", heading=False, embed="true", chart=chart, lang="en")
    page.wait_for_selector(".js-plotly-plot .xtick text, .js-plotly-plot .ytick text")
    luminance = page.evaluate(TICK_LUMINANCE)
    assert luminance is not None
    assert (luminance > 0.6) is light_text, f"{scheme} theme, tick luminance {luminance:.2f}"
