"""What a reader opens comes into view: a claim's card opened from the tracker or a link, a
country's profile opened from the map. Streamlit keeps the page where it was, so a card that
opens 1,000 px further down (1,700 on a phone) looked as if nothing had happened."""

from __future__ import annotations

import streamlit as st

from components.text.safe_text import js_literal

WAIT_MS = 5000  # Streamlit draws the element a moment after this script arrives
# Room above an opened element for the app's header bar (3.75rem), which would cover its heading.
HEADER_CLEARANCE = "4.5rem"


def scroll_script(element_key: str, opened: str) -> str:
    """A script that scrolls the element with ``st-key-<element_key>`` to the top of the view
    once it is drawn (looking for it every 50 ms, for ``WAIT_MS`` at most), once per ``opened``:
    Streamlit may run it again on a later run of the page, and the reader may have scrolled on.

    No "<" before a letter or digit inside: Streamlit's sanitiser (DOMPurify) drops a script
    whose text holds one, as markup hidden in text."""
    token = js_literal(f"{element_key}:{opened}")
    return ("<script>(function(){var token=" + token + ",selector="
            + js_literal(f".st-key-{element_key}") + ",started=Date.now();"
            "if(window.__ruInView===token)return;"
            "(function look(){var element=document.querySelector(selector);"
            "if(element){window.__ruInView=token;"
            f"element.style.scrollMarginTop={js_literal(HEADER_CLEARANCE)};"
            "element.scrollIntoView({block:'start'});return;}"
            f"if({WAIT_MS}>Date.now()-started)setTimeout(look,50);}})();}})();</script>")


def bring_into_view(element_key: str, opened: str) -> None:
    """Scroll to the element keyed ``element_key`` once what it shows (``opened``: a claim, a
    country) was just opened. Drawn on every run while it is open: a script Streamlit drops on
    the next run could go before the element is drawn; the browser scrolls once per opening."""
    st.html(scroll_script(element_key, opened), unsafe_allow_javascript=True, width="content")
