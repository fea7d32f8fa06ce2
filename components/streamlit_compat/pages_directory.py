"""Streamlit's old multipage mode, switched off for an app that declares its pages itself."""

from __future__ import annotations

from components.streamlit_compat import Shim

SHIMS = (NAVIGATION_ONLY := Shim(
    "pages-directory-mode", "1.67.0",
    why="Because a pages/ folder sits beside dashboard.py, Streamlit starts a fresh server in its "
        "old multipage mode: until some run has called st.navigation, a deep link such as "
        "/sources?lang=en runs pages/sources.py alone, without the shell (no language, no "
        "navigation). This app declares its pages with st.navigation, so that mode is off.",
    remove_when="Streamlit no longer infers the mode from a pages/ folder when the main script "
                "calls st.navigation (or the pages move to a folder of another name)."),)


def leave_pages_directory_mode() -> bool:
    """Switch Streamlit's pages-folder mode off; True if it was on (the run must start again
    from dashboard.py)."""
    if not NAVIGATION_ONLY.active:
        return False
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        return True
    return False
