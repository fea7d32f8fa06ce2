"""The data package the app serves: read once per change of its files, from the folder
DASHBOARD_DATA_DIR names when it is set; a table's column read when asked."""

import shutil
import time

import pytest

from components.data import source
from components.data.checks import DataPackageError
from components.paths import DATA_DIR, DATA_DIR_VARIABLE


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    source.forget()
    monkeypatch.setattr(source, "FINGERPRINT_TTL_S", 0.0)
    yield
    source.forget()


def copy_of_data(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("geometry*", "cache"))
    return root


def test_the_package_is_shared_until_a_file_changes(tmp_path, monkeypatch):
    root = copy_of_data(tmp_path)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(root))
    first = source.current_package()
    assert source.current_package() is first and first.version[0] == str(root.resolve())
    sectors = root / "sectors.csv"
    time.sleep(0.01)
    sectors.write_text(sectors.read_text(encoding="utf-8"), encoding="utf-8")  # a new mtime
    second = source.current_package()
    assert second is not first and second.version != first.version


def test_the_folder_is_asked_on_every_call(tmp_path, monkeypatch):
    shipped = source.current_package()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(copy_of_data(tmp_path)))
    assert source.current_package().version[0] != shipped.version[0]
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    assert source.current_package().version == shipped.version


def test_a_folder_with_no_usable_table_raises_for_the_error_page(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    with pytest.raises(DataPackageError):
        source.current_package()


def test_a_column_is_read_from_the_folder_in_use_and_is_empty_when_unreadable(tmp_path,
                                                                             monkeypatch):
    root = copy_of_data(tmp_path)
    (root / "statements.csv").write_text("claim_ref,other\nC1,x\nC20,y\n", encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(root))
    assert source.column("statements.csv", "claim_ref") == ("C1", "C20")
    assert source.column("statements.csv", "no_such_column") == ()
    assert source.column("no_such_file.csv", "claim_ref") == ()


def test_url_options_follow_the_data_folder(tmp_path, monkeypatch):
    from components.map.params import COUNTRY
    from components.overview.params import CLAIM

    root = copy_of_data(tmp_path)
    (root / "statements.csv").write_text("claim_ref\nC10\nC2\n", encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(root))
    assert CLAIM.options == ("", "C2", "C10")  # by number, not as text
    assert CLAIM.parse("C10") == "C10"
    with pytest.raises(ValueError):
        CLAIM.parse("C7")
    assert "IDN" in COUNTRY.options
