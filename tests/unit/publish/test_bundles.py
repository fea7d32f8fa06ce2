"""Each static chart page loads the smallest plotly.js bundle that draws its traces, of the
release the plotly Python package ships."""

import json
from pathlib import Path

import pytest

from components.publish import bundles
from components.publish.bundles import FULL_NAME, PARTIAL, bundle_for, bundle_name, traces
from components.registry import CHARTS

LOCK = Path(bundles.__file__).parent / "plotly_bundles" / "package-lock.json"


@pytest.mark.parametrize("bundle", PARTIAL, ids=lambda bundle: bundle.name)
def test_each_bundle_is_installed_and_of_the_python_packages_plotly_js(bundle):
    assert bundle.path.is_file(), "run make check (npm ci in components/publish/plotly_bundles)"
    header = bundle.path.read_text(encoding="utf-8")[:400]
    assert bundles.version_of(header) == bundles.python_plotly_js_version() == "4.1.1"
    locked = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    assert locked[f"node_modules/{bundle.package}"]["version"] == "4.1.1"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.chart_id)
def test_every_chart_gets_a_partial_bundle_that_draws_all_its_traces(spec, lang, build):
    chart = build(spec, lang=lang)
    bundle = bundle_for(chart)
    assert bundle is not None, f"{spec.chart_id} draws traces no partial bundle has"
    assert bundles.chart_traces(chart) <= traces(bundle)


def test_the_smallest_bundle_is_chosen_and_a_trace_none_has_gets_the_full_one(build):
    basic, geo = PARTIAL
    assert traces(basic) >= {"scatter"} and "scattergeo" not in traces(basic)
    assert traces(geo) >= {"scatter", "scattergeo", "choropleth"}
    assert bundle_name(build(next(s for s in CHARTS if s.chart_id == "channels"))) == basic.name
    assert bundle_name(build(next(s for s in CHARTS if s.chart_id == "membership-map"))) == geo.name

    class Trace:
        type = "sankey"

    class Figure:
        data = (Trace(),)

    class Chart:
        figure = Figure()

    assert bundle_for(Chart()) is None and bundle_name(Chart()) == FULL_NAME


def test_the_version_is_read_from_a_bundles_header():
    assert bundles.version_of("/**\n* plotly.js (geo - minified) v4.1.1\n*/") == "4.1.1"
    assert bundles.version_of("/** plotly.js v4.2.0 */") == "4.2.0"
    assert bundles.version_of("no header") is None
