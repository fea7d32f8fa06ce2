"""The chart frame: every chart on every page, and every embed, is shown through ``show_chart``.

Title (the finding), subtitle (what is plotted and when), the views Chart / Table / About this
data, the "Source:" line built from the data's source ids, notes, the chart in words, and the
editor's tools: downloads (PNG, SVG, standalone HTML, the rows as CSV, the data and its
description as a ZIP) and the embed snippet.
A chart whose build fails shows its frame with an error notice; the rest of the page renders.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

import plotly.graph_objects as go
import streamlit as st

from components.charts import theme
from components.charts.cache import built, derived, image
from components.charts.spec import Chart, ChartSpec, plotly_key
from components.data import corrections
from components.data.citations import source_line, source_text
from components.data.package import DataPackage
from components.publish import export
from components.publish.about import About, about
from components.streamlit_compat.sent_figure import sent_figure
from components.text.i18n import Lang, format_date, t
from components.text.safe_text import md_escape
from components.ui.loading import per_view

log = logging.getLogger(__name__)


def build(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang
          ) -> Chart | None:
    """The chart (shared: ``charts.cache``), or None after logging why it could not be built."""
    try:
        return built(spec, data, values, lang)
    except Exception:  # one broken chart must not take the page down with it
        log.exception("chart %s failed to build with %s", spec.chart_id, dict(values))
        return None


@dataclass(frozen=True)
class OnScreen:
    """What the frame shows of a chart in one language and theme, made once per view."""

    figure: go.Figure  # as sent_figure makes it
    source_line: str
    source_text: str


def _on_screen(chart: Chart, data: DataPackage, lang: Lang, dark: bool) -> OnScreen:
    sources = data["sources"]
    return OnScreen(sent_figure(theme.for_dark_theme(chart.figure) if dark else chart.figure),
                    source_line(sources, chart.source_ids, lang, credits=chart.credits),
                    source_text(sources, chart.source_ids, lang, credits=chart.credits))


def on_screen(spec: ChartSpec, chart: Chart, data: DataPackage, values: Mapping[str, Any],
              lang: Lang) -> OnScreen:
    dark = reader_theme() == "dark"
    return derived("on-screen", spec, data, values, lang,
                   lambda: _on_screen(chart, data, lang, dark), dark)


def about_view(spec: ChartSpec, chart: Chart, data: DataPackage, values: Mapping[str, Any],
               lang: Lang) -> About:
    """What "About this data" and the ZIP say about this view, cited at its permanent URL on the
    day the reader takes it."""
    url = export.permanent_url(public_app_url(), spec, values, lang)
    today = date.today()
    return derived("about", spec, data, values, lang,
                   lambda: about(spec, chart, data, lang, url=url, accessed=today), url, today)


def show_chart(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang,
               on_select: str = "ignore", lead: bool = False,
               under_chart: Callable[[], None] | None = None) -> Any:
    """Build and frame one chart; returns the plotly selection event when ``on_select="rerun"``.

    ``lead``: the page's h1 already states this chart's title (``lead_title``), so the frame
    leaves it out. ``under_chart`` draws the chart's own controls right under it, before its
    source and notes: a map's country picker beside the map, not a screen further down."""
    chart = build(spec, data, values, lang)
    with st.container(border=True, key=f"frame-{spec.chart_id}"):
        if chart is None:
            st.error(t("frame.build_failed", lang), icon=":material/error:")
            return None
        return render_frame(spec, chart, data, values, lang, on_select=on_select, titled=not lead,
                            under_chart=under_chart)


def lead_title(spec: ChartSpec, data: DataPackage, values: Mapping[str, Any], lang: Lang
               ) -> str | None:
    """The title of a page's lead chart, its h1; None when the chart cannot be built (its frame
    then says so)."""
    chart = build(spec, data, values, lang)
    return chart.title if chart is not None else None


