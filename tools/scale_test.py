"""``make scale-test``: replicas of the dashboard behind HAProxy on loopback, a crowd of readers
through it, one replica killed part-way; writes ``bench/scale.json``.

What it does, in order, bounded in time and on loopback only:

1. starts N replicas (``streamlit run dashboard.py``, one shared ``server.cookieSecret``) and
   HAProxy from Debian with the project's own config (``deploy/haproxy/haproxy.cfg``, the one
   compose uses, with the loopback replicas filled in);
2. warms every replica's chart caches, as the first readers after a deploy would;
3. times a lone reader through the proxy (the baseline);
4. sends the crowd: each reader holds one view in its URL (``/map?bloc=EAEU&lang=en``, ...),
   arrives within the ramp, and opens its view several times with a pause to read between.
   A reader does what a browser does: it GETs the page through the proxy (HAProxy's cookie
   names its replica), then opens Streamlit's websocket with that cookie, asks for its page and
   waits until every chart has arrived, and keeps the websocket open while it reads;
5. part-way, SIGKILLs one replica. Every reader that was on it reconnects with the same URL
   (a new GET and websocket: HAProxy sends it to a live replica and gives it a new cookie) and
   must get the same charts as before (the same plotly JSON) within ``RECOVERY_TARGET_S``;
6. stops everything it started, whatever happened (also on Ctrl-C).

Targets: no failed page view, every reader of the killed replica back on its view within 10 s,
and the p95 time to charts over the whole run (before and after the kill) at most 3x the lone
reader's p95 over the same views. Exits 1 when one is missed. The JSON also has the p95 before
and after the kill, by view and in 5 s buckets, CPU time and memory by process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import websockets

from components.registry import PAGES, charts_on
from tools import app_server, loadtest

HAPROXY = os.environ.get("HAPROXY", shutil.which("haproxy") or "/usr/sbin/haproxy")
CONFIG_TEMPLATE = app_server.PROJECT_ROOT / "deploy" / "haproxy" / "haproxy.cfg"
BENCH_DIR = app_server.PROJECT_ROOT / "bench"
# HAProxy's sticky-session cookie (`cookie SERVERID insert ...` in the config).
STICKY_COOKIE = "SERVERID"
PROXY_START_TIMEOUT_S = 20

DEFAULT_REPLICAS = 2
DEFAULT_READERS = 60
VIEWS_PER_READER = 4
# Readers of a front-page link arrive over seconds, not in the same millisecond, and read a
# view for a while before they open the next one.
RAMP_S = 10.0
THINK_S = (5.0, 10.0)
KILL_AT_S = 15.0  # after the crowd has arrived, while most readers hold a view open
LONE_ROUNDS = 5
VIEW_TIMEOUT_S = 60.0
RECOVERY_TARGET_S = 10.0
RECONNECT_GIVE_UP_S = 30.0  # after this a reader of the killed replica counts as failed
RATIO_TARGET = 3.0
DEADLINE_S = 300.0


@dataclass(frozen=True)
class Load:
    """How the crowd behaves; the defaults are ``make scale-test``'s."""

    readers: int = DEFAULT_READERS
    views_per_reader: int = VIEWS_PER_READER
    ramp_s: float = RAMP_S
    think_s: tuple[float, float] = THINK_S
    kill: str | None = "r1"  # the replica to kill part-way; None kills none
    kill_at_s: float = KILL_AT_S
    kill_signal: str = "SIGKILL"
    deadline_s: float = DEADLINE_S
    seed: int = 16
    lone_rounds: int = LONE_ROUNDS
    warm: bool = True


# ---------------------------------------------------------------------------------------------
# The views readers hold


@dataclass(frozen=True)
class View:
    """A view as its URL gives it: page path ("" is the first page) and query string."""

    path: str
    query: str

    @property
    def target(self) -> str:
        return f"/{self.path}?{self.query}"

    @property
    def lang(self) -> str:
        return parse_qs(self.query).get("lang", ["id"])[0]

    @property
    def expected_charts(self) -> int:
        if parse_qs(self.query).get("embed") == ["true"]:
            return 1  # an embed shows one chart alone
        return len(charts_on(self.path or PAGES[0].url_path))


