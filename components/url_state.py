"""Every control's value in the URL, so a link reproduces the view a reader reached.

A topic declares each of its parameters once (``Param``): its key in the URL, its default, how it
is read from and written to text, and the control that sets it (label, option names, widget).
``read`` takes the values from the URL, falling back to the default with a visible notice when a
value is malformed; ``control`` draws a parameter's widget, the same on a chart page and on the
Embed page; ``write`` puts back only what differs from the defaults. Lists are joined with ``~``,
which no platform rewrites (``+`` and ``,`` get mangled by some).

The parsing half is pure and tested without Streamlit; the Streamlit half is the last section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.data_package import DataPackage
    from components.i18n import Lang

LIST_SEPARATOR = "~"
MAX_VALUE_LENGTH = 200  # longer values are rejected before parsing: no link needs more
# How a reader types and reads a day in a date picker, in either language (Streamlit offers
# only numeric forms; day first is how both Indonesian and British English readers write it).
DATE_INPUT_FORMAT = "DD/MM/YYYY"

# What the reader sees for each of a parameter's options, in a language: value -> name.
OptionNames = Callable[["DataPackage", "Lang"], Mapping[Any, str]]


@dataclass(frozen=True)
class Param:
    """One URL parameter and the control that sets it.

    ``kind`` is the kind of value ("choice", "choices", "day", "year", "text" or "flag");
    ``widget`` the control drawn for it ("select", "radio", "segmented", "pill" (one pill or
    none, none being the default), "pills", "date", "number", "text" or "toggle");
    ``allowed`` gives the allowed values, or the bounds of a day or year, when asked: a bound
    such as "the last day the data was checked" is computed on each run.
    """

    key: str
    default: Any
    parse: Callable[[str], Any]  # raises ValueError for a value it does not accept
    dump: Callable[[Any], str] = str
    kind: str = "text"
    allowed: Callable[[], tuple[Any, ...]] = tuple
    label_key: str = ""
    option_names: OptionNames | None = None
    widget: str = "text"
    help_key: str = ""

    @property
    def options(self) -> tuple[Any, ...]:
        return self.allowed()

    def normalise(self, value: Any) -> Any:
        """A widget's value in the form the parameter holds it: choices as a tuple in the
        options' order (pills give them in click order), years as integers."""
        if self.kind == "choices":
            chosen = set(value or ())
            return tuple(option for option in self.options if option in chosen)
        if self.kind == "year" and value is not None:
            return int(value)
        if self.widget == "pill" and value is None:  # no pill chosen
            return self.default
        return value


@dataclass(frozen=True)
class Notice:
    """A URL value that was not accepted and replaced by the default."""

    key: str
    value: str


def _fixed(values: Iterable[Any]) -> Callable[[], tuple[Any, ...]]:
    frozen = tuple(values)
    return lambda: frozen


def _when_asked(value: date | Callable[[], date]) -> Callable[[], date]:
    return value if callable(value) else (lambda: value)


def choice(key: str, options: Sequence[str], default: str, *, label_key: str = "",
           option_names: OptionNames | None = None, widget: str = "select") -> Param:
    """One of ``options``, matched exactly."""
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(text)
        return text
    return Param(key, default, parse, kind="choice", allowed=_fixed(options), label_key=label_key,
                 option_names=option_names, widget=widget)


def choices(key: str, options: Sequence[str], default: Sequence[str] = (), *,
            label_key: str = "", option_names: OptionNames | None = None) -> Param:
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

    return Param(key, tuple(default), parse, dump, kind="choices", allowed=_fixed(options),
                 label_key=label_key, option_names=option_names, widget="pills")


