"""Embed mode: ``?embed=true&chart=<id>`` shows that chart alone, for iframes in articles.

The chart-only layout: title, subtitle, chart, source line, notes and one quiet footer line ("Get
the data": the chart's rows as CSV; "Full dashboard": the app's page at this view, in a new tab).
The chart in words stays for screen readers (the chart's accessible name and a visually hidden
paragraph); the frame's tabs, its in-words expander and the editor's Download/Embed tools stay
on the dashboard's pages. ``make export`` writes the same layout as a static page
(``export.embed_page_html``).

The chart reads its own parameters from the URL, like a page does; parameters it does not know
(pym.js adds initialWidth, childId, parentTitle and parentUrl) are ignored. The height script
(static/embed-height.js, shared with the static pages) tells the host page the content's height.
Streamlit's own ``embed=true`` already drops the header and toolbar; the shell draws no
navigation and no sidebar in this mode.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from typing import Any

import streamlit as st

from components import registry
from components.charts import url_state
from components.charts.spec import EMBED_CONTENT_KEY, ChartSpec, plotly_key
from components.data.package import DataPackage
from components.publish import export
from components.publish.embed_flags import read_flags
from components.registry import RETIRED_CHARTS, UnknownChartError, chart_ids, get_chart
from components.streamlit_compat.dom import EMBED_CSS, TRANSPARENT_EMBED_CSS
from components.text.i18n import Lang, t
from components.text.safe_text import md_escape
from components.ui import controls, frame
from components.ui.loading import load_data


def _chart_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    # Each chart by the finding its default view states, its id beside it for editors; a chart
    # that cannot be built by its id alone.
    names = {}
    for spec in registry.CHARTS:
        chart = frame.build(spec, data, spec.defaults, lang)
        names[spec.chart_id] = f"{chart.title if chart else spec.chart_id} ({spec.chart_id})"
    return names


# The Embed page's chart picker: which chart an editor takes the code of, the first by default.
CHART_CHOICE = url_state.choice(
    "chart", chart_ids, lambda: chart_ids()[0], label_key="embed.choose_chart",
    option_names=_chart_names,
    names_vary_with=lambda: tuple(id(spec.make) for spec in registry.CHARTS))


def requested() -> bool:
    """Whether this run is an embed of a single chart.

    The browser reports ``?embed=true`` as ``st.context.is_embedded``.
    """
    embedded = st.context.is_embedded or st.query_params.get("embed", "").lower() == "true"
    return embedded and st.query_params.get("chart") is not None


def static_base_url() -> str | None:
    """Where ``make export``'s folder is hosted (``$DASHBOARD_STATIC_URL``), if the app knows."""
    return (os.environ.get(export.STATIC_URL_VARIABLE) or "").rstrip("/") or None


def render(lang: Lang) -> None:
    """The chart named by ``?chart=`` alone, or a message listing the valid ids."""
    chart_id = st.query_params.get("chart", "")
    if EMBED_CSS:
        st.html(EMBED_CSS)  # style only: Streamlit adds it without taking room on the page
    charts = 0
    with st.container(key=EMBED_CONTENT_KEY, gap="xsmall"):
        try:
            spec = get_chart(chart_id)
        except UnknownChartError:
            if chart_id in RETIRED_CHARTS:
                st.info(t(f"embed.retired.{chart_id}", lang), icon=":material/info:")
            else:
                st.error(t("embed.unknown_chart", lang, chart=md_escape(chart_id[:40]),
                           ids=", ".join(chart_ids())), icon=":material/warning:")
        else:
            data = load_data(lang)
            values = controls.read(spec.params, lang)
            flags = read_flags(st.query_params.to_dict())
            if flags.transparent and TRANSPARENT_EMBED_CSS:
                st.html(TRANSPARENT_EMBED_CSS)
            charts = chart_only(spec, data, values, lang, plain=flags.plain)
    st.html(export.height_script(charts), unsafe_allow_javascript=True, width="content")


def chart_only(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang,
               plain: bool = False) -> int:
    """The chart-only layout, built from the frame's pieces; returns how many charts it drew.
    ``plain``: the chart and its source line only, for an article that gives the title itself
    (the source stays: a chart without one would lose its provenance in any article)."""
    chart = frame.build(spec, data, values, lang)
    if chart is None:
        st.error(t("frame.build_failed", lang), icon=":material/warning:")
        return 0
    shown = frame.on_screen(spec, chart, data, values, lang)
    with st.container(key=f"frame-{spec.chart_id}", gap="xsmall"):
        if not plain:
            st.markdown(f"#### {md_escape(chart.title)}")
            st.caption(md_escape(chart.subtitle))
        style = frame.fit_height_style(spec.chart_id, chart.figure)
        if style:
            st.html(style)
        st.plotly_chart(shown.figure, config=export.plotly_config(spec),
                        key=plotly_key(spec.chart_id), alt=chart.description)
        # The whole text alternative, for screen readers only (the chart's name is shorter).
        st.html(f'<p class="ru-sr-only">{html.escape(chart.description)}</p>')
        st.caption(shown.source_line)
        if not plain:
            for note in chart.notes:
                st.caption(f"{t('frame.note', lang)}: {md_escape(note)}")
            footer(spec, chart, values, lang)
    return 1


