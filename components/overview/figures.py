"""The claim tracker: every claim of the article as one row, in words, grouped by what
independent evidence shows (a dot table, ``components.charts.dot_table``).

The dot before each claim says whose claim it is by colour and shape (Russia's accent and a
circle for the Russian side, ink and a square for the article, grey and a diamond for the host),
and its fill says the evidence (filled: confirmed; hollow with a dot: confirmed in part; hollow:
no independent evidence or a position; crossed: contradicted), so neither colour nor hover is
the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from components.charts.dot_table import DotStyle, dot_table_figure
from components.charts.theme import INK, MUTED_TEXT, RUSSIA_COLOUR

SIDE_LOOKS = {  # colour, shape: whose claim it is, told by both
    "russia": (RUSSIA_COLOUR, "circle", "RUS"),
    "article": (INK, "square", None),
    "indonesia-host": (MUTED_TEXT, "diamond", None),  # a bloc's colour would say "the bloc"
    "asean": (MUTED_TEXT, "diamond", None),
}
FILLS = {"confirmed": "", "confirmed_in_part": "-open-dot", "no_independent_evidence": "-open",
         "contradicted": "-x", "position": "-open"}


def claim_tracker_figure(claims: pd.DataFrame, *, groups: Sequence[str],
                         group_labels: Mapping[str, str], side_names: Mapping[str, str],
                         selected: str = "") -> go.Figure:
    """``claims``: claim_ref, label, speaker (escaped for plotly), group, claimant_side, hover;
    one row per claim in article order. ``group_labels`` head the groups (with their counts),
    ``side_names`` name the sides in the legend. ``selected`` (a claim_ref) is in bold."""
    rows = claims.rename(columns={"claim_ref": "key", "speaker": "detail",
                                  "claimant_side": "style"})
    styles = {side: DotStyle(colour, shape, side_names[side], series)
              for side, (colour, shape, series) in SIDE_LOOKS.items()}
    return dot_table_figure(rows, groups=groups, group_labels=group_labels, styles=styles,
                            fills=FILLS, selected=selected)
