"""Every check on the data package, each problem naming its file, row and column.

Checks run in three passes, each only where the one before found the file readable:
1. the files themselves: present, not empty, UTF-8, the header the schema describes;
2. the table schemas, through Frictionless: types, required values, allowed values, patterns,
   ranges, primary and foreign keys;
3. the rules a table schema cannot state: cited source ids exist, ``~`` lists name known rows,
   starts are not after ends, dates agree with their precision, a country holds one role in a
   bloc at a time, a claim is "confirmed" only by a source independent of the one who made it,
   a row not verified says why in both languages, a row pointing at a conflict shows the
   conflict's value, and every source obeys the source rubric (``check_source_rubric``).

Row numbers are line numbers in the CSV file as a spreadsheet shows them: the header is row 1,
the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from components.data.verdicts import CONFIRMING, POSITION

LIST_SEPARATOR = "~"
FIRST_DATA_ROW = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data package, worded for the editor who has to fix it."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        place = [self.file]
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column!r}")
        return f"{', '.join(place)}: {self.message}"


class DataPackageError(Exception):
    """The data package cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or ""))
        super().__init__("\n".join(str(p) for p in self.problems))


def read_descriptor(descriptor_path: Path) -> tuple[dict | None, list[Problem]]:
    """The parsed ``datapackage.json``, or the problem that stops it being read."""
    name = descriptor_path.name
    if not descriptor_path.is_file():
        return None, [Problem(name, None, None, "the file is missing")]
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        return None, [Problem(name, None, None, f"not UTF-8 text ({error.reason})")]
    except json.JSONDecodeError as error:
        return None, [Problem(name, error.lineno, None, f"not valid JSON: {error.msg}")]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return None, [Problem(name, None, None, "has no list of resources")]
    return descriptor, []


def check_files(descriptor: Mapping, root: Path) -> tuple[list[Problem], set[str]]:
    """Pass 1: each resource file exists, has content, is UTF-8 and has the schema's header.

    Returns the problems and the names of the resources that passed, which later passes read.
    """
    problems: list[Problem] = []
    readable: set[str] = set()
    for resource in descriptor["resources"]:
        path = root / resource["path"]
        expected = [field["name"] for field in resource["schema"]["fields"]]
        found = _file_problems(path, resource["path"], expected)
        problems += found
        if not found:
            readable.add(resource["name"])
    return problems, readable


def _file_problems(path: Path, file: str, expected: list[str]) -> list[Problem]:
    if not path.is_file():
        return [Problem(file, None, None, "the file is missing")]
    raw = path.read_bytes()
    if not raw.strip():
        return [Problem(file, None, None, "the file is empty")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        return [Problem(file, row, None, f"not UTF-8 text (byte {raw[error.start]:#04x}); "
                                         "save the file as UTF-8")]
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))), [])
    # A file cut off in a quoted cell (a failed upload) would stop the whole reading with a
    # parser's error: named here, with the line it starts on, the rest of the package still loads.
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as error:
        return [Problem(file, reader.line_num, None, f"a quoted cell is never closed ({error}): "
                                                     "the file may be cut off")]
    problems = [Problem(file, 1, name, "the column is missing") for name in expected
                if name not in header]
    problems += [Problem(file, 1, name, "the column is not in the schema") for name in header
                 if name not in expected]
    if not problems and header != expected:
        problems.append(Problem(file, 1, None, f"columns are out of order; expected {expected}"))
    return problems


def check_schema(descriptor_path: Path, descriptor: Mapping, readable: set[str]) -> list[Problem]:
    """Pass 2: Frictionless checks types, constraints and keys of the readable resources."""
    import frictionless  # imported here: it is slow to import and only needed when files change

    names = {resource["name"]: resource["path"] for resource in descriptor["resources"]}
    skip = sorted(set(names) - readable)
    if len(skip) == len(names):
        return []
    package = frictionless.Package(str(descriptor_path))
    for name in skip:
        package.remove_resource(name)
    # Foreign keys that point into a skipped resource cannot be checked; drop them.
    for resource in package.resources:
        resource.schema.foreign_keys = [
            key for key in resource.schema.foreign_keys
            if key["reference"]["resource"] in ("", *readable)
        ]
    report = package.validate()
    problems = []
    # Tasks come in the package's resource order; their own names are unreliable for a package
    # built in memory.
    for resource, task in zip(package.resources, report.tasks, strict=True):
        schema = resource.schema
        for error in task.errors:
            problems.append(Problem(names[resource.name], getattr(error, "row_number", None),
                                    _error_column(error, schema), _error_message(error)))
    problems += [Problem("datapackage.json", None, None, error.message) for error in report.errors]
    # A cut-off row is reported twice per cell (missing, and so breaking "required"): once is enough.
    return list(dict.fromkeys(problems))


