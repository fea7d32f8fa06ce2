"""Replicas behind HAProxy on loopback, for the scale tests (``-m scale`` selects them).

- `start_cluster` (session): ``with start_cluster() as cluster``: 2 replicas and HAProxy with the
  project's config (tools/scale_test.py); everything is stopped when the block ends. A test that
  kills a replica starts a cluster of its own.
- `cluster` (module): one cluster shared by the tests of a module that kill nothing.

These tests need Debian's haproxy (`make haproxy`). Chromium through the proxy is in
tests/browser/test_replicas.py: a test session can run only one Playwright, that folder's.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tools import app_server, scale_test


@pytest.fixture(scope="session")
def start_cluster(tmp_path_factory: pytest.TempPathFactory
                  ) -> Callable[..., contextlib.AbstractContextManager[scale_test.Cluster]]:
    if not Path(scale_test.HAPROXY).exists() and not shutil.which("haproxy"):
        pytest.fail(f"{scale_test.HAPROXY} is missing: run `make haproxy` (as root) or "
                    "`apt-get install -y haproxy`")

    @contextlib.contextmanager
    def _start(replicas: int = 2) -> Iterator[scale_test.Cluster]:
        log_dir = tmp_path_factory.mktemp("cluster")
        try:
            with scale_test.running_cluster(replicas, log_dir) as cluster:
                yield cluster
        except app_server.AppServerError as error:
            pytest.fail(str(error))

    return _start


@pytest.fixture(scope="module")
def cluster(start_cluster) -> Iterator[scale_test.Cluster]:
    with start_cluster() as running:
        yield running
