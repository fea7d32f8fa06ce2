"""Shared fixtures for the unit tests: the shipped package, read once."""

import pytest

from components.data.package import read_package


@pytest.fixture(scope="session")
def data():
    return read_package()


@pytest.fixture(scope="session")
def build(data):
    """``build(spec, values=None, lang="en")``: a chart built once per test worker and view.

    A chart is a pure function of the data, its values and the language (the app's own cache
    relies on it too), and a test only reads what it gets, so the registry, theme, visual and
    download tests share one build of each view instead of each making its own.
    """
    built = {}

    def build_chart(spec, values=None, lang="en"):
        values = spec.defaults if values is None else values
        key = (spec.chart_id, lang, repr(sorted(values.items())))
        if key not in built:
            built[key] = spec.make(data, values, lang)
        return built[key]

    return build_chart
