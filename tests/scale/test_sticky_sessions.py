"""Readers through HAProxy stay on their replica (its cookie), are spread over the replicas, and
get the script bundles compressed by the proxy. Wire-level readers, as in tools/scale_test.py."""

from __future__ import annotations

import asyncio

from tools import loadtest, scale_test

MAP_VIEW = scale_test.View("map", "bloc=EAEU&lang=en")


def test_a_reader_keeps_its_replica_from_page_to_page(cluster) -> None:
    async def three_views() -> list[str]:
        cookies: dict[str, str] = {}
        replicas = []
        for _ in range(3):
            socket, run = await scale_test.open_view(cluster.proxy.url, MAP_VIEW, cookies)
            await socket.close()
            assert run.charts == MAP_VIEW.expected_charts
            replicas.append(cookies[scale_test.STICKY_COOKIE])
        return replicas

    replicas = loadtest.run_coroutine(three_views())
    assert replicas[0] in {replica.name for replica in cluster.replicas}
    assert replicas == [replicas[0]] * 3


def test_readers_are_spread_over_the_replicas_as_streamlit_itself_counts_them(cluster) -> None:
    """Each reader's cookie names the replica whose Streamlit holds its session."""
    async def hold_four():
        jars = [{} for _ in range(4)]
        sockets = []
        for jar in jars:  # one after the other, so that leastconn sees each open session
            socket, _run = await scale_test.open_view(cluster.proxy.url, MAP_VIEW, jar)
            sockets.append(socket)
        try:
            sessions = {replica.name: await asyncio.to_thread(
                scale_test.active_sessions, replica.server.url) for replica in cluster.replicas}
        finally:
            for socket in sockets:
                await socket.close()
        return [jar[scale_test.STICKY_COOKIE] for jar in jars], sessions

    names, sessions = loadtest.run_coroutine(hold_four())
    assert sorted(names) == ["r1", "r1", "r2", "r2"]
    assert sessions == {"r1": 2, "r2": 2}


def test_the_script_bundle_reaches_readers_gzipped_through_the_proxy(cluster) -> None:
    compression = loadtest.run_coroutine(scale_test.compression_check(cluster))
    assert compression["checked"], compression
    assert compression["direct_encoding"] == "gzip"  # the replica compresses it itself
    assert compression["proxy_encoding"] == "gzip"  # and the proxy does not undo or redo it
    assert compression["proxy_bytes"] < compression["plain_bytes"] / 1.5
