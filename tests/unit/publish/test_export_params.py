"""The export functions take only what they use: the framed image's width is the image call's,
and measuring pages needs the pages, not the folder they were written to."""

import inspect
import sys

from components.cooperation import figures
from components.publish import export, static_export


def test_the_framed_figure_takes_no_width_of_its_own():
    assert list(inspect.signature(export.framed_figure).parameters) == ["chart", "source_text"]
    assert "width" in inspect.signature(export.figure_image).parameters


def test_measuring_takes_only_the_pages_and_gives_none_without_playwright(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # its import then fails
    assert static_export.measure_heights([tmp_path / "en" / "chart.html"]) is None


def test_the_cooperation_figures_keep_no_unused_row_height():
    assert not hasattr(figures, "ROW_LINE_PX")
