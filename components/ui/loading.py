"""The Streamlit side of loading: the shared data package, a readable error page, and what a
page builds from the data besides its charts, made once per view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import streamlit as st

from components.charts.cache import frozen, remembered
from components.data.checks import DataPackageError
from components.data.package import DataPackage
from components.data.source import current_package
from components.text.i18n import Lang, t, t_count

T = TypeVar("T")


def load_data(lang: Lang) -> DataPackage:
    """The data package. If some tables have problems, a notice in ``lang`` and the rest of the
    package; if none is usable, an error page and a stop."""
    try:
        data = current_package()
    except DataPackageError as error:
        show_data_error(list(error.problems), lang)
        st.stop()
    if data.problems:
        show_data_error(list(data.problems), lang, partial=True)
    return data


def per_view(name: str, data: DataPackage, lang: Lang, make: Callable[[], T],
             values: Mapping[str, Any] | None = None) -> T:
    """``make()``, made once per ``name``, view ``values``, language and data version and shared
    by every session. For what a page builds from the data besides its charts (the event lists,
    the source lists, a country's profile): like a chart, each is a pure function of those, and
    rebuilding them on every run took a third of a replica's time when readers reconnected all at
    once (py-spy in ``make scale-test``). One ``name`` per call site, which names what ``make``
    makes; callers never mutate what it returns."""
    if not data.version:  # data not loaded by the app: nothing to key a cache on
        return make()
    return remembered(("view", name, frozen(values or {}), lang, data.version), make)


def show_data_error(problems: list, lang: Lang, partial: bool = False) -> None:
    if partial:
        st.warning(t("error.data_partial", lang), icon=":material/warning:")
    else:
        st.error(t("error.data_title", lang), icon=":material/error:")
    with st.expander(t_count("error.data_body", lang, len(problems)), expanded=not partial):
        # st.code shows the problems as inert text: file names and cell values come from files.
        st.code("\n".join(str(problem) for problem in problems[:50]), language=None)
