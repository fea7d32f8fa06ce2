"""Titles bound to their data: every chart built over a grid of the views a reader can reach, its
title checked against the slips a template makes and against the numbers the chart draws.

The grid: each bloc on the days around every accession and the summit day; each track alone and
all together, over short and long periods; each initiative, level and claim.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
import pytest

from components.data.summit import SUMMIT_DAY
from components.map.memberships import BLOCS, count
from components.registry import get_chart
from components.text.i18n import LANGS
from components.timeline.events import TRACKS

# Slips a template makes when the data does not fit its words.
SLIPS = {
    "a placeholder left unfilled": re.compile(r"[{}]"),
    "a missing value written out": re.compile(r"\b(None|nan|NaT|NaN)\b"),
    "a hedged plural": re.compile(r"\(s\)"),
    "a doubled space or stray punctuation": re.compile(r"  | [,;.]|,,|\.\."),
    "growth to the same number": re.compile(r"from (\d+) \w+ (?:in|pada) \d{4} (?:to|menjadi) \1\b"),
    "'the' before ASEAN": re.compile(r"\b[Tt]he ASEAN\b(?! track| dialogue|–)"),
    "a count of none": re.compile(r"(?<![\d.,])0 (countries|negara|members|anggota)\b"),
    "a singular count with a plural noun": re.compile(
        r"(?<![\d.,])1 (members|countries|blocs|events|initiatives|delegations|claims|proposals)\b"),
    "a count of none written as a number": re.compile(r"\b(Only|only|Hanya|hanya) 0\b"),
    "a country that takes 'the' without it": re.compile(
        r"(?<!the )\b(United States|Philippines|Maldives|United Arab Emirates)\b(?= (and|joined))"),
}


def slips(title: str, lang: str) -> list[str]:
    found = [name for name, pattern in SLIPS.items()
             if pattern.search(title) and (lang == "en" or "the" not in name)]
    if not title or title != title.strip() or not title[0].isupper() and not title[0].isdigit():
        found.append("a title that does not start with a capital")
    return found


def accession_days(data, bloc: str | None = None) -> list[date]:
    """The day before and the day of every accession as a member (to ``bloc``, or to any), the
    summit day and the last day checked: the days on which a count changes, within the picker."""
    members = data["memberships"]
    joined = members[members["role"].isin(("member", "founding_member"))
                     & ((members["bloc_id"] == bloc) if bloc else True)]
    last = data["blocs"]["checked_to"].min().date()
    days = {SUMMIT_DAY, last}
    for start in joined["start_date"].dt.date.unique():
        days |= {start - timedelta(days=1), start}
    return sorted(day for day in days if date(1967, 8, 8) <= day <= last)


def map_views(data):
    """Each bloc on the days its own count changes; the overlap on the days any count does."""
    for bloc in BLOCS:
        for day in accession_days(data, bloc):
            yield {"bloc": bloc, "asof": day}
    for day in accession_days(data):
        yield {"bloc": "all", "asof": day}


def timeline_views():
    for tracks in [TRACKS, *[(track,) for track in TRACKS], ()]:
        for first, last in ((1967, 2025), (2023, 2023)):
            for query in ("", "zzz"):
                yield {"tracks": tracks, "from": first, "to": last, "q": query}


def build(spec, data, values, lang):
    return spec.make(data, {**spec.defaults, **{k: v for k, v in values.items()
                                                 if k in spec.defaults}}, lang)


def drawn_count(chart_id: str, chart, values: dict, data) -> int | None:
    """The number a chart's title must state first, as the chart draws it (None: no count)."""
    figure = chart.figure
    if chart_id == "membership-map":
        countries = next(t for t in figure.data if t.name == "countries")
        if values["bloc"] == "all":
            multi = sum(1 for level in countries.z if level >= 2)
            return multi or None
        return sum(1 for level in countries.z if level == 1) or None
    if chart_id == "role-matrix":
        rows = {y for trace in figure.data for y in (trace.y or ()) if y is not None}
        return len(rows) or None
    return None


