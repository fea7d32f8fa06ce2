"""A date typed into a date control applies when the reader presses Enter.

Streamlit's date field (three react-aria segments: year, month, day) commits a typed date when a
pointer goes down outside it: a reader who typed 2024-07-04 and pressed Enter saw nothing change,
and a bare ``blur()`` does not commit either (tried in Chromium). On Enter the script does what a
tap outside the field does. It finds the field by Streamlit's own ``data-testid``, which is not
public API, so it is a shim.
"""

from __future__ import annotations

from components.streamlit_compat import Shim

SHIMS = (DATE_ENTER := Shim(
    "date-enter", "1.67.0",
    why="Enter in a date field applies the typed date (Streamlit applies it on blur only).",
    remove_when="Streamlit's date input commits a typed date on Enter."),)

# One listener on the document, set once: Streamlit draws its elements anew on every run, and a
# listener on the field itself would go with the old one. No "<" inside the script, as for every
# inline script of the app.
_SCRIPT = ("<script>(function(){if(window.__ruDateEnter)return;window.__ruDateEnter=true;"
           "document.addEventListener('keydown',function(event){"
           "var field=event.target;if(event.key!=='Enter'||!field||!field.closest)return;"
           "if(!field.closest('[data-testid=\"stDateInput\"]'))return;"
           "event.preventDefault();"
           "document.body.dispatchEvent(new PointerEvent('pointerdown',{bubbles:true}));"
           "field.blur();},true);})();</script>")


def enter_applies_typed_dates() -> str:
    """The script for the head of every page the app serves (``web.link_previews.head_links``),
    or "" when the shim is off."""
    return _SCRIPT if DATE_ENTER.active else ""
