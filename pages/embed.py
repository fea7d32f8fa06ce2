"""Embed: for editors. Choose a chart and its options, preview it, copy the iframe snippet and
download the static fallback for when the app is asleep or blocked."""

import streamlit as st

from components import export, frame, shell, url_state
from components.citations import source_text
from components.i18n import t
from components.loading import load_data
from components.registry import CHARTS

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.embed", "embed.dek", lang)

titles = {spec.chart_id: frame.build(spec, data, spec.defaults, lang) for spec in CHARTS}
# The chart a link names (the frame's Embed button links here with ?chart=), else the first.
requested = next((index for index, spec in enumerate(CHARTS)
                  if spec.chart_id == st.query_params.get("chart")), 0)
spec = st.selectbox(
    t("embed.choose_chart", lang), CHARTS, key="embed.chart", index=requested,
    format_func=lambda s: f"{titles[s.chart_id].title if titles[s.chart_id] else s.chart_id}"
                          f" ({s.chart_id})")
values = {param.key: url_state.control(param, data, lang, key=f"embed.{spec.chart_id}.{param.key}")
          for param in spec.params}
chart = frame.build(spec, data, values, lang)
url = export.embed_url(frame.app_base_url(), spec, values, lang)

st.subheader(t("embed.snippet_heading", lang))
st.caption(t("frame.embed_help", lang))
description = chart.description if chart else ""
# Plain, not highlighted: Streamlit's highlighting blue has only 3.8:1 contrast (AA: 4.5:1).
st.code(export.embed_snippet(url, chart.title if chart else spec.chart_id, description),
        language=None, wrap_lines=True)
st.code(url, language=None, wrap_lines=True)
if chart is not None:
    plain_source = source_text(data["sources"], chart.source_ids, lang)
    st.download_button(
        t("embed.download_fallback", lang),
        lambda: export.static_fallback_html(
            chart, export.figure_image(export.framed_figure(chart, plain_source), "png"),
            plain_source, lang),
        file_name=f"{spec.chart_id}-{lang}-fallback.html", mime="text/html",
        on_click="ignore", key="embed.fallback")

st.subheader(t("embed.preview_heading", lang))
st.iframe(url, height=720, alt=description or spec.chart_id)
