"""Every control's value in the URL, so a link reproduces the view a reader reached.

A topic declares each of its parameters once (``Param``): its key in the URL, its default, how it
is read from and written to text, and the control that sets it (label, option names, widget).
``parse_query`` takes the values from a query, falling back to the default with a notice when a
value is malformed; ``to_query`` writes only what differs from the defaults. Lists are joined with
``~``, which no platform rewrites (``+`` and ``,`` get mangled by some). The controls that set
them in the app are ``components.ui.controls``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.data.package import DataPackage
    from components.text.i18n import Lang

LIST_SEPARATOR = "~"
MAX_VALUE_LENGTH = 200  # longer values are rejected before parsing: no link needs more
# How a reader types and reads a day in a date picker, in either language. Streamlit offers only
# numeric forms, and 07/09/2023 is 9 July to a US reader and 7 September to everyone else: ISO
# 8601 (2023-09-07) reads one way everywhere, and is the form the page's address uses.
DATE_INPUT_FORMAT = "YYYY-MM-DD"

# What the reader sees for each of a parameter's options, in a language: value -> name.
OptionNames = Callable[["DataPackage", "Lang"], Mapping[Any, str]]


@dataclass(frozen=True)
class Param:
    """One URL parameter and the control that sets it.

    ``kind`` is the kind of value ("choice", "choices", "day", "year", "text" or "flag");
    ``widget`` the control drawn for it ("select", "radio", "segmented", "pill" (one pill or
    none, none being the default), "pills", "date", "number", "text" or "toggle");
    ``allowed`` gives the allowed values, or the bounds of a day or year, when asked, and
    ``initial`` is the default or a function that gives it: options and bounds that come from the
    data (the claims, the countries, the last day checked) are read when used, from the package
    the app serves, so an edited package needs no restart.
    """

    key: str
    initial: Any  # the default, or a function of no arguments that gives it
    parse: Callable[[str], Any]  # raises ValueError for a value it does not accept
    dump: Callable[[Any], str] = str
    kind: str = "text"
    allowed: Callable[[], tuple[Any, ...]] = tuple
    label_key: str = ""
    option_names: OptionNames | None = None
    widget: str = "text"
    help_key: str = ""
    # What the option names depend on besides the data and the language (the charts of the
    # registry, for the Embed page's chart picker): a control makes them again when it changes.
    names_vary_with: Callable[[], Any] = tuple

    @property
    def default(self) -> Any:
        return self.initial() if callable(self.initial) else self.initial

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


def _fixed(values: Iterable[Any] | Callable[[], Iterable[Any]]) -> Callable[[], tuple[Any, ...]]:
    if callable(values):
        return lambda: tuple(values())
    frozen = tuple(values)
    return lambda: frozen


def _when_asked(value: Any) -> Callable[[], Any]:
    return value if callable(value) else (lambda: value)


Options = Sequence[str] | Callable[[], Sequence[str]]  # fixed, or read when asked


def choice(key: str, options: Options, default: str | Callable[[], str], *, label_key: str = "",
           option_names: OptionNames | None = None, widget: str = "select",
           names_vary_with: Callable[[], Any] = tuple) -> Param:
    """One of ``options``, matched exactly."""
    allowed = _fixed(options)

    def parse(text: str) -> str:
        if text not in allowed():
            raise ValueError(text)
        return text
    return Param(key, default, parse, kind="choice", allowed=allowed, label_key=label_key,
                 option_names=option_names, widget=widget, names_vary_with=names_vary_with)


def choices(key: str, options: Options, default: Sequence[str] = (), *,
            label_key: str = "", option_names: OptionNames | None = None) -> Param:
    """A subset of ``options`` joined with ``~``; kept in the options' order, duplicates dropped.

    An empty value means "none selected", which is a view a reader can reach.
    """
    allowed = _fixed(options)

    def parse(text: str) -> tuple[str, ...]:
        items = [item for item in text.split(LIST_SEPARATOR) if item]
        known = allowed()
        if any(item not in known for item in items):
            raise ValueError(text)
        return tuple(option for option in known if option in items)

    def dump(value: Iterable[str]) -> str:
        return LIST_SEPARATOR.join(value)

    return Param(key, tuple(default), parse, dump, kind="choices", allowed=allowed,
                 label_key=label_key, option_names=option_names, widget="pills")


def day(key: str, default: date, earliest: date, latest: date | Callable[[], date], *,
        label_key: str = "", help_key: str = "") -> Param:
    """A calendar date ``YYYY-MM-DD`` between ``earliest`` and ``latest``.

    ``latest`` may be a function, asked each time a link is read or the picker drawn, so a server
    that runs for weeks never offers a day the data does not reach, nor refuses one it does.
    """
    last = _when_asked(latest)

    def parse(text: str) -> date:
        # Digits in YYYY-MM-DD only: fromisoformat also takes week dates (2023-W36-4).
        if not (len(text) == 10 and text.isascii() and text[4] == text[7] == "-"
                and text.replace("-", "").isdigit()):
            raise ValueError(text)
        value = date.fromisoformat(text)  # rejects 2023-02-30 and other impossible dates
        if not earliest <= value <= last():
            raise ValueError(text)
        return value
    return Param(key, default, parse, date.isoformat, kind="day",
                 allowed=lambda: (earliest, last()), label_key=label_key, widget="date",
                 help_key=help_key)


def year(key: str, default: int | Callable[[], int], earliest: int, latest: int | Callable[[], int],
         *, label_key: str = "", help_key: str = "") -> Param:
    """A year between ``earliest`` and ``latest`` (a number, or a function asked when used),
    written as four digits."""
    last = _when_asked(latest)

    def parse(value: str) -> int:
        # ASCII digits only: isdigit() also takes full-width digits (U+FF10-U+FF19).
        if not (len(value) == 4 and value.isascii() and value.isdigit()) \
                or not earliest <= int(value) <= last():
            raise ValueError(value)
        return int(value)
    return Param(key, default, parse, kind="year", allowed=lambda: (earliest, last()),
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


def widget_value(param: Param, value: Any) -> Any:
    """A value as its control holds it in the session (the inverse of ``Param.normalise``)."""
    if param.widget == "pill" and value == param.default:
        return None  # the default has no pill of its own: none is chosen
    return list(value) if param.kind == "choices" else value
