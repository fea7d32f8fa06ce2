"""Shared test fixtures. Keep this light: it is loaded for every test layer."""

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


LAYERS = ("unit", "app", "browser", "scale")  # tests/<layer>/: each test is marked with its folder's layer


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its layer, from the folder it is in (select with ``-m unit``...)."""
    for item in items:
        layer = item.path.relative_to(PROJECT_ROOT / "tests").parts[0]
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root (where dashboard.py, components/ and data/ live)."""
    return PROJECT_ROOT

# A page fault is shown to readers as a notice; in the tests it must raise so that tests fail
# (AppTest reports it as an exception, the browser shows stException). Set before any app runs.
os.environ["DASHBOARD_STRICT"] = "1"
