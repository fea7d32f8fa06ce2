"""A replica dies under readers: every reader that was on it gets its view back on another
replica, from its URL, within the target; none sees a failed page view.

The short version of `make scale-test` (8 readers instead of 60); its timings are not asserted,
only what a reader sees, so that it holds on a busy machine.
"""

from __future__ import annotations

from tools import loadtest, scale_test

SHORT = scale_test.Load(readers=8, views_per_reader=2, ramp_s=2.0, think_s=(2.0, 4.0),
                        kill="r1", kill_at_s=3.5, deadline_s=120.0, lone_rounds=1)


def test_every_reader_of_a_killed_replica_gets_its_view_back_and_none_fails(start_cluster
                                                                             ) -> None:
    with start_cluster() as cluster:
        result = scale_test.measure(cluster, SHORT)
    assert result["page_views"] == SHORT.readers * SHORT.views_per_reader
    assert result["failed"] == 0, result["failures"]
    assert result["killed_replica_readers"] >= 1, result["kill"]
    assert result["recovered"] == result["killed_replica_readers"], result["recoveries"]
    for recovery in result["recoveries"]:
        assert recovery["to_replica"] != "r1"
        assert recovery["same_charts"], recovery
    assert not cluster.replica("r1").alive


def test_a_reader_with_no_live_replica_to_go_to_counts_as_a_failed_page_view(start_cluster
                                                                              ) -> None:
    """The measure can fail: with every replica gone, the proxy has nowhere to send a reader."""
    load = scale_test.Load(readers=2, views_per_reader=1, ramp_s=0.0, think_s=(0.1, 0.1),
                           kill=None, deadline_s=60.0)
    with start_cluster() as cluster:
        for replica in cluster.replicas:
            scale_test.kill_replica(replica)
        crowd = loadtest.run_coroutine(scale_test.run_crowd(cluster, load))["crowd"]
    assert [view.seconds for view in crowd.page_views] == [None, None]
    assert all(view.problem.startswith("HTTP 503") for view in crowd.page_views), [
        view.problem for view in crowd.page_views]
