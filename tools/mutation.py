"""make mutation: mutmut over the pure layers ([tool.mutmut] in pyproject.toml), then the score.

    python tools/mutation.py                       mutate, test what is not yet tested, print the score
    python tools/mutation.py --max-children 1      the same on one core (default: 2)
    python tools/mutation.py 'components.data.checks.*'   (re)test only these mutants
    python tools/mutation.py --score               only print the score of the last run(s)

mutmut keeps every verdict in mutants/ and only retests the functions that changed since, so a
second run is quick; delete mutants/ to start over. ``mutmut results`` lists the survivors and
``mutmut show <name>`` shows one (run both from the project root).

The score line counts the mutants tested so far: "K killed of N (P %)" where N leaves out the
ones not yet checked (an interrupted run) and P is K / N. A timeout is a mutant whose tests ran
far longer than the clean run's (usually an endless loop the mutant made): the tests did not
pass, but it is counted apart, not as killed.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_CHILDREN = "2"  # the machine's two cores


def preload() -> None:
    """Import the heavy third-party libraries once, before mutmut forks its server.

    Every mutant's tests run in a fresh fork that imports the project's modules itself (so no
    cache a clean run filled answers for a mutant), but pandas, plotly, babel and frictionless
    take about a second to import: imported here, every fork inherits them instead.
    """
    import babel.dates  # noqa: F401
    import babel.numbers  # noqa: F401
    import frictionless  # noqa: F401
    import hypothesis  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import plotly.express  # noqa: F401
    import plotly.graph_objects  # noqa: F401
    import pytest  # noqa: F401


def pytest_collection_finish(session) -> None:
    """A pytest plugin hook (pyproject.toml loads this module with ``-p tools.mutation``).

    While mutmut records which tests reach which function (its "stats" run), a function called
    while the test modules are imported, such as url_state's ``year()`` building a page's
    parameters at module level, is hit before any test starts, and mutmut credits the hit to the
    first test only: every other test of it would never run against its mutants, which would
    then "survive". Credit such hits to every collected test instead.
    """
    import os

    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        return
    from mutmut.state import state

    hits = set(state()._stats)
    if not hits:
        return
    state()._stats.clear()
    ids = {item.nodeid.removeprefix("mutants/") for item in session.items}
    for name in hits:
        state().tests_by_mangled_function_name[name] |= ids


def tally() -> tuple[Counter, dict[str, Counter]]:
    """Each status's count, overall and per module, from the verdicts mutmut keeps in mutants/."""
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    total: Counter = Counter()
    by_module: dict[str, Counter] = {}
    for path in sorted(walk_mutatable_files()):
        data = SourceFileMutationData(path=path)
        data.load()
        counts = Counter(status_by_exit_code[code] for code in data.exit_code_by_key.values())
        if counts:
            by_module[str(path)] = counts
            total += counts
    return total, by_module


def score_line(counts: Counter) -> str:
    tested = sum(counts.values()) - counts["not checked"] - counts["skipped"]
    killed = counts["killed"] + counts["caught by type check"]
    percent = 100 * killed / tested if tested else 0.0
    line = (f"mutation score: {killed} killed of {tested} ({percent:.1f} %), {counts['survived']} survived, "
            f"{counts['timeout']} timeout, {counts['no tests']} no tests")
    others = {status: n for status, n in counts.items()
              if status not in ("killed", "caught by type check", "survived", "timeout", "no tests") and n}
    if others:
        line += "; " + ", ".join(f"{n} {status}" for status, n in sorted(others.items()))
    return line


def print_score() -> int:
    total, by_module = tally()
    if not total:
        print("mutation score: no results in mutants/ yet (run make mutation)")
        return 1
    width = max(len(path) for path in by_module)
    print()
    print(f"{'module':<{width}}  killed  survived  timeout  no tests  total")
    for path, counts in by_module.items():
        print(f"{path:<{width}}  {counts['killed']:6d}  {counts['survived']:8d}  {counts['timeout']:7d}"
              f"  {counts['no tests']:8d}  {sum(counts.values()):5d}")
    print()
    print(score_line(total))
    print("survivors: .venv/bin/mutmut results; one of them: .venv/bin/mutmut show <name>")
    return 0


def main(argv: list[str]) -> int:
    # mutmut reads pyproject.toml and writes mutants/ in the working directory; the script's own
    # folder must not shadow anything on the path (mutmut puts mutants/ first).
    import os

    os.chdir(ROOT)
    if sys.path and Path(sys.path[0]).resolve() == ROOT / "tools":
        del sys.path[0]
    if argv[:1] == ["--score"]:
        return print_score()
    # mutmut copies tests/ over its old copy, which keeps a test file moved or deleted since:
    # drop the copy so it is made afresh (the verdicts, kept beside the mutants, stay).
    shutil.rmtree(ROOT / "mutants" / "tests", ignore_errors=True)
    if "--max-children" not in argv:
        argv = ["--max-children", MAX_CHILDREN, *argv]
    preload()
    from mutmut.__main__ import cli

    try:
        cli.main(["run", *argv], prog_name="mutmut", standalone_mode=False)
    except SystemExit as stop:  # mutmut exits on a broken clean run: no score to give then
        if stop.code not in (0, None):
            return int(stop.code) if isinstance(stop.code, int) else 1
    return print_score()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
