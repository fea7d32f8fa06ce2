"""Entry point: ``streamlit run dashboard.py``.

Settles the language, draws the shell (navigation, language switch) and runs the chosen page.
"""

import streamlit as st

from components import shell
from components.i18n import t

lang = shell.choose_lang()
st.set_page_config(
    page_title=t("app.title", lang),
    page_icon=str(shell.ICON_PATH),
    layout="wide",
    initial_sidebar_state="auto",
)
page = st.navigation(shell.navigation_pages(lang), position="sidebar")
with st.sidebar:
    shell.language_switch(lang)
    st.caption(t("shell.about", lang))
page.run()
