"""``make validate``: check the data package an editor has changed.

Exit status 0 when the package is valid; 1 with every problem listed, one a line, as
``file, row N, column 'x': what is wrong``. A valid package gets its ``README.md`` rewritten from
the descriptor and the tables (``data.dictionary.package_readme``): the package's download on the
Sources page carries it, so it must say what the tables now hold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from components.data.dictionary import README_NAME, package_readme
from components.data.package import find_problems, read_package
from components.paths import data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=data_dir(),
                        help="folder holding datapackage.json (default: data/, or "
                             "$DASHBOARD_DATA_DIR when set, as the app reads it)")
    args = parser.parse_args(argv)
    problems, tables, _ = find_problems(args.root)
    if problems:
        for problem in problems:
            print(problem)
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"\n{len(problems)} {noun} in {args.root}", file=sys.stderr)
        return 1
    rows = sum(len(table) for table in tables.values())
    print(f"{args.root}: valid ({len(tables)} tables, {rows} rows)")
    readme = args.root / README_NAME
    text = package_readme(read_package(args.root))
    if not readme.exists() or readme.read_text(encoding="utf-8") != text:
        readme.write_text(text, encoding="utf-8")
        print(f"{readme}: rewritten from the package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