def day(key: str, default: date, earliest: date, latest: date | Callable[[], date], *,
        label_key: str = "", help_key: str = "") -> Param:
    """A calendar date ``YYYY-MM-DD`` between ``earliest`` and ``latest``.

    ``latest`` may be a function, asked each time a link is read or the picker drawn, so a server
    that runs for weeks never offers a day the data does not reach, nor refuses one it does.
    """
    last = _when_asked(latest)

    def parse(text: str) -> date:
        value = date.fromisoformat(text)  # rejects 2023-02-30 and other impossible dates
        if len(text) != 10 or not earliest <= value <= last():
            raise ValueError(text)
        return value
    return Param(key, default, parse, date.isoformat, kind="day",
                 allowed=lambda: (earliest, last()), label_key=label_key, widget="date",
                 help_key=help_key)


def year(key: str, default: int, earliest: int, latest: int, *, label_key: str = "",
         help_key: str = "") -> Param:
    """A year between ``earliest`` and ``latest``, written as four digits."""
    def parse(value: str) -> int:
        if not (len(value) == 4 and value.isdigit()) or not earliest <= int(value) <= latest:
            raise ValueError(value)
        return int(value)
    return Param(key, default, parse, kind="year", allowed=_fixed((earliest, latest)),
                 label_key=label_key, widget="number", help_key=help_key)


def text(key: str, default: str = "", max_length: int = 80, *, label_key: str = "",
         help_key: str = "") -> Param:
    """Free text such as a search term: printable characters, at most ``max_length``."""
    def parse(value: str) -> str:
        if len(value) > max_length or not value.isprintable():
            raise ValueError(value)
        return value.strip()
    return Param(key, default, parse, label_key=label_key, help_key=help_key)


def flag(key: str, default: bool = False, *, label_key: str = "") -> Param:
    """A yes/no switch written as ``1`` or ``0``."""
    def parse(value: str) -> bool:
        if value not in ("0", "1"):
            raise ValueError(value)
        return value == "1"
    return Param(key, default, parse, lambda value: "1" if value else "0", kind="flag",
                 label_key=label_key, widget="toggle")


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


def option_labels(param: Param, data: DataPackage, lang: Lang) -> dict[Any, str]:
    """What the reader sees for each option, in the order the names give (countries by name in
    the page's language); an option the names leave out shows as itself, last."""
    names = dict(param.option_names(data, lang)) if param.option_names else {}
    if param.kind not in ("choice", "choices"):
        return names
    allowed = param.options
    ordered = {option: name for option, name in names.items() if option in allowed}
    return {**ordered, **{option: str(option) for option in allowed if option not in ordered}}


# --- Streamlit -------------------------------------------------------------------------------------

WRITTEN_KEY = "url_state.written"  # the query this session last wrote into the URL


def read(params: Sequence[Param], lang: Lang) -> dict[str, Any]:
    """The page's parameter values from the browser URL; a notice is shown for each one refused.

    Each value also seeds the control with the same key, so ``control`` draws it starting from
    the link: on the session's first run of the page, and whenever the URL says something other
    than what this session last wrote there (the reader went Back or Forward, or opened an
    edited link), since then the URL is what the reader asked for. While the URL still holds the
    last value written, a control the reader has just changed keeps its new value.
    """
    import streamlit as st

    from components.i18n import t
    from components.safe_text import md_escape

    query = {key: st.query_params.get_all(key) for key in st.query_params}
    values, notices = parse_query(params, query)
    for notice in notices:
        # Escaped: the value comes from whoever wrote the link, and a notice is markdown.
        st.warning(t("notice.bad_param", lang, key=notice.key, value=md_escape(notice.value)),
                   icon=":material/warning:")
    written = st.session_state.get(WRITTEN_KEY, {})
    for param in params:
        raw = query.get(param.key)
        raw = raw[-1] if isinstance(raw, list) and raw else (raw or None)
        if param.key not in st.session_state or raw != written.get(param.key):
            st.session_state[param.key] = _widget_value(param, values[param.key])
    return values


def _widget_value(param: Param, value: Any) -> Any:
    if param.widget == "pill" and value == param.default:
        return None  # the default has no pill of its own: none is chosen
    return list(value) if param.kind == "choices" else value


