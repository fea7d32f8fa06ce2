"""The Streamlit side of loading: the package read once per change, and a readable error page."""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from components.data.checks import DataPackageError
from components.data.package import DataPackage, fingerprint, read_package
from components.paths import data_dir
from components.text.i18n import Lang, t, t_count

T = TypeVar("T")


@st.cache_resource(show_spinner=False, max_entries=2)
def _read(root: str, files: tuple) -> DataPackage:
    # Keyed on the folder and its files' sizes and times (``files``), so an edited CSV is picked
    # up without a restart; no leading underscore, which would leave them out of the key.
    # Returned as a shared resource, not a copy: pages only read the tables. The version is a
    # digest: every cached chart and text is keyed on it, and Streamlit hashes a key on each call.
    digest = hashlib.sha256(repr(files).encode("utf-8")).hexdigest()[:16]
    return dataclasses.replace(read_package(Path(root), partial=True), version=(root, digest))


FINGERPRINT_TTL_S = 1.0  # an edited file is picked up within a second
_fingerprints: dict[str, tuple[float, tuple]] = {}


def _recent_fingerprint(root: Path) -> tuple:
    """``fingerprint(root)``, looked at most once a second: on every run it was two dozen file
    system calls, and a replica runs dozens of scripts a second when readers reconnect."""
    now = time.monotonic()
    seen = _fingerprints.get(str(root))
    if seen is None or now - seen[0] > FINGERPRINT_TTL_S:
        seen = (now, fingerprint(root))
        _fingerprints[str(root)] = seen
    return seen[1]


def load_data(lang: Lang) -> DataPackage:
    """The data package. If some tables have problems, a notice in ``lang`` and the rest of the
    package; if none is usable, an error page and a stop."""
    try:
        root = data_dir()
        data = _read(str(root), _recent_fingerprint(root))
    except DataPackageError as error:
        show_data_error(list(error.problems), lang)
        st.stop()
    if data.problems:
        show_data_error(list(data.problems), lang, partial=True)
    return data


def frozen(values: Mapping[str, Any]) -> tuple:
    """A view's values as a cache key: sorted, lists as tuples."""
    return tuple(sorted((key, tuple(value) if isinstance(value, list) else value)
                        for key, value in values.items()))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _shared(name: str, key: tuple, lang: str, version: tuple, _make: Callable[[], Any]) -> Any:
    return _make()


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
    return _shared(name, frozen(values or {}), lang, data.version, make)


def show_data_error(problems: list, lang: Lang, partial: bool = False) -> None:
    if partial:
        st.warning(t("error.data_partial", lang), icon=":material/warning:")
    else:
        st.error(t("error.data_title", lang), icon=":material/error:")
    with st.expander(t_count("error.data_body", lang, len(problems)), expanded=not partial):
        # st.code shows the problems as inert text: file names and cell values come from files.
        st.code("\n".join(str(problem) for problem in problems[:50]), language=None)
