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
# PNG and SVG files of views: an image costs Chromium 0.5 s to make and 50-400 KB to keep, so
# they are kept apart from the charts, bounded by their bytes.
MAX_IMAGE_BYTES = 64 * 1024 * 1024


class Memory:
    """Values made once per key, the least recently used forgotten beyond ``max_entries``
    entries or ``max_bytes`` of ``bytes`` values."""

    def __init__(self, max_entries: int, max_bytes: int | None = None) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}
        self._bytes = 0

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            making = self._making.setdefault(key, threading.Lock())
        try:
            with making:  # a second reader of the same key waits for the first one's result
                with self._lock:
                    if key in self._entries:
                        return self._entries[key]
                value = make()
                with self._lock:
                    self._entries[key] = value
                    self._bytes += _size(value)
                    self._forget_beyond_bounds()
                return value
        finally:
            with self._lock:
                self._making.pop(key, None)

    def _forget_beyond_bounds(self) -> None:
        while self._entries and (len(self._entries) > self.max_entries
                                 or (self.max_bytes is not None
                                     and self._bytes > self.max_bytes)):
            _, value = self._entries.popitem(last=False)
            self._bytes -= _size(value)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def _size(value: Any) -> int:
    return len(value) if isinstance(value, bytes | bytearray) else 0


_charts = Memory(MAX_ENTRIES)
_images = Memory(MAX_ENTRIES, MAX_IMAGE_BYTES)


def frozen(values: Mapping[str, Any]) -> tuple:
    """A view's values as a cache key: sorted, lists as tuples."""
    return tuple(sorted((key, tuple(value) if isinstance(value, list) else value)
                        for key, value in values.items()))


def remembered(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, made once per ``key`` while it stays among the ``MAX_ENTRIES`` last used."""
    return _charts.remember(key, make)


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


def image(kind: str, spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang,
          make: Callable[[], bytes], *extra: Hashable) -> bytes:
    """An image file of one view (``kind``: png, svg), made once per view and data version
    while it stays within ``MAX_IMAGE_BYTES`` of the last used: a reader's click starts Chromium
    only for a view nobody has downloaded lately."""
    if not data.version:
        return make()
    return _images.remember((kind, *view_key(spec, values, lang, data), *extra), make)


def clear() -> None:
    """Forget every entry (tests)."""
    _charts.clear()
    _images.clear()
