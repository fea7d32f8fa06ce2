"""Helpers the unit tests of several modules share (fixtures are in conftest.py): every chart
view by language, and a copy of the data package's rows a test may break."""

import csv

from components.registry import CHARTS
from components.text.i18n import LANGS

VIEWS = [(spec, lang) for spec in CHARTS for lang in LANGS]


def view_id(view) -> str:
    spec, lang = view
    return f"{spec.chart_id}-{lang}"


def read_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
