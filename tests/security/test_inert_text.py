"""Data text stays text (issue 33, "data text becomes live links and images", the ZIP README, the
CSV formulas): planted markup in the data shows escaped in every control and link label, the
README of a chart's ZIP carries no link or image of its own, and no CSV cell starts a formula."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
import pytest

from components.charts.fields import csv_bytes
from components.data.package import read_package
from components.paths import DATA_DIR_VARIABLE
from components.publish.about import about, readme
from components.publish.downloads import sources_csv
from components.registry import CHARTS
from tools.apptest import open_app

# Markdown that would make a link or an image: "[text](address)" or "![alt](address)" with no
# backslash before the closing bracket, or raw HTML.
LIVE_MARKUP = re.compile(r"(?<!\\)\]\(|(?<!\\)<img|(?<!\\)<a\b")


def unescaped(text: str) -> bool:
    return bool(LIVE_MARKUP.search(text))


@pytest.fixture
def planted_app(planted_data, monkeypatch):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(planted_data))

    def run(script: str, **params: str):
        app = open_app(script, **params)
        assert not app.exception, [e.value for e in app.exception]
        return app

    return run


def test_initiative_names_in_the_cooperation_radio_are_escaped(planted_app):
    app = planted_app("pages/cooperation.py", lang="en")
    radios = [radio for radio in app.radio if any("evil" in o for o in radio.options)]
    assert radios, "the planted initiative names are not among any radio's options"
    for radio in radios:
        for option in radio.options:
            assert not unescaped(option), f"option renders as markdown: {option!r}"


def test_claims_and_speakers_in_the_cooperation_claim_links_are_escaped(planted_app):
    app = planted_app("pages/cooperation.py", lang="en")
    labels = [link.proto.label for link in app.get("page_link")]
    labels += [caption.value for caption in app.caption]
    planted = [label for label in labels if "evil" in label]
    assert planted, "no claim link or caption carries the planted label or speaker"
    for label in planted:
        assert not unescaped(label), f"label renders as markdown: {label!r}"


def test_claims_on_the_overview_cards_are_escaped(planted_app):
    app = planted_app("pages/overview.py", lang="en")
    labels = [expander.proto.label for expander in app.expander]
    planted = [label for label in labels if "evil" in label]
    assert planted
    assert not any(unescaped(label) for label in planted), planted


FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A2)", "\t=1", "\r=1"]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_cells_never_start_a_formula_but_numbers_stay_numbers():
    rows = pd.DataFrame({"text": [*FORMULAS, "-3.5", "plain"],
                         "ids": [["=a", "b"]] * 8,
                         "number": [-1, 2, -3, 4, 5, 6, 7, 8]})
    body = cells(csv_bytes(rows))[1:]
    for (text, ids, _number), original in zip(body, [*FORMULAS, "-3.5", "plain"], strict=True):
        if original in ("-3.5", "plain"):
            assert text == original
        else:
            assert text == "'" + original
        assert ids == "'=a~b"
    assert [row[2] for row in body] == ["-1", "2", "-3", "4", "5", "6", "7", "8"]


@pytest.fixture(scope="module")
def planted_about(tmp_path_factory, planted_data):
    """A chart's "About this data" made from a package whose sources carry hostile text and URLs."""
    root = planted_data.parent / "sources-planted"
    import shutil
    shutil.copytree(planted_data, root)
    def planted(file: str, plant) -> None:
        path = root / file
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            plant(row)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def hostile_source(row) -> None:
        row["title"] = f"=HYPERLINK(\"https://evil.example\") {row['title']} [t](https://evil.example/t)"
        if row["url"]:
            row["url"] = row["url"] + ">)![i](https://evil.example/i.png)[u](javascript:alert(1))"

    def hostile_publisher(row) -> None:
        row["name"] = f"{row['name']} ![p](https://evil.example/p.png) <b>x</b>"

    planted("sources.csv", hostile_source)
    planted("publishers.csv", hostile_publisher)  # a source's publisher is named there
    data = read_package(root, partial=True)
    spec = CHARTS[0]
    chart = spec.make(data, spec.defaults, "en")
    return about(spec, chart, data, "en", url="https://app.example.org/?lang=en",
                 accessed=date(2026, 12, 1))


def test_the_zip_readme_carries_no_markup_from_the_data(planted_about):
    text = readme(planted_about, "rows.csv")
    assert "evil.example" in text  # the planted text is there, as text
    assert not re.search(r"(?<!\\)\]\((?!https?://)", text), "a link to something else than http(s)"
    for target in re.findall(r"(?<!\\)\]\(([^)]*)\)", text):
        assert "evil.example" not in target.split("/")[2], f"a live link or image to {target}"
    assert "<b>" not in text and "<img" not in text


def test_the_zip_sources_csv_starts_no_formula(planted_about):
    for row in cells(sources_csv(planted_about))[1:]:
        assert not any(cell.startswith(("=", "@", "+")) for cell in row), row
