"""The data package the app serves: one copy, read again when its files change, shared by the
Streamlit script and the web routes (link previews, first paints, oEmbed).

The folder is ``paths.data_dir()`` (``$DASHBOARD_DATA_DIR`` when set), asked on every call. Its
files' sizes and times (``package.fingerprint``) are looked at most once a second: on every run
they were two dozen file system calls, and a replica runs dozens of scripts a second when readers
reconnect. The package's ``version`` (folder and a digest of the fingerprint) keys every cached
chart and text, so an edited CSV is seen without a restart. A plain module cache, not Streamlit's:
no message from a browser can clear it.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import threading
import time
from functools import lru_cache
from pathlib import Path

from components.data.package import DataPackage, fingerprint, read_package
from components.paths import data_dir

FINGERPRINT_TTL_S = 1.0  # an edited file is picked up within a second
_lock = threading.Lock()
_fingerprints: dict[str, tuple[float, tuple]] = {}
_current: dict[str, tuple[tuple, DataPackage]] = {}  # folder -> (version, package)


def _recent_fingerprint(root: Path) -> tuple:
    now = time.monotonic()
    seen = _fingerprints.get(str(root))
    if seen is None or now - seen[0] > FINGERPRINT_TTL_S:
        seen = (now, fingerprint(root))
        _fingerprints[str(root)] = seen
    return seen[1]


def current_package() -> DataPackage:
    """The package in the data folder, tables with problems left out (``problems`` lists them);
    ``DataPackageError`` if none is usable. Readers only read it: it is shared, not copied."""
    root = data_dir()
    files = _recent_fingerprint(root)
    version = (str(root), hashlib.sha256(repr(files).encode("utf-8")).hexdigest()[:16])
    with _lock:  # one reader of a changed package at a time: the others wait and share it
        held = _current.get(str(root))
        if held is None or held[0] != version:
            held = (version, dataclasses.replace(read_package(root, partial=True),
                                                 version=version))
            _current[str(root)] = held
        return held[1]


def forget() -> None:
    """Drop what was read (tests that swap packages within a second)."""
    with _lock:
        _fingerprints.clear()
        _current.clear()


@lru_cache(maxsize=32)
def _column(path: str, size: int, mtime: int, name: str) -> tuple[str, ...]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return tuple(row[name] for row in csv.DictReader(handle))


def column(file: str, name: str) -> tuple[str, ...]:
    """One column of a table in the data folder, read with ``csv`` when asked (a URL parameter's
    options are needed before a page has loaded the package); () if it cannot be read, so a
    link then falls back to the default and the page shows its data notice."""
    path = data_dir() / file
    try:
        stat = path.stat()
        return _column(str(path), stat.st_size, stat.st_mtime_ns, name)
    except (OSError, KeyError, ValueError):
        return ()
