"""The app shell: language, page list and page configuration shared by every page."""

from __future__ import annotations

import html

import streamlit as st

from components.data.coverage import bloc_checked_to, checked_to
from components.paths import STATIC_DIR
from components.registry import PAGES
from components.streamlit_compat.dom import (
    DARK_THEME_DATE_PICKER_CSS,
    LINK_WRAP_CSS,
    PHONE_PAGE_CSS,
    PRINT_CSS,
)
from components.streamlit_compat.pages_directory import leave_pages_directory_mode
from components.text.i18n import LANGS, Lang, format_date, resolve_lang, t
from components.text.safe_text import js_literal, md_escape
from components.ui.frame import reader_theme

LANG_KEY = "lang"
_LANG_IN_URL_KEY = "lang_in_url"
ICON_PATH = STATIC_DIR / "icon.png"


LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def current_lang() -> Lang:
    """The language chosen for this session (set by ``choose_lang`` at the top of every run).

    Every page calls this first, so it is also where a page makes sure it runs inside the shell
    and gets its styles: the dark theme's fix to Streamlit's own, and the printed page's.
    """
    _run_through_dashboard()
    _page_styles()
    return st.session_state.get(LANG_KEY, "id")


def _page_styles() -> None:
    # Only <style>: Streamlit puts them where they take no space on the page.
    for css in (PRINT_CSS, LINK_WRAP_CSS, PHONE_PAGE_CSS):
        if css:
            st.html(css)
    if reader_theme() == "dark" and DARK_THEME_DATE_PICKER_CSS:
        st.html(DARK_THEME_DATE_PICKER_CSS)


def _run_through_dashboard() -> None:
    """Restart the run through dashboard.py if Streamlit ran a page file on its own
    (``streamlit_compat.pages_directory`` says when and why)."""
    if leave_pages_directory_mode():
        st.rerun()


def choose_lang() -> Lang:
    """Settle the language for this run: a new ``?lang=`` in the URL, else the reader's switch,
    else the browser's language, else Indonesian.

    "New" means different from the value this session last wrote: a link opened or edited by
    the reader wins over the switch, while the URL that still shows the previous language right
    after the reader flips the switch does not. The choice is written back to the URL on every
    run: Streamlit drops query parameters when the reader changes page, and a shared link should
    open in the language it was shared in.
    """
    requested = st.query_params.get("lang")
    last_written = st.session_state.get(_LANG_IN_URL_KEY)
    if requested in LANGS and requested != last_written:
        st.session_state[LANG_KEY] = requested
    elif st.session_state.get(LANG_KEY) not in LANGS:
        # Not chosen yet, or the switch came back empty: on a busy CI machine a click made while
        # a run was still drawing the page once brought the switch back as None.
        st.session_state[LANG_KEY] = resolve_lang(
            requested if requested in LANGS else last_written, st.context.locale)
    if requested is not None and requested not in LANGS:
        st.session_state["lang_notice"] = requested[:40]
    lang: Lang = st.session_state[LANG_KEY]
    st.session_state[_LANG_IN_URL_KEY] = lang
    # Only when it differs: written before st.navigation has run, an unchanged query was sent as
    # the new page's and dropped the view's parameters on Back. Each page writes its whole view at
    # the end of its run (controls.write), which also brings the browser's address up to date.
    if requested != lang:
        st.query_params["lang"] = lang
    return lang


def language_switch(lang: Lang) -> None:
    """The ID | EN switch; changing it reruns the app in the other language.

    Its label is the same in both languages: a reader who cannot read the current one must still
    find the switch, and a label that changed with the language would reset the widget.
    """
    st.segmented_control(
        "Bahasa / Language", options=list(LANGS), key=LANG_KEY, required=True,
        format_func=LANG_NAMES.get,
    )
    notice = st.session_state.pop("lang_notice", None)
    if notice is not None:
        st.warning(t("notice.bad_param", lang, key="lang", value=md_escape(notice)),
                   icon=":material/warning:")


def navigation_pages(lang: Lang) -> list:
    """The pages for ``st.navigation``, which runs them; the links to them are ``site_links``."""
    return [
        st.Page(page.script, title=t(page.title_key, lang), url_path=page.url_path,
                icon=page.icon, default=(index == 0))
        for index, page in enumerate(PAGES)
    ]


