"""Entry point: ``streamlit run dashboard.py``.

Settles the language, then either shows one chart alone (``?embed=true&chart=<id>``, for iframes
in articles) or draws the shell (navigation, language switch, share link) and runs the chosen page.
"""

import logging
import os

import streamlit as st

from components import embed, shell
from components.i18n import t

log = logging.getLogger("dashboard")
# The tests set DASHBOARD_STRICT=1 so that a fault a reader would see as a notice fails them.
STRICT = os.environ.get("DASHBOARD_STRICT") == "1"


def run_safely(page, lang) -> None:
    """Run a page; a fault shows a readable notice in the reader's language, never a traceback."""
    try:
        page.run()
    except Exception:  # st.stop and st.rerun are BaseExceptions and pass through
        log.exception("page %s failed", page.url_path)
        st.error(t("error.page_title", lang), icon="⚠️")
        st.write(t("error.page_body", lang))
        if STRICT:
            raise


lang = shell.choose_lang()
st.set_page_config(
    page_title=t("app.title", lang),
    page_icon=str(shell.ICON_PATH),
    layout="wide",
    initial_sidebar_state="auto",
)
if embed.requested():
    run_safely(st.navigation([st.Page(lambda: embed.render(lang), title=t("app.title", lang),
                                      url_path="chart", default=True)], position="hidden"), lang)
else:
    page = st.navigation(shell.navigation_pages(lang), position="sidebar")
    with st.sidebar:
        shell.language_switch(lang)
    run_safely(page, lang)
    with st.sidebar:
        # After the page: its controls have written the view into the URL by now.
        shell.share_link(lang)
        st.caption(t("shell.about", lang))
