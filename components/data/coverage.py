"""The day through which the data was checked: no chart or control reaches past it.

Each bloc's row in ``blocs.csv`` says the last day for which a cited source describes its
membership (``checked_to``); the package as a whole is checked to the earliest of those days.
Read with ``csv`` rather than the package, so URL parameters can ask for it before a page has
loaded the data; cached on the file's size and time, so an editor's change is seen at once.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from pathlib import Path

from components.data.summit import SUMMIT_DAY
from components.paths import DATA_DIR, data_dir

BLOCS_FILE = "blocs.csv"


@lru_cache(maxsize=8)
def _checked_to(path: str, size: int, mtime: int) -> dict[str, date]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["bloc_id"]: date.fromisoformat(row["checked_to"])
                for row in csv.DictReader(handle)}


def bloc_checked_to(root: Path | None = None) -> dict[str, date]:
    """Each bloc's last checked day, by bloc id; empty when blocs.csv cannot be read."""
    path = (root or data_dir()) / BLOCS_FILE
    try:
        stat = path.stat()
        return _checked_to(str(path), stat.st_size, stat.st_mtime_ns)
    except (OSError, KeyError, ValueError):
        return {}


def checked_to(root: Path | None = None) -> date:
    """The day through which the package's memberships were checked: the earliest bloc's.

    When blocs.csv cannot be read (the app then shows its data notice) the controls still need
    a last day. It is one a package was checked to, not a date written here that the next update
    of the data would leave behind: the shipped package's, when the file that failed is another
    copy's; else the summit day, the earliest last day the controls can have (the map opens on
    it) and one that any copy of a package about the summit was checked to.
    """
    for folder in (root or data_dir(), DATA_DIR):
        if days := bloc_checked_to(folder):
            return min(days.values())
    return SUMMIT_DAY


def data_checked_to(data) -> date:
    """The same day from a loaded package (``data["blocs"]``), for charts built from it."""
    return data["blocs"]["checked_to"].min().date()