def _error_column(error, schema) -> str | None:
    column = getattr(error, "field_name", None)
    if column:
        return column
    if error.type == "primary-key":
        return ", ".join(schema.primary_key)
    if error.type == "foreign-key":
        note = error.note or ""
        for key in schema.foreign_keys:
            if f'"{", ".join(key["fields"])}"' in note or any(f in note for f in key["fields"]):
                return ", ".join(key["fields"])
    return None


def _error_message(error) -> str:
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        expected = error.note.removeprefix("type is ").strip('"').split("/")[0]
        return f"{cell!r} is not a valid {expected}"
    if error.type == "constraint-error":
        return _constraint_message(cell, error.note or "")
    if error.type == "primary-key":
        return f"duplicate key ({error.note})"
    if error.type == "foreign-key":
        return f"unknown reference: {error.note}"
    if error.type == "missing-cell":
        return "the value is missing"
    if error.type == "extra-cell":
        return "the row has more values than the header has columns"
    if error.type == "blank-row":
        return "the row is blank"
    return error.note or error.message


# Frictionless words a broken constraint as 'constraint "<name>" is "<value>"'.
_CONSTRAINT_NOTE = re.compile(r'constraint "(?P<name>\w+)" is "?(?P<value>.*?)"?$')
_CONSTRAINT_MESSAGES = {
    "enum": "{cell!r} is not one of the allowed values {value}",
    "pattern": "{cell!r} does not have the expected form ({value})",
    "minimum": "{cell!r} is below the minimum {value}",
    "maximum": "{cell!r} is above the maximum {value}",
    "minLength": "{cell!r} is shorter than {value} characters",
    "maxLength": "{cell!r} is longer than {value} characters",
    "unique": "{cell!r} appears more than once in a column whose values must be unique",
}


def _constraint_message(cell: object, note: str) -> str:
    match = _CONSTRAINT_NOTE.match(note)
    if not match:
        return f"{cell!r} breaks the rule: {note}"
    if match["name"] == "required":  # the same words as a missing cell: they are the same fault
        return "the value is missing"
    template = _CONSTRAINT_MESSAGES.get(match["name"], "{cell!r} breaks the rule {name} = {value}")
    return template.format(cell=cell, name=match["name"], value=match["value"])


# --- pass 3: rules a table schema cannot state -----------------------------------------------------

def split_list(value: object) -> list[str]:
    """The ids of a ``~``-joined cell; an empty cell gives an empty list."""
    if not isinstance(value, str) or not value.strip():
        return []
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def check_rules(tables: Mapping[str, pd.DataFrame], paths: Mapping[str, str]) -> list[Problem]:
    """Pass 3 over typed tables (only those that passed the earlier passes)."""
    problems: list[Problem] = []
    ids = _known_ids(tables)
    for name, table in tables.items():
        file = paths[name]
        for column in ("source_ids", "shown_source_ids", "other_source_ids"):
            if column in table:
                problems += _unknown_ids(file, table, column, ids.get("sources"), "source",
                                         required=name not in SOURCES_OPTIONAL)
        for column, target in (("statement_ids", "statements"), ("countries", "countries")):
            if column in table:
                problems += _unknown_ids(file, table, column, ids.get(target), target[:-1])
        problems += _start_not_after_end(file, table)
        problems += _dates_match_precision(file, table)
        if {"verification", "caveat_id", "caveat_en"} <= set(table.columns):
            problems += _unverified_without_caveat(file, table)
        problems += _coordinates_in_range(file, table)
    if "sources" in tables:
        problems += check_source_rubric(paths["sources"], tables["sources"])
    if "publishers" in tables:
        problems += check_publishers(paths["publishers"], tables["publishers"])
    if "memberships" in tables:
        problems += _overlapping_roles(paths["memberships"], tables["memberships"])
    if "statements" in tables:
        problems += _verdict_scheme(paths["statements"], tables["statements"])
    if "statements" in tables and "sources" in tables:
        problems += _confirmed_by_the_claimant(paths["statements"], tables["statements"],
                                               tables["sources"])
    if "conflicts" in tables:
        problems += _conflict_values(paths["conflicts"], tables["conflicts"])
        for name, column in (("memberships", "start_date"), ("events", "date"),
                             ("delegations", "representative")):
            if name in tables:
                problems += _shows_its_conflict(paths[name], tables[name], column,
                                                tables["conflicts"])
    return problems


