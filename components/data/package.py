"""Reads the data package in ``data/`` into typed DataFrames, after validating all of it.

Plain functions with no Streamlit: tests and commands call them directly; the app calls them
through ``components.ui.loading``, which caches the result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from components.data.checks import (
    DataPackageError,
    Problem,
    check_files,
    check_rules,
    check_schema,
    read_descriptor,
)
from components.paths import DATA_DIR

DESCRIPTOR_NAME = "datapackage.json"


class MissingTableError(KeyError):
    """A table that is broken in the package on disk (its problems were reported on loading)."""


@dataclass(frozen=True)
class DataPackage:
    """The validated tables, by resource name (``data["events"]``), and the package descriptor.

    A package read with ``partial=True`` may lack the tables that have problems; ``problems``
    lists them, and asking for a missing table raises ``MissingTableError``.
    """

    tables: Mapping[str, pd.DataFrame]
    descriptor: Mapping = field(repr=False)
    problems: tuple[Problem, ...] = ()
    # Set by the app's loader to the files' fingerprint: what built charts are cached against.
    version: tuple = ()

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise MissingTableError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def resource(self, name: str) -> Mapping:
        """The descriptor of one resource: its path, title, description and schema."""
        return next(r for r in self.descriptor["resources"] if r["name"] == name)


def read_table(path: Path, schema: Mapping, strict: bool = True) -> pd.DataFrame:
    """One CSV typed by its table schema: dates as Timestamps, integers as nullable Int64.

    Empty text stays an empty string, so display code never meets a float NaN in a text column.
    With ``strict=False`` a value of the wrong type becomes missing instead of raising, so the
    cross-table rules can still check a file whose schema problems are already reported.
    """
    errors = "raise" if strict else "coerce"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for spec in schema["fields"]:
        name, kind = spec["name"], spec.get("type", "string")
        column = frame[name].str.strip()
        if kind == "date":
            frame[name] = pd.to_datetime(column.replace("", None), format="%Y-%m-%d",
                                         errors=errors)
        elif kind == "integer":
            frame[name] = pd.to_numeric(column.replace("", None), errors=errors).astype("Int64")
        elif kind == "number":
            frame[name] = pd.to_numeric(column.replace("", None), errors=errors).astype("float64")
        elif kind == "boolean":
            frame[name] = column.map({"true": True, "false": False, "": None})
        else:
            frame[name] = column
    return frame


PRIMARY_ROLE = "primary-article"  # sources.role of the article under check
# What each source takes from its publisher (publishers.csv), as columns of the sources table.
PUBLISHER_COLUMNS = {"name": "publisher", "kind": "kind", "country": "country",
                     "state_affiliation": "state_affiliation",
                     "affiliated_state": "affiliated_state"}


def with_publishers(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables, the sources with who stands behind each, from its publisher: name (as
    ``publisher``), kind, country, state affiliation and side. The article under check takes its
    role as its kind; an item carrying another publisher's wire takes that publisher's side.
    Without a readable publishers table these columns are empty (its problems say why)."""
    tables = dict(tables)
    sources = tables.get("sources")
    if sources is None:
        return tables
    sources = sources.copy()
    publishers = tables.get("publishers")
    if publishers is None:
        publishers = pd.DataFrame(columns=["publisher_id", *PUBLISHER_COLUMNS, "side"])
    by_id = publishers.drop_duplicates("publisher_id").set_index("publisher_id")
    for column, name in PUBLISHER_COLUMNS.items():
        sources[name] = sources["publisher_id"].map(by_id[column]).fillna("")
    sources.loc[sources["role"] == PRIMARY_ROLE, "kind"] = PRIMARY_ROLE
    side_of = sources["carries_publisher_id"].where(sources["carries_publisher_id"] != "",
                                                     sources["publisher_id"])
    sources["side"] = side_of.map(by_id["side"]).fillna("")
    tables["sources"] = sources
    return tables


def find_problems(root: Path = DATA_DIR) -> tuple[list[Problem], dict[str, pd.DataFrame], dict]:
    """Every problem in the package at ``root``, the tables that could be read, and the descriptor."""
    descriptor_path = root / DESCRIPTOR_NAME
    descriptor, problems = read_descriptor(descriptor_path)
    if descriptor is None:
        return problems, {}, {}
    file_problems, readable = check_files(descriptor, root)
    problems += file_problems
    schema_problems = check_schema(descriptor_path, descriptor, readable)
    problems += schema_problems
    # A file with schema problems is read leniently, so the rules still check its other cells.
    broken = {p.file for p in schema_problems}
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    tables = {
        r["name"]: read_table(root / r["path"], r["schema"], strict=r["path"] not in broken)
        for r in descriptor["resources"]
        if r["name"] in readable
    }
    tables = with_publishers(tables)
    problems += check_rules(tables, paths)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "")), tables, descriptor


def read_package(root: Path = DATA_DIR, partial: bool = False) -> DataPackage:
    """The whole package, typed; raises ``DataPackageError`` listing every problem if any.

    With ``partial=True`` a package with problems still loads, without the tables that have
    them (and the tables that refer to those), so the parts of the app that do not need them keep
    working; it raises only when no table at all is usable.
    """
    problems, tables, descriptor = find_problems(root)
    if not problems:
        return DataPackage(tables=tables, descriptor=descriptor)
    if not partial:
        raise DataPackageError(problems)
    broken = _broken_tables(problems, descriptor)
    usable = {name: table for name, table in tables.items() if name not in broken}
    if not usable:
        raise DataPackageError(problems)
    return DataPackage(tables=usable, descriptor=descriptor, problems=tuple(problems))


def _broken_tables(problems: list[Problem], descriptor: Mapping) -> set[str]:
    """Tables with problems, and every table whose foreign keys point into one of them."""
    resources = descriptor.get("resources", [])
    by_path = {r["path"]: r["name"] for r in resources}
    broken = {by_path[p.file] for p in problems if p.file in by_path}
    if any(p.file not in by_path for p in problems):  # the descriptor itself: nothing is safe
        return set(by_path.values())
    if "sources" in broken:  # every table cites sources
        return set(by_path.values())
    changed = True
    while changed:
        changed = False
        for resource in resources:
            targets = {key["reference"]["resource"] for key in
                       resource.get("schema", {}).get("foreignKeys", [])}
            if resource["name"] not in broken and targets & broken:
                broken.add(resource["name"])
                changed = True
    return broken


def fingerprint(root: Path = DATA_DIR) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file in the package: changes when an editor saves."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.glob("*"))
        if path.is_file() and path.suffix in (".csv", ".json")
    )
