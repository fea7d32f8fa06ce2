"""Every reach into Streamlit's internals is a shim made for the Streamlit installed; on another
release each is left out, and the log names it."""

import dataclasses
import logging

import pytest

from components.streamlit_compat import Shim, _active, all_shims, installed_streamlit

SHIMS = all_shims()


def test_the_package_lists_a_shim_for_each_reach():
    names = {shim.name for shim in SHIMS}
    assert {"plotly-draw-once", "settled-chart-module", "tcp-nodelay", "pages-directory-mode",
            "figure-sent-once", "dom-styles", "plotly-chunk-preload", "embed-first-paint",
            "backend-base-url", "early-plotly-import"} <= names
    assert len(names) == len(SHIMS)


@pytest.mark.parametrize("shim", SHIMS, ids=lambda shim: shim.name)
def test_each_shim_was_made_for_the_installed_streamlit(shim):
    # Fails after a Streamlit upgrade: redo this shim on the new release (and measure it again),
    # or delete it, then set its made_for.
    assert shim.made_for == installed_streamlit(), (
        f"redo or remove the shim {shim.name!r} (components/streamlit_compat/): made for "
        f"Streamlit {shim.made_for}, {installed_streamlit()} is installed")
    assert shim.why and shim.remove_when


def test_a_shim_for_another_release_is_left_out_and_named_once_in_the_log(caplog):
    other = dataclasses.replace(SHIMS[0], made_for="0.0.2")
    with caplog.at_level(logging.WARNING, logger="components.streamlit_compat"):
        assert not other.active
        assert not other.active
    assert caplog.text.count(f"the shim {SHIMS[0].name!r} was made for 0.0.2") == 1
    assert SHIMS[0].active


def test_the_gate_compares_releases_exactly():
    shim = Shim("example", "1.67.0", why="w", remove_when="r")
    assert _active(shim, "1.67.0")
    assert not _active(shim, "1.67.1") and not _active(shim, "1.6")


def test_shims_can_be_left_out_by_name_or_all_for_measuring(monkeypatch):
    shim = SHIMS[0]
    monkeypatch.setenv("DASHBOARD_SHIMS_OFF", f"other, {shim.name}")
    assert not shim.active and SHIMS[1].active
    monkeypatch.setenv("DASHBOARD_SHIMS_OFF", "all")
    assert not any(other.active for other in SHIMS)
    monkeypatch.delenv("DASHBOARD_SHIMS_OFF")
    assert shim.active
