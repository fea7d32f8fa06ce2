"""Overview: the verdict on the article's claims first, then the claims one by one."""

import streamlit as st

from components.overview.params import CLAIM, PARAMS
from components.registry import PAGES, get_chart
from components.text.i18n import t
from components.text.safe_text import md_escape
from components.ui import controls, shell
from components.ui.frame import show_chart
from components.ui.loading import load_data
from components.ui.overview import claim_cards, explore_figures, follow_tracker_click, opening

lang = shell.current_lang()
data = load_data(lang)
controls.read(PARAMS, lang)
follow_tracker_click(CLAIM.key)

shell.language_link(lang)
top = opening(data, lang)
st.title(top.headline, anchor=False)
if top.context:
    st.write(top.context)
show_chart(get_chart("claim-tracker"), data, controls.current(PARAMS), lang, on_select="rerun")
st.write(top.lede)
st.caption(top.sources)
shell.checked_note(lang)

st.header(t("overview.claims_heading", lang))
st.caption(t("overview.claims_intro", lang))
opened = controls.control(CLAIM, data, lang)
controls.write(PARAMS, controls.current(PARAMS))
claim_cards(data, opened, lang)

st.header(t("overview.explore_heading", lang))
cards = explore_figures(data)
sections = [page for page in PAGES[1:] if page.url_path in cards]
for column, page in zip(st.columns(len(sections)), sections, strict=True):
    figure = cards[page.url_path]
    with column, st.container(border=True, key=f"card-{page.url_path}"):
        st.page_link(page.script, label=t(page.title_key, lang), icon=page.icon,
                     query_params={"lang": lang})
        st.markdown(f"**{md_escape(t(figure.key, lang, **figure.values))}**")
        st.caption(md_escape(t(f"overview.explore.{page.url_path}", lang)))
