"""Text from the data shown as text: never as HTML, never as markdown that makes links or images."""

from __future__ import annotations

import html
import json
import re
import textwrap
from typing import Any
from urllib.parse import urlparse

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")
# Where GitHub-flavoured markdown starts a link from bare text ("https://", "www.", "a@b.org",
# "mailto:"). Streamlit's renderer finds these after escapes are decoded, so escaping cannot stop
# it; an invisible WORD JOINER (U+2060) inside the trigger does.
_AUTOLINK_TRIGGERS = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)|(?=@)|(?<=\bmailto)(?=:)"
                                r"|(?<=\bxmpp)(?=:)")
WORD_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """``text`` with every markdown and HTML-significant character escaped, for ``st.markdown``,
    and bare addresses kept from turning into links."""
    text = _AUTOLINK_TRIGGERS.sub(WORD_JOINER, str(text))
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text).replace("\n", " ")


def safe_url(url: object) -> str | None:
    """``url`` if it is a plain http(s) address, else None: a data cell cannot smuggle javascript:."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    return url.strip().replace(")", "%29").replace("(", "%28").replace(" ", "%20")


def md_link(label: object, url: object) -> str:
    """A markdown link with an escaped label, or the escaped label alone if the url is unsafe."""
    target = safe_url(url)
    return f"[{md_escape(label)}]({target})" if target else md_escape(label)


# What a spreadsheet (Excel, LibreOffice, Google Sheets) reads as the start of a formula in a CSV
# cell: "=HYPERLINK(...)" from the data would become a live link or worse (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(text: str) -> str:
    """A CSV cell's text that no spreadsheet runs as a formula: a leading apostrophe (which
    spreadsheets hide) before text that starts like one, except a plain number ("-3.5")."""
    if text.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def escape_for_plotly(text: str) -> str:
    """Data text for a plotly label, which renders a little HTML: shown as the characters it is.

    Quotes stay as they are: plotly does not decode ``&quot;`` and would show it literally."""
    return html.escape(str(text), quote=False)


def wrap_for_hover(text: str, width: int = 50) -> str:
    """Data text made safe for plotly's hover (which renders a little HTML), broken into lines.

    Quotes stay as they are: plotly does not decode ``&quot;`` and would show it literally.
    """
    return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text, width) or [""])


def js_literal(value: Any) -> str:
    """A value as a JavaScript literal that is also safe inside an HTML ``<script>``: no ``<``
    or ``>`` can close the script or open a comment, whatever the data holds."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
