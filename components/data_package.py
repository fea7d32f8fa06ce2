"""Reads the data package in ``data/`` into typed DataFrames, after validating all of it.

Plain functions with no Streamlit: tests and commands call them directly; the app calls them
through ``components.loading``, which caches the result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from components.paths import DATA_DIR
from components.validation import (
    DataPackageError,
    Problem,
    check_files,
    check_rules,
    check_schema,
    read_descriptor,
)

DESCRIPTOR_NAME = "datapackage.json"


@dataclass(frozen=True)
class DataPackage:
    """The validated tables, by resource name (``data["events"]``), and the package descriptor."""

    tables: Mapping[str, pd.DataFrame]
    descriptor: Mapping = field(repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

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
    problems += check_rules(tables, paths)
    return sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "")), tables, descriptor


def read_package(root: Path = DATA_DIR) -> DataPackage:
    """The whole package, typed; raises ``DataPackageError`` listing every problem if any."""
    problems, tables, descriptor = find_problems(root)
    if problems:
        raise DataPackageError(problems)
    return DataPackage(tables=tables, descriptor=descriptor)


def fingerprint(root: Path = DATA_DIR) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file in the package: changes when an editor saves."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.glob("*"))
        if path.is_file() and path.suffix in (".csv", ".json")
    )
