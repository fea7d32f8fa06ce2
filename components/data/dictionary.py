"""The data dictionary and downloads of the Sources & data page, generated from datapackage.json."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from components.data.citations import AUTHORITY, TOOL_KIND
from components.data.conflicts import caveat, disagreement
from components.data.coverage import data_checked_to
from components.data.package import DataPackage
from components.data.verdicts import claim_group
from components.text.i18n import LANGS, Lang, format_date, localized, t, t_count
from components.text.safe_text import md_escape, md_link

README_NAME = "README.md"  # the package's description, in data/ and in every download


def resource_text(resource: Mapping, key: Literal["title", "description"], lang: Lang) -> str:
    """A descriptor's title or description in ``lang``: ``<key>_id`` for Indonesian, ``<key>`` for
    English; falls back to the English text when the Indonesian is missing or empty.

    Works for the package, a resource or a schema field (all carry the same pair of keys).
    """
    if lang == "id":
        text = resource.get(f"{key}_id")
        if isinstance(text, str) and text.strip():
            return text
    text = resource.get(key)
    return text if isinstance(text, str) else ""


def dictionary_table(resource: Mapping, lang: Lang) -> pd.DataFrame:
    """One row per column of a table: name, type, required, allowed values, description (in
    ``lang``)."""
    rows = []
    for field in resource["schema"]["fields"]:
        constraints = field.get("constraints", {})
        rows.append({
            t("sources.dict_column", lang): field["name"],
            t("sources.dict_type", lang): field.get("type", "string"),
            t("sources.dict_required", lang): t("sources.yes" if constraints.get("required")
                                                else "sources.no", lang),
            t("sources.dict_allowed", lang): ", ".join(map(str, constraints.get("enum", []))),
            t("sources.dict_description", lang): resource_text(field, "description", lang),
        })
    return pd.DataFrame(rows)


def unconfirmed_items(data: DataPackage, lang: Lang) -> pd.DataFrame:
    """Everything shown with less than full confirmation: claims, events, summits, delegations,
    each with why, in ``lang`` (columns kind, item, status, why).

    A table left out because it is broken is skipped (the page already names it): the rest of
    the list still tells the reader what is unconfirmed.
    """
    loaded = set(data)
    rows = []
    if "statements" in loaded:
        for _, row in data["statements"].iterrows():
            if row["verification"] != "confirmed":
                # The claim's label, whole: a cut sentence ("an important ele") reads as an error.
                kind = claim_group(row["claim_type"], row["verification"])
                rows.append((t("sources.kind_statement", lang),
                             f"{row['claim_ref']}: {localized(row, 'label', lang)}",
                             t(f"evidence.{kind}", lang), localized(row, "evidence", lang)))
    for table, label_column, kind in (("events", "title", "sources.kind_event"),
                                      ("summits", "name", "sources.kind_summit")):
        if table not in loaded:
            continue
        for _, row in data[table].iterrows():
            if row["verification"] != "verified":
                rows.append((t(kind, lang), localized(row, label_column, lang),
                             t(f"verification.{row['verification']}", lang),
                             caveat(row, data, lang)))
    if {"delegations", "countries"} <= loaded:
        delegations = data["delegations"].merge(
            data["countries"][["iso3", "name_id", "name_en"]], on="iso3")
        for _, row in delegations.iterrows():
            if row["verification"] != "verified" or row["level"] == "unknown":
                rows.append((t("sources.kind_delegation", lang), localized(row, "name", lang),
                             t(f"verification.{row['verification']}", lang),
                             caveat(row, data, lang)))
    return pd.DataFrame(rows, columns=["kind", "item", "status", "why"])


def unconfirmed_lines(data: DataPackage, lang: Lang) -> list[str]:
    """The unconfirmed items as markdown list items, every column in reach on a phone."""
    return [f"- **{md_escape(row['kind'])}** · {md_escape(row['item'])}: *{md_escape(row['status'])}*."
            f" {md_escape(row['why'])}" for _, row in unconfirmed_items(data, lang).iterrows()]


def source_details(row: Mapping, lang: Lang, state_names: Mapping[str, str] | None = None
                   ) -> list[str]:
    """What a source line says after its title, as plain text: published date, language, the
    state its publisher is run by or affiliated with (by name where ``state_names`` has it), and
    the side whose voice it carries; the parts a source lacks are left out."""
    affiliation = row.get("state_affiliation", "")
    state = row.get("affiliated_state", "")
    details = [format_date(row["published"], lang) if not pd.isna(row["published"]) else "",
               t(f"sources.language.{row['language']}", lang),
               t(f"sources.affiliation.{affiliation}", lang,
                 state=(state_names or {}).get(state, state))
               if affiliation in ("state-run", "state-affiliated") and state else "",
               t(f"sources.side.{row['side']}", lang) if row["side"] else ""]
    return [detail for detail in details if detail]


def state_names(data: DataPackage, lang: Lang) -> dict[str, str]:
    """Each country's name in ``lang`` by its ISO code, for the states behind publishers."""
    if "countries" not in data:
        return {}
    countries = data["countries"]
    return dict(zip(countries["iso3"], countries[f"name_{lang}"], strict=True))


