"""The data downloads: one ZIP per chart and language, and the whole data package as one ZIP.

A chart's ZIP holds one folder, ``<chart>-<lang>/``, with the chart's rows (``<chart>.csv``), the
sources they cite (``sources.csv``), a Frictionless ``datapackage.json`` describing both, and a
``README.md`` in that language (see ``components.publish.about``). The frame's Download menu and
``make export`` both call ``chart_zip``: the same view, language, address and day give the same
bytes, since every entry carries a fixed timestamp and nothing else varies.

The whole package is ``data/`` as the repository holds it: ``datapackage.json``, every CSV it
lists and ``data/README.md`` (``data.dictionary.package_readme``, rewritten by ``make validate``).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from components.charts.fields import csv_bytes, schema
from components.data.dictionary import README_NAME, resource_text
from components.data.package import DESCRIPTOR_NAME, PRIMARY_ROLE, PUBLISHER_COLUMNS, DataPackage
from components.publish.about import SOURCE_COLUMNS, About, readme
from components.text.i18n import Lang, t

# Zip entries dated the first day a zip can hold: the bytes then depend on the content alone.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, bytes)`` entries, in the order given, the same bytes for the same input."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain readable file once unpacked
            archive.writestr(info, content, compresslevel=9)
    return buffer.getvalue()


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sources_csv(found: About) -> bytes:
    """The cited sources as CSV, dates as ISO, with a byte-order mark like the rows."""
    sources = found.sources.assign(published=[
        value.date() if isinstance(value, pd.Timestamp) else value
        for value in found.sources["published"]])
    return csv_bytes(sources)


def _sources_schema(data: DataPackage, lang: Lang) -> dict:
    # A source's own columns, then what it takes from its publisher (package.with_publishers).
    own = {f["name"]: f for f in data.resource("sources")["schema"]["fields"]}
    publisher = {PUBLISHER_COLUMNS.get(f["name"], f["name"]): f
                 for f in data.resource("publishers")["schema"]["fields"]}
    schema_fields = []
    for name in SOURCE_COLUMNS:
        field = own.get(name) or publisher[name]
        entry = {"name": name, "type": field.get("type", "string"),
                 "description": resource_text(field, "description", lang)}
        # Many sources share a publisher: its own unique name is not unique among them.
        constraints = {key: value for key, value in field.get("constraints", {}).items()
                       if name in own or key != "unique"}
        if name == "kind":  # the article under check keeps its role as its kind
            constraints["enum"] = [*constraints["enum"], PRIMARY_ROLE]
        if constraints:
            entry["constraints"] = constraints
        schema_fields.append(entry)
    return {"fields": schema_fields, "missingValues": [""], "primaryKey": ["source_id"]}


def chart_descriptor(found: About, data: DataPackage) -> dict:
    """The Frictionless descriptor of a chart's ZIP: its rows and the sources they cite."""
    chart_id, lang = found.chart_id, found.lang
    descriptor: dict = {
        "profile": "tabular-data-package",
        "name": f"russia-asean-2023-{chart_id}-{lang}",
        "title": found.title,
        "description": " ".join(part for part in (found.subtitle, found.method) if part),
        "version": str(data.descriptor.get("version", "")),
        "created": data.descriptor.get("created", ""),
        "languages": [lang],
    }
    if found.url:
        descriptor["homepage"] = found.url
    descriptor["licenses"] = [dict(found.licence)]
    descriptor["sources"] = [{"title": f"{row['publisher']}: {row['title']}", "path": row["url"]}
                             for _, row in found.sources.iterrows()]
    descriptor["checked_to"] = found.checked.isoformat()
    descriptor["citation"] = {"short": found.citation.short, "full": found.citation.full}
    descriptor["resources"] = [
        {"name": chart_id, "path": f"{chart_id}.csv", "profile": "tabular-data-resource",
         "title": found.title, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
         "schema": schema(found.fields)},
        {"name": "sources", "path": "sources.csv", "profile": "tabular-data-resource",
         "title": t("about.sources", lang), "format": "csv", "mediatype": "text/csv",
         "encoding": "utf-8", "schema": _sources_schema(data, lang)},
    ]
    return descriptor


def chart_zip(found: About, rows: pd.DataFrame, data: DataPackage) -> bytes:
    """A chart's ZIP: rows, cited sources, datapackage.json and README in one folder."""
    folder = f"{found.chart_id}-{found.lang}"
    csv_name = f"{found.chart_id}.csv"
    return zip_bytes([
        (f"{folder}/{README_NAME}", readme(found, csv_name).encode("utf-8")),
        (f"{folder}/{DESCRIPTOR_NAME}", _json(chart_descriptor(found, data))),
        (f"{folder}/{csv_name}", csv_bytes(rows)),
        (f"{folder}/sources.csv", sources_csv(found)),
    ])


# --- the whole package ----------------------------------------------------------------------------

def package_zip(root: Path, data: DataPackage) -> bytes:
    """The whole data package as the repository's ``data/`` holds it, in one folder."""
    folder = str(data.descriptor.get("name", "data"))
    names = [DESCRIPTOR_NAME, README_NAME] + [r["path"] for r in data.descriptor["resources"]]
    return zip_bytes((f"{folder}/{name}", (root / name).read_bytes()) for name in names)
