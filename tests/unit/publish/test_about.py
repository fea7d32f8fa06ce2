"""The "About this data" citation of a chart, with or without the app's address."""

from __future__ import annotations

from datetime import date

from components.publish.about import about
from components.registry import CHARTS

ACCESSED = date(2026, 12, 1)


def test_without_an_address_the_citation_leaves_the_url_out(build, data):
    spec = CHARTS[0]
    found = about(spec, build(spec, lang="en"), data, "en", url="", accessed=ACCESSED)
    assert "–" not in found.citation.full.split("]")[-1] and "url =" not in found.citation.bibtex
    assert found.citation.full.endswith("Licence: Creative Commons Attribution 4.0.")