# A correction may change structure (a new column) and cite no source; every other row cites one.
SOURCES_OPTIONAL = frozenset({"corrections"})

# The article under check carries every claim: it can report a claim, never confirm it.
PRIMARY_KIND = "primary-article"


def _verdict_scheme(file: str, statements: pd.DataFrame) -> list[Problem]:
    """One verdict scheme: a claim confirmed in part says which part (both languages), and only
    then; a position, a side's own stance, is never shown as confirmed by others."""
    problems = []
    for row_number, row in _rows(statements):
        in_part = row["verification"] == "confirmed_in_part"
        for column in ("part_id", "part_en"):
            if in_part and not row[column]:
                problems.append(Problem(file, row_number, column, "a claim confirmed in part says "
                                        "which part independent sources confirm"))
            elif not in_part and row[column]:
                problems.append(Problem(file, row_number, column, "only a claim confirmed in part "
                                        "names a confirmed part"))
        if row["claim_type"] == POSITION and row["verification"] in CONFIRMING:
            problems.append(Problem(file, row_number, "verification",
                                    "a position (a side's own stance) cannot be confirmed by an "
                                    "outside source: 'no_independent_evidence' or 'contradicted'"))
    return problems


def _confirmed_by_the_claimant(file: str, statements: pd.DataFrame, sources: pd.DataFrame
                               ) -> list[Problem]:
    """A claim is "confirmed" only by a source that is neither the article that carries it nor of
    the claimant's side (``sources.side``): a ministry cannot confirm its own claim, nor can its
    agencies and the sites that relay it."""
    kind = dict(zip(sources["source_id"], sources["kind"], strict=True))
    side = dict(zip(sources["source_id"], sources["side"], strict=True))
    problems = []
    for row_number, row in _rows(statements):
        if row["verification"] not in CONFIRMING:
            continue
        claimant = "" if row["claimant_side"] == "article" else row["claimant_side"]
        cited = [s for s in split_list(row["source_ids"]) if s in kind]
        independent = [s for s in cited if kind[s] != PRIMARY_KIND
                       and (not claimant or side[s] != claimant)]
        if not independent:
            whose = f"of the claimant's side ({claimant!r})" if claimant else "the article itself"
            problems.append(Problem(file, row_number, "verification",
                                    f"{row['verification']!r} needs a source independent of the "
                                    f"claimant; every "
                                    f"source cited is {whose}: {', '.join(cited) or 'none'}"))
    return problems


def _unverified_without_caveat(file: str, table: pd.DataFrame) -> list[Problem]:
    """A row not verified tells readers why, in both languages (directly, or through the
    conflict it points at)."""
    problems = []
    for row_number, row in _rows(table):
        status = row["verification"]
        if status == "conflict" and "conflict_id" in table and not row["conflict_id"]:
            problems.append(Problem(file, row_number, "conflict_id",
                                    "a row whose sources conflict names its conflict (conflicts.csv)"))
        elif status == "unconfirmed":
            problems += [Problem(file, row_number, column, "a row not verified says what stays "
                                 "unconfirmed, in both languages")
                         for column in ("caveat_id", "caveat_en") if not row[column]]
    return problems


def _conflict_values(file: str, conflicts: pd.DataFrame) -> list[Problem]:
    """A conflict's values are ISO dates, stored as their precision says, where one is given."""
    problems = []
    for row_number, row in _rows(conflicts):
        for column in ("shown", "other"):
            precision = row[f"{column}_precision"]
            if not precision:
                continue
            try:
                value = pd.Timestamp(date.fromisoformat(row[column]))
            except ValueError:
                problems.append(Problem(file, row_number, column,
                                        f"{row[column]!r} is not a date (YYYY-MM-DD), though "
                                        f"{column}_precision is {precision!r}"))
                continue
            problems += _precision_problem(file, row_number, column, value, precision)
    return problems


