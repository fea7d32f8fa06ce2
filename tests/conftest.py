"""Shared test fixtures. Keep this light: it is loaded for every test layer."""

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root (where dashboard.py, components/ and data/ live)."""
    return PROJECT_ROOT

# A page fault is shown to readers as a notice; in the tests it must raise so that tests fail
# (AppTest reports it as an exception, the browser shows stException). Set before any app runs.
os.environ["DASHBOARD_STRICT"] = "1"
