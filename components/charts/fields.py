"""A chart's data as data desks take it further: machine rows, what each column means, the CSV.

Beside the reader's table (headers and values in the reader's words), every chart's ``make``
returns ``rows``: the same rows with stable column names, the same in both languages, ISO 8601
dates beside a precision column, numbers as numbers with the unit in the column's name, and codes
as the data package spells them (``member``, ``unconfirmed``). Every column a chart may use is in
``FIELDS``: its Frictionless type, unit and, for codes, where their words are. Its header and
meaning are in the locales (``[field.<name>]`` in ``data.toml``), so the CSV's
``datapackage.json``, its README and the "About this data" panel describe a column in the same
words, in the chart's language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from components.text.i18n import Lang, format_date, t
from components.text.safe_text import spreadsheet_safe

LIST_SEPARATOR = "~"  # as in the data package: source_ids join the ids of sources.csv with it
BOM = "\ufeff"  # Excel on Windows reads a CSV as UTF-8 only when it starts with one


@dataclass(frozen=True)
class FieldKind:
    """What a column holds, in every language."""

    type: str = "string"  # a Frictionless field type: string, integer, number, date
    unit: str = ""  # the unit of a number; the column's name ends in it (member_count: countries)
    codes: str = ""  # for codes: the locale key of a code's word, "{}" standing for the code
    precision: str = ""  # for a date: the column saying how much of it the sources give


# Every column a chart's rows may have. A chart's rows use these names and no others: a test
# holds every chart to it, and to a header and meaning in both languages.
FIELDS: Mapping[str, FieldKind] = {
    # who and where
    "iso3": FieldKind(),
    "country": FieldKind(),
    "bloc_id": FieldKind(),
    "bloc": FieldKind(),
    "role": FieldKind(codes="map.role.{}"),
    "start_date": FieldKind("date", precision="start_precision"),
    "start_precision": FieldKind(codes="field_codes.precision.{}"),
    "as_of": FieldKind("date"),
    "member_count": FieldKind("integer", unit="countries"),
    # events
    "event_id": FieldKind(),
    "date": FieldKind("date", precision="date_precision"),
    "date_precision": FieldKind(codes="field_codes.precision.{}"),
    "end_date": FieldKind("date"),
    "track": FieldKind(codes="timeline.track.{}"),
    "event": FieldKind(),
    "description": FieldKind(),
    # claims
    "claim_id": FieldKind(),
    "claim_label": FieldKind(),
    "claim_type": FieldKind(codes="field_codes.claim_type.{}"),
    "confirmed_part": FieldKind(),
    "claimant": FieldKind(),
    "claimant_role": FieldKind(),
    "claimant_side": FieldKind(codes="sources.side.{}"),
    "said_on": FieldKind("date"),
    "claim": FieldKind(),
    "evidence": FieldKind(),
    # cooperation
    "initiative_id": FieldKind(),
    "initiative": FieldKind(),
    "outcome": FieldKind(codes="cooperation.since.outcome.{}"),
    "checked_to": FieldKind("date"),
    "kind": FieldKind(codes="cooperation.kind.{}"),
    "status": FieldKind(codes="cooperation.status.{}"),
    "status_as_reported": FieldKind(),
    "sector_id": FieldKind(),
    "sector": FieldKind(),
    "basis": FieldKind(codes="cooperation.sectors.basis.{}"),
    "channel_id": FieldKind(codes="cooperation.channels.lane.{}"),
    "channel": FieldKind(),
    "step": FieldKind(codes="cooperation.channels.step.{}"),
    "attendance": FieldKind(codes="field_codes.attendance.{}"),
    "representative": FieldKind(),
    "position": FieldKind(),
    "level": FieldKind(codes="cooperation.delegations.level.{}"),
    # checking
    "verification": FieldKind(codes="verification.{}"),
    "caveat": FieldKind(),
    "sources": FieldKind(),
    "source_ids": FieldKind(),
}


@dataclass(frozen=True)
class Field:
    """One column of a chart's rows, described in one language."""

    name: str
    type: str
    title: str  # the readable header
    description: str
    unit: str = ""  # in words, in the same language
    codes: tuple[tuple[str, str], ...] = ()  # (code, its word) for the codes the rows hold

    @property
    def header(self) -> str:
        """The readable header with its unit: "Members (countries)"."""
        return f"{self.title} ({self.unit})" if self.unit else self.title


def fields(rows: pd.DataFrame, lang: Lang) -> tuple[Field, ...]:
    """The columns of ``rows`` described in ``lang``, with the words of the codes they hold."""
    described = []
    for name in rows.columns:
        kind = FIELDS[name]
        codes: tuple[tuple[str, str], ...] = ()
        if kind.codes:
            present = sorted({str(value) for value in rows[name] if isinstance(value, str) and value})
            codes = tuple((code, t(kind.codes.format(code), lang)) for code in present)
        unit = t(f"field_units.{kind.unit}", lang) if kind.unit else ""
        described.append(Field(name, kind.type, t(f"field.{name}.title", lang),
                               t(f"field.{name}.description", lang), unit, codes))
    return tuple(described)


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return spreadsheet_safe(LIST_SEPARATOR.join(map(str, value)))
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def csv_bytes(rows: pd.DataFrame) -> bytes:
    """``rows`` as CSV: UTF-8 with a byte-order mark, a header of machine names, ISO dates,
    numbers as numbers, empty cells for nothing, no text a spreadsheet would run as a formula
    (``safe_text.spreadsheet_safe``). The same bytes for the same rows, every time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180's line ends
    writer.writerow(rows.columns)
    for record in rows.itertuples(index=False, name=None):
        writer.writerow([_cell(value) for value in record])
    return (BOM + buffer.getvalue()).encode("utf-8")


def date_range(rows: pd.DataFrame) -> tuple[date, date] | None:
    """The earliest and latest date any date column of ``rows`` holds, or None."""
    days = [value.date() if isinstance(value, pd.Timestamp) else value
            for name in rows.columns if FIELDS[name].type == "date"
            for value in rows[name] if isinstance(value, date) and not pd.isna(value)]
    return (min(days), max(days)) if days else None


def date_range_text(rows: pd.DataFrame, lang: Lang) -> str:
    """"8 August 1967 to 26 October 2025", or "" for rows without dates."""
    span = date_range(rows)
    if span is None:
        return ""
    first, last = (format_date(day, lang) for day in span)
    return first if first == last else t("about.range", lang, first=first, last=last)


def schema(described: Sequence[Field]) -> dict:
    """The Frictionless table schema of rows with these fields."""
    schema_fields = []
    for field in described:
        entry: dict = {"name": field.name, "type": field.type, "title": field.header,
                       "description": field.description}
        if field.unit:
            entry["unit"] = field.unit
        if field.codes:
            entry["constraints"] = {"enum": [code for code, _ in field.codes]}
        schema_fields.append(entry)
    return {"fields": schema_fields, "missingValues": [""]}