@pytest.mark.slow
@pytest.mark.parametrize("chart_id", ["membership-map", "role-matrix", "members-over-time"])
@pytest.mark.parametrize("lang", LANGS)
def test_map_titles_have_no_slips_and_state_the_counts_drawn_on_any_day_and_bloc(data, chart_id,
                                                                                 lang):
    spec = get_chart(chart_id)
    found, miscounted = {}, []
    for values in map_views(data):
        chart = build(spec, data, values, lang)
        for slip in slips(chart.title, lang):
            found.setdefault(slip, chart.title)
        drawn = drawn_count(chart_id, chart, values, data)
        if drawn is not None and numbers(chart.title)[:1] != [drawn]:
            miscounted.append((values, drawn, chart.title))
        if chart_id == "membership-map" and values["bloc"] != "all" and drawn is not None:
            assert drawn == count(data["memberships"], values["bloc"], values["asof"]), values
    assert found == {}
    assert miscounted == []


@pytest.mark.slow
@pytest.mark.parametrize("chart_id", ["summit-week", "history"])
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_titles_have_no_slips_for_any_track_period_or_search(data, chart_id, lang):
    spec = get_chart(chart_id)
    found = {}
    for values in timeline_views():
        title = build(spec, data, values, lang).title
        for slip in slips(title, lang):
            found.setdefault(slip, title)
    assert found == {}


@pytest.mark.parametrize("lang", LANGS)
def test_cooperation_and_overview_titles_have_no_slips_for_any_choice(data, lang):
    cases = [("initiatives-sectors", {"initiative": i}) for i in get_chart(
        "initiatives-sectors").params[0].options]
    cases += [("delegation-levels", {"level": level}) for level in get_chart(
        "delegation-levels").params[0].options]
    cases += [("channels", {})]
    cases += [("claim-tracker", {"claim": c}) for c in get_chart("claim-tracker").params[0].options]
    found = {}
    for chart_id, values in cases:
        title = build(get_chart(chart_id), data, values, lang).title
        for slip in slips(title, lang):
            found.setdefault(slip, title)
    assert found == {}


DATE = re.compile(r"\b\d{1,2} \w+ \d{4}\b")


def numbers(text: str) -> list[int]:
    """The counts a title states: its numbers, leaving out dates and years."""
    text = DATE.sub("", text)
    return [int(n.replace(",", "").replace(".", "")) for n in re.findall(r"\b\d[\d.,]*\b", text)
            if not re.fullmatch(r"(19|20)\d\d", n)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_growth_title_gives_the_count_the_line_reaches_on_the_day(data, lang):
    spec = get_chart("members-over-time")
    for bloc in BLOCS:
        for day in (SUMMIT_DAY, date(2015, 8, 6), date(2024, 7, 4)):
            chart = build(spec, data, {"bloc": bloc, "asof": day}, lang)
            trace = next(t for t in chart.figure.data if (t.meta or {}).get("series") == bloc)
            line = pd.Series(list(trace.y), index=pd.to_datetime(list(trace.x)))
            reached = int(line[line.index <= pd.Timestamp(day)].iloc[-1])
            assert reached == count(data["memberships"], bloc, day)
            assert reached in numbers(chart.title), (bloc, day, chart.title)


@pytest.mark.parametrize("lang", LANGS)
def test_the_claim_trackers_title_counts_the_claims_of_fact_it_draws_without_evidence(data, lang):
    from components.data.verdicts import POSITION

    chart = build(get_chart("claim-tracker"), data, {}, lang)
    group_of = dict(zip(data["statements"]["claim_ref"], zip(
        data["statements"]["claim_type"], data["statements"]["verification"], strict=True),
        strict=True))
    drawn = [group_of[ref] for trace in chart.figure.data for ref in trace.customdata]
    facts = [status for kind, status in drawn if kind != POSITION]
    without = [status for status in facts if status not in ("confirmed", "confirmed_in_part")]
    assert numbers(chart.title) == [len(without), len(facts)] == [3, 5]
    assert len(drawn) == 14


@pytest.mark.parametrize("lang", LANGS)
def test_the_delegations_title_claims_only_the_heads_drawn_as_confirmed(data, lang):
    chart = build(get_chart("delegation-levels"), data, {}, lang)
    [marks] = [trace for trace in chart.figure.data if trace.x and trace.x[0] is not None]
    head = chart.figure.layout.xaxis.categoryarray[0]
    confirmed = sum(1 for x, symbol in zip(marks.x, marks.marker.symbol, strict=True)
                    if x == head and not symbol.endswith("-open"))
    assert confirmed in numbers(chart.title) and confirmed == 5
