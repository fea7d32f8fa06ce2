"""Where the project's files live, resolved from this file so any working directory works."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# DASHBOARD_DATA_DIR points the app at another copy of the data package (tests use broken ones).
DATA_DIR_VARIABLE = "DASHBOARD_DATA_DIR"
DATA_DIR = PROJECT_ROOT / "data"
LOCALES_DIR = Path(__file__).resolve().parent / "text" / "locales"
STATIC_DIR = PROJECT_ROOT / "static"


def data_dir() -> Path:
    """The data package the app reads: ``$DASHBOARD_DATA_DIR`` if set, else ``data/``.

    Read on every call, not at import, so an in-process test can switch packages between runs.
    """
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override).resolve() if override else DATA_DIR
