"""Streamlit's front end read from its build manifest: the page's modules, the plotly chunk and
what it imports, its font; and the first paint put into Streamlit's page."""

import re

import pytest

from components.streamlit_compat import front_end
from components.streamlit_compat.front_end import (
    file_path,
    fits,
    font_file,
    insert_first_paint,
    page_modules,
    plotly_chunk,
    plotly_chunk_imports,
)

PAGE = (front_end.front_end_dir() / "index.html").read_text(encoding="utf-8")


def test_the_manifest_names_the_modules_streamlits_page_loads():
    listed = re.findall(r'(?:src|href)="\./static/js/([^"]+\.js)"', PAGE)
    assert page_modules() and set(page_modules()) == set(listed)


def test_the_plotly_chunk_and_its_imports_exist_and_the_page_does_not_load_them():
    assert plotly_chunk().startswith("PlotlyChart.") and file_path(plotly_chunk()).is_file()
    assert plotly_chunk_imports(), "the chunk imports modules of its own in 1.67"
    for module in plotly_chunk_imports():
        assert file_path(module).is_file() and module not in page_modules()
    assert font_file() and font_file() in PAGE


def test_the_chunks_imports_are_followed_to_the_end_but_not_into_the_page(monkeypatch):
    manifest = {
        "index.html": {"file": "static/js/index.c.js", "isEntry": True, "imports": ["_cap.e.js"]},
        "_cap.e.js": {"file": "static/js/cap.e.js"},
        "Plotly.tsx": {"file": "static/js/PlotlyChart.a.js", "name": "PlotlyChart",
                       "isDynamicEntry": True, "imports": ["_wrapper.b.js", "index.html"],
                       "dynamicImports": ["_lazy.d.js"]},
        "_wrapper.b.js": {"file": "static/js/wrapper.b.js", "imports": ["_cap.e.js", "_deep.f.js"]},
        "_deep.f.js": {"file": "static/js/deep.f.js"},
        "_lazy.d.js": {"file": "static/js/lazy.d.js"},
    }
    monkeypatch.setattr(front_end, "manifest", lambda: manifest)
    plotly_chunk_imports.cache_clear()
    try:
        assert plotly_chunk() == "PlotlyChart.a.js"
        assert page_modules() == ["index.c.js", "cap.e.js"]
        assert plotly_chunk_imports() == ("wrapper.b.js", "deep.f.js")
        assert front_end.plotly_module_urls() == [
            "./static/js/PlotlyChart.a.js", "./static/js/wrapper.b.js", "./static/js/deep.f.js"]
    finally:
        plotly_chunk_imports.cache_clear()


def test_streamlits_page_fits_and_takes_a_first_paint_before_its_root():
    assert fits(PAGE)
    page = insert_first_paint(PAGE, "<style>h</style>", "<main>paint</main>", "showing", "go",
                              ["./static/js/first.js"])
    assert page.index("<main>paint</main>") < page.index('<div id="root">')
    assert '<html class="showing"' in page
    assert '<script type="module" crossorigin src=' not in page  # started by go(), after the image
    assert "window.go = function" in page and page.index('"./static/js/first.js"') < page.index(
        f'"./static/js/{page_modules()[1]}"')
    assert not fits("<html><body>another page</body></html>")


@pytest.mark.parametrize("page", ["", "overview", None])
def test_the_server_address_is_told_for_a_page_of_the_app_only(page):
    script = front_end.server_address(page)
    assert (script == "") == (page is None)
