"""The "Source:" line and source lists, always built from the cited source ids, never typed.

Sources are named by who stands behind them, authority first: intergovernmental bodies (a
secretariat, a chairman's statement, a treaty), then governments, news agencies and newspapers
(the primary article among them), then research and reference works. Software and data used as
tools (map shapes, coordinate files) are credits, not evidence: a chart names them apart, after
its sources ("Map: Natural Earth").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from components.data.checks import split_list
from components.text.i18n import Lang, t
from components.text.safe_text import md_escape, md_link

# Who stands behind a source, most authoritative first (sources.kind).
AUTHORITY = ("intergovernmental", "government", "news-agency", "newspaper", "primary-article",
             "research", "reference")
TOOL_KIND = "software"
# Agencies, papers and the article are one rank: the reader's order among them is the citing order.
_RANK = {kind: rank for rank, kind in enumerate(AUTHORITY)}
_RANK.update({"newspaper": _RANK["news-agency"], "primary-article": _RANK["news-agency"]})

Credits = Sequence[tuple[str, Sequence[str]]]  # (what the tool gave, e.g. "Map"; its source ids)
# The same credits resolved: ("Map", {publisher: url} of its tools), as credited_tools gives them.
CreditedTools = Sequence[tuple[str, Mapping[str, str]]]
CREDIT_LIMIT = 2  # tools named on a source line; the Sources page lists them all


def _wanted_ids(source_ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(source_id for item in source_ids for source_id in split_list(item)))


def _by_authority(sources: pd.DataFrame, source_ids: Iterable[str]) -> list[int]:
    """Row positions of the cited evidence (tools left out), authority first, then citing order."""
    position = {source_id: number for number, source_id in enumerate(sources["source_id"].tolist())}
    kinds = sources["kind"].tolist()
    cited = [position[s] for s in _wanted_ids(source_ids) if s in position]
    evidence = [row for row in cited if kinds[row] != TOOL_KIND]
    return sorted(evidence, key=lambda row: _RANK.get(kinds[row], len(AUTHORITY)))


def cited_sources(sources: pd.DataFrame, source_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of ``sources`` for ``source_ids`` (``~`` lists allowed), in the order cited."""
    position = {source_id: number for number, source_id in enumerate(sources["source_id"].tolist())}
    return sources.iloc[[position[s] for s in _wanted_ids(source_ids)
                         if s in position]].reset_index(drop=True)


def evidence_by_authority(sources: pd.DataFrame, source_ids: Iterable[str]) -> pd.DataFrame:
    """The cited sources that are evidence (not tools), most authoritative first."""
    return sources.iloc[_by_authority(sources, source_ids)].reset_index(drop=True)


def cited_publishers(sources: pd.DataFrame, source_ids: Iterable[str]) -> dict[str, str]:
    """Each cited publisher, authority first, with the URL of its first cited source.

    Plain lists, not a selection of the table: every chart frame and statement card cites on
    every run, and selecting rows in pandas for each was a tenth of the server's time under load.
    """
    publishers_column, urls = sources["publisher"].tolist(), sources["url"].tolist()
    publishers: dict[str, str] = {}
    for row in _by_authority(sources, source_ids):
        publishers.setdefault(publishers_column[row], urls[row])
    return publishers


def credited_tools(sources: pd.DataFrame, credits: Credits) -> list[tuple[str, dict[str, str]]]:
    """Per credit ("Map"), the publishers of its tools with their URLs; credits with none left out."""
    return [(label, tools) for label, ids in credits
            if (tools := cited_publishers_of_tools(sources, ids))]


def cited_publishers_of_tools(sources: pd.DataFrame, source_ids: Iterable[str]) -> dict[str, str]:
    """The publishers of the cited tools (software and data used as tools), in citing order."""
    wanted = set(_wanted_ids(source_ids))
    return {publisher: url for source_id, publisher, url, kind in
            zip(sources["source_id"], sources["publisher"], sources["url"], sources["kind"],
                strict=True) if source_id in wanted and kind == TOOL_KIND}


def _joined(names: list[str], lang: Lang, limit: int) -> str:
    text = "; ".join(names[:limit])
    if len(names) > limit:
        text += " " + t("frame.and_more", lang, count=len(names) - limit)
    return text


def source_line(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang, limit: int = 4,
                credits: Credits = ()) -> str:
    """Markdown "Source: A; B; C and 4 more. Map: Natural Earth", each name linked to its page."""
    publishers = cited_publishers(sources, source_ids)
    text = f"{t('frame.source', lang)}: " + _joined(
        [md_link(publisher, url) for publisher, url in publishers.items()], lang, limit)
    for label, tools in credited_tools(sources, credits):
        text += f". {md_escape(label)}: " + _joined(
            [md_link(name, url) for name, url in tools.items()], lang, CREDIT_LIMIT)
    return text


def source_text(sources: pd.DataFrame, source_ids: Iterable[str], lang: Lang, limit: int = 4,
                credits: Credits = ()) -> str:
    """The source line as plain text, for images and files outside the app."""
    text = f"{t('frame.source', lang)}: " + _joined(list(cited_publishers(sources, source_ids)),
                                                     lang, limit)
    for label, tools in credited_tools(sources, credits):
        text += f". {label}: " + _joined(list(tools), lang, CREDIT_LIMIT)
    return text

