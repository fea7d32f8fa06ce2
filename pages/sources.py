"""Sources & data: every source by who stands behind it, how facts were checked, where sources
disagree, what stays unconfirmed, the date the data was checked to, the data dictionary and
downloads. Lists rather than tables: every column stays in reach on a phone."""

import streamlit as st

from components.data.citations import AUTHORITY
from components.data.corrections import correction_lines
from components.data.dictionary import resource_text, sources_page_text
from components.paths import data_dir
from components.publish.downloads import package_zip
from components.text.i18n import t
from components.ui import shell
from components.ui.loading import load_data, per_view

lang = shell.current_lang()
data = load_data(lang)
text = per_view("sources.page", data, lang, lambda: sources_page_text(data, lang))
shell.section_header("nav.sources", text.finding, t("sources.context", lang), lang)
shell.checked_note(lang)

st.header(t("sources.method_heading", lang))
st.markdown(t("sources.method", lang))

st.header(t("sources.sources_heading", lang))
st.caption(t("sources.sources_intro", lang))
for kind, lines in text.sources.items():
    with st.expander(f"{t(f'sources.source_kind.{kind}', lang)} ({len(lines)})",
                     expanded=kind in AUTHORITY[:1]), st.container(key=f"data-text-{kind}"):
        st.markdown("\n".join(lines))  # titles in each source's own language

st.header(t("sources.conflicts_heading", lang))
st.markdown("\n".join(text.conflicts))

# Long lists folded, their length on the label: the page stays a few screens on a phone.
st.header(t("sources.unconfirmed_heading", lang))
with st.expander(t("sources.show_all", lang, count=len(text.unconfirmed))):
    st.markdown("\n".join(text.unconfirmed))

st.header(t("corrections.heading", lang))
st.markdown(f'{t("corrections.intro", lang)} [{t("corrections.feed_link", lang)}]'
            f"(corrections.atom?lang={lang})")
corrections = per_view("sources.corrections", data, lang, lambda: correction_lines(data, lang))
with st.expander(t("sources.show_all", lang, count=len(corrections))):
    st.markdown("\n".join(corrections))

st.header(t("sources.checked_heading", lang))
st.write(t("sources.checked_intro", lang))
st.markdown("\n".join(text.checked))

st.header(t("sources.dictionary_heading", lang))
st.write(t("sources.dictionary_intro", lang))
st.download_button(t("about.package", lang), lambda: package_zip(data_dir(), data),
                   file_name="russia-asean-summit-2023-data.zip", mime="application/zip",
                   on_click="ignore", key="download-package", icon=":material/download:")
st.caption(t("about.package_help", lang))
for name in data:
    resource = data.resource(name)
    table_path = data_dir() / resource["path"]
    file_name = table_path.name
    with st.expander(f"{resource_text(resource, 'title', lang) or name} — {file_name} "
                     f"({len(data[name])})"):
        st.write(resource_text(resource, "description", lang))
        st.markdown("\n".join(text.dictionaries[name]))
        st.download_button(t("sources.download_table", lang, name=file_name),
                           table_path.read_bytes,  # read when the reader clicks
                           file_name=file_name, mime="text/csv", on_click="ignore",
                           key=f"download-{name}", icon=":material/download:")
st.caption(t("sources.licence", lang, licence=data.descriptor["licenses"][0]["title"]))