def source_lines(sources: pd.DataFrame, lang: Lang, states: Mapping[str, str] | None = None
                 ) -> dict[str, list[str]]:
    """Every source as a markdown list item, grouped by who stands behind it, authority first
    (then the tools): publisher, linked title, date, language, its state (``state_names``) and
    the side whose voice it carries."""
    # One pass over plain records: a boolean selection per kind on the Arrow-backed table cost
    # a fifth of the server's time under load, once for every frame's "About this data".
    groups: dict[str, list[str]] = {kind: [] for kind in (*AUTHORITY, TOOL_KIND)}
    for row in sources.to_dict("records"):
        if row["kind"] not in groups:
            continue
        groups[row["kind"]].append(
            f"- **{md_escape(row['publisher'])}**: {md_link(row['title'], row['url'])}"
            + "".join(f" · {md_escape(d)}" for d in source_details(row, lang, states)))
    return {kind: lines for kind, lines in groups.items() if lines}


def conflict_lines(data: DataPackage, lang: Lang) -> list[str]:
    """Every disagreement between sources: what, both values with their sources, and why."""
    if "conflicts" not in data:
        return []
    return [f"- **{md_escape(localized(row, 'subject', lang))}**. "
            f"{md_escape(disagreement(data, row['conflict_id'], lang))}"
            for _, row in data["conflicts"].iterrows()]


def checked_lines(data: DataPackage, lang: Lang) -> list[str]:
    """Each bloc's last checked day, with the source that describes its membership that day."""
    if "blocs" not in data:
        return []
    return [f"- **{md_escape(localized(row, 'abbr', lang))}**: "
            f"{md_escape(format_date(row['checked_to'], lang))}"
            for _, row in data["blocs"].iterrows()]


def dictionary_lines(resource: Mapping, lang: Lang) -> list[str]:
    """The columns of a table as list items (``dictionary_table`` as a phone reads it): name,
    type, whether required, meaning, allowed values."""
    columns = [t(f"sources.dict_{c}", lang) for c in ("column", "type", "required", "allowed",
                                                      "description")]
    lines = []
    for _, row in dictionary_table(resource, lang).iterrows():
        name, kind, required, allowed, text = (row[c] for c in columns)
        facts = ", ".join([kind] + ([t("sources.dict_required_word", lang)]
                                    if required == t("sources.yes", lang) else []))
        lines.append(f"- `{name}` ({facts}): {md_escape(text)}"
                     + (f" *{t('sources.dict_allowed', lang)}:* {md_escape(allowed)}" if allowed
                        else ""))
    return lines


def sources_finding(data: DataPackage, lang: Lang) -> str:
    """The Sources page's h1: how many sources, from how many publishers, and where they differ."""
    counts = {name: len(data[name]) if name in data else 0
              for name in ("sources", "publishers", "conflicts")}
    return t("sources.finding", lang, sources=counts["sources"],
             publishers=counts["publishers"],
             conflicts=t_count("sources.finding_conflicts", lang, counts["conflicts"]))


@dataclass(frozen=True)
class SourcesPageText:
    """The Sources & data page's h1 and lists, the lists as markdown list items."""

    finding: str
    sources: dict[str, list[str]]  # by kind, authority first
    conflicts: list[str]
    unconfirmed: list[str]
    checked: list[str]
    dictionaries: dict[str, list[str]]  # by table name


def sources_page_text(data: DataPackage, lang: Lang) -> SourcesPageText:
    return SourcesPageText(
        finding=sources_finding(data, lang),
        sources=(source_lines(data["sources"], lang, state_names(data, lang))
                 if "sources" in data else {}),
        conflicts=conflict_lines(data, lang),
        unconfirmed=unconfirmed_lines(data, lang),
        checked=checked_lines(data, lang),
        dictionaries={name: dictionary_lines(data.resource(name), lang) for name in data})


def package_readme(data: DataPackage) -> str:
    """``data/README.md``: the package in both languages, Indonesian (the default) first."""
    descriptor = data.descriptor
    parts = []
    for lang in LANGS:
        licence = descriptor["licenses"][0]
        lines = [f"# {resource_text(descriptor, 'title', lang)}", "",
                 resource_text(descriptor, "description", lang), "",
                 t("readme.package_intro", lang, date=format_date(data_checked_to(data), lang)),
                 "", f"## {t('readme.package_tables', lang)}", ""]
        for resource in descriptor["resources"]:
            rows = len(data[resource["name"]]) if resource["name"] in data else 0
            lines += [f"### `{resource['path']}`", "",
                      f"{resource_text(resource, 'description', lang)} "
                      f"({t_count('readme.rows', lang, rows)})", ""]
            lines += [f"- `{field['name']}` ({field.get('type', 'string')}): "
                      f"{resource_text(field, 'description', lang)}"
                      for field in resource["schema"]["fields"]]
            lines.append("")
        lines += [f"## {t('readme.licence', lang)}", "",
                  t("readme.licence_text", lang, licence=licence.get("title") or licence["name"],
                    url=licence.get("path", "")), ""]
        parts.append("\n".join(lines))
    return "\n".join(parts)
