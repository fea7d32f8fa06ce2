"""Embed mode: ``?embed=true&chart=<id>`` shows that chart's frame and nothing else.

The chart reads its own parameters from the URL, like a page does, and the page tells the host
page its height (``postMessage``), so the iframe snippet from ``components.export`` can resize
itself to fit. Streamlit's own ``embed=true`` already drops the header and toolbar; the shell
draws no navigation and no sidebar in this mode.
"""

from __future__ import annotations

import streamlit as st

from components import frame, url_state
from components.export import HEIGHT_MESSAGE
from components.i18n import Lang, t
from components.loading import load_data
from components.registry import RETIRED_CHARTS, UnknownChartError, chart_ids, get_chart
from components.safe_text import md_escape

# Runs in the app's own document; it posts the content's height whenever it changes.
_HEIGHT_SCRIPT = """
<script>
(function () {
  if (window.__ruAseanHeight) { return; }
  window.__ruAseanHeight = true;
  function send() {
    var block = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (!block) { return; }
    var height = Math.ceil(block.getBoundingClientRect().height) + 32;
    window.parent.postMessage({type: "__MESSAGE__", height: height}, "*");
  }
  var observer = new ResizeObserver(send);
  function watch() {
    var block = document.querySelector('[data-testid="stMainBlockContainer"]');
    if (block) { observer.observe(block); send(); } else { setTimeout(watch, 200); }
  }
  watch();
})();
</script>
""".replace("__MESSAGE__", HEIGHT_MESSAGE)


def requested() -> bool:
    """Whether this run is an embed of a single chart.

    The browser reports ``?embed=true`` as ``st.context.is_embedded``.
    """
    embedded = st.context.is_embedded or st.query_params.get("embed", "").lower() == "true"
    return embedded and st.query_params.get("chart") is not None


def render(lang: Lang) -> None:
    """The chart named by ``?chart=`` in its frame, or a message listing the valid ids."""
    chart_id = st.query_params.get("chart", "")
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
        values = url_state.read(spec.params, lang)
        frame.show_chart(spec, data, values, lang)
    st.html(_HEIGHT_SCRIPT, unsafe_allow_javascript=True, width="content")