# Links a story would carry, in both languages, with every chart-bearing page and an embed.
READER_VIEWS = (
    View("map", "bloc=EAEU&lang=en"),
    View("map", "bloc=SCO&asof=2024-07-04&country=BLR&lang=id"),
    View("timeline", "tracks=SCO~EAEU&lang=id"),
    View("timeline", "lang=en"),
    View("cooperation", "initiative=tourism&lang=en"),
    View("", "embed=true&chart=membership-map&lang=id&bloc=SCO"),
    View("", "lang=id"),
    View("sources", "lang=en"),
)


# ---------------------------------------------------------------------------------------------
# Replicas and the proxy


@dataclass
class Replica:
    name: str  # HAProxy's server name, and the value of the sticky cookie that names it
    server: app_server.AppServer

    @property
    def alive(self) -> bool:
        return self.server.process.poll() is None


@dataclass
class Proxy:
    process: subprocess.Popen
    url: str
    log_path: Path


@dataclass
class Cluster:
    replicas: list[Replica]
    proxy: Proxy

    def replica(self, name: str) -> Replica:
        return next(replica for replica in self.replicas if replica.name == name)


def proxy_version() -> str:
    """HAProxy's name and version from ``haproxy -v``, e.g. 'HAProxy 2.6.12-1+deb12u4'."""
    first = subprocess.run([HAPROXY, "-v"], capture_output=True, text=True, timeout=10,
                           check=True).stdout.splitlines()[0]
    match = re.match(r"(HA-?Proxy) version (\S+)", first)
    return f"{match[1]} {match[2]}" if match else first.strip()


def loopback_config(template: str, replicas: Mapping[str, str]) -> str:
    """The compose config with its ``server-template`` line (Docker DNS) replaced by one
    ``server`` line per loopback replica, each with its own cookie value."""
    lines, replaced = [], False
    for line in template.splitlines():
        if line.strip().startswith("server-template "):
            indent = line[:len(line) - len(line.lstrip())]
            lines += [f"{indent}server {name} {urlsplit(url).netloc} cookie {name}"
                      for name, url in replicas.items()]
            replaced = True
        else:
            lines.append(line)
    if not replaced:
        raise ValueError("the HAProxy config has no server-template line to fill in")
    return "\n".join(lines) + "\n"


def start_proxy(config_path: Path, log_path: Path, port: int | None = None) -> Proxy:
    """HAProxy in the foreground on a loopback port; returns once it reaches a healthy replica."""
    port = port or app_server.free_loopback_port()
    env = {**os.environ, "HAPROXY_BIND": f"127.0.0.1:{port}"}
    check = subprocess.run([HAPROXY, "-c", "-q", "-f", str(config_path)], env=env,
                           capture_output=True, text=True, timeout=30)
    if check.returncode != 0:
        raise app_server.AppServerError(f"HAProxy rejects {config_path}:\n{check.stdout}"
                                        f"{check.stderr}")
    with log_path.open("wb") as log:
        process = subprocess.Popen([HAPROXY, "-db", "-f", str(config_path)], env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    proxy = Proxy(process, f"http://127.0.0.1:{port}", log_path)
    try:
        deadline = time.monotonic() + PROXY_START_TIMEOUT_S
        while not app_server.health_ok(proxy.url):
            if process.poll() is not None:
                raise app_server.AppServerError(
                    f"haproxy exited with code {process.returncode}:\n"
                    f"{log_path.read_text(errors='replace')[-4000:]}")
            if time.monotonic() > deadline:
                raise app_server.AppServerError(
                    f"no healthy answer through haproxy after {PROXY_START_TIMEOUT_S} s")
            time.sleep(0.2)
    except BaseException:
        stop_proxy(proxy)
        raise
    return proxy


def stop_proxy(proxy: Proxy) -> None:
    proxy.process.terminate()
    try:
        proxy.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proxy.process.kill()
        proxy.process.wait(timeout=10)


@contextlib.contextmanager
def running_cluster(replicas: int, log_dir: Path, cookie_secret: str | None = None
                    ) -> Iterator[Cluster]:
    """N replicas on loopback behind HAProxy while the block runs; everything is stopped after,
    also when the block fails or is interrupted."""
    log_dir.mkdir(parents=True, exist_ok=True)
    # The same secret on every replica, as Streamlit requires behind a load balancer: a cookie
    # one replica signed (its session and login cookies) holds on another.
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret or secrets.token_hex(32)}
    with contextlib.ExitStack() as stack:
        started = []
        for number in range(1, replicas + 1):
            name = f"r{number}"
            server = app_server.start(log_dir / f"replica-{name}.log", env=env)
            stack.callback(app_server.stop, server)
            started.append(Replica(name, server))
        config_path = log_dir / "haproxy.cfg"
        config_path.write_text(loopback_config(CONFIG_TEMPLATE.read_text(),
                                               {r.name: r.server.url for r in started}))
        proxy = start_proxy(config_path, log_dir / "haproxy.log")
        stack.callback(stop_proxy, proxy)
        yield Cluster(started, proxy)


