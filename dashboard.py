"""Entry point: ``streamlit run dashboard.py``.

Each run settles the language, then either shows one chart alone (``?embed=true&chart=<id>``, for
iframes in articles) or draws the shell (navigation, language switch, share link) and runs the
chosen page. Served, the same file is the ASGI app (at the bottom): link previews, gzip, and
the oEmbed endpoint.
"""

import logging
import os

import streamlit as st

from components.data.package import MissingTableError
from components.text.i18n import t
from components.ui import embed, shell

log = logging.getLogger("dashboard")
# The tests set DASHBOARD_STRICT=1 so that a fault a reader would see as a notice fails them.
STRICT = os.environ.get("DASHBOARD_STRICT") == "1"


def run_safely(page, lang) -> None:
    """Run a page; a fault shows a readable notice in the reader's language, never a traceback."""
    try:
        page.run()
    except MissingTableError as error:
        # A table with problems was left out on loading (its notice is already shown): expected
        # while the data is broken, so it is a notice and not a fault, even in the tests.
        log.warning("page %s needs the missing table %s", page.url_path, error.args[0])
        st.warning(t("error.data_missing", lang, table=error.args[0]), icon=":material/warning:")
    except Exception:  # st.stop and st.rerun are BaseExceptions and pass through
        log.exception("page %s failed", page.url_path)
        st.error(t("error.page_title", lang), icon=":material/error:")
        st.write(t("error.page_body", lang))
        if STRICT:
            raise


def main() -> None:
    """One run of the app for one reader."""
    lang = shell.choose_lang()
    st.set_page_config(
        page_title=t("app.title", lang),
        page_icon=str(shell.ICON_PATH),
        layout="wide",
        initial_sidebar_state="auto",
    )
    if embed.requested():
        run_safely(st.navigation([st.Page(lambda: embed.render(lang), title=t("app.title", lang),
                                          url_path="chart", default=True)], position="hidden"),
                   lang)
        return
    page = st.navigation(shell.navigation_pages(lang), position="hidden")
    with st.sidebar:
        shell.site_links(lang)
        shell.language_switch(lang)
    run_safely(page, lang)
    with st.sidebar:
        # After the page: its controls have written the view into the URL by now.
        shell.share_link(lang)
        st.caption(t("shell.about", lang))


if __name__ == "__main__":  # Streamlit running this file as the app's script
    main()
else:
    # `streamlit run dashboard.py` first imports this file to look for an ASGI app to serve: this
    # one runs this same file as its script, with the app's own routes and middleware. Streamlit
    # finds it by reading this file's source for `app = st.App(...)`, so the call stays here.
    from components.web import server

    app = st.App(__file__, routes=server.routes(), middleware=server.middleware())
