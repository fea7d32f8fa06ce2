"""What a chart's data is, where it comes from and how to cite it, in the chart's language.

One ``About`` per view of a chart feeds three places with the same words: the frame's "About this
data" panel, the README of the chart's ZIP and its ``datapackage.json``. It holds how the rows were
made (the chart's ``method``), the dates the rows span, the day the data was checked to, the
chart's notes, the cited sources by who stands behind them (authority first, the tools last), and
the citation in a short form, a full form and BibTeX.

A citation names the chart's permanent URL (the dashboard's page at this view) and the day the
reader took it ("accessed"): the app passes today's date, ``make export`` the day it runs (or
``SOURCE_DATE_EPOCH``), so the same view on the same day gives the same bytes in both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import quote

import pandas as pd

from components.charts.fields import Field, date_range_text, fields
from components.charts.spec import Chart, ChartSpec
from components.data.checks import split_list
from components.data.citations import AUTHORITY, TOOL_KIND, cited_sources, evidence_by_authority
from components.data.coverage import data_checked_to
from components.data.dictionary import source_details, source_lines, state_names
from components.data.package import DataPackage
from components.text.i18n import Lang, format_date, t
from components.text.safe_text import safe_url

SOURCE_COLUMNS = ("source_id", "publisher", "title", "url", "published", "language", "kind", "side",
                  "country", "state_affiliation", "affiliated_state")


@dataclass(frozen=True)
class Citation:
    short: str  # in-line: "Russia at the 2023 ASEAN Summit dashboard (2026)"
    full: str  # with the title, version, checked date, permanent URL and access date
    bibtex: str


@dataclass(frozen=True)
class About:
    """Everything the panel and the README say about one view of a chart, in one language."""

    chart_id: str
    lang: Lang
    title: str
    subtitle: str
    method: str
    dates: str  # "8 August 1967 to 26 October 2025"; "" for rows without dates
    checked: date
    notes: tuple[str, ...]
    fields: tuple[Field, ...]
    sources: pd.DataFrame  # the cited sources' rows (SOURCE_COLUMNS), authority first
    url: str  # the chart's permanent URL ("" when the export has no address to give)
    accessed: date
    citation: Citation
    licence: Mapping[str, str]
    states: Mapping[str, str] = field(default_factory=dict)  # ISO code -> name, for publishers

    @cached_property
    def source_markdown(self) -> dict[str, list[str]]:
        """The cited sources as the panel's markdown list items, by kind: made once per view,
        since the frame's caches share one About among every reader of that view."""
        return source_lines(self.sources, self.lang, self.states)

    @property
    def source_groups(self) -> list[tuple[str, pd.DataFrame]]:
        """The cited sources by kind, authority first, then the tools."""
        return [(kind, own) for kind in (*AUTHORITY, TOOL_KIND)
                if not (own := self.sources[self.sources["kind"] == kind]).empty]


def cited_ids(chart: Chart) -> list[str]:
    """Every source id the chart, its credits and its rows cite, once each, in citing order."""
    ids = [*chart.source_ids, *(i for _, credit in chart.credits for i in credit),
           *chart.tool_ids]
    if "source_ids" in chart.rows:
        ids += list(chart.rows["source_ids"])
    return list(dict.fromkeys(part for value in ids for part in split_list(value)))


def _bibtex_text(text: str) -> str:
    """``text`` safe inside BibTeX braces."""
    return re.sub(r"([&%$#_{}~^\\])", r"\\\1", text)


def _year(data: DataPackage) -> int:
    created = str(data.descriptor.get("created", ""))
    return int(created[:4]) if created[:4].isdigit() else data_checked_to(data).year


def citation(chart_id: str, title: str, data: DataPackage, lang: Lang, url: str,
             accessed: date) -> Citation:
    author = t("citation.author", lang)
    year = _year(data)
    version = str(data.descriptor.get("version", ""))
    licence = data.descriptor["licenses"][0]
    licence_name = licence.get("title") or licence["name"]
    checked = data_checked_to(data)
    full = t("citation.full", lang, author=author, year=year, title=title, version=version,
             checked=format_date(checked, lang), url=url or "–",
             accessed=format_date(accessed, lang), licence=licence_name)
    if not url:  # no address to give: leave the placeholder out rather than print one
        full = full.replace(" –.", "")
    key = f"ru_asean_2023_{chart_id.replace('-', '_')}_{lang}"
    entries = [("author", f"{{{_bibtex_text(author)}}}"), ("title", f"{{{_bibtex_text(title)}}}"),
               ("year", str(year)), ("version", version)]
    if url:
        entries.append(("url", url))
    entries += [("urldate", accessed.isoformat()),
                ("note", _bibtex_text(t("citation.note", lang, checked=checked.isoformat(),
                                        licence=licence_name))),
                ("language", t("citation.bibtex_language", lang))]
    bibtex = f"@misc{{{key},\n" + "".join(f"  {name} = {{{value}}},\n"
                                          for name, value in entries) + "}\n"
    return Citation(t("citation.short", lang, author=author, year=year), full, bibtex)