def kill_replica(replica: Replica, how: signal.Signals = signal.SIGKILL) -> None:
    """The replica goes away: SIGKILL is a crash, SIGTERM a shutdown (a rolling deploy)."""
    replica.server.process.send_signal(how)
    replica.server.process.wait(timeout=15)


def active_sessions(url: str) -> int | None:
    """Streamlit's own count of open sessions on a replica (its /_stcore/metrics)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/metrics", timeout=5) as response:
            text = response.read().decode()
    except OSError:
        return None
    match = re.search(r"^active_sessions (\d+)", text, re.MULTILINE)
    return int(match[1]) if match else None


# ---------------------------------------------------------------------------------------------
# A reader, as a browser behind the proxy


class ViewFailed(Exception):
    """The page answered, but not with the view: an HTTP error, an error notice, charts missing."""


@dataclass
class HttpAnswer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


async def http_get(base_url: str, target: str, cookies: dict[str, str] | None = None,
                   headers: Mapping[str, str] | None = None,
                   timeout_s: float = VIEW_TIMEOUT_S) -> HttpAnswer:
    """One HTTP/1.1 GET on its own connection; ``cookies`` is updated from Set-Cookie, as a
    browser's cookie jar would be."""
    parts = urlsplit(base_url)
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close",
             "User-Agent: ru-asean-scale-test"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if cookies:
        lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in cookies.items()))
    async with asyncio.timeout(timeout_s):
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            await writer.drain()
            raw = await reader.read()  # Connection: close: the answer ends with the stream
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    if not status_line.startswith("HTTP/"):
        raise ConnectionError(f"no HTTP answer from {base_url}{target}")
    answer = HttpAnswer(int(status_line.split()[1]),
                        [tuple(part.strip() for part in line.split(":", 1))
                         for line in header_lines if ":" in line], body)
    if cookies is not None:
        for name, value in answer.headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key.strip()] = rest.split(";", 1)[0].strip()
    return answer


async def open_view(base_url: str, view: View, cookies: dict[str, str],
                    timeout_s: float = VIEW_TIMEOUT_S):
    """GET the view's URL, then its websocket with the cookies, until the script has finished.

    Returns the open websocket (the reader keeps it while it reads) and what the server sent.
    """
    answer = await http_get(base_url, view.target, cookies, timeout_s=timeout_s)
    if answer.status != 200:
        raise ViewFailed(f"HTTP {answer.status} for {view.target}")
    socket = await loadtest.connect(base_url, timeout_s, {
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())})
    try:
        await socket.send(loadtest.page_request(base_url, view.path, view.query, view.lang))
        run = await loadtest.read_run(socket, timeout_s)
    except BaseException:
        await socket.close()
        raise
    if run.exceptions or run.charts < view.expected_charts:
        await socket.close()
        raise ViewFailed(f"{run.exceptions} error notice(s), {run.charts} of "
                         f"{view.expected_charts} charts")
    return socket, run


# A connection that went away: refused, reset, closed mid-run, or a timeout.
CONNECTION_ERRORS = (OSError, TimeoutError, websockets.WebSocketException)


async def hold(socket, seconds: float) -> bool:
    """Keep the websocket open while the reader reads; True when the server side went away."""
    try:
        async with asyncio.timeout(seconds):
            async for _message in socket:
                pass  # nothing is expected while the reader reads; pings are answered for us
        return True
    except TimeoutError:
        return False
    except websockets.ConnectionClosed:
        return True


@dataclass
class PageView:
    reader: int
    view: str
    replica: str  # where the view was served (the sticky cookie after it)
    seconds: float | None  # GET until every chart had arrived; None when it failed
    started_s: float  # since the crowd started
    after_kill: bool = False
    reconnected: bool = False  # the kill cut it off and it was finished on another replica
    problem: str = ""


@dataclass
class Recovery:
    reader: int
    view: str
    from_replica: str
    to_replica: str | None = None
    seconds: float | None = None  # from the kill until its charts were back; None: never
    same_charts: bool | None = None  # the same plotly JSON as before the kill


