"""The Streamlit side of loading: the package read once per change, and a readable error page."""

from __future__ import annotations

import streamlit as st

from components.data_package import DataPackage, fingerprint, read_package
from components.i18n import Lang, t
from components.paths import DATA_DIR
from components.validation import DataPackageError


@st.cache_resource(show_spinner=False, max_entries=2)
def _read(_fingerprint: tuple) -> DataPackage:
    # Keyed on the files' sizes and times, so an edited CSV is picked up without a restart.
    # Returned as a shared resource, not a copy: pages only read the tables.
    return read_package(DATA_DIR)


def load_data(lang: Lang) -> DataPackage:
    """The validated data package; on a broken package, an error page in ``lang`` and a stop."""
    try:
        return _read(fingerprint(DATA_DIR))
    except DataPackageError as error:
        show_data_error(error, lang)
        st.stop()


def show_data_error(error: DataPackageError, lang: Lang) -> None:
    st.error(t("error.data_title", lang), icon="⚠️")
    st.write(t("error.data_body", lang, count=len(error.problems)))
    # st.code shows the problems as inert text: file names and cell values come from the files.
    st.code("\n".join(str(problem) for problem in error.problems[:50]), language=None)
