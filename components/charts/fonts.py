"""The dashboard's one typeface, Source Sans 3, wherever a chart is drawn outside the app's pages.

Streamlit serves the face to the app's pages itself ("Source Sans"). Outside them, the same face
comes from ``static/fonts/``: kaleido's Chromium (PNG, SVG and the static pages' first images)
finds the TTF files through a fontconfig file of the project's, and the static pages load the web
font from beside them, or carry it inside a downloaded file, so a reader sees one typeface in and
around the chart on the app, in an article and in a file.
"""

from __future__ import annotations

import base64
import os
from functools import cache

from components.paths import STATIC_DIR

FONT_DIR = STATIC_DIR / "fonts"
FONTCONFIG_FILE = FONT_DIR / "fonts.conf"
WEB_FONT = FONT_DIR / "SourceSans3VF-Upright.latin.woff2"  # every weight, 200-900, in one file
# The family name the app's theme asks for first (theme.FONT_FAMILY), as Streamlit names it.
WEB_FAMILY = "Source Sans"


def use_in_images() -> None:
    """Let the Chromium that kaleido starts find Source Sans 3: call before starting it.

    A FONTCONFIG_FILE already set (a deployment's own fonts) is left as it is.
    """
    os.environ.setdefault("FONTCONFIG_FILE", str(FONTCONFIG_FILE))


@cache
def _web_font_data_uri() -> str:
    return "data:font/woff2;base64," + base64.b64encode(WEB_FONT.read_bytes()).decode("ascii")


def font_face_css(src: str | None = None) -> str:
    """The ``@font-face`` rule for a static page: the web font at ``src`` (a URL relative to the
    page), or, without one, inside the page itself (a file that is downloaded and opened alone)."""
    url = src or _web_font_data_uri()
    return (f'@font-face {{ font-family: "{WEB_FAMILY}"; src: url("{url}") format("woff2"); '
            "font-weight: 200 900; font-style: normal; font-display: swap; }\n")