def _shows_its_conflict(file: str, table: pd.DataFrame, column: str, conflicts: pd.DataFrame
                        ) -> list[Problem]:
    """A row that points at a conflict shows the value the conflict calls "shown"."""
    shown = dict(zip(conflicts["conflict_id"], conflicts["shown"], strict=True))
    problems = []
    for row_number, row in _rows(table):
        conflict = row.get("conflict_id")
        if not conflict or conflict not in shown:
            continue
        value = row[column]
        text = f"{value:%Y-%m-%d}" if isinstance(value, pd.Timestamp) else str(value)
        if text != shown[conflict]:
            problems.append(Problem(file, row_number, column,
                                    f"{text!r} differs from the value conflict {conflict} says is "
                                    f"shown ({shown[conflict]!r})"))
    return problems


def _known_ids(tables: Mapping[str, pd.DataFrame]) -> dict[str, set[str] | None]:
    keys = {"sources": "source_id", "statements": "statement_id", "countries": "iso3"}
    return {name: set(tables[name][key]) if name in tables else None
            for name, key in keys.items()}


def _rows(table: pd.DataFrame) -> Iterable[tuple[int, pd.Series]]:
    for position, (_, row) in enumerate(table.iterrows()):
        yield position + FIRST_DATA_ROW, row


def _unknown_ids(file: str, table: pd.DataFrame, column: str, known: set[str] | None,
                 kind: str, required: bool = False) -> list[Problem]:
    problems = []
    for row_number, row in _rows(table):
        cited = split_list(row[column])
        if required and not cited:
            problems.append(Problem(file, row_number, column, f"cites no {kind}"))
        if known is None:
            continue  # the table it refers to is broken and already reported
        problems += [Problem(file, row_number, column, f"unknown {kind} id {item!r}")
                     for item in cited if item not in known]
    return problems


_RANGES = (("start_date", "end_date"), ("date", "end_date"))


def _start_not_after_end(file: str, table: pd.DataFrame) -> list[Problem]:
    problems = []
    for start, end in _RANGES:
        if start not in table or end not in table:
            continue
        bad = table[table[end].notna() & table[start].notna() & (table[end] < table[start])]
        for position in bad.index:
            row_number = table.index.get_loc(position) + FIRST_DATA_ROW
            problems.append(Problem(file, row_number, end, f"ends ({bad.at[position, end]:%Y-%m-%d}) "
                                    f"before it starts ({bad.at[position, start]:%Y-%m-%d})"))
    return problems


_PRECISION_COLUMNS = (("date", "date_precision"), ("start_date", "start_precision"),
                      ("founded", "founded_precision"))


def _dates_match_precision(file: str, table: pd.DataFrame) -> list[Problem]:
    problems = []
    for date_column, precision_column in _PRECISION_COLUMNS:
        if date_column not in table or precision_column not in table:
            continue
        for row_number, row in _rows(table):
            value, precision = row[date_column], row[precision_column]
            if pd.isna(value):
                continue
            problems += _precision_problem(file, row_number, date_column, value, precision)
    return problems


def _precision_problem(file: str, row_number: int, column: str, value: pd.Timestamp,
                       precision: str) -> list[Problem]:
    if (precision in ("month", "year") and value.day != 1) or (
            precision == "year" and value.month != 1):
        return [Problem(file, row_number, column, f"a date of {precision} precision is stored as "
                        f"the first day of its {precision}, not {value:%Y-%m-%d}")]
    return []


def _coordinates_in_range(file: str, table: pd.DataFrame) -> list[Problem]:
    problems = []
    for column, limit in (("capital_lat", 90), ("capital_lon", 180)):
        if column not in table:
            continue
        for row_number, row in _rows(table):
            value = row[column]
            if pd.isna(value) or not -limit <= value <= limit:
                problems.append(Problem(file, row_number, column,
                                        f"coordinate {value} is outside -{limit}..{limit}"))
    return problems