def render_frame(spec: ChartSpec, chart: Chart, data: DataPackage, values: Mapping[str, Any],
                 lang: Lang, on_select: str = "ignore", titled: bool = True,
                 under_chart: Callable[[], None] | None = None) -> Any:
    shown = on_screen(spec, chart, data, values, lang)
    if titled:
        st.markdown(f"#### {md_escape(chart.title)}")
    st.caption(md_escape(chart.subtitle))
    # The table and "About this data" are drawn only once a reader opens their tab: the table's
    # grid is about 250 KB of script and the panel a dozen elements per chart that most readers
    # never see. The chart tab stays drawn, so going back to it does not redraw the chart.
    view_chart, view_table, view_about = st.tabs(
        [t("frame.view_chart", lang), t("frame.view_table", lang), t("about.tab", lang)],
        key=f"view-{spec.chart_id}", on_change="rerun")
    event = None
    with view_chart:
        style = fit_height_style(spec.chart_id, chart.figure)
        if style:
            st.html(style)  # style tags only: Streamlit adds them without taking room on the page
        event = st.plotly_chart(shown.figure, config=export.plotly_config(spec),
                                key=plotly_key(spec.chart_id), on_select=on_select,
                                alt=chart.description,
                                selection_mode="points" if on_select != "ignore"
                                else ("points", "box", "lasso"))
        if under_chart is not None:
            under_chart()
        with st.expander(t("frame.in_words", lang)):
            st.text(chart.description)
    if view_table.open:
        with view_table:
            st.dataframe(chart.table, hide_index=True, width="stretch")
    found = about_view(spec, chart, data, values, lang)
    if view_about.open:
        with view_about:
            about_panel(found)
    st.caption(shown.source_line)
    for note in chart.notes:
        st.caption(f"{t('frame.note', lang)}: {md_escape(note)}")
    updated = per_view("frame.updated", data, lang,
                       lambda: corrections.updated_line(data, spec.chart_id, lang),
                       {"chart": spec.chart_id})
    if updated:
        st.caption(md_escape(updated))
    editor_tools(spec, chart, data, shown.source_text, values, lang)
    return event


def about_panel(found: About) -> None:
    """How the rows were made, their dates and checked day, the sources by kind, the citation."""
    lang = found.lang
    lines = [f"**{md_escape(t('about.what', lang))}** · {md_escape(found.method)}"]
    if found.dates:
        lines.append(md_escape(t("about.dates", lang, range=found.dates)))
    lines.append(md_escape(t("about.checked", lang, date=format_date(found.checked, lang))))
    st.markdown("\n\n".join(lines))
    st.markdown(f"**{md_escape(t('about.sources', lang))}**")
    # The sources' titles stay in their own language: the page's language check skips them.
    with st.container(key=f"data-text-about-{found.chart_id}"):
        for kind, items in found.source_markdown.items():
            st.markdown(f"*{md_escape(t(f'sources.source_kind.{kind}', lang))}*\n"
                        + "\n".join(items))
    citation = found.citation
    st.markdown(f"**{md_escape(t('about.cite', lang))}**\n\n"
                f"{md_escape(t('about.short', lang))}: {md_escape(citation.short)}\n\n"
                f"{md_escape(t('about.full', lang))}: {md_escape(citation.full)}")
    # The copy buttons come with st.code, whose highlighter is half a megabyte of script: drawn
    # only once a reader opens this, it stays out of every page's first load.
    copy = st.popover(t("about.copy", lang), icon=":material/content_copy:",
                      key=f"cite-{found.chart_id}", on_change="rerun")
    if copy.open:
        with copy:
            st.caption(t("about.cite_help", lang))
            st.code(citation.full, language=None, wrap_lines=True)
            st.code(citation.bibtex, language=None, wrap_lines=True)


NARROW_FRAME_PX = 700  # a frame narrower than this is on a phone or in a narrow embed


