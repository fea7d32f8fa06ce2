"""Embed: for editors. Choose a chart and its options, preview it, and copy the code for the
article in the kind the site needs (static, live, pym.js, AMP, a plain iframe), or download the
static fallback for when the app is asleep or blocked."""

import hashlib

import streamlit as st

from components.charts import url_state
from components.data.citations import source_text
from components.publish import embed_flags, export
from components.registry import chart_ids, get_chart
from components.text.i18n import t
from components.ui import controls, embed, frame, shell
from components.ui.loading import load_data

lang = shell.current_lang()
data = load_data(lang)
shell.page_header("nav.embed", "embed.dek", lang)

# The chart a link names (the frame's Embed button links here with ?chart=), else the first.
linked = st.query_params.get("chart")
st.session_state.setdefault("embed.chart", linked if linked in chart_ids() else chart_ids()[0])
spec = get_chart(controls.control(embed.CHART_CHOICE, data, lang, key="embed.chart"))
values = {param.key: controls.control(param, data, lang, key=f"embed.{spec.chart_id}.{param.key}")
          for param in spec.params}
chart = frame.build(spec, data, values, lang)
app_url = frame.public_app_url()
url = export.embed_url(app_url, spec, values, lang)
title = chart.title if chart else spec.chart_id
description = chart.description if chart else ""
plain_source = source_text(data["sources"], chart.source_ids, lang, credits=chart.credits) if chart else ""
height = export.estimated_height(chart, plain_source, lang) if chart else 640
# The static chart pages show each chart's default view only.
static_base = embed.static_base_url()
static_url = (export.static_embed_url(static_base, spec, lang)
              if static_base and not url_state.to_query(spec.params, values) else None)

st.subheader(t("embed.snippet_heading", lang))
# Static code where the chart has a static page (it shows without the app), until the editor
# chooses another kind.
st.session_state.setdefault("embed.kind", "static" if static_url else "live")
kind = controls.control(export.SNIPPET_KIND, data, lang, key="embed.kind")
# How the embed fits the article (live and static alike): colours, chart only, no background.
controls.read(embed_flags.FLAGS, lang)  # a link to this page may name them
with st.container(horizontal=True, vertical_alignment="bottom"):
    flags = embed_flags.flags_query({param.key: controls.control(param, data, lang)
                                     for param in embed_flags.FLAGS})
if flags:
    url = export.with_query(url, flags)
    static_url = export.with_query(static_url, flags) if static_url else None
st.caption(t(f"embed_snippets.help_{kind}", lang, width=export.SNIPPET_WIDTH))
source = (static_url or url) if kind != "live" else url
if kind == "static" and not static_url:
    st.info(t("embed_snippets.no_static_url", lang), icon=":material/info:")
    source = None
snippets = {
    "static": lambda: export.embed_snippet(source, title, description, height),
    "live": lambda: export.embed_snippet(url, title, description, height),
    "pym": lambda: export.pym_snippet(source, title, f"ru-asean-{spec.chart_id}-{lang}"),
    "amp": lambda: export.amp_snippet(source, title, height, t("embed_frame.overflow", lang)),
    "plain": lambda: export.plain_iframe_snippet(source, title, height),
}
# A text box and a copy button of our own, not st.code: st.code's copy button comes with its
# highlighter, half a megabyte of script that would take this page over 3 MB.
if source:
    snippet = snippets[kind]()
    # Keyed by its text: a box keyed once would keep the first snippet when the options change.
    box_key = f"embed-snippet-{hashlib.sha256(snippet.encode()).hexdigest()[:12]}"
    st.text_area(t("embed_snippets.code_label", lang), snippet, height="content", key=box_key)
    embed.copy_button(box_key, t("embed_snippets.copy", lang), t("embed_snippets.copied", lang))
st.text_input(t("embed_snippets.link_label", lang), url)
st.caption(t("embed_snippets.sandbox", lang, flags=export.SANDBOX))
st.caption(t("embed_snippets.oembed", lang, url=f"{app_url}/oembed?url=…&format=json"))
if chart is not None:
    st.download_button(
        t("embed.download_fallback", lang),
        lambda: export.static_fallback_html(
            chart, frame.view_image(spec, chart, data, values, lang, plain_source, "png"),
            plain_source, lang),
        file_name=f"{spec.chart_id}-{lang}-fallback.html", mime="text/html",
        on_click="ignore", key="embed.fallback")

st.subheader(t("embed.preview_heading", lang))
embed.preview(url, height + 16, description or spec.chart_id)
