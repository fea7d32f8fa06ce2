"""A package with a broken table still loads what does not depend on it."""

import shutil

import pytest

from components.data.checks import DataPackageError
from components.data.package import MissingTableError, read_package
from components.paths import DATA_DIR


@pytest.fixture
def package(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    return root


def test_a_broken_events_file_leaves_the_memberships_usable(package):
    (package / "events.csv").write_text("", encoding="utf-8")
    data = read_package(package, partial=True)
    assert len(data["memberships"]) > 0
    assert any(problem.file == "events.csv" for problem in data.problems)
    with pytest.raises(MissingTableError):
        data["events"]


def test_a_broken_table_also_takes_out_the_tables_that_refer_to_it(package):
    (package / "sectors.csv").write_text("", encoding="utf-8")
    data = read_package(package, partial=True)
    assert "initiative_sectors" not in data.tables  # its sector_id refers into sectors
    assert "initiatives" in data.tables


def test_broken_sources_leave_nothing_usable(package):
    (package / "sources.csv").write_bytes(b"\xff\xfe broken")
    with pytest.raises(DataPackageError):
        read_package(package, partial=True)


def test_without_partial_any_problem_stops_loading(package):
    (package / "events.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataPackageError):
        read_package(package)
