"""Shared test fixtures. Keep this light: it is loaded for every test layer."""

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root (where dashboard.py, components/ and data/ live)."""
    return PROJECT_ROOT