def about(spec: ChartSpec, chart: Chart, data: DataPackage, lang: Lang, *, url: str,
          accessed: date) -> About:
    """What the panel and the README say about this built chart."""
    sources, ids = data["sources"], cited_ids(chart)
    tools = cited_sources(sources, ids).query("kind == @TOOL_KIND")
    cited = pd.concat([evidence_by_authority(sources, ids), tools], ignore_index=True)
    return About(
        chart_id=spec.chart_id, lang=lang, title=chart.title, subtitle=chart.subtitle,
        method=chart.method, dates=date_range_text(chart.rows, lang) if len(chart.rows) else "",
        checked=data_checked_to(data), notes=chart.notes, fields=fields(chart.rows, lang),
        sources=cited[list(SOURCE_COLUMNS)], url=url, accessed=accessed,
        citation=citation(spec.chart_id, chart.title, data, lang, url, accessed),
        licence=data.descriptor["licenses"][0], states=state_names(data, lang))


# --- the README ------------------------------------------------------------------------------------

_LINK_CLOSE = re.compile(r"\](?=[(\[:])")  # "](" "][" "]:": where a link or image goes on


def _plain(text: object) -> str:
    """Data text inside the README's markdown: one line, no table breaks, no HTML, no link or
    image of its own (a "]" that would start a link's address or reference is escaped; the
    README defines no references), otherwise as it is, so it still reads as plain text."""
    text = (str(text).replace("\r", " ").replace("\n", " ").replace("\\", "\\\\")
            .replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;"))
    return _LINK_CLOSE.sub(r"\\]", text)


# Characters left as they are in a link's address: RFC 3986's, less the brackets; everything
# else (spaces, quotes, <, >, backslashes, parentheses) is percent-encoded, so the address
# cannot end the link early and start markup of its own.
_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def _href(url: object) -> str | None:
    """An address the README may link: a plain http(s) URL (``safe_text.safe_url``), encoded."""
    target = safe_url(url)
    return quote(target, safe=_URL_SAFE) if target else None


def _link(label: str, url: str) -> str:
    target = _href(url)
    return f"[{_plain(label)}]({target})" if target else _plain(label)


def source_items(found: About) -> list[tuple[str, list[str]]]:
    """The sources as README list items, by kind: publisher, linked title, date, language, side."""
    lang = found.lang
    groups = []
    for kind, own in found.source_groups:
        items = []
        for _, row in own.iterrows():
            details = [*map(_plain, source_details(row, lang, found.states)),
                       f"`{row['source_id']}`"]
            items.append(f"- **{_plain(row['publisher'])}**: {_link(row['title'], row['url'])}"
                         + "".join(f" · {d}" for d in details))
        groups.append((t(f"sources.source_kind.{kind}", lang), items))
    return groups


def readme(found: About, csv_name: str) -> str:
    """The README.md of a chart's ZIP, in the chart's language."""
    lang = found.lang
    lines = [f"# {_plain(found.title)}", "", _plain(found.subtitle), ""]
    if found.url:
        lines += [f"{t('readme.view', lang)}: {_link(found.url, found.url)}", ""]
    lines += [f"## {t('about.what', lang)}", "", _plain(found.method), ""]
    if found.dates:
        lines.append(t("about.dates", lang, range=found.dates))
    lines += [t("about.checked", lang, date=format_date(found.checked, lang)), ""]
    lines += [f"## {t('readme.files', lang)}", "",
              f"- `{csv_name}`: {t('readme.file_rows', lang)}",
              f"- `sources.csv`: {t('readme.file_sources', lang)}",
              f"- `datapackage.json`: {t('readme.file_package', lang)}",
              f"- `README.md`: {t('readme.file_readme', lang)}", ""]
    lines += [f"## {t('readme.columns', lang)}", "",
              f"| {t('readme.column', lang)} | {t('readme.header', lang)} | "
              f"{t('readme.type', lang)} | {t('readme.meaning', lang)} |", "|---|---|---|---|"]
    lines += [f"| `{f.name}` | {_plain(f.header)} | {f.type} | {_plain(f.description)} |"
              for f in found.fields]
    coded = [f for f in found.fields if f.codes]
    if coded:
        lines += ["", f"### {t('readme.codes', lang)}", ""]
        lines += [f"- `{f.name}`: " + "; ".join(f"`{code}` {_plain(word)}" for code, word in f.codes)
                  for f in coded]
    lines += ["", f"## {t('about.sources', lang)}", ""]
    for label, items in source_items(found):
        lines += [f"### {_plain(label)}", "", *items, ""]
    lines += [f"## {t('about.notes', lang)}", ""]
    lines += [f"- {_plain(note)}" for note in found.notes] or [t("readme.notes_none", lang)]
    licence = found.licence
    lines += ["", f"## {t('readme.licence', lang)}", "",
              t("readme.licence_text", lang, licence=licence.get("title") or licence["name"],
                url=licence.get("path", "")), ""]
    lines += [f"## {t('readme.cite', lang)}", "",
              f"**{t('about.short', lang)}:** {_plain(found.citation.short)}", "",
              f"**{t('about.full', lang)}:** {_plain(found.citation.full)}", "",
              f"**{t('readme.bibtex', lang)}:**", "", "```bibtex", found.citation.bibtex.rstrip(),
              "```", ""]
    return "\n".join(lines)

