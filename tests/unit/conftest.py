"""Shared fixtures for the unit tests: the shipped package, read once."""

import pytest

from components.data_package import read_package


@pytest.fixture(scope="session")
def data():
    return read_package()
