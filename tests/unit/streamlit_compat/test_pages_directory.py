"""Streamlit's pages-folder mode is switched off once, and only on the release the shim knows."""

import dataclasses

from streamlit.runtime.pages_manager import PagesManager

from components.streamlit_compat import pages_directory
from components.streamlit_compat.pages_directory import leave_pages_directory_mode


def test_the_mode_is_switched_off_and_the_run_restarted_once(monkeypatch):
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    assert leave_pages_directory_mode() is True
    assert PagesManager.uses_pages_directory is False
    assert leave_pages_directory_mode() is False


def test_on_another_release_the_flag_is_left_alone(monkeypatch):
    monkeypatch.setattr(PagesManager, "uses_pages_directory", True)
    monkeypatch.setattr(pages_directory, "NAVIGATION_ONLY",
                        dataclasses.replace(pages_directory.NAVIGATION_ONLY, made_for="0.0.5"))
    assert leave_pages_directory_mode() is False
    assert PagesManager.uses_pages_directory is True
