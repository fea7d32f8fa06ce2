"""Start the dashboard on a free loopback port and wait until it is healthy.

Shared by the browser tests, ``make screenshots``, ``make loadtest`` and ``make bench``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SERVER_START_TIMEOUT_S = 60


class AppServerError(RuntimeError):
    """The app did not start; the message carries the server's output."""


@dataclass
class AppServer:
    process: subprocess.Popen
    url: str
    log_path: Path

    def output(self, limit: int = 6000) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server output captured)"
        return text[-limit:] if text else "(the server printed nothing)"


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def health_ok(url: str) -> bool:
    # No proxy: a CI proxy variable must not swallow requests to loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


def start(log_path: Path, port: int | None = None, bind_loopback: bool = True,
          env: Mapping[str, str] | None = None) -> AppServer:
    """Start ``streamlit run dashboard.py`` and return once it answers healthy.

    ``bind_loopback=False`` starts it as ``make run`` does, on every interface with the project's
    own configuration, to test that configuration. ``env`` adds variables to the server's
    environment (``DASHBOARD_DATA_DIR`` points it at another data package).
    """
    port = port or free_loopback_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port),
        *(["--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"] if bind_loopback else []),
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    # NO_COLOR: plain tracebacks in the captured output.
    env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1", "NO_COLOR": "1",
           "COLUMNS": "120"}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, env=env)
    server = AppServer(process, url, log_path)
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    try:
        while not health_ok(url):
            if process.poll() is not None:
                raise AppServerError(f"streamlit exited with code {process.returncode} before "
                                     f"it was healthy:\n{server.output()}")
            if time.monotonic() > deadline:
                raise AppServerError(f"streamlit was not healthy after {SERVER_START_TIMEOUT_S} "
                                     f"s:\n{server.output()}")
            time.sleep(0.2)
    except BaseException:  # a timeout, or Ctrl-C while waiting: leave no server behind
        stop(server)
        raise
    return server


def stop(server: AppServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@contextmanager
def running_app(log_path: Path, port: int | None = None, bind_loopback: bool = True
                ) -> Iterator[AppServer]:
    server = start(log_path, port, bind_loopback)
    try:
        yield server
    finally:
        stop(server)
