"""Every control's value in the URL, so a link reproduces the view a reader reached.

A page declares its parameters once (``Param``); ``read`` takes them from the URL, falling back to
the default with a visible notice when a value is malformed; widgets start from those values;
``write`` puts back only what differs from the defaults. Lists are joined with ``~``, which no
platform rewrites (``+`` and ``,`` get mangled by some).

The parsing half is pure and tested without Streamlit; the Streamlit half is the last section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

LIST_SEPARATOR = "~"
MAX_VALUE_LENGTH = 200  # longer values are rejected before parsing: no link needs more


@dataclass(frozen=True)
class Param:
    """One URL parameter: its short key, default, and how it is read from and written to text."""

    key: str
    default: Any
    parse: Callable[[str], Any]  # raises ValueError for a value it does not accept
    dump: Callable[[Any], str] = str
    # What a generic control needs to offer the parameter (the Embed page builds its widgets
    # from these): "choice", "choices", "day", "year", "text" or "flag", and the allowed values
    # or bounds.
    kind: str = "text"
    options: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A URL value that was not accepted and replaced by the default."""

    key: str
    value: str


def choice(key: str, options: Sequence[str], default: str) -> Param:
    """One of ``options``, matched exactly."""
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(text)
        return text
    return Param(key, default, parse, kind="choice", options=tuple(options))


def choices(key: str, options: Sequence[str], default: Sequence[str] = ()) -> Param:
    """A subset of ``options`` joined with ``~``; kept in the options' order, duplicates dropped.

    An empty value means "none selected", which is a view a reader can reach.
    """
    def parse(text: str) -> tuple[str, ...]:
        items = [item for item in text.split(LIST_SEPARATOR) if item]
        if any(item not in options for item in items):
            raise ValueError(text)
        return tuple(option for option in options if option in items)

    def dump(value: Iterable[str]) -> str:
        return LIST_SEPARATOR.join(value)

    return Param(key, tuple(default), parse, dump, kind="choices", options=tuple(options))


def day(key: str, default: date, earliest: date, latest: date) -> Param:
    """A calendar date ``YYYY-MM-DD`` between ``earliest`` and ``latest``."""
    def parse(text: str) -> date:
        value = date.fromisoformat(text)  # rejects 2023-02-30 and other impossible dates
        if len(text) != 10 or not earliest <= value <= latest:
            raise ValueError(text)
        return value
    return Param(key, default, parse, date.isoformat, kind="day", options=(earliest, latest))


def year(key: str, default: int, earliest: int, latest: int) -> Param:
    """A year between ``earliest`` and ``latest``, written as four digits."""
    def parse(value: str) -> int:
        if not (len(value) == 4 and value.isdigit()) or not earliest <= int(value) <= latest:
            raise ValueError(value)
        return int(value)
    return Param(key, default, parse, kind="year", options=(earliest, latest))


def text(key: str, default: str = "", max_length: int = 80) -> Param:
    """Free text such as a search term: printable characters, at most ``max_length``."""
    def parse(value: str) -> str:
        if len(value) > max_length or not value.isprintable():
            raise ValueError(value)
        return value.strip()
    return Param(key, default, parse)


def flag(key: str, default: bool = False) -> Param:
    """A yes/no switch written as ``1`` or ``0``."""
    def parse(value: str) -> bool:
        if value not in ("0", "1"):
            raise ValueError(value)
        return value == "1"
    return Param(key, default, parse, lambda value: "1" if value else "0", kind="flag")


def parse_query(params: Sequence[Param], query: Mapping[str, str | list[str]]
                ) -> tuple[dict[str, Any], list[Notice]]:
    """The value of every parameter from a query mapping, and a notice for each value refused.

    A repeated key counts by its last value, as browsers and Streamlit read it.
    """
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for param in params:
        raw = query.get(param.key)
        if isinstance(raw, list):
            raw = raw[-1] if raw else None
        if raw is None:
            values[param.key] = param.default
            continue
        try:
            if len(raw) > MAX_VALUE_LENGTH:
                raise ValueError("too long")
            values[param.key] = param.parse(raw)
        except (ValueError, TypeError):
            values[param.key] = param.default
            notices.append(Notice(param.key, raw[:40]))
    return values, notices


def to_query(params: Sequence[Param], values: Mapping[str, Any]) -> dict[str, str]:
    """The query parameters for ``values``, leaving out every value equal to its default."""
    return {param.key: param.dump(values[param.key]) for param in params
            if param.key in values and values[param.key] != param.default}


# --- Streamlit -------------------------------------------------------------------------------------

def read(params: Sequence[Param], lang: str) -> dict[str, Any]:
    """The page's parameter values from the browser URL; a notice is shown for each one refused.

    Each value also seeds the widget with the same key on the session's first run of the page, so
    widgets must be created with ``key=param.key`` and no default of their own.
    """
    import streamlit as st

    from components.i18n import t
    from components.safe_text import md_escape

    query = {key: st.query_params.get_all(key) for key in st.query_params}
    values, notices = parse_query(params, query)
    for notice in notices:
        # Escaped: the value comes from whoever wrote the link, and a notice is markdown.
        st.warning(t("notice.bad_param", lang, key=notice.key, value=md_escape(notice.value)),
                   icon="⚠️")
    for param in params:
        if param.key not in st.session_state:
            st.session_state[param.key] = values[param.key]
    return values


def current(params: Sequence[Param]) -> dict[str, Any]:
    """The values the widgets hold now (after the reader changed them)."""
    import streamlit as st

    return {param.key: st.session_state.get(param.key, param.default) for param in params}


def write(params: Sequence[Param], values: Mapping[str, Any], keep: Iterable[str] = ("lang",)
          ) -> None:
    """Make the browser URL describe ``values``: non-defaults only, plus the keys in ``keep``."""
    import streamlit as st

    wanted = {key: st.query_params[key] for key in keep if key in st.query_params}
    wanted.update(to_query(params, values))
    if dict(st.query_params.to_dict()) != wanted:
        st.query_params.from_dict(wanted)