@dataclass
class Crowd:
    """The shared state of one run: the clock, the kill, what every reader did."""

    base_url: str
    started: float = field(default_factory=time.monotonic)
    killed: str | None = None
    kill_time: float | None = None
    page_views: list[PageView] = field(default_factory=list)
    recoveries: dict[int, Recovery] = field(default_factory=dict)
    cookies: dict[int, dict[str, str]] = field(default_factory=dict)  # each reader's cookie jar
    present: set[int] = field(default_factory=set)  # readers opening or reading a view now

    def now(self) -> float:
        return time.monotonic() - self.started

    def replica_of(self, number: int) -> str | None:
        return self.cookies.get(number, {}).get(STICKY_COOKIE)

    def readers_on(self) -> Counter:
        return Counter(self.replica_of(number) or "?" for number in self.present)

    def cut_off_by_kill(self, number: int, started: float) -> bool:
        """A connection error is the kill's doing when the reader's cookie named the killed
        replica, or the kill came while the view was being opened (before any cookie)."""
        if self.kill_time is None:
            return False
        replica = self.replica_of(number)
        return replica == self.killed or (replica is None and self.kill_time >= started)


async def reader(crowd: Crowd, number: int, view: View, arrival_s: float, views: int,
                 think: tuple[float, float], rng: random.Random) -> None:
    """One reader: arrives, opens its view ``views`` times, reading a while after each."""
    await asyncio.sleep(arrival_s)
    cookies = crowd.cookies.setdefault(number, {})
    charts_seen: list[str] | None = None  # the plotly JSON of its view, the first time
    for _ in range(views):
        started = time.monotonic()
        entry = PageView(number, view.target, "", None, crowd.now(),
                         after_kill=crowd.kill_time is not None)
        crowd.page_views.append(entry)
        crowd.present.add(number)
        socket = run = None
        try:
            socket, run = await open_view(crowd.base_url, view, cookies)
        except CONNECTION_ERRORS as error:
            if crowd.cut_off_by_kill(number, started):
                socket, run = await reconnect(crowd, number, view, cookies, charts_seen, rng)
                entry.reconnected = socket is not None
            entry.problem = "" if socket else f"{type(error).__name__}: {error}"
        except ViewFailed as error:
            entry.problem = str(error)
        entry.replica = crowd.replica_of(number) or "?"
        if socket is None:
            crowd.present.discard(number)
            continue
        entry.seconds = time.monotonic() - started
        charts_seen = charts_seen or run.chart_specs
        note_recovery(crowd, number, run, charts_seen)
        read_until = time.monotonic() + rng.uniform(*think)
        while socket is not None:
            dropped = await hold(socket, max(0.0, read_until - time.monotonic()))
            await socket.close()
            socket = None
            if dropped and crowd.cut_off_by_kill(number, started):
                # Its replica went away while it read: Streamlit's page reconnects with the same
                # URL, and the reader reads on (a failed reconnection shows in its recovery).
                socket, _run = await reconnect(crowd, number, view, cookies, charts_seen, rng)
            elif dropped:  # a live replica or the proxy closed a reader's page: a failure too
                entry.seconds, entry.problem = None, "the connection dropped while it was read"
        crowd.present.discard(number)


async def reconnect(crowd: Crowd, number: int, view: View, cookies: dict[str, str],
                    charts_seen: list[str] | None, rng: random.Random):
    """Open the same URL again, as a browser does after its websocket dropped, until the view
    is back or ``RECONNECT_GIVE_UP_S`` after the kill. Returns (socket, run) or (None, None)."""
    assert crowd.kill_time is not None
    # A reader cut off before it had a cookie was on the killed replica too.
    crowd.recoveries.setdefault(number, Recovery(number, view.target,
                                                 crowd.replica_of(number) or "?"))
    attempt = 0
    while time.monotonic() - crowd.kill_time < RECONNECT_GIVE_UP_S:
        attempt += 1
        await asyncio.sleep(reconnect_delay_s(attempt, rng))
        try:
            socket, run = await open_view(crowd.base_url, view, cookies)
        except (*CONNECTION_ERRORS, ViewFailed):
            continue
        note_recovery(crowd, number, run, charts_seen)
        return socket, run
    return None, None


def reconnect_delay_s(attempt: int, rng: random.Random) -> float:
    """How long Streamlit's front end waits before its ``attempt``-th try to reconnect
    (``nextReconnectDelayMs`` in the 1.67 bundle): 250-500 ms, then doubling up to 4 s, each
    jittered so that a replica's readers do not all come back in the same millisecond."""
    ceiling = min(4.0, 0.5 * 2 ** (attempt - 1))
    floor = 0.25 if attempt == 1 else ceiling / 2
    return rng.uniform(floor, ceiling)