def fit_height_style(chart_id: str, figure: go.Figure) -> str | None:
    """CSS that makes a chart's height follow its width in a narrow frame, if its builder asks.

    A builder asks with ``layout.meta["fit_height"] = {"width_per_height": ..., "extra_px": ...}``:
    plotly keeps a map's aspect ratio inside the figure's fixed height, which leaves empty bands
    above and below a map on a phone. Streamlit gives the chart's element the figure's height and
    draws the figure at the height the chart inside it measures, so a CSS height on that element is
    enough. Full-screen view still works: it is a fixed layer inside the element, sized to the
    screen. Only the chart id and numbers go into the CSS.
    """
    meta = figure.layout.meta
    fit = meta.get("fit_height") if isinstance(meta, Mapping) else None
    if not fit:
        return None
    frame = f".st-key-frame-{chart_id}"
    height = f"calc(100cqw / {float(fit['width_per_height'])} + {float(fit['extra_px'])}px)"
    return (f"<style>{frame} {{ container: chart-frame / inline-size; }}\n"
            f"@container chart-frame (max-width: {NARROW_FRAME_PX}px) {{\n"
            f"  {frame} .st-key-{plotly_key(chart_id)} {{ flex: 0 0 auto !important;"
            f" height: {height} !important; }}\n"
            "}</style>")


def reader_theme() -> str:
    """``"dark"`` or ``"light"``: the theme the reader's browser runs the app in."""
    try:
        return st.context.theme.type or "light"
    except Exception:  # no browser context (AppTest, bare mode): the light default
        return "light"


def view_image(spec: ChartSpec, chart: Chart, data: DataPackage, values: Mapping[str, Any],
               lang: Lang, plain_source: str, fmt: str) -> bytes:
    """The view's framed chart as a PNG or SVG file, made by Chromium once per view and shared by
    every reader and replica's click until the data changes."""
    return image(fmt, spec, data, values, lang,
                 lambda: export.figure_image(export.framed_figure(chart, plain_source), fmt))


def editor_tools(spec: ChartSpec, chart: Chart, data: DataPackage, plain_source: str,
                 values: Mapping[str, Any], lang: Lang) -> None:
    """Downloads and the embed snippet, drawn only while their popover is open.

    Most readers never open them: left closed they cost neither the server a CSV and an embed
    link on every run nor the browser a dozen hidden elements per chart. The image files are
    made only when a reader clicks their button.
    """
    name = f"{spec.chart_id}-{lang}"
    downloads_column, embed_column = st.columns(2)
    downloads = downloads_column.popover(t("frame.download", lang), icon=":material/download:",
                                         key=f"downloads-{spec.chart_id}", on_change="rerun")
    if downloads.open:
        with downloads:
            for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
                st.download_button(fmt.upper(), lambda fmt=fmt: view_image(
                    spec, chart, data, values, lang, plain_source, fmt),
                    file_name=f"{name}.{fmt}", mime=mime, key=f"{fmt}-{spec.chart_id}",
                    on_click="ignore")
            st.download_button("HTML", lambda: export.chart_html(spec, chart, plain_source, lang),
                               file_name=f"{name}.html", mime="text/html",
                               key=f"html-{spec.chart_id}", on_click="ignore")
            # The data as addresses every replica answers (/data/<chart>.csv): a framed reader
            # whose sticky cookie the browser refused still gets it, and it can be cited.
            for kind, label in (("csv", t("about.csv", lang)), ("zip", t("about.zip", lang))):
                st.link_button(label, export.data_path(spec, values, lang, kind),
                               icon=":material/download:")
    embed = embed_column.popover(t("frame.embed", lang), icon=":material/code:", key=f"embed-{spec.chart_id}",
                                 on_change="rerun")
    if embed.open:
        with embed:
            url = export.embed_url(app_base_url(), spec, values, lang)
            st.caption(t("frame.embed_help", lang))
            # Plain, not highlighted: Streamlit's highlighting blue has only 3.8:1 contrast (AA:
            # 4.5:1).
            st.code(export.embed_snippet(url, chart.title, chart.description), language=None,
                    wrap_lines=True)


def public_app_url() -> str:
    """The app's address for links that leave the page: ``$DASHBOARD_APP_URL`` when set."""
    return (os.environ.get(export.APP_URL_VARIABLE) or "").rstrip("/") or app_base_url()


def app_base_url() -> str:
    """The app's own address as the reader reached it (scheme, host and any base path)."""
    parsed = urlparse(st.context.url or "http://localhost:8501")
    base_path = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parsed.scheme}://{parsed.netloc}" + (f"/{base_path}" if base_path else "")
