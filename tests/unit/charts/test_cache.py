"""One cache of built charts and what is made from them: once per view and data version, bounded,
made once when many ask at once, and out of reach of anything a browser sends."""

import threading
import time

import pytest

from components.charts import cache
from components.charts.spec import ChartSpec


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


class Data(dict):
    def __init__(self, version):
        super().__init__()
        self.version = version


def counting_spec(calls: list) -> ChartSpec:
    def make(data, values, lang):
        calls.append((data.version, dict(values), lang))
        return f"chart {len(calls)}"
    return ChartSpec("example", "overview", (), make)


def test_a_view_is_built_once_per_values_language_and_data_version():
    calls = []
    spec = counting_spec(calls)
    first = cache.built(spec, Data(("data", "1")), {"a": [1, 2]}, "en")
    assert cache.built(spec, Data(("data", "1")), {"a": [1, 2]}, "en") is first
    cache.built(spec, Data(("data", "1")), {"a": [2, 1]}, "en")
    cache.built(spec, Data(("data", "1")), {"a": [1, 2]}, "id")
    cache.built(spec, Data(("data", "2")), {"a": [1, 2]}, "en")
    assert len(calls) == 4


def test_unversioned_data_is_never_cached():
    calls = []
    spec = counting_spec(calls)
    cache.built(spec, Data(None), {}, "en")
    cache.built(spec, Data(None), {}, "en")
    assert len(calls) == 2
    assert cache.derived("x", spec, Data(None), {}, "en", lambda: len(calls)) == 2


def test_derived_values_are_kept_per_name_view_and_extra_key():
    spec = counting_spec([])
    data = Data(("data", "1"))
    made = []
    for extra in (True, True, False):
        cache.derived("on-screen", spec, data, {}, "en", lambda: made.append(1) or len(made), extra)
    cache.derived("about", spec, data, {}, "en", lambda: made.append(1) or len(made), True)
    assert len(made) == 3


def test_the_cache_keeps_only_its_most_recently_used_entries(monkeypatch):
    monkeypatch.setattr(cache._charts, "max_entries", 3)
    made = []
    for key in ("a", "b", "c"):
        cache.remembered(key, lambda key=key: made.append(key) or key)
    cache.remembered("a", lambda: made.append("a again"))  # used again: kept
    cache.remembered("d", lambda: made.append("d") or "d")  # pushes out b, the oldest
    cache.remembered("a", lambda: made.append("a third"))
    cache.remembered("b", lambda: made.append("b again") or "b")
    assert made == ["a", "b", "c", "d", "b again"]


def test_many_readers_of_one_new_key_share_one_make():
    made = []

    def slow():
        made.append(1)
        time.sleep(0.05)
        return "value"

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.remembered("k", slow)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [1] and results == ["value"] * 8
    assert cache._charts._making == {}  # no lock left behind


def test_a_make_that_fails_is_not_kept_and_leaves_no_lock():
    with pytest.raises(RuntimeError):
        cache.remembered("k", lambda: (_ for _ in ()).throw(RuntimeError("broken")))
    assert cache._charts._making == {} and cache.remembered("k", lambda: "mended") == "mended"


def test_frozen_values_are_sorted_and_hashable():
    assert cache.frozen({"b": [1, 2], "a": "x"}) == (("a", "x"), ("b", (1, 2)))
    hash(cache.frozen({"b": [1, 2]}))


def test_streamlits_clear_cache_command_leaves_the_shared_charts():
    # A browser can send Streamlit's clear_cache message; it clears Streamlit's own caches only.
    import streamlit as st

    cache.remembered("kept", lambda: "value")
    st.cache_resource.clear()
    st.cache_data.clear()
    assert cache.remembered("kept", lambda: "made again") == "value"


def test_images_are_kept_within_their_byte_budget_the_oldest_going_first(monkeypatch):
    monkeypatch.setattr(cache._images, "max_bytes", 250)
    spec = counting_spec([])
    data = Data(("data", "1"))
    made = []

    def image(view: str) -> bytes:
        return cache.image("png", spec, data, {"view": view}, "en",
                           lambda: made.append(view) or bytes(100))

    for view in ("a", "b", "a", "c"):  # c takes the total to 300 bytes: b, least used, goes
        image(view)
    image("a")
    image("b")
    assert made == ["a", "b", "c", "b"]
    assert cache._images._bytes == 200  # b made again pushed c out; the count follows


def test_an_image_of_unversioned_data_is_made_each_time():
    spec = counting_spec([])
    made = []
    for _ in range(2):
        cache.image("svg", spec, Data(None), {}, "en", lambda: made.append(1) or b"x")
    assert made == [1, 1]