def note_recovery(crowd: Crowd, number: int, run: loadtest.WireRun,
                  charts_seen: list[str] | None) -> None:
    """The first view a reader of the killed replica gets after the kill is its recovery."""
    recovery = crowd.recoveries.get(number)
    if recovery is None or recovery.seconds is not None:
        return
    recovery.to_replica = crowd.replica_of(number)
    recovery.seconds = time.monotonic() - crowd.kill_time
    recovery.same_charts = charts_seen is None or run.chart_specs == charts_seen


async def kill_part_way(crowd: Crowd, cluster: Cluster, at_s: float, replica_name: str,
                        how: signal.Signals, views: dict[int, View]) -> dict:
    """At ``at_s``, note which readers hold a view on the replica, then kill it."""
    await asyncio.sleep(max(0.0, at_s - crowd.now()))
    replica = cluster.replica(replica_name)
    sessions = dict(zip([r.name for r in cluster.replicas], await asyncio.gather(
        *(asyncio.to_thread(active_sessions, r.server.url) for r in cluster.replicas)),
        strict=True))
    readers_by_cookie = dict(crowd.readers_on())
    on_it = sorted(number for number in crowd.present if crowd.replica_of(number) == replica_name)
    for number in on_it:
        crowd.recoveries[number] = Recovery(number, views[number].target, replica_name)
    crowd.kill_time = time.monotonic()
    crowd.killed = replica_name
    at_s = crowd.now()
    await asyncio.to_thread(kill_replica, replica, how)
    print(f"  {at_s:5.1f} s  killed replica {replica_name} ({how.name}) with "
          f"{len(on_it)} readers on it", flush=True)
    return {"at_s": round(at_s, 2), "replica": replica_name, "signal": how.name,
            "readers_by_cookie": readers_by_cookie,
            "active_sessions_by_replica": sessions}


async def progress(crowd: Crowd, every_s: float = 3.0) -> None:
    while True:
        await asyncio.sleep(every_s)
        done = sum(1 for view in crowd.page_views if view.seconds is not None)
        failed = sum(1 for view in crowd.page_views if view.problem)
        holding = crowd.readers_on()
        print(f"  {crowd.now():5.1f} s  page views done {done}, failed {failed}; readers on "
              + (", ".join(f"{name} {count}" for name, count in sorted(holding.items()))
                 or "none"), flush=True)


async def run_crowd(cluster: Cluster, load: Load) -> dict:
    rng = random.Random(load.seed)
    crowd = Crowd(cluster.proxy.url)
    views = {number: READER_VIEWS[number % len(READER_VIEWS)] for number in range(load.readers)}
    tasks = [asyncio.create_task(reader(crowd, number, views[number],
                                        rng.uniform(0, load.ramp_s), load.views_per_reader,
                                        load.think_s, random.Random(rng.random())))
             for number in range(load.readers)]
    ticker = asyncio.create_task(progress(crowd))
    killer = (asyncio.create_task(kill_part_way(crowd, cluster, load.kill_at_s, load.kill,
                                                signal.Signals[load.kill_signal], views))
              if load.kill else None)
    try:
        _, pending = await asyncio.wait(tasks, timeout=load.deadline_s)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        kill = await killer if killer else None
    finally:
        ticker.cancel()
        if killer and not killer.done():
            killer.cancel()
    for view in crowd.page_views:
        if view.seconds is None and not view.problem:
            view.problem = "cut off by the deadline"
    cut_off = len(crowd.page_views)
    missing = load.readers * load.views_per_reader - cut_off  # not started before the deadline
    crowd.page_views += [PageView(-1, "(not started)", "", None, load.deadline_s,
                                  problem="cut off by the deadline")] * missing
    return {"crowd": crowd, "kill": kill, "wall_s": crowd.now()}


# ---------------------------------------------------------------------------------------------
# The phases of a run


def warm_replicas(cluster: Cluster) -> None:
    """Every view once on every replica directly: the caches hold the charts, as they do a few
    seconds after a deploy. Fails loudly when a view does not show (a broken view would make
    every later figure meaningless)."""
    for replica in cluster.replicas:
        for view in READER_VIEWS:
            run = loadtest.run_coroutine(loadtest.wire_run(replica.server.url, view.path,
                                                           view.query, view.lang))
            if run.exceptions or run.charts < view.expected_charts:
                raise RuntimeError(f"{view.target} on {replica.name}: {run.exceptions} error "
                                   f"notice(s), {run.charts} of {view.expected_charts} charts")