def site_links(lang: Lang) -> None:
    """A link to every page, each opening on its own clean URL (the language only).

    Streamlit's own page menu carries the current page's query parameters to the next page,
    which then writes its own: two history entries per page switch, so Back landed on the new
    page again with the old page's parameters, not on the view the reader left. These links go
    straight to the next page's URL: Back returns to the view as it was, controls and all.
    """
    with st.container(key="site-links"):
        for page in PAGES:
            st.page_link(page.script, label=t(page.title_key, lang), icon=page.icon,
                         query_params={"lang": lang})


def language_link(lang: Lang) -> None:
    """The other language, named in that language, at the top of every page: on a phone the
    sidebar's switch hides behind a menu button with no label. The view stays as it is."""
    other = "en" if lang == "id" else "id"
    st.button(LANG_NAMES[other], icon=":material/translate:", type="tertiary",
              key="language-link", on_click=_switch_language, args=(other,))


def _switch_language(lang: Lang) -> None:
    # Setting the link's language sends the new address to the browser (a history entry), and
    # choose_lang reads it on the run this click starts.
    st.query_params["lang"] = lang


def page_header(title_key: str, dek_key: str, lang: Lang) -> None:
    """A tool page's top (the Embed page): its own browser title, its name as the h1, what it is
    for, and the day the data was checked to."""
    browser_title(title_key, lang)
    language_link(lang)
    st.title(t(title_key, lang))
    st.write(t(dek_key, lang))
    checked_note(lang)


def section_header(title_key: str, finding: str | None, context: str, lang: Lang) -> None:
    """A section page's top: its own browser title, the section's name as a kicker, its finding
    as the h1, one sentence of context, and nothing else before its chart.

    ``finding`` is the lead chart's title, so the h1 follows the data and the view as the title
    does; the chart's frame then leaves its own title out. Without one (the chart could not be
    built) the section's name is the h1. Controls and the day the data was checked to go under
    the chart, where on a phone they no longer push it off the first screen.
    """
    browser_title(title_key, lang)
    language_link(lang)
    with st.container(key="section-kicker"):
        st.caption(t(title_key, lang))
    st.title(md_escape(finding) if finding else t(title_key, lang), anchor=False)
    st.write(context)


def browser_title(title_key: str, lang: Lang) -> None:
    """The page's own browser title: tabs, bookmarks and history tell pages apart."""
    st.set_page_config(page_title=f"{t(title_key, lang)} · {t('app.title', lang)}")


def checked_note(lang: Lang) -> None:
    """ "Data checked to 28 October 2025": the last day the memberships were checked, which no
    date control passes; and each bloc's own day where they differ."""
    st.caption(checked_text(bloc_checked_to(), checked_to(), lang), help=t("shell.checked_help", lang))


def checked_text(days: dict, earliest, lang: Lang) -> str:
    """The note's words: the earliest day, then each bloc's (latest first) where they differ."""
    text = t("shell.checked", lang, date=format_date(earliest, lang))
    if len(set(days.values())) > 1:
        blocs = "; ".join(f"{bloc} {format_date(day, lang)}" for bloc, day
                          in sorted(days.items(), key=lambda item: item[1], reverse=True))
        text += " " + t("shell.checked_blocs", lang, blocs=blocs)
    return text


def share_link(lang: Lang) -> None:
    """The link to exactly this view: page, language and every control that differs from default."""
    from urllib.parse import urlencode

    query = urlencode({key: st.query_params[key] for key in st.query_params}, safe="~")
    url = (st.context.url or "") + (f"?{query}" if query else "")
    with st.popover(t("shell.share", lang), icon=":material/share:", width="stretch"):
        # A phone's own share sheet where the browser has one (the Web Share API); the link to
        # copy stays beneath it for every browser.
        st.html(share_sheet_button(url, t("app.title", lang), t("shell.share_sheet", lang)),
                unsafe_allow_javascript=True)
        st.caption(t("shell.share_help", lang))
        st.code(url, language=None, wrap_lines=True)


def share_sheet_button(url: str, title: str, label: str) -> str:
    """A button that opens the browser's share sheet with this view's link; hidden where the
    browser has none. No "<" before a word character inside the script (Streamlit's sanitiser
    would drop it)."""
    return (f'<button type="button" class="ru-share-sheet" hidden>{html.escape(label)}</button>'
            "<script>(function(){var button=document.querySelector('.ru-share-sheet');"
            "if(!button||!navigator.share)return;button.hidden=false;"
            "button.addEventListener('click',function(){"
            f"navigator.share({{url:{js_literal(url)},title:{js_literal(title)}}})"
            ".catch(function(){});});})();</script>")
