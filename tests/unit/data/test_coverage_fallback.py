"""The checked-to day when blocs.csv cannot be read: the shipped package's, else the summit day,
never a day copied into the code. Every package here is made in tmp_path."""

from datetime import date

import pytest

from components.data import coverage
from components.data.summit import SUMMIT_DAY
from components.paths import DATA_DIR_VARIABLE

BROKEN = {
    "missing": None,
    "bad day": "bloc_id,checked_to\nasean,not a day\n",
    "no checked_to column": "bloc_id,name\nasean,ASEAN\n",
    "no rows": "bloc_id,checked_to\n",
}


def package(folder, blocs_csv):
    folder.mkdir()
    if blocs_csv is not None:
        (folder / coverage.BLOCS_FILE).write_text(blocs_csv, encoding="utf-8")
    return folder


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A readable shipped package checked to 2 March 2024 (one bloc to 2024-05-01)."""
    folder = package(tmp_path / "shipped",
                     "bloc_id,checked_to\nasean,2024-03-02\nsco,2024-05-01\n")
    monkeypatch.setattr(coverage, "DATA_DIR", folder)
    return folder


def test_a_readable_override_gives_its_own_day(tmp_path, shipped):
    override = package(tmp_path / "override", "bloc_id,checked_to\nasean,2024-01-15\n")
    assert coverage.checked_to(override) == date(2024, 1, 15)


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_override_falls_back_to_the_shipped_day(tmp_path, shipped, broken):
    override = package(tmp_path / "override", broken)
    assert coverage.checked_to(override) == date(2024, 3, 2)


def test_the_override_folder_from_the_environment_falls_back_too(tmp_path, shipped, monkeypatch):
    override = package(tmp_path / "override", BROKEN["bad day"])
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(override))
    assert coverage.checked_to() == date(2024, 3, 2)


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_with_both_broken_the_day_is_the_summit_day(tmp_path, monkeypatch, broken):
    monkeypatch.setattr(coverage, "DATA_DIR", package(tmp_path / "shipped", broken))
    override = package(tmp_path / "override", BROKEN["bad day"])
    assert coverage.checked_to(override) == SUMMIT_DAY
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(override))
    assert coverage.checked_to() == SUMMIT_DAY