async def lone_reader(base_url: str, rounds: int) -> list[float]:
    """A reader alone on the proxy: every view, ``rounds`` times, each a GET plus websocket."""
    seconds = []
    cookies: dict[str, str] = {}
    for _ in range(rounds):
        for view in READER_VIEWS:
            started = time.monotonic()
            socket, _run = await open_view(base_url, view, cookies)
            seconds.append(time.monotonic() - started)
            await socket.close()
    return seconds


async def compression_check(cluster: Cluster) -> dict:
    """The page's main script bundle as it is, and straight from a replica and through the proxy
    asking for gzip: the replica compresses it (components/web/compression.py), and the proxy passes
    that on or compresses what a replica left plain; either way a reader gets it gzipped."""
    page = await http_get(cluster.proxy.url, "/")
    match = re.search(rb'src="\.?/?(static/js/[^"]+\.js)"', page.body)
    if not match:
        return {"checked": False, "why": "no script bundle found in the page"}
    target = "/" + match[1].decode()
    gzip = {"Accept-Encoding": "gzip"}
    plain = await http_get(cluster.replicas[0].server.url, target)
    direct = await http_get(cluster.replicas[0].server.url, target, headers=gzip)
    proxied = await http_get(cluster.proxy.url, target, headers=gzip)
    return {"checked": True, "path": target, "plain_bytes": len(plain.body),
            "direct_bytes": len(direct.body),
            "direct_encoding": direct.header("Content-Encoding"),
            "proxy_bytes": len(proxied.body),
            "proxy_encoding": proxied.header("Content-Encoding")}


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def spread(seconds: list[float]) -> dict:
    """Count, p50, p95 and max of some page views' times."""
    if not seconds:
        return {"n": 0}
    return {"n": len(seconds), "p50_s": rounded(statistics.median(seconds)),
            "p95_s": rounded(loadtest.percentile(seconds, 0.95)), "max_s": rounded(max(seconds))}


