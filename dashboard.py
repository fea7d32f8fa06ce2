"""Entry point: ``streamlit run dashboard.py``.

Settles the language, then either shows one chart alone (``?embed=true&chart=<id>``, for iframes
in articles) or draws the shell (navigation, language switch, share link) and runs the chosen page.
"""

import streamlit as st

from components import embed, shell
from components.i18n import t

lang = shell.choose_lang()
st.set_page_config(
    page_title=t("app.title", lang),
    page_icon=str(shell.ICON_PATH),
    layout="wide",
    initial_sidebar_state="auto",
)
if embed.requested():
    st.navigation([st.Page(lambda: embed.render(lang), title=t("app.title", lang),
                           url_path="chart", default=True)], position="hidden").run()
else:
    page = st.navigation(shell.navigation_pages(lang), position="sidebar")
    with st.sidebar:
        shell.language_switch(lang)
    page.run()
    with st.sidebar:
        # After the page: its controls have written the view into the URL by now.
        shell.share_link(lang)
        st.caption(t("shell.about", lang))
