"""A widget for any chart parameter, built from its ``url_state.Param`` (used by the Embed page)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.i18n import Lang, format_date, t_or
from components.url_state import Param


def label(param: Param, lang: Lang) -> str:
    return t_or(f"param.{param.key}", lang, param.key)


def option_label(param: Param, value: Any, lang: Lang) -> str:
    return t_or(f"option.{param.key}.{value}", lang, str(value))


def param_control(param: Param, lang: Lang, key_prefix: str) -> Any:
    """The widget for ``param``, starting at its default; returns the chosen value."""
    key = f"{key_prefix}.{param.key}"
    if param.kind == "choice":
        return st.selectbox(label(param, lang), param.options,
                            index=param.options.index(param.default), key=key,
                            format_func=lambda value: option_label(param, value, lang))
    if param.kind == "choices":
        return tuple(st.multiselect(label(param, lang), param.options, default=list(param.default),
                                    key=key,
                                    format_func=lambda value: option_label(param, value, lang)))
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
