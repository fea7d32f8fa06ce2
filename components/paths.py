"""Where the project's files live, resolved from this file so any working directory works."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DATAPACKAGE_PATH = DATA_DIR / "datapackage.json"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
STATIC_DIR = PROJECT_ROOT / "static"
