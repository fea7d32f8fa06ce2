"""The chart frame: every chart on every page is shown through ``show_chart``.

Title (the finding), subtitle (what is plotted and when), the chart, the "Source:" line built from
the data's source ids, notes, the chart in words, and the views Chart / Table / Sources with a CSV
of the rows shown. A chart whose build fails shows its frame with an error notice; the rest of the
page still renders.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from components.chart_spec import Chart, ChartSpec
from components.citations import source_line, source_rows
from components.data_package import DataPackage
from components.i18n import Lang, t
from components.safe_text import md_escape

log = logging.getLogger(__name__)

# Plotly's mode bar offers a PNG download and zoom; the rest only confuses readers.
BASE_PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
}


def build(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang
          ) -> Chart | None:
    """The chart, or None after logging why it could not be built."""
    try:
        return spec.make(data, values, lang)
    except Exception:  # one broken chart must not take the page down with it
        log.exception("chart %s failed to build with %s", spec.chart_id, dict(values))
        return None


def show_chart(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang,
               on_select: str = "ignore") -> Any:
    """Build and frame one chart; returns the plotly selection event when ``on_select="rerun"``."""
    chart = build(spec, data, values, lang)
    with st.container(border=True, key=f"frame-{spec.chart_id}"):
        if chart is None:
            st.error(t("frame.build_failed", lang), icon="⚠️")
            return None
        return render_frame(spec, chart, data, lang, on_select=on_select)


def render_frame(spec: ChartSpec, chart: Chart, data: DataPackage, lang: Lang,
                 on_select: str = "ignore") -> Any:
    st.markdown(f"#### {md_escape(chart.title)}")
    st.caption(md_escape(chart.subtitle))
    view_chart, view_table, view_sources = st.tabs(
        [t("frame.view_chart", lang), t("frame.view_table", lang), t("frame.view_sources", lang)])
    event = None
    with view_chart:
        config = {**BASE_PLOTLY_CONFIG, **spec.plotly_config,
                  "toImageButtonOptions": {"filename": spec.chart_id, "scale": 2}}
        event = st.plotly_chart(chart.figure, config=config, key=f"chart-{spec.chart_id}",
                                on_select=on_select, alt=chart.description,
                                selection_mode=("points",) if on_select != "ignore" else
                                ("points", "box", "lasso"))
        with st.expander(t("frame.in_words", lang)):
            st.text(chart.description)
    with view_table:
        st.dataframe(chart.table, hide_index=True, width="stretch")
        st.download_button(t("frame.download_csv", lang),
                           chart.table.to_csv(index=False).encode("utf-8"),
                           file_name=f"{spec.chart_id}-{lang}.csv", mime="text/csv",
                           key=f"csv-{spec.chart_id}", on_click="ignore")
    with view_sources:
        for line in source_rows(data["sources"], chart.source_ids, lang):
            st.markdown(f"- {line}")
    st.caption(source_line(data["sources"], chart.source_ids, lang))
    for note in chart.notes:
        st.caption(f"{t('frame.note', lang)}: {md_escape(note)}")
    return event
