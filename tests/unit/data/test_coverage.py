"""The checked-to day from blocs.csv: each bloc's, the package's as the earliest of them, an edit
seen at once (the map's date control stops at it: map/test_params.py). Every package here is
made in tmp_path (the fallbacks when blocs.csv cannot be read: test_coverage_fallback.py)."""

import os
from datetime import date

import pandas as pd
import pytest

from components.data import coverage


def package(folder, blocs_csv, encoding="utf-8"):
    folder.mkdir(exist_ok=True)
    (folder / coverage.BLOCS_FILE).write_text(blocs_csv, encoding=encoding)
    return folder


def test_each_bloc_has_its_own_checked_day(tmp_path):
    folder = package(tmp_path / "data", "bloc_id,name,checked_to\n"
                                        "ASEAN,ASEAN,2024-05-01\nSCO,SCO,2024-03-02\n")
    assert coverage.bloc_checked_to(folder) == {"ASEAN": date(2024, 5, 1),
                                                "SCO": date(2024, 3, 2)}


@pytest.mark.parametrize("rows", [
    "ASEAN,2024-05-01\nSCO,2024-03-02\nEAS,2024-04-10\n",  # the earliest in the middle of the file
    "SCO,2024-03-02\nASEAN,2024-05-01\n",  # the earliest first
])
def test_the_package_is_checked_to_the_earliest_blocs_day(tmp_path, rows):
    folder = package(tmp_path / "data", "bloc_id,checked_to\n" + rows)
    assert coverage.checked_to(folder) == date(2024, 3, 2)


def test_a_file_saved_by_a_spreadsheet_with_a_byte_order_mark_is_read(tmp_path):
    folder = package(tmp_path / "data", "bloc_id,checked_to\nSCO,2024-03-02\n", "utf-8-sig")
    assert coverage.bloc_checked_to(folder) == {"SCO": date(2024, 3, 2)}


def test_an_edit_of_the_same_length_is_seen_at_once(tmp_path):
    folder = package(tmp_path / "data", "bloc_id,checked_to\nSCO,2024-03-02\n")
    path = folder / coverage.BLOCS_FILE
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert coverage.checked_to(folder) == date(2024, 3, 2)
    path.write_text("bloc_id,checked_to\nSCO,2024-03-09\n", encoding="utf-8")  # same size
    os.utime(path, ns=(1_700_000_000_000_000_001, 1_700_000_000_000_000_001))  # 1 ns later
    assert coverage.checked_to(folder) == date(2024, 3, 9)


@pytest.mark.parametrize("blocs_csv", [
    "bloc_id,checked_to\nSCO,2024-02-30\n",  # no such day
    "bloc_id,checked_to\nSCO,\n",  # no day
    "bloc,checked_to\nSCO,2024-03-02\n",  # no bloc_id column
])
def test_a_blocs_file_that_cannot_be_read_gives_no_bloc_days(tmp_path, blocs_csv):
    assert coverage.bloc_checked_to(package(tmp_path / "data", blocs_csv)) == {}


def test_a_folder_without_blocs_csv_gives_no_bloc_days(tmp_path):
    assert coverage.bloc_checked_to(tmp_path) == {}


def test_a_loaded_package_gives_the_same_earliest_day():
    blocs = pd.DataFrame({"bloc_id": ["ASEAN", "SCO", "EAS"],
                          "checked_to": pd.to_datetime(["2024-05-01", "2024-03-02", "2024-04-10"])})
    assert coverage.data_checked_to({"blocs": blocs}) == date(2024, 3, 2)

