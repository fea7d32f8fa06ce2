"""Where the data is read from: ``$DASHBOARD_DATA_DIR`` when set, asked on every call, else data/."""

from components.paths import DATA_DIR, DATA_DIR_VARIABLE, PROJECT_ROOT, data_dir


def test_without_the_variable_the_app_reads_the_shipped_package(monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    assert data_dir() == DATA_DIR == PROJECT_ROOT / "data"
    assert (DATA_DIR / "blocs.csv").is_file()


def test_the_variable_is_read_on_every_call_and_resolved(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "one"))
    assert data_dir() == (tmp_path / "one").resolve()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_DIR_VARIABLE, "two")  # relative: from the working directory
    assert data_dir() == (tmp_path / "two").resolve()


def test_an_empty_variable_means_the_shipped_package(monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, "")
    assert data_dir() == DATA_DIR