def timeline(views: list[PageView], bucket_s: float = 5.0) -> list[dict]:
    """Page views by when they started, in buckets: where the slow ones were."""
    buckets: dict[int, list[float]] = {}
    for view in views:
        if view.seconds is not None and not view.reconnected:
            buckets.setdefault(int(view.started_s // bucket_s), []).append(view.seconds)
    return [{"from_s": index * bucket_s, **spread(seconds)}
            for index, seconds in sorted(buckets.items())]


def summarise(cluster: Cluster, load: Load, lone: list[float], crowd_run: dict,
              compression: dict, cpu: dict) -> dict:
    crowd: Crowd = crowd_run["crowd"]
    views = crowd.page_views
    done = [view for view in views if view.seconds is not None]
    plain = [view.seconds for view in done if not view.reconnected]
    before = [view.seconds for view in done if not view.reconnected and not view.after_kill]
    after = [view.seconds for view in done if not view.reconnected and view.after_kill]
    recoveries = sorted(crowd.recoveries.values(), key=lambda r: r.reader)
    recovered = [r for r in recoveries
                 if r.seconds is not None and r.seconds <= RECOVERY_TARGET_S and r.same_charts]
    lone_s, lone_p95 = statistics.median(lone), loadtest.percentile(lone, 0.95)
    p95 = loadtest.percentile(plain, 0.95) if plain else None
    result = {
        "replicas": len(cluster.replicas),
        "readers": load.readers,
        "page_views": len(views),
        "failed": len(views) - len(done),
        "killed_replica_readers": len(recoveries),
        "recovered": len(recovered),
        "p50_s": rounded(statistics.median(plain)) if plain else None,
        "p95_s": rounded(p95),
        "lone_s": rounded(lone_s),
        "proxy": proxy_version(),
        # The target compares like with like: the crowd's p95 with the lone reader's p95 over
        # the same views (the views alone differ by 2x: a map is heavier than the sources).
        "p95_over_lone": rounded(p95 / lone_p95, 2) if p95 else None,
        "p95_over_lone_median": rounded(p95 / lone_s, 2) if p95 else None,
        "lone_p95_s": rounded(lone_p95),
        "p95_before_kill_s": rounded(loadtest.percentile(before, 0.95)) if before else None,
        "p95_after_kill_s": rounded(loadtest.percentile(after, 0.95)) if after else None,
        "max_s": rounded(max(plain)) if plain else None,
        "recovery_s": [rounded(r.seconds, 2) for r in recoveries],
        "recovery_max_s": rounded(max((r.seconds for r in recoveries if r.seconds is not None),
                                      default=None), 2),
        "recoveries": [asdict(r) for r in recoveries],
        "reconnected_page_views": sum(1 for view in done if view.reconnected),
        "page_views_by_replica": dict(Counter(view.replica for view in done)),
        "by_view": {view.target: spread([v.seconds for v in done if v.view == view.target
                                         and not v.reconnected]) for view in READER_VIEWS},
        "lone_by_view": {view.target: spread(lone[index::len(READER_VIEWS)])
                         for index, view in enumerate(READER_VIEWS)},
        "timeline": timeline(views),
        "kill": crowd_run["kill"],
        "failures": [f"reader {view.reader} {view.view} on {view.replica or '?'}: {view.problem}"
                     for view in views if view.seconds is None][:50],
        "wall_s": rounded(crowd_run["wall_s"], 1),
        "load": {**asdict(load),
                 "page_views_per_s": rounded(len(views) / crowd_run["wall_s"], 2)},
        "cpu_s": cpu,
        "compression": compression,
        "machine": {"cores": os.cpu_count(), "load_average_before": os.getloadavg()},
        "proxy_config": str(CONFIG_TEMPLATE.relative_to(app_server.PROJECT_ROOT)),
        "targets": {"failed": 0, "recovered_within_s": RECOVERY_TARGET_S,
                    "p95_over_lone_at_most": RATIO_TARGET},
    }
    result["targets_missed"] = missed_targets(result)
    return result


def missed_targets(result: dict) -> list[str]:
    missed = []
    if result["failed"]:
        missed.append(f"{result['failed']} failed page view(s), target 0")
    if result["recovered"] < result["killed_replica_readers"]:
        missed.append(f"{result['recovered']} of {result['killed_replica_readers']} readers of "
                      f"the killed replica back on their view within {RECOVERY_TARGET_S:.0f} s")
    if result["killed_replica_readers"] == 0 and result["kill"] is not None:
        missed.append("no reader was on the killed replica: the kill tested nothing")
    if result["p95_over_lone"] is None or result["p95_over_lone"] > RATIO_TARGET:
        missed.append(f"p95 {result['p95_s']} s is {result['p95_over_lone']}x the lone reader's "
                      f"p95 ({result['lone_p95_s']} s), target {RATIO_TARGET:.0f}x")
    return missed


def report(result: dict) -> str:
    lines = [
        f"{result['readers']} readers on {result['replicas']} replicas behind {result['proxy']}",
        f"  page views: {result['page_views'] - result['failed']}/{result['page_views']} done, "
        f"{result['failed']} failed ({result['load']['page_views_per_s']} a second)",
        f"  time to charts: p50 {result['p50_s']} s, p95 {result['p95_s']} s "
        f"(before the kill {result['p95_before_kill_s']} s, after {result['p95_after_kill_s']} s)"
        f"; a lone reader p50 {result['lone_s']} s, p95 {result['lone_p95_s']} s: the crowd's "
        f"p95 is {result['p95_over_lone']}x the lone p95 ({result['p95_over_lone_median']}x its "
        f"p50)",
        f"  killed replica: {result['killed_replica_readers']} readers on it, "
        f"{result['recovered']} back on their view within {RECOVERY_TARGET_S:.0f} s "
        f"(slowest {result['recovery_max_s']} s)",
        f"  page views by replica: {result['page_views_by_replica']}",
    ]
    compression = result["compression"]
    if compression.get("checked"):
        lines.append(f"  script bundle: {compression['plain_bytes'] // 1024} KB plain, "
                     f"{compression['direct_bytes'] // 1024} KB from a replica "
                     f"({compression['direct_encoding'] or 'not compressed'}), "
                     f"{compression['proxy_bytes'] // 1024} KB through the proxy "
                     f"({compression['proxy_encoding'] or 'not compressed'})")
    lines += [f"  failed: {failure}" for failure in result["failures"][:10]]
    lines += [f"MISSED: {target}" for target in result["targets_missed"]] or ["every target met"]
    return "\n".join(lines)


def measure(cluster: Cluster, load: Load = Load()) -> dict:
    """Warm, a lone reader, the crowd with a kill; the summary ``bench/scale.json`` holds."""
    if load.warm:
        print(f"warming {len(cluster.replicas)} replicas ({len(READER_VIEWS)} views each) ...",
              flush=True)
        warm_replicas(cluster)
    compression = loadtest.run_coroutine(compression_check(cluster))
    print(f"a lone reader through the proxy ({load.lone_rounds} x {len(READER_VIEWS)} views) ...",
          flush=True)
    lone = loadtest.run_coroutine(lone_reader(cluster.proxy.url, load.lone_rounds))
    print(f"  p50 {statistics.median(lone):.3f} s, p95 {loadtest.percentile(lone, 0.95):.3f} s",
          flush=True)
    pids = {r.name: r.server.process.pid for r in cluster.replicas}
    pids["proxy"] = cluster.proxy.process.pid
    cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{load.readers} readers, {load.views_per_reader} page views each, arriving over "
          f"{load.ramp_s:.0f} s"
          + (f"; replica {load.kill} killed at {load.kill_at_s:.0f} s" if load.kill else "")
          + " ...", flush=True)
    with contextlib.ExitStack() as watches:
        memory = {r.name: watches.enter_context(loadtest.MemoryWatch(r.server.process.pid))
                  for r in cluster.replicas}
        crowd_run = loadtest.run_coroutine(run_crowd(cluster, load))
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu_after = {name: cpu_seconds(pid) for name, pid in pids.items()}
    # A killed replica's CPU time went with its process: None.
    cpu = {name: rounded(cpu_after[name] - cpu_before[name], 2)
           if cpu_after[name] is not None and cpu_before[name] is not None else None
           for name in pids}
    cpu["load_generator"] = rounded(self_after.ru_utime + self_after.ru_stime
                                    - self_before.ru_utime - self_before.ru_stime, 2)
    result = summarise(cluster, load, lone, crowd_run, compression, cpu)
    result["replica_rss_peak_mb"] = {name: round(watch.peak_kb / 1024)
                                     for name, watch in memory.items()}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=DEFAULT_REPLICAS)
    parser.add_argument("--readers", type=int, default=DEFAULT_READERS)
    parser.add_argument("--views-per-reader", type=int, default=VIEWS_PER_READER)
    parser.add_argument("--ramp", type=float, default=RAMP_S,
                        help="readers arrive at random over this many seconds (0: all at once)")
    parser.add_argument("--think-min", type=float, default=THINK_S[0])
    parser.add_argument("--think-max", type=float, default=THINK_S[1],
                        help="a reader reads a view this long (uniform min..max) before the next")
    parser.add_argument("--kill", default="r1", help="the replica to kill (r1, r2, ...; none)")
    parser.add_argument("--kill-at", type=float, default=KILL_AT_S)
    parser.add_argument("--signal", default="kill", choices=["kill", "term"])
    parser.add_argument("--deadline", type=float, default=DEADLINE_S,
                        help="the crowd stops after this many seconds whatever happens")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "scale.json")
    args = parser.parse_args(argv)
    if args.replicas < 2:
        parser.error("--replicas: at least 2 (one is killed)")
    if not Path(HAPROXY).exists():
        print(f"error: {HAPROXY} is missing: run `make haproxy` (as root) or "
              "`apt-get install -y haproxy`", file=sys.stderr)
        return 1
    load = Load(readers=args.readers, views_per_reader=args.views_per_reader, ramp_s=args.ramp,
                think_s=(args.think_min, args.think_max),
                kill=None if args.kill == "none" else args.kill, kill_at_s=args.kill_at,
                kill_signal=f"SIG{args.signal.upper()}", deadline_s=args.deadline,
                seed=args.seed)
    # A SIGTERM (a CI job's timeout, `kill`) unwinds like Ctrl-C does, through the `finally`
    # that stops the replicas and the proxy, instead of leaving them running.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    log_dir = BENCH_DIR / "scale"
    print(f"starting {args.replicas} replicas and {proxy_version()} on loopback "
          f"(logs in {log_dir.relative_to(app_server.PROJECT_ROOT)}/) ...", flush=True)
    try:
        with running_cluster(args.replicas, log_dir) as cluster:
            print(f"  proxy at {cluster.proxy.url}; replicas "
                  + ", ".join(f"{r.name} {r.server.url}" for r in cluster.replicas), flush=True)
            result = measure(cluster, load)
    except (app_server.AppServerError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: the replicas and the proxy are stopped", file=sys.stderr)
        return 130
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(report(result))
    print(f"wrote {args.out}")
    return 1 if result["targets_missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