def control(param: Param, data: DataPackage, lang: Lang, key: str | None = None) -> Any:
    """Draw the control of ``param`` and return its value, normalised.

    ``key`` is the widget's session key: the parameter's own key on a chart page (where ``read``
    seeded it from the link), another one where the same parameter is set apart from the page,
    as on the Embed page; a control not seeded starts at the parameter's default.
    """
    import streamlit as st

    from components.i18n import t

    key = key or param.key
    if key not in st.session_state:
        st.session_state[key] = _widget_value(param, param.default)
    label = t(param.label_key, lang)
    help_text = t(param.help_key, lang) if param.help_key else None
    from components.loading import per_view

    # Made once per parameter (two pages' parameters may share a key, not their options):
    # otherwise the country list is sorted in the page's language on every run.
    names = per_view(f"url_state.options.{param.key}.{id(param)}", data, lang,
                     lambda: option_labels(param, data, lang))

    def name_of(value: Any) -> str:
        return names.get(value, str(value))

    if param.widget == "select":
        value = st.selectbox(label, list(names), key=key, format_func=name_of, help=help_text)
    elif param.widget == "radio":
        # A few long options, all in sight: like pills, and unlike a select box, it brings no
        # twenty modules and second render to a first visit (0.11-0.12 s of the Cooperation
        # page's, in paired runs).
        value = st.radio(label, list(names), key=key, format_func=name_of, help=help_text)
    elif param.widget == "segmented":
        value = st.segmented_control(label, list(names), key=key, format_func=name_of,
                                     required=True, help=help_text)
    elif param.widget == "pill":
        # Pills draw with the language switch's module, already loaded on every page; a select
        # box brings twenty modules of its own and a second render to a first visit (0.12-0.15 s
        # of the Overview's, measured in paired runs).
        value = st.pills(label, [option for option in names if option != param.default],
                         selection_mode="single", key=key, format_func=name_of, wrap=True,
                         help=help_text)
    elif param.widget == "pills":
        # Pills, not a multiselect: a multiselect tag draws white text on the dark theme's
        # light teal (2.5:1), a selected pill keeps AA contrast in both themes. wrap: inside a
        # column pills otherwise stay on one row and scroll, cutting the last one off a phone.
        value = st.pills(label, param.options, selection_mode="multi", key=key,
                         format_func=name_of, wrap=True, help=help_text)
    elif param.widget == "date":
        earliest, latest = param.options
        value = st.date_input(label, key=key, min_value=earliest, max_value=latest,
                              format=DATE_INPUT_FORMAT, help=help_text)
    elif param.widget == "number":
        earliest, latest = param.options
        value = st.number_input(label, min_value=earliest, max_value=latest, step=1, key=key,
                                help=help_text)
    elif param.widget == "toggle":
        value = st.toggle(label, key=key, help=help_text)
    else:
        value = st.text_input(label, key=key, max_chars=80, help=help_text)
    return param.normalise(value)


def current(params: Sequence[Param]) -> dict[str, Any]:
    """The values the controls hold now (after the reader changed them), normalised."""
    import streamlit as st

    return {param.key: param.normalise(st.session_state.get(param.key, param.default))
            for param in params}


def write(params: Sequence[Param], values: Mapping[str, Any], keep: Iterable[str] = ("lang",)
          ) -> None:
    """Make the browser URL describe ``values``: non-defaults only, plus the keys in ``keep``."""
    import streamlit as st

    wanted = {key: st.query_params[key] for key in keep if key in st.query_params}
    wanted.update(to_query(params, values))
    st.session_state[WRITTEN_KEY] = wanted
    # Only when it differs: each write becomes a history entry, and one sent while the browser is
    # still switching page lands under the old page's path (Back then opened it with defaults).
    if dict(st.query_params.to_dict()) != wanted:
        st.query_params.from_dict(wanted)
