"""The plotly.js a static chart page loads: the smallest bundle that draws its traces.

plotly.js publishes partial bundles on the npm registry; the ones here are the same release as
the plotly Python package ships (``make export`` installs them from
``components/publish/plotly_bundles/package-lock.json``). The charts use three trace types:
``scatter`` for most, ``choropleth`` and ``scattergeo`` for the map. The full bundle (4.8 MB,
1.47 MB gzipped) drew the first on a phone profile only after about 15 s; the basic bundle is a
quarter of it. A chart whose traces no partial bundle holds gets the full one, from the Python
package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from plotly.offline import get_plotlyjs

from components.charts.spec import Chart

NODE_MODULES = Path(__file__).resolve().parent / "plotly_bundles" / "node_modules"
FULL_NAME = "plotly.min.js"
_TRACE = re.compile(rb'moduleType:"trace",name:"([a-z0-9]+)"')
_VERSION = re.compile(r"plotly\.js(?: \([^)]*\))? v(\d+\.\d+\.\d+)")


@dataclass(frozen=True)
class Bundle:
    name: str  # the file the static pages load, beside them
    package: str  # its npm package
    source: str  # its file in the package

    @property
    def path(self) -> Path:
        return NODE_MODULES / self.package / self.source


# Smallest first.
PARTIAL = (
    Bundle("plotly-basic.min.js", "plotly.js-basic-dist-min", "plotly-basic.min.js"),
    Bundle("plotly-geo.min.js", "plotly.js-geo-dist-min", "plotly-geo.min.js"),
)


@cache
def traces(bundle: Bundle) -> frozenset[str]:
    """The trace types a bundle registers, read from its file; none if it is not installed."""
    try:
        return frozenset(name.decode() for name in _TRACE.findall(bundle.path.read_bytes()))
    except OSError:
        return frozenset()


def version_of(text: str) -> str | None:
    """The plotly.js release a bundle's header names (``plotly.js (basic - minified) v4.1.1``)."""
    found = _VERSION.search(text[:400])
    return found.group(1) if found else None


def python_plotly_js_version() -> str | None:
    """The plotly.js release the plotly Python package ships."""
    return version_of(get_plotlyjs()[:400])


def chart_traces(chart: Chart) -> frozenset[str]:
    return frozenset(trace.type for trace in chart.figure.data)


def bundle_for(chart: Chart) -> Bundle | None:
    """The smallest partial bundle that draws every trace of ``chart``; None: the full one."""
    needed = chart_traces(chart)
    return next((bundle for bundle in PARTIAL if needed <= traces(bundle)), None)


def bundle_name(chart: Chart) -> str:
    """The file name of the plotly.js a static page of ``chart`` loads, beside the page."""
    bundle = bundle_for(chart)
    return bundle.name if bundle else FULL_NAME


def write_bundles(out: Path) -> list[str]:
    """Every bundle a static page may load, into ``out``: the partial ones installed, and the
    full one; their names."""
    written = []
    for bundle in PARTIAL:
        if bundle.path.is_file():
            (out / bundle.name).write_bytes(bundle.path.read_bytes())
            written.append(bundle.name)
    (out / FULL_NAME).write_text(get_plotlyjs(), encoding="utf-8")
    return [*written, FULL_NAME]
