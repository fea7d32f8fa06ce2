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


@pytest.fixture(scope="module")
def built(build):
    """Every chart's default view, in both languages, by (chart id, language)."""
    from tests.unit.shared import VIEWS

    return {(spec.chart_id, lang): build(spec, lang=lang) for spec, lang in VIEWS}


@pytest.fixture
def package(tmp_path):
    """A copy of the shipped data package that a test may break."""
    import shutil

    from components.paths import DATA_DIR

    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("*.json.bak", "geometry*"))
    return root
