"""Overview: the headline, key figures from the data, the lede, and what Russia's side said."""

import streamlit as st

from components import shell
from components.citations import source_line
from components.i18n import format_date_range, localized, t
from components.loading import load_data
from components.overview.shaping import (
    eas_summit,
    key_figure_sources,
    key_figures,
    main_statements,
    main_summit,
    russia_delegate,
    section_figures,
)
from components.safe_text import md_escape
from components.statement_card import statement_card

lang = shell.current_lang()
data = load_data(lang)
summit, eas = main_summit(data), eas_summit(data)
figures = key_figures(data)

st.title(t("overview.title", lang))
st.markdown(f"*{t('overview.dek', lang)}*")

columns = st.columns(4)
metrics = (
    (figures.eas_participants, "overview.figure_eas"),
    (figures.russia_blocs, "overview.figure_russia_blocs"),
    (figures.sectors, "overview.figure_sectors"),
    (f"{figures.statements_confirmed}/{figures.statements}", "overview.figure_confirmed"),
)
for column, (value, key) in zip(columns, metrics, strict=True):
    column.metric(t(f"{key}.label", lang), value, help=t(f"{key}.help", lang), border=True)
st.caption(source_line(data["sources"], key_figure_sources(data), lang))

delegate = russia_delegate(data)
st.write(t(
    "overview.lede", lang,
    summit=localized(summit, "name", lang),
    dates=format_date_range(summit["start_date"], summit["end_date"], lang),
    venue=summit["venue"],
    chair=summit["chair_person"],
    eas=localized(eas, "name", lang),
    delegate=delegate["representative"],
    position=localized(delegate, "position", lang),
    sectors=figures.sectors,
    initiatives=figures.initiatives,
))
st.caption(source_line(data["sources"], [summit["source_ids"], eas["source_ids"],
                                         delegate["source_ids"]], lang))

st.header(t("overview.statements_heading", lang))
st.write(t("overview.statements_intro", lang))
for _, statement in main_statements(data).iterrows():
    statement_card(statement, data["sources"], lang)

st.header(t("overview.explore_heading", lang))
cards = section_figures(data)
sections = [page for page in shell.PAGES[1:] if page.url_path in cards]
for column, page in zip(st.columns(len(sections)), sections, strict=True):
    figure = cards[page.url_path]
    with column, st.container(border=True, key=f"card-{page.url_path}"):
        st.page_link(page.script, label=t(page.title_key, lang), icon=page.icon,
                     query_params={"lang": lang})
        st.markdown(f"**{md_escape(t(figure.key, lang, **figure.values))}**")
        st.caption(md_escape(t(f"overview.explore.{page.url_path}", lang)))
