"""What a chart is, independent of where it is shown: page, embed, export or test.

``ChartSpec`` is one entry of the registry (``components.registry``); its ``make`` turns the data
package, the chart's parameter values and a language into a ``Chart``: the figure plus every
piece of text and data the frame shows around it, and the rows its downloads hold. ``make`` never
calls Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from components.charts.url_state import Param
from components.data.package import DataPackage
from components.text.i18n import Lang

# Streamlit's key of the element a chart's figure is drawn in. Its CSS class follows from it
# ("st-key-chart-<id>"), so the frame's phone style and the first paint's hand-over can select it.
PLOTLY_KEY_PREFIX = "chart-"
# The chart-only embed's content block (".st-key-embed-content"): the height script measures it,
# and a first paint hands over once it is drawn.
EMBED_CONTENT_KEY = "embed-content"


def plotly_key(chart_id: str) -> str:
    return f"{PLOTLY_KEY_PREFIX}{chart_id}"


@dataclass(frozen=True)
class Chart:
    """A built chart: the figure and the text and rows framed around it."""

    figure: go.Figure
    title: str  # the finding, as a newsroom headline states it
    subtitle: str  # what is plotted, and when
    table: pd.DataFrame  # the rows shown, with reader-facing column names
    source_ids: tuple[str, ...]  # rows of sources.csv: the "Source:" line is built from them
    description: str  # the chart in words, for screen readers and the static fallback
    notes: tuple[str, ...] = ()
    # Tools and data used as tools, named apart from the evidence: (what they gave, e.g. "Map";
    # their source ids). The source line reads "Source: ... Map: Natural Earth".
    credits: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Tools the chart's face does not credit, as a newsroom's map credits its shapes only:
    # "About this data" and the ZIP list them with the rest (the capitals' coordinate files).
    tool_ids: tuple[str, ...] = ()
    # The same rows for data desks: stable column names from ``chart_data.FIELDS``, ISO dates,
    # numbers as numbers, codes as the data package spells them (the CSV and ZIP downloads).
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    # How the rows were made from the data package, in the chart's language ("About this data").
    method: str = ""


@dataclass(frozen=True)
class ChartSpec:
    """One chart in the registry: its id, page, parameters and how to make it."""

    chart_id: str
    page: str  # url path of the page that shows it
    params: tuple[Param, ...]
    make: Callable[[DataPackage, Mapping[str, Any], Lang], Chart]
    plotly_config: Mapping[str, Any] = field(default_factory=dict)

    @property
    def defaults(self) -> dict[str, Any]:
        return {param.key: param.default for param in self.params}
