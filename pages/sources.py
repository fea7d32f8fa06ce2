"""Sources & data: every source, how facts were checked, the data dictionary and downloads."""

import streamlit as st

from components import shell
from components.data_dictionary import dictionary_table, package_zip, resource_text, unconfirmed_items
from components.i18n import t
from components.loading import load_data
from components.paths import data_dir
from components.sources_table import sources_table

lang = shell.current_lang()
data = load_data(lang)

shell.page_header("nav.sources", "sources.dek", lang)

st.header(t("sources.sources_heading", lang))
st.dataframe(
    sources_table(data["sources"], lang), hide_index=True, width="stretch",
    column_config={t("sources.col_url", lang): st.column_config.LinkColumn(
        t("sources.col_url", lang), display_text=t("sources.open_link", lang))},
)

st.header(t("sources.method_heading", lang))
st.markdown(t("sources.method", lang))
st.subheader(t("sources.unconfirmed_heading", lang))
st.dataframe(unconfirmed_items(data, lang), hide_index=True, width="stretch")

st.header(t("sources.dictionary_heading", lang))
st.write(t("sources.dictionary_intro", lang))
st.download_button(t("sources.download_zip", lang), package_zip(data_dir(), data),
                   file_name="russia-asean-summit-2023-data.zip", mime="application/zip",
                   on_click="ignore", key="download-package")
for name in data:
    resource = data.resource(name)
    with st.expander(f"{resource_text(resource, 'title', lang) or name} — {name}.csv "
                     f"({len(data[name])})"):
        st.write(resource_text(resource, "description", lang))
        st.dataframe(dictionary_table(resource, lang), hide_index=True, width="stretch")
        st.download_button(t("sources.download_table", lang, name=f"{name}.csv"),
                           (data_dir() / resource["path"]).read_bytes(),
                           file_name=f"{name}.csv", mime="text/csv", on_click="ignore",
                           key=f"download-{name}")
st.caption(t("sources.licence", lang, licence=data.descriptor["licenses"][0]["title"]))
