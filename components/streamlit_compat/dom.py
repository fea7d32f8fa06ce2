"""Styles that select Streamlit's own elements by their ``data-testid``, which is not public API.

The ``st-key-<key>`` classes of keyed elements are public; the test ids are Streamlit's own and
change between releases. Each style here is empty on any release but the one it was made for.
"""

from __future__ import annotations

from components.streamlit_compat import Shim

SHIMS = (STYLES := Shim(
    "dom-styles", "1.67.0",
    why="The chart-only embed's spacing (16 px around its content instead of Streamlit's 1rem "
        "and gaps), the dark theme's date picker contrast (2.5:1 as Streamlit draws it, 7.2:1 "
        "with this style), the printed page (no sidebar, header or controls) and a phone's first "
        "screen (the space above the content, the h1's size), which no theme option or public "
        "style hook sets.",
    remove_when="Streamlit offers a theme option for the selected day's colour and an embed "
                "layout without padding."),)


def _styled(css: str) -> str:
    return css if STYLES.active else ""


# Streamlit writes a date picker's selected day in white on the primary colour whenever that
# colour's luminance is under 0.5: on the dark theme's light teal that is 2.5:1 (WCAG AA: 4.5:1).
# The dark theme's own background colour gives 7.2:1 there. The app has single-day pickers only:
# a range picker's in-between days sit on a pale tint of the teal and would have to be left out.
DARK_THEME_DATE_PICKER_CSS = _styled("""<style>
[data-testid="stDateInputCalendar"] [role="gridcell"] > [data-selected] { color: #171614; }
</style>""")

# Streamlit's embed keeps 1rem of padding around the main block and a gap between elements; the
# chart-only embed keeps 16 px around its content, small gaps, and nothing after its footer.
EMBED_CSS = _styled("""<style>
[data-testid="stMainBlockContainer"] { padding: 16px !important; }
.st-key-embed-content { padding-bottom: 0; }
.st-key-embed-content [data-testid="stHeading"] h4 { padding: 0; }
.st-key-embed-footer p, .st-key-embed-footer a, .st-key-embed-footer button {
  font-size: 0.875rem !important; line-height: 1.5; margin: 0; }
.st-key-embed-footer [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
.st-key-embed-footer button { min-height: 0; padding: 0; color: inherit; }
.st-key-embed-footer a, .st-key-embed-footer button p { color: inherit; text-decoration: underline; }
.ru-sr-only { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
</style>""")

# An embed with ``transparent=1``: the article's own background shows through the app's
# (the charts' paper is transparent already).
TRANSPARENT_EMBED_CSS = _styled("""<style>
html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"],
[data-testid="stMainBlockContainer"], [data-testid="stBottomBlockContainer"] {
  background: transparent !important; }
</style>""")

# A page link's label on one line, cut with an ellipsis, hid a claim's verdict at 375 px: labels
# that name a claim wrap instead.
LINK_WRAP_CSS = _styled("""<style>
[data-testid="stPageLink"] a, [data-testid="stPageLink"] a * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; height: auto !important; }
</style>""")

# On a phone a section page's finding and the top of its chart share the first screen: Streamlit
# keeps 6rem above the content (its header is 3.75rem) and draws an h1 at 2.75rem, which made a
# two-line finding five lines tall. The section's name above the h1 is a kicker, not a caption.
PHONE_PAGE_CSS = _styled("""<style>
.st-key-section-kicker p { text-transform: uppercase; letter-spacing: 0.06em; font-weight: 600;
  margin-bottom: -0.75rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; line-height: 1.2; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 4rem !important; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.5rem; line-height: 1.25;
    padding-top: 0.25rem; }
}
</style>""")

# A printed page (or Chromium's PDF) is the story: charts at the page's width, their titles,
# notes and source lines; no sidebar, header, toolbar, controls or tabs to click.
PRINT_CSS = _styled("""<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], .st-key-language-link,
  [data-testid="stSelectbox"], [data-testid="stRadio"], [data-testid="stButtonGroup"],
  [data-testid="stDateInput"], [data-testid="stNumberInput"], [data-testid="stTextInput"],
  [data-testid="stCheckbox"], [data-testid="stPopover"], [data-testid="stTabs"] [role="tablist"],
  .modebar-container { display: none !important; }
  [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: visible !important; }
  .js-plotly-plot, .stPlotlyChart { break-inside: avoid; }
}
</style>""")
