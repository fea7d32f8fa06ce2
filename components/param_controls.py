"""A widget for any chart parameter, built from its ``url_state.Param`` (used by the Embed page)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.data_package import DataPackage
from components.i18n import Lang, format_date, t
from components.registry import CONTROL_WORDS
from components.url_state import Param


def label(param: Param, lang: Lang) -> str:
    return t(CONTROL_WORDS[param.key].label_key, lang)


def option_names(param: Param, data: DataPackage, lang: Lang) -> dict[Any, str]:
    """What the reader sees for each option; an option the words do not name shows as itself."""
    names = CONTROL_WORDS[param.key].option_names
    return dict(names(data, lang)) if names else {}


def param_control(param: Param, data: DataPackage, lang: Lang, key_prefix: str) -> Any:
    """The widget for ``param``, starting at its default; returns the chosen value."""
    key = f"{key_prefix}.{param.key}"
    names = option_names(param, data, lang)

    def option_label(value: Any) -> str:
        return names.get(value, str(value))
    if param.kind == "choice":
        return st.selectbox(label(param, lang), param.options,
                            index=param.options.index(param.default), key=key,
                            format_func=option_label)
    if param.kind == "choices":
        # Pills, not a multiselect: a multiselect tag draws white text on the dark theme's light
        # teal (2.5:1), a selected pill keeps AA contrast in both themes.
        chosen = st.pills(label(param, lang), param.options, selection_mode="multi",
                          default=list(param.default), key=key, wrap=True,
                          format_func=option_label)
        # Pills give the choices in click order: the Param's own round trip puts them in its
        # order, so an unchanged selection equals the default and stays out of the embed link.
        return param.parse(param.dump(chosen or ()))
    if param.kind == "day":
        earliest, latest = param.options
        return st.date_input(label(param, lang), value=param.default, min_value=earliest,
                             max_value=latest, key=key, format="YYYY-MM-DD",
                             help=format_date(param.default, lang))
    if param.kind == "year":
        earliest, latest = param.options
        return int(st.number_input(label(param, lang), min_value=earliest, max_value=latest,
                                   value=param.default, step=1, key=key))
    if param.kind == "flag":
        return st.toggle(label(param, lang), value=param.default, key=key)
    return st.text_input(label(param, lang), value=param.default, key=key, max_chars=80)
