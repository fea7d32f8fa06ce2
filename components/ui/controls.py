"""The controls that set a page's URL parameters, and the URL they keep up to date.

``read`` takes the values from the browser URL, falling back to the default with a visible
notice when a value is malformed; ``control`` draws a parameter's widget, the same on a chart
page and on the Embed page; ``current`` gives what the controls hold now; ``write`` puts back
only what differs from the defaults. What a parameter is and how it is parsed lives in
``components.charts.url_state``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

from components.charts.url_state import (
    DATE_INPUT_FORMAT,
    Param,
    option_labels,
    parse_query,
    to_query,
    widget_value,
)
from components.data.package import DataPackage
from components.text.i18n import Lang, t
from components.text.safe_text import md_escape
from components.ui.loading import per_view

WRITTEN_KEY = "url_state.written"  # the query this session last wrote into the URL


def read(params: Sequence[Param], lang: Lang) -> dict[str, Any]:
    """The page's parameter values from the browser URL; a notice is shown for each one refused.

    Each value also seeds the control with the same key, so ``control`` draws it starting from
    the link: on the session's first run of the page, and whenever the URL says something other
    than what this session last wrote there (the reader went Back or Forward, or opened an
    edited link), since then the URL is what the reader asked for. While the URL still holds the
    last value written, a control the reader has just changed keeps its new value.
    """
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    values, notices = parse_query(params, query)
    for notice in notices:
        # Escaped: the value comes from whoever wrote the link, and a notice is markdown.
        st.warning(t("notice.bad_param", lang, key=notice.key, value=md_escape(notice.value)),
                   icon=":material/warning:")
    written = st.session_state.get(WRITTEN_KEY, {})
    for param in params:
        raw = query.get(param.key)
        raw = raw[-1] if isinstance(raw, list) and raw else (raw or None)
        if param.key not in st.session_state or raw != written.get(param.key):
            st.session_state[param.key] = widget_value(param, values[param.key])
    return values


def control(param: Param, data: DataPackage, lang: Lang, key: str | None = None) -> Any:
    """Draw the control of ``param`` and return its value, normalised.

    ``key`` is the widget's session key: the parameter's own key on a chart page (where ``read``
    seeded it from the link), another one where the same parameter is set apart from the page,
    as on the Embed page; a control not seeded starts at the parameter's default.
    """
    key = key or param.key
    if key not in st.session_state:
        st.session_state[key] = widget_value(param, param.default)
    label = t(param.label_key, lang)
    help_text = t(param.help_key, lang) if param.help_key else None
    # Made once per parameter (two pages' parameters may share a key, not their options):
    # otherwise the country list is sorted in the page's language on every run.
    names = per_view(f"url_state.options.{param.key}.{id(param)}", data, lang,
                     lambda: option_labels(param, data, lang),
                     {"varies_with": param.names_vary_with()})

    name_of = option_text(param, names)

    if param.widget == "select":
        value = st.selectbox(label, list(names), key=key, format_func=name_of, help=help_text)
    elif param.widget == "radio":
        # A few long options, all in sight: like pills, and unlike a select box, it brings no
        # twenty modules and second render to a first visit (0.11-0.12 s of the Cooperation
        # page's, in paired runs).
        value = st.radio(label, list(names), key=key, format_func=name_of, help=help_text)
    elif param.widget == "segmented":
        value = st.segmented_control(label, list(names), key=key, format_func=name_of,
                                     required=True, help=help_text)
    elif param.widget == "pill":
        # Pills draw with the language switch's module, already loaded on every page; a select
        # box brings twenty modules of its own and a second render to a first visit (0.12-0.15 s
        # of the Overview's, measured in paired runs).
        value = st.pills(label, [option for option in names if option != param.default],
                         selection_mode="single", key=key, format_func=name_of, wrap=True,
                         help=help_text)
    elif param.widget == "pills":
        # Pills, not a multiselect: a multiselect tag draws white text on the dark theme's
        # light teal (2.5:1), a selected pill keeps AA contrast in both themes. wrap: inside a
        # column pills otherwise stay on one row and scroll, cutting the last one off a phone.
        value = st.pills(label, param.options, selection_mode="multi", key=key,
                         format_func=name_of, wrap=True, help=help_text)
    elif param.widget == "date":
        earliest, latest = param.options
        value = st.date_input(label, key=key, min_value=earliest, max_value=latest,
                              format=DATE_INPUT_FORMAT, help=help_text)
    elif param.widget == "number":
        earliest, latest = param.options
        value = st.number_input(label, min_value=earliest, max_value=latest, step=1, key=key,
                                help=help_text)
    elif param.widget == "toggle":
        value = st.toggle(label, key=key, help=help_text)
    else:
        value = st.text_input(label, key=key, max_chars=80, help=help_text)
    return param.normalise(value)


# The widgets whose option labels Streamlit renders as markdown (its docstrings for st.radio,
# st.pills and st.segmented_control); a select box shows its options as plain text.
MARKDOWN_OPTIONS = frozenset({"radio", "segmented", "pill", "pills"})


def option_text(param: Param, names: Mapping[Any, str]) -> Callable[[Any], str]:
    """The ``format_func`` of every control: what the reader sees for an option. Option names
    come from the data (an initiative's, a country's name), so where the widget renders markdown
    they are escaped: planted text shows as text, never as a link or an image."""
    escape = md_escape if param.widget in MARKDOWN_OPTIONS else str

    def name_of(value: Any) -> str:
        return escape(names.get(value, str(value)))

    return name_of


def current(params: Sequence[Param]) -> dict[str, Any]:
    """The values the controls hold now (after the reader changed them), normalised."""
    return {param.key: param.normalise(st.session_state.get(param.key, param.default))
            for param in params}


def write(params: Sequence[Param], values: Mapping[str, Any], keep: Iterable[str] = ("lang",)
          ) -> None:
    """Make the browser URL describe ``values``: non-defaults only, plus the keys in ``keep``."""
    wanted = {key: st.query_params[key] for key in keep if key in st.query_params}
    wanted.update(to_query(params, values))
    st.session_state[WRITTEN_KEY] = wanted
    # Only when it differs: each write becomes a history entry, and one sent while the browser is
    # still switching page lands under the old page's path (Back then opened it with defaults).
    if dict(st.query_params.to_dict()) != wanted:
        st.query_params.from_dict(wanted)
