"""tests/unit mirrors components/: the tests of components/<package>/<module>.py are in
tests/unit/<package>/test_<module>.py (of a top-level module, tests/unit/test_<module>.py).

A module without that file is named, unless ``EXCEPTIONS`` says why; a test file a reason names
must exist. The other way round, a test file in a package's folder is named for one of its modules
(test_<module>.py, or test_<module>_<aspect>.py for one side of it), unless ``NOT_A_MODULE`` says
what it tests instead.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPONENTS = ROOT / "components"
UNIT = ROOT / "tests" / "unit"

# Module (relative to components/) -> why it has no tests/unit/<package>/test_<module>.py.
EXCEPTIONS = {
    "streamlit_compat/__init__.py": "the shims' registry: tests/unit/streamlit_compat/test_shims.py",
    "charts/spec.py": "Chart and ChartSpec, built for every chart by tests/unit/test_registry.py",
    "data/checks.py": "the validator's checks, each corruption in tests/unit/data/test_validate.py",
    "data/summit.py": "dates and ids only, no behaviour",
    "map/figures.py": "drawn through map.charts' make_* in tests/unit/map/test_charts.py",
    "overview/figures.py": "drawn through overview.charts in tests/unit/test_visual_language.py",
    "overview/params.py": "the claim parameter, fuzzed through the page in tests/app/test_url_fuzz.py",
    # Streamlit pieces: run through AppTest, not imported by unit tests.
    "ui/controls.py": "Streamlit: every page's controls in tests/app/test_url_fuzz.py",
    "ui/cooperation.py": "Streamlit: tests/app/test_cooperation.py",
    "ui/embed.py": "Streamlit: tests/app/test_embed.py",
    "web/headers.py": "security headers on every answer: tests/security/test_headers.py",
    "ui/focus.py": "Streamlit: tests/app/test_focus.py (and the scrolling, tests/browser/test_focus.py)",
    "ui/frame.py": "Streamlit: tests/app/test_chart_faults.py and every page's charts",
    "ui/loading.py": "Streamlit: tests/app/test_broken_data.py",
    "ui/map.py": "Streamlit: tests/app/test_map.py",
    "ui/overview.py": "Streamlit: tests/app/test_pages.py",
    "ui/shell.py": "Streamlit: tests/app/test_pages.py",
    "ui/timeline.py": "Streamlit: tests/app/test_timeline.py",
}

# Test file (relative to tests/unit/) -> what it tests, when that is no one module.
NOT_A_MODULE = {
    "test_layout.py": "this layout",
    "test_titles.py": "every chart's title over a grid of views (the registry's charts)",
    "test_visual_language.py": "one colour per series and one typeface across every chart",
    "data/test_shipped_data.py": "the shipped data against the fact sheet and the article",
    "streamlit_compat/test_shims.py": "the package's own __init__: every Shim and its release",
}


def modules() -> list[str]:
    return sorted(path.relative_to(COMPONENTS).as_posix() for path in COMPONENTS.rglob("*.py"))


def expected_test(module: str) -> str:
    folder, _, name = module.rpartition("/")
    return (f"{folder}/" if folder else "") + f"test_{name}"


def has_code(module: str) -> bool:
    """Whether a module defines anything beyond its docstring, imports and ``__all__``."""
    tree = ast.parse((COMPONENTS / module).read_text(encoding="utf-8"))
    return any(not isinstance(node, (ast.Expr, ast.Import, ast.ImportFrom))
               and not (isinstance(node, ast.Assign) and
                        [getattr(target, "id", "") for target in node.targets] == ["__all__"])
               for node in tree.body)


def test_every_module_has_its_unit_tests_or_a_reason():
    untested = [f"components/{module} (no tests/unit/{expected_test(module)})"
                for module in modules()
                if module not in EXCEPTIONS
                and not (module.endswith("__init__.py") and not has_code(module))
                and not (UNIT / expected_test(module)).is_file()]
    assert not untested, "\n".join(untested)


def test_every_exception_is_a_module_and_every_test_file_it_names_exists():
    assert not set(EXCEPTIONS) - set(modules()), "an exception for a module that is gone"
    missing = [f"{module}: {path}" for module, reason in EXCEPTIONS.items()
               for path in re.findall(r"tests/[\w/]+\.py", reason) if not (ROOT / path).is_file()]
    assert not missing, "\n".join(missing)
    tested_anyway = [module for module in EXCEPTIONS if (UNIT / expected_test(module)).is_file()]
    assert not tested_anyway, f"has its tests now, drop the exception: {tested_anyway}"


def test_every_test_file_is_named_for_a_module_of_its_package():
    known = {Path(module).with_suffix("").as_posix() for module in modules()}
    stray = []
    for path in sorted(UNIT.rglob("test_*.py")):
        relative = path.relative_to(UNIT).as_posix()
        folder = path.parent.relative_to(UNIT).as_posix()
        prefix = "" if folder == "." else f"{folder}/"
        words = path.stem.removeprefix("test_").split("_")
        names = {prefix + "_".join(words[:end]) for end in range(1, len(words) + 1)}
        if relative not in NOT_A_MODULE and not names & known:
            stray.append(relative)
    assert not stray, "\n".join(stray)
