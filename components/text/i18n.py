"""Interface text in Bahasa Indonesia and English, and dates and numbers formatted per language.

Interface strings live in ``components/text/locales/<lang>/<area>.toml``; nested tables become dotted
keys (``[overview] title = ...`` is ``overview.title``). One file per area keeps parallel work on
different pages from touching the same file. Data text is not translated here: every data table
carries its own ``*_id`` and ``*_en`` columns.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from typing import Literal

import pandas as pd
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from components.paths import LOCALES_DIR

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
DEFAULT_LANG: Lang = "id"

# Babel patterns per precision: a date known only to the month reads "Juli 1996", never "1 Juli 1996".
_DATE_PATTERNS = {"day": "d MMMM y", "month": "LLLL y", "year": "y"}
_SHORT_DATE_PATTERNS = {"day": "d MMM y", "month": "LLL y", "year": "y"}


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{dotted}."))
        else:
            flat[dotted] = str(value)
    return flat


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """Every interface string of one language, keyed by dotted name."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.toml")):
        with path.open("rb") as handle:
            for key, text in _flatten(tomllib.load(handle)).items():
                if key in messages:
                    raise ValueError(f"{path.name}: key {key!r} is defined twice")
                messages[key] = text
    return messages


def t(key: str, lang: Lang, /, **values: object) -> str:
    """The interface string ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = catalog(lang)[key]
    return text.format(**values) if values else text


def t_count(key: str, lang: Lang, /, count: int, **values: object) -> str:
    """``key`` in the plural form Babel's rules give ``count`` in ``lang`` ("1 bloc", "2 blocs";
    Indonesian has one form). The locale file holds ``<key>.one`` and ``<key>.other``."""
    form = Locale.parse(lang).plural_form(count)
    messages = catalog(lang)
    chosen = f"{key}.{form}" if f"{key}.{form}" in messages else f"{key}.other"
    return messages[chosen].format(count=count, **values)


def resolve_lang(requested: str | None, browser_locale: str | None) -> Lang:
    """The page language: ``?lang=`` when valid, else the browser's when it is id or en, else id."""
    if requested in LANGS:
        return requested  # type: ignore[return-value]
    if browser_locale:
        primary = browser_locale.replace("_", "-").split("-")[0].lower()
        if primary in LANGS:
            return primary  # type: ignore[return-value]
        if primary == "in":  # the legacy code some Android browsers still send for Indonesian
            return "id"
    return DEFAULT_LANG


def _as_date(value: date | pd.Timestamp) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def format_date(value: date | pd.Timestamp, lang: Lang, precision: str = "day") -> str:
    """A date as a reader of ``lang`` writes it, to the precision the source gives."""
    return babel_format_date(_as_date(value), _DATE_PATTERNS[precision], locale=lang)


def format_short_date(value: date | pd.Timestamp, lang: Lang, precision: str = "day") -> str:
    """A compact date for axes and tables: "7 Sep 2023", "Jul 1996"."""
    return babel_format_date(_as_date(value), _SHORT_DATE_PATTERNS[precision], locale=lang)


def format_date_range(start: date | pd.Timestamp, end: date | pd.Timestamp | None, lang: Lang) -> str:
    """"5-7 September 2023" style ranges; a single date when start and end coincide."""
    start, end = _as_date(start), _as_date(end) if end is not None and not pd.isna(end) else None
    if end is None or end == start:
        return format_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_number(value: float, lang: Lang, decimals: int = 0) -> str:
    """A number with the language's separators: 1.234,5 in Indonesian, 1,234.5 in English."""
    pattern = "#,##0" + (f".{'0' * decimals}" if decimals else "")
    return format_decimal(value, format=pattern, locale=lang)


def localized(row: pd.Series | dict, column: str, lang: Lang) -> str:
    """The ``<column>_<lang>`` text of a data row, falling back to the other language if empty."""
    other = "en" if lang == "id" else "id"
    for candidate in (f"{column}_{lang}", f"{column}_{other}"):
        text = row.get(candidate)
        if isinstance(text, str) and text.strip():
            return text
    return ""


def capitalised(text: str) -> str:
    """``text`` with its first letter in capitals, as a title starting with "the SCO" needs."""
    return text[:1].upper() + text[1:]


def join_names(names: list[str], lang: Lang) -> str:
    """ "Russia", "Russia and the United States", "A, B and C" ("A, B, dan C")."""
    if len(names) <= 1:
        return "".join(names)
    return t("list.pair" if len(names) == 2 else "list.many", lang,
             first=", ".join(names[:-1]), last=names[-1])


def number_word(count: int, lang: Lang) -> str:
    """A small count as a word ("three", "tiga"), the way a sentence says it; larger ones as
    digits."""
    words = t("list.numbers", lang).split()
    return words[count] if 0 <= count < len(words) else format_number(count, lang)