def _overlapping_roles(file: str, memberships: pd.DataFrame) -> list[Problem]:
    problems = []
    positions = {index: n + FIRST_DATA_ROW for n, index in enumerate(memberships.index)}
    for (bloc, iso3), group in memberships.groupby(["bloc_id", "iso3"]):
        spans = group.sort_values("start_date")
        previous = None
        for index, row in spans.iterrows():
            if previous is not None and (pd.isna(previous["end_date"])
                                         or previous["end_date"] > row["start_date"]):
                problems.append(Problem(file, positions[index], "start_date",
                                        f"{iso3} already holds the role {previous['role']!r} in "
                                        f"{bloc} on {row['start_date']:%Y-%m-%d}; end that role first"))
            previous = row
    return problems


# --- the source rubric (../shared/research/sources-rubric.md) ------------------------------------

# Hosts that copy other publishers' pages, by what they are. A source is the publisher's own page:
# a copy can differ from the original and hides who stands behind the text (rubric 1).
COPY_HOSTS = {
    "scribd.com": "an upload site",
    "docslib.org": "an upload site",
    "cupdf.com": "an upload site",
    "pubt.io": "an upload site",
    "wikimili.com": "a Wikipedia mirror",
    "cloudfront.net": "a CDN copy",
    "socastsrm.com": "a CDN copy of syndicated text",
    "forumspb1.mirror.rcmedia.ru": "a mirror of forumspb.com",
    "souldevice.org": "a scraper copying news agencies",
    "keyanhelp.cn": "a scraper copying Xinhua",
    "sgbuzz.com": "a scraper copying The Straits Times",
    "boxonxonet.com": "a mirror of government sites",
    "cedarnews.net": "a syndication copy of other agencies' wires",
    "style.yahoo.com": "a syndication copy on a Yahoo lifestyle subdomain",
    "libyannewswire.com": "a re-publisher of other agencies' wires",
    "laprensalatina.com": "a re-publisher of EFE's wire",
    "denederlandsegrondwet.nl": "a site copying other outlets' articles",
    "sovereignista.com": "a blog reproducing official texts",
    "mirperemen.net": "a repost site",
    "hrondas.ru": "a repost site",
}
# Identified propaganda networks are never evidence (rubric 4). The "Pravda" network ("Portal
# Kombat"), documented by France's VIGINUM in February 2024, runs news-pravda.com with its
# language subdomains and pravda-<language code>.com sites (pravda-fr.com, pravda-de.com ...).
PROPAGANDA_HOSTS = {"news-pravda.com": "the \"Pravda\" network (Portal Kombat, VIGINUM 2024)"}
PROPAGANDA_PATTERN = re.compile(r"(^|\.)pravda-[a-z]{2}\.com$")
# AMP, mobile and other variants of a page: cite the canonical address (rubric 1).
VARIANT_LABELS = {"amp": "an AMP variant", "m": "a mobile variant", "mobile": "a mobile variant",
                  "wap": "a WAP (mobile) variant", "opera": "a partner (Opera) variant",
                  "special": "an accessibility variant"}
# kind "intergovernmental" is the body's own site (rubric 2): ASEAN and its Secretariat (asean.org
# with its subdomains such as eastasiasummit.asean.org and jaif.asean.org; aseansec.org and
# asean.or.id, its former addresses), the ASEAN-Japan Centre (an intergovernmental organisation of
# ASEAN's members and Japan), the SCO Secretariat, the EAEU and its Commission, the UN, and the
# chair's summit sites, which publish the chair's statements of their year.
INTERGOVERNMENTAL_HOSTS = (
    "asean.org", "aseansec.org", "asean.or.id", "asean.or.jp",
    "sectsco.org", "eaeunion.org", "eurasiancommission.org", "un.org",
    "asean2023.id", "laoschairmanship2024.gov.la", "asean2025.my", "asean2026.ph",
)
# State outlets carry their state's side (rubric 3), whatever a row says.
STATE_HOSTS = {
    "tass.com": "russia", "tass.ru": "russia", "ria.ru": "russia", "rt.com": "russia",
    "sputnikglobe.com": "russia", "sputniknews.com": "russia", "sputniknews.cn": "russia",
    "rg.ru": "russia", "government.ru": "russia", "kremlin.ru": "russia", "mid.ru": "russia",
    "antaranews.com": "indonesia-host", "setkab.go.id": "indonesia-host",
    "kemlu.go.id": "indonesia-host",
}
ARCHIVE_HOSTS = ("web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is",
                 "archive.li", "webcitation.org")
NO_PUBLISHER = {"unknown", "n/a", "na", "-", "?", "none", "tidak diketahui"}


