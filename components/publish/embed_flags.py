"""How an embed fits the article around it, as Datawrapper's render flags do: ``theme=light``,
``dark`` or ``auto`` (the reader's system setting), ``plain=1`` (the chart and its source line
only: the article gives the title), ``transparent=1`` (no background of its own).

The same three parameters work on a live embed (``?embed=true&chart=..``) and on a static chart
page (``make export``), which reads them in the browser (``static_flags_script``). A value the
embed cannot read falls back to the default, as any other parameter does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from components.charts import url_state
from components.charts.theme import DARK_COLOURS, GRID_COLOUR, TEXT_COLOUR
from components.text.i18n import t
from components.text.safe_text import js_literal

THEMES = ("light", "dark", "auto")
THEME = url_state.choice("theme", THEMES, "light", label_key="embed_flags.theme", widget="segmented",
                         option_names=lambda data, lang: {theme: t(f"embed_flags.theme_{theme}", lang)
                                                          for theme in THEMES})
PLAIN = url_state.flag("plain", label_key="embed_flags.plain")
TRANSPARENT = url_state.flag("transparent", label_key="embed_flags.transparent")
FLAGS = (THEME, PLAIN, TRANSPARENT)
# Streamlit's own embed option for each theme (docs: "Embed your app", embed_options).
STREAMLIT_THEMES = {"light": "light_theme", "dark": "dark_theme"}


@dataclass(frozen=True)
class EmbedFlags:
    theme: str = "light"
    plain: bool = False
    transparent: bool = False


def read_flags(query: Mapping[str, str | list[str]]) -> EmbedFlags:
    """The flags a link sets; each one it cannot read at its default."""
    values, _ = url_state.parse_query(FLAGS, query)
    return EmbedFlags(values["theme"], values["plain"], values["transparent"])


def flags_query(values: Mapping[str, Any]) -> dict[str, str]:
    """The flags not at their default, as query parameters for an embed's address."""
    return url_state.to_query(FLAGS, values)


def live_theme_script(theme: str) -> str:
    """For a live embed with ``theme=dark`` or ``auto``: a script, run before Streamlit's, that
    adds Streamlit's ``embed_options`` for the theme to the address Streamlit reads it from."""
    if theme not in ("dark", "auto"):
        return ""
    return ("<script>(function(){var u=new URL(window.location.href);"
            "if(u.searchParams.has('embed_options'))return;"
            f"var themes={js_literal(STREAMLIT_THEMES)};"
            f"var theme={js_literal(theme)};"
            "if(theme==='auto'){theme=window.matchMedia&&window.matchMedia("
            "'(prefers-color-scheme: dark)').matches?'dark':'light';}"
            "u.searchParams.append('embed_options',themes[theme]);"
            "history.replaceState(history.state,'',u.toString());})();</script>")


# What the dark theme's template gives every axis a builder leaves unstyled (a subplot's).
DARK_AXES = {"gridcolor": DARK_COLOURS[GRID_COLOUR], "linecolor": DARK_COLOURS[GRID_COLOUR],
             "zerolinecolor": DARK_COLOURS[GRID_COLOUR],
             "tickfont": {"color": DARK_COLOURS[TEXT_COLOUR]}}

STATIC_FLAGS_STYLE = """
html.flag-plain h1, html.flag-plain .subtitle, html.flag-plain .note, html.flag-plain .links {
  display: none; }
html.flag-transparent, html.flag-transparent body, html.flag-transparent main {
  background: transparent !important; }
html.flag-dark { color-scheme: dark; background: #0E1117; }
html.flag-dark body { background: #0E1117; color: #FAFAFA; }
html.flag-dark .subtitle, html.flag-dark .source, html.flag-dark .note, html.flag-dark .links {
  color: #A3A8B8; }
html.flag-dark a { color: #FAFAFA; }
html.flag-dark .chart picture { visibility: hidden; }
"""


def static_flags_script() -> str:
    """For a static chart page: reads the flags from its address, marks ``<html>`` with them
    (``STATIC_FLAGS_STYLE``) and gives ``window.ruDarken(figure)``, which swaps the figure's
    light neutrals for their dark counterparts as the app's dark theme does."""
    return ("<script>(function(){var q=new URLSearchParams(window.location.search);"
            "var c=document.documentElement.classList;var theme=q.get('theme');"
            "if(theme==='auto'){theme=window.matchMedia&&window.matchMedia("
            "'(prefers-color-scheme: dark)').matches?'dark':'light';}"
            "if(theme==='dark')c.add('flag-dark');"
            "if(q.get('plain')==='1')c.add('flag-plain');"
            "if(q.get('transparent')==='1')c.add('flag-transparent');"
            f"var dark={js_literal({key.upper(): value for key, value in DARK_COLOURS.items()})};"
            "function swap(v){if(typeof v==='string'){var d=dark[v.replace(/ /g,'').toUpperCase()];"
            "return d||v;}if(Array.isArray(v))return v.map(swap);"
            "if(v&&typeof v==='object')return walk(v);return v;}"
            "function walk(n){if(Array.isArray(n))return n.map(walk);"
            "if(!n||typeof n!=='object')return n;var o={};for(var k in n){"
            "o[k]=k.toLowerCase().indexOf('color')>=0?swap(n[k]):walk(n[k]);}return o;}"
            # The light template would give a subplot's axes white grids: its dark counterpart.
            f"var axes={js_literal(DARK_AXES)};"
            "window.ruDarken=function(f){if(!c.contains('flag-dark'))return f;var g=walk(f);"
            "g.layout=g.layout||{};g.layout.template={layout:{xaxis:axes,yaxis:axes}};return g;};"
            "})();</script>")
