"""The data dictionary and downloads of the Sources & data page, generated from datapackage.json."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import pandas as pd

from components.data_package import DESCRIPTOR_NAME, DataPackage
from components.i18n import Lang, localized, t


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


def package_zip(root: Path, data: DataPackage) -> bytes:
    """The whole data package (descriptor and every CSV) as one zip file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(root / DESCRIPTOR_NAME, DESCRIPTOR_NAME)
        for name in data:
            path = data.resource(name)["path"]
            archive.write(root / path, path)
    return buffer.getvalue()


def unconfirmed_items(data: DataPackage, lang: Lang) -> pd.DataFrame:
    """Everything shown with less than full confirmation: claims, events, summits, delegations.

    A table left out because it is broken is skipped (the page already names it): the rest of
    the list still tells the reader what is unconfirmed.
    """
    loaded = set(data)
    rows = []
    if "statements" in loaded:
        for _, row in data["statements"].iterrows():
            if row["verification"] != "confirmed":
                rows.append((t("sources.kind_statement", lang), f"{row['claim_ref']}: "
                             f"{localized(row, 'text', lang)[:120]}",
                             t(f"verification.{row['verification']}", lang),
                             localized(row, "evidence", lang)))
    for table, label_column, kind in (("events", "title", "sources.kind_event"),
                                      ("summits", "name", "sources.kind_summit")):
        if table not in loaded:
            continue
        for _, row in data[table].iterrows():
            if row["verification"] != "verified":
                rows.append((t(kind, lang), localized(row, label_column, lang),
                             t(f"verification.{row['verification']}", lang), row["note"]))
    if {"delegations", "countries"} <= loaded:
        delegations = data["delegations"].merge(
            data["countries"][["iso3", "name_id", "name_en"]], on="iso3")
        for _, row in delegations.iterrows():
            if row["verification"] != "verified" or row["level"] == "unknown":
                rows.append((t("sources.kind_delegation", lang), localized(row, "name", lang),
                             t(f"verification.{row['verification']}", lang), row["note"]))
    columns = [t(f"sources.unconfirmed_{c}", lang) for c in ("kind", "item", "status", "why")]
    return pd.DataFrame(rows, columns=columns)