def url_host(url: str) -> str:
    """The lower-case host of an address, without ``www.`` or a port."""
    from urllib.parse import urlsplit
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def copy_host_problem(url: str) -> str | None:
    """Why ``url`` is not a publisher's own page, or None."""
    from urllib.parse import urlsplit
    host = url_host(url)
    for domain, what in PROPAGANDA_HOSTS.items():
        if _on(host, domain):
            return f"{host} is a site of {what}: never evidence; cite the claimant's own channel"
    if PROPAGANDA_PATTERN.search(host):
        return (f"{host} is a site of the \"Pravda\" network (Portal Kombat, VIGINUM 2024): never "
                "evidence; cite the claimant's own channel")
    for domain, what in COPY_HOSTS.items():
        if _on(host, domain):
            return f"{host} is {what}, not the publisher: cite the publisher's own page"
    label = host.split(".", 1)[0]
    if label in VARIANT_LABELS and host.count(".") >= 2:
        return (f"{host} is {VARIANT_LABELS[label]} of the page: cite the publisher's canonical "
                "address")
    path = urlsplit(url).path.lower()
    if "amp" in path.split("/") or path.endswith("-amp.html"):
        return "the address is an AMP variant of the page: cite the publisher's canonical address"
    return None


def check_source_rubric(file: str, sources: pd.DataFrame) -> list[Problem]:
    """Every source is its publisher's own page; an intergovernmental publisher's source is on
    the body's own site; a state outlet's publisher carries its state's side. Kind and side are
    the publisher's (``package.with_publishers``), so two rows of one outlet cannot differ."""
    problems = []
    for row_number, row in _rows(sources):
        url = row["url"] if isinstance(row["url"], str) else ""
        host = url_host(url)
        why = copy_host_problem(url) if url else None
        if why:
            problems.append(Problem(file, row_number, "url", why))
        publisher = row.get("publisher") or row["publisher_id"]
        if row["kind"] == "intergovernmental" and host and not any(
                _on(host, domain) for domain in INTERGOVERNMENTAL_HOSTS):
            problems.append(Problem(file, row_number, "publisher_id",
                                    f"{publisher} is intergovernmental, but {host} is not the "
                                    "body's own site: a copy elsewhere is its host's, not the "
                                    "body's (cite the body's own copy)"))
        state = next((side for domain, side in STATE_HOSTS.items() if _on(host, domain)), None)
        if state and row["side"] != state:
            problems.append(Problem(file, row_number, "publisher_id",
                                    f"{host} is a state outlet of side {state!r}, but its "
                                    f"publisher {publisher} has side {row['side'] or 'none'!r}"))
        archived = row.get("archived_url")
        if isinstance(archived, str) and archived and not any(
                _on(url_host(archived), domain) for domain in ARCHIVE_HOSTS):
            problems.append(Problem(file, row_number, "archived_url",
                                    f"{url_host(archived)} is not a web archive; archived_url "
                                    "holds a web archive's copy of the page at url"))
    return problems


# The side a state's own outlets carry, where the dashboard has one for that state.
STATE_SIDES = {"RUS": "russia", "IDN": "indonesia-host"}


def check_publishers(file: str, publishers: pd.DataFrame) -> list[Problem]:
    """Each publisher is named; a state-run or state-affiliated one names its state and one
    that is independent names none; a Russian or Indonesian state outlet carries that side."""
    problems = []
    for row_number, row in _rows(publishers):
        if str(row["name"]).strip().lower() in NO_PUBLISHER:
            problems.append(Problem(file, row_number, "name",
                                    "names no publisher: who stands behind a source is recorded "
                                    "by its publisher"))
        affiliated, state = row["state_affiliation"], row["affiliated_state"]
        if affiliated in ("state-run", "state-affiliated") and not state:
            problems.append(Problem(file, row_number, "affiliated_state",
                                    f"a {affiliated} publisher names the state behind it"))
        if affiliated == "independent" and state:
            problems.append(Problem(file, row_number, "affiliated_state",
                                    f"an independent publisher has no affiliated state ({state})"))
        side = STATE_SIDES.get(state) if affiliated != "independent" else None
        if side and row["side"] != side:
            problems.append(Problem(file, row_number, "side",
                                    f"a {affiliated} outlet of {state} carries side {side!r}, "
                                    f"not {row['side'] or 'none'!r}"))
    return problems
