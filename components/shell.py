"""The app shell: language, page list and page configuration shared by every page."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.i18n import LANGS, Lang, resolve_lang, t
from components.paths import STATIC_DIR

LANG_KEY = "lang"
ICON_PATH = STATIC_DIR / "icon.png"


@dataclass(frozen=True)
class PageInfo:
    """A page of the app: its file, url path and the locale key of its title."""

    script: str
    url_path: str
    title_key: str
    icon: str


PAGES = (
    PageInfo("pages/overview.py", "overview", "nav.overview", "🏠"),
    PageInfo("pages/timeline.py", "timeline", "nav.timeline", "🗓️"),
    PageInfo("pages/map.py", "map", "nav.map", "🗺️"),
    PageInfo("pages/cooperation.py", "cooperation", "nav.cooperation", "🤝"),
    PageInfo("pages/sources.py", "sources", "nav.sources", "📚"),
    PageInfo("pages/embed.py", "embed", "nav.embed", "🧩"),
)


def current_lang() -> Lang:
    """The language chosen for this session (set by ``choose_lang`` at the top of every run)."""
    return st.session_state.get(LANG_KEY, "id")


def choose_lang() -> Lang:
    """Settle the language for this run: the reader's switch, else ``?lang=``, else the browser.

    The choice is written back to the URL on every run: Streamlit drops query parameters when the
    reader changes page, and a shared link should open in the language it was shared in.
    """
    requested = st.query_params.get("lang")
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = resolve_lang(requested, st.context.locale)
        if requested is not None and requested not in LANGS:
            st.session_state["lang_notice"] = requested[:40]
    lang: Lang = st.session_state[LANG_KEY]
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang


def language_switch(lang: Lang) -> None:
    """The ID | EN switch; changing it reruns the app in the other language.

    Its label is the same in both languages: a reader who cannot read the current one must still
    find the switch, and a label that changed with the language would reset the widget.
    """
    st.segmented_control(
        "Bahasa / Language", options=list(LANGS), key=LANG_KEY, required=True,
        format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
    )
    notice = st.session_state.pop("lang_notice", None)
    if notice is not None:
        st.warning(t("notice.bad_param", lang, key="lang", value=notice), icon="⚠️")


def navigation_pages(lang: Lang) -> list:
    return [
        st.Page(page.script, title=t(page.title_key, lang), url_path=page.url_path,
                icon=page.icon, default=(index == 0))
        for index, page in enumerate(PAGES)
    ]


def page_header(title_key: str, dek_key: str, lang: Lang) -> None:
    """The page's h1 and its one-paragraph introduction."""
    st.title(t(title_key, lang))
    st.write(t(dek_key, lang))


def share_link(lang: Lang) -> None:
    """The link to exactly this view: page, language and every control that differs from default."""
    from urllib.parse import urlencode

    query = urlencode({key: st.query_params[key] for key in st.query_params}, safe="~")
    url = (st.context.url or "") + (f"?{query}" if query else "")
    with st.popover(t("shell.share", lang), icon="🔗", width="stretch"):
        st.caption(t("shell.share_help", lang))
        st.code(url, language=None, wrap_lines=True)