def footer(spec: ChartSpec, chart, values: Mapping[str, Any], lang: Lang) -> None:
    """One quiet line: the chart's rows as CSV, and the full dashboard at this view."""
    url = export.dashboard_url(frame.public_app_url(), spec, values, lang)
    with st.container(key="embed-footer", horizontal=True, gap="small",
                      vertical_alignment="center"):
        # An address any replica answers, where a download button's file lives only on the
        # replica that made it (a framed reader's sticky cookie may be refused).
        st.markdown(f"[{md_escape(t('embed_frame.get_data', lang))}]"
                    f"({export.data_path(spec, values, lang, 'csv')})")
        # A markdown link opens in a new tab with rel="noopener noreferrer" (Streamlit's default).
        st.markdown(f"[{md_escape(t('embed_frame.full_dashboard', lang))}]({url})")


# As Streamlit's secondary buttons look, in the theme's font.
COPY_BUTTON_STYLE = ("font: inherit; font-size: 0.875rem; padding: 0.25rem 0.75rem; "
                     "border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; "
                     "background: transparent; color: inherit; cursor: pointer; min-height: 2.5rem")


# One listener for every copy button, installed once per page: Streamlit may draw a button's
# element anew on a rerun, which a listener on the button itself would not survive.
_COPY_SCRIPT = (
    "(function(){if(window.__ruCopyButtons)return;window.__ruCopyButtons=1;"
    "document.addEventListener('click',function(e){"
    "var b=e.target.closest?e.target.closest('.ru-copy'):null;if(!b)return;"
    "var box=document.querySelector(b.dataset.from);if(!box)return;"
    "var done=function(){b.textContent=b.dataset.copied;"
    "setTimeout(function(){b.textContent=b.dataset.label;},2000);};"
    "var select=function(){box.select();document.execCommand('copy');done();};"
    "if(navigator.clipboard&&window.isSecureContext){"
    "navigator.clipboard.writeText(box.value).then(done,select);}else{select();}});})();")


def copy_button(target_key: str, label: str, copied: str) -> None:
    """A button that copies the text of the keyed text box ``target_key`` to the clipboard: the
    copy st.code offers, without the half-megabyte highlighter that comes with it. Without the
    Clipboard API (an insecure origin, a refused permission) it selects the text and asks the
    browser to copy. No "<" in the script: Streamlit's sanitiser drops a script with one."""
    source = f".st-key-{target_key} textarea"
    st.html(f'<button type="button" class="ru-copy" style="{COPY_BUTTON_STYLE}" '
            f'data-from="{html.escape(source)}" data-label="{html.escape(label)}" '
            f'data-copied="{html.escape(copied)}">{html.escape(label)}</button>'
            f"<script>{_COPY_SCRIPT}</script>", unsafe_allow_javascript=True, width="content")


# The Embed page's preview takes the height the embed reports (static/embed-height.js posts it
# to the page holding its iframe), so the editor sees the embed whole, as the article will.
# One listener on the window, set once; no "<" in the script (Streamlit's sanitiser).
_PREVIEW_HEIGHT_SCRIPT = (
    "(function(){if(window.__ruPreviewHeight)return;window.__ruPreviewHeight=true;"
    "window.addEventListener('message',function(event){var data=event.data;"
    "if(!data||data.type!=='ru-asean-embed-height'||typeof data.height!=='number')return;"
    "var frames=document.querySelectorAll('.st-key-embed-preview iframe');"
    "for(var i=0;frames.length>i;i++){if(frames[i].contentWindow!==event.source)continue;"
    "var px=Math.max(120,Math.min(8000,Math.round(data.height)))+'px';"
    "frames[i].style.height=px;frames[i].setAttribute('height',String(parseInt(px)));}});})();")


def preview(url: str, height: int, alt: str) -> None:
    """The embed in an iframe at the height it reports (``height``, the estimate, until then)."""
    with st.container(key="embed-preview"):
        st.html(f"<script>{_PREVIEW_HEIGHT_SCRIPT}</script>", unsafe_allow_javascript=True,
                width="content")
        st.iframe(url, height=height, alt=alt)
