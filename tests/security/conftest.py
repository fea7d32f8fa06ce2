"""The security layer: each finding of issue 33 replayed as a test (``-m security``).

- `app_url` (module): the dashboard on a free loopback port (tools/app_server.py), for the tests
  that need real HTTP answers (headers, closed paths, oEmbed); `running_app` is that server,
  with its log.
- `planted_data` (module): a copy of ``data/`` whose reader-visible text carries hostile markup.
"""

from __future__ import annotations

import csv
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.data import source
from components.paths import DATA_DIR
from tools import app_server

SECURITY_DIR = Path(__file__).resolve().parent

LINK = "[click me](https://evil.example/link)"
IMAGE = "![pixel](https://evil.example/pixel.png)"
HTML = "<img src=https://evil.example/html.png>"
PLANTED = f"{LINK} {IMAGE} {HTML}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test here with the layer (tests/conftest.py marks the other layers)."""
    for item in items:
        if SECURITY_DIR in item.path.parents:
            item.add_marker(pytest.mark.security)


@pytest.fixture(scope="module")
def running_app(tmp_path_factory) -> Iterator[app_server.AppServer]:
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    try:
        server = app_server.start(log_path)
    except app_server.AppServerError as error:
        pytest.fail(str(error))
    try:
        yield server
    finally:
        app_server.stop(server)


@pytest.fixture(scope="module")
def app_url(running_app) -> str:
    return running_app.url


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    """One request without a proxy; an HTTP error status is an answer too."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def plant_rows(root: Path, table: str, columns: tuple[str, ...], text: str,
               keep: bool = True) -> None:
    path = root / table
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in columns:
            row[column] = f"{row[column]} {text}" if keep else text
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def planted_data(tmp_path_factory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(DATA_DIR, root, ignore=shutil.ignore_patterns("geometry*"))
    plant_rows(root, "initiatives.csv", ("name_en", "name_id"), PLANTED)
    plant_rows(root, "statements.csv", ("speaker_en", "speaker_id"), PLANTED)
    # A claim's label is at most 80 characters: it becomes the link and the image alone.
    plant_rows(root, "statements.csv", ("label_en", "label_id"), f"{LINK} {IMAGE}", keep=False)
    yield root
    source.forget()
