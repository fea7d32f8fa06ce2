"""Built charts and what is made from them, shared by every reader, the Streamlit script and the
web routes.

A chart is a pure function of its spec, its view's values, the language and the data's version,
so one built ``Chart`` serves everyone who asks for the same view; so does anything derived from
one (its on-screen form, its "About this data", a first paint's digest). Entries are bounded
(least recently used go first) and made once even when many readers ask at the same moment.
Callers never mutate what they get. A plain module cache, not Streamlit's: no message from a
browser can clear it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from components.charts.spec import Chart, ChartSpec
from components.data.package import DataPackage
from components.text.i18n import Lang

T = TypeVar("T")
MAX_ENTRIES = 4096  # charts and the views made from them; a chart is 10-300 KB
_lock = threading.Lock()
_entries: OrderedDict[Hashable, Any] = OrderedDict()
_making: dict[Hashable, threading.Lock] = {}


def frozen(values: Mapping[str, Any]) -> tuple:
    """A view's values as a cache key: sorted, lists as tuples."""
    return tuple(sorted((key, tuple(value) if isinstance(value, list) else value)
                        for key, value in values.items()))


def remembered(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, made once per ``key`` while it stays among the ``MAX_ENTRIES`` last used."""
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
        making = _making.setdefault(key, threading.Lock())
    try:
        with making:  # a second reader of the same key waits for the first one's result
            with _lock:
                if key in _entries:
                    return _entries[key]
            value = make()
            with _lock:
                _entries[key] = value
                while len(_entries) > MAX_ENTRIES:
                    _entries.popitem(last=False)
            return value
    finally:
        with _lock:
            _making.pop(key, None)


def view_key(spec: ChartSpec, values: Mapping[str, Any], lang: Lang, data: DataPackage) -> tuple:
    """One view of a chart: chart, its make function, values, language, data version."""
    return spec.chart_id, id(spec.make), frozen(values), lang, data.version


def built(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang) -> Chart:
    """The chart of one view, built once per data version (each time for unversioned data)."""
    if not data.version:
        return spec.make(data, dict(values), lang)
    return remembered(("chart", *view_key(spec, values, lang, data)),
                      lambda: spec.make(data, dict(values), lang))


def derived(name: str, spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang,
            make: Callable[[], T], *extra: Hashable) -> T:
    """What ``make`` makes from one view's chart (``name`` says what), once per view and
    ``extra`` (a theme, a day)."""
    if not data.version:
        return make()
    return remembered((name, *view_key(spec, values, lang, data), *extra), make)


def clear() -> None:
    """Forget every entry (tests)."""
    with _lock:
        _entries.clear()
