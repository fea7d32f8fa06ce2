"""Random, overlong, malformed and hostile URL values on every page's parameters (hypothesis).

Whatever a link holds, the page runs without an exception, shows its title, and shows one notice
for exactly each value the parameter's declaration refuses, naming its key (the view falls back to
the default). Which values those are is decided here by ``refused``, from each parameter's kind,
options and bounds, not by ``url_state``'s own parsing: a slip there shows as a difference. The
notice repeats the value as inert text: a markdown link in a URL makes no link.

The number of examples is kept small for the everyday suite; ``URL_FUZZ_EXAMPLES=200`` runs more.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.charts.url_state import LIST_SEPARATOR, Param
from components.registry import CHARTS, PAGE_PARAMS, lead_chart
from components.text.i18n import LANGS, resolve_lang, t
from components.text.safe_text import md_escape
from tools.apptest import heading, open_app, overview_heading, page_heading

TIMEOUT = 60
# AppTest runs of these pages take 1-3 s each: these counts keep the file under 3 minutes.
EXAMPLES = {"overview": 10, "timeline": 25, "map": 25, "cooperation": 25, "embed": 20, "lang": 15}
SCALE = int(os.environ.get("URL_FUZZ_EXAMPLES", "0"))


def fuzz_settings(name: str):
    return settings(max_examples=SCALE or EXAMPLES[name], deadline=None, derandomize=not SCALE,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


# --- values --------------------------------------------------------------------------------------

HOSTILE = (
    "2023-02-30", "2023-13-01", "0000-00-00", "2023-9-7", "20230907", "9999-12-31", "1066",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "' OR 1=1 --",
    "1; DROP TABLE events", "~~~", "[click me](https://evil.example)", "javascript:alert(1)",
    "**bold** _it_ `code` $x^2$", "{key} {value} {0}", "%00", "%2F..%2F", "\x00", "\t\n",
    "XYZ", "atlantis", "ASEAN ", "asean", "NaN", "-1", "1e308", " ", "",
)
# Any character a browser can send in a URL: lone surrogates cannot be encoded as UTF-8.
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))


def valid_values(param: Param) -> st.SearchStrategy[str]:
    """Values the parameter accepts, written as a link writes them."""
    if param.kind == "choice":
        return st.sampled_from(param.options)
    if param.kind == "choices":
        return st.lists(st.sampled_from(param.options), unique=True).map(LIST_SEPARATOR.join)
    if param.kind == "day":  # the first and last days drawn often: a slip there is a classic
        return st.one_of(st.sampled_from(param.options), st.dates(*param.options)).map(
            date.isoformat)
    if param.kind == "year":
        return st.one_of(st.sampled_from(param.options), st.integers(*param.options)).map(str)
    if param.kind == "flag":
        return st.sampled_from(("0", "1"))
    return st.just(param.dump(param.default))


def hostile_values(param: Param) -> st.SearchStrategy[str]:
    near_misses = [st.sampled_from(HOSTILE), st.text(ANY_CHARACTER, max_size=60),
                   st.builds(lambda piece, times: (piece * times)[:5000],
                             st.text(ANY_CHARACTER, min_size=1, max_size=3),
                             st.integers(1, 5000))]
    if param.kind == "day":  # the day before the first and the day after the last
        earliest, latest = param.options
        near_misses.append(st.sampled_from((earliest - timedelta(days=1),
                                            latest + timedelta(days=1))).map(date.isoformat))
    if param.kind == "year":
        earliest, latest = param.options
        near_misses.append(st.sampled_from((str(earliest - 1), str(latest + 1))))
    if param.kind == "choices":  # a list with one unknown item among known ones
        near_misses.append(st.tuples(valid_values(param), st.sampled_from(HOSTILE)).map(
            lambda pair: LIST_SEPARATOR.join(pair)))
    return st.one_of(near_misses)


def param_value(param: Param) -> st.SearchStrategy[str | list[str]]:
    single = st.one_of(valid_values(param), hostile_values(param))
    # A repeated key (?bloc=SCO&bloc=<b>) reaches the app as a list.
    return st.one_of(single, single, st.lists(single, min_size=2, max_size=3))


def query_for(params: Sequence[Param]) -> st.SearchStrategy[dict[str, str | list[str]]]:
    """Some of ``params`` (each present or not), each with a valid or hostile value."""
    return st.fixed_dictionaries({}, optional={param.key: param_value(param) for param in params})


# --- running and reading the app ------------------------------------------------------------------

def run_app(query: Mapping[str, str | list[str]], script: str | None = None,
            embedded: bool = False) -> AppTest:
    return open_app(script, query, context={"is_embedded": embedded})


def notice_pattern(lang: str) -> re.Pattern:
    template = t("notice.bad_param", lang, key="\0key\0", value="\0value\0")
    pattern = re.escape(template).replace("\0key\0", "(?P<key>.*)").replace(
        "\0value\0", "(?P<value>.*)")
    return re.compile(pattern, re.DOTALL)


# --- the oracle: which values a page must refuse, from the parameters' declarations alone -------

LONGEST_VALUE = 200  # any longer value is refused, whatever the parameter
NOTICE_CHARS = 40  # a notice repeats this much of the refused value
# The longest search each text parameter takes (url_state.text's max_length, not readable off a
# Param): a text parameter missing here fails the test rather than go unchecked.
TEXT_MAX_LENGTH = {"q": 80}
ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
FOUR_DIGITS = re.compile(r"[0-9]{4}", re.ASCII)


def refused(param: Param, value: str) -> bool:
    """Whether ``value`` breaks what ``param`` declares it takes."""
    if len(value) > LONGEST_VALUE:
        return True
    if param.kind == "choice":
        return value not in param.options
    if param.kind == "choices":  # "~"-separated; empty items (a trailing ~, "none") are no item
        return any(item not in param.options for item in value.split("~") if item != "")
    if param.kind == "day":
        found = ISO_DAY.fullmatch(value)
        if not found:
            return True
        try:
            day = date(*map(int, found.groups()))
        except ValueError:  # 2023-02-30
            return True
        earliest, latest = param.options
        return not earliest <= day <= latest
    if param.kind == "year":
        earliest, latest = param.options
        return not FOUR_DIGITS.fullmatch(value) or not earliest <= int(value) <= latest
    if param.kind == "flag":
        return value not in ("0", "1")
    if param.kind == "text":
        return len(value) > TEXT_MAX_LENGTH[param.key] or not value.isprintable()
    raise AssertionError(f"no oracle for {param.key}'s kind {param.kind!r}")


def expected_notices(params: Sequence[Param], query: Mapping, lang: str) -> list[str]:
    """The notices the page must show: one per refused value, a repeated key by its last value."""
    notices = []
    for param in params:
        value = query.get(param.key)
        if isinstance(value, list):
            value = value[-1] if value else None
        if value is not None and refused(param, value):
            notices.append(t("notice.bad_param", lang, key=param.key,
                             value=md_escape(value[:NOTICE_CHARS])))
    return sorted(notices)


def shown_notices(app: AppTest, lang: str) -> list[str]:
    pattern = notice_pattern(lang)
    return sorted(warning.value for warning in app.main.warning if pattern.fullmatch(warning.value))


def check(app: AppTest, params: Sequence[Param], query: Mapping, lang: str) -> None:
    assert not app.exception, [exception.value for exception in app.exception]
    assert shown_notices(app, lang) == expected_notices(params, query, lang)


# --- the tests -------------------------------------------------------------------------------------



def page_test(page: str):
    params = PAGE_PARAMS[page]

    @pytest.mark.slow
    @fuzz_settings(page)
    @given(query=query_for(params), lang=st.sampled_from(LANGS))
    def test(query, lang):
        app = run_app({"lang": lang, **query}, script=f"pages/{page}.py")
        check(app, params, query, lang)
        # The h1 is the lead chart's title for the view the controls hold after the link.
        lead = lead_chart(page)
        shown = {param.key: param.normalise(app.session_state[param.key]) for param in lead.params
                 if param.key in app.session_state}
        assert heading(app) == page_heading(page, lang, **shown)

    return test


FUZZED_PAGES = ("overview", "timeline", "map", "cooperation")


def test_pages_fuzzed_are_the_pages_with_parameters():
    assert set(FUZZED_PAGES) == set(PAGE_PARAMS)


test_any_overview_link_opens_the_page_with_a_notice_for_each_bad_value = page_test("overview")
test_any_timeline_link_opens_the_page_with_a_notice_for_each_bad_value = page_test("timeline")
test_any_map_link_opens_the_page_with_a_notice_for_each_bad_value = page_test("map")
test_any_cooperation_link_opens_the_page_with_a_notice_for_each_bad_value = page_test("cooperation")


@pytest.mark.slow
@fuzz_settings("embed")
@given(data=st.data(), lang=st.sampled_from(LANGS))
def test_any_embed_link_shows_its_chart_with_a_notice_for_each_bad_value(data, lang):
    spec = data.draw(st.sampled_from([spec for spec in CHARTS if spec.params]), label="chart")
    query = data.draw(query_for(spec.params), label="query")
    app = run_app({"embed": "true", "chart": spec.chart_id, "lang": lang, **query}, embedded=True)
    check(app, spec.params, query, lang)
    assert not app.error, [error.value for error in app.error]  # the chart was drawn
    assert any(block.value.startswith("#### ") for block in app.markdown), "no chart title"


@pytest.mark.slow
@fuzz_settings("lang")
@given(value=st.one_of(st.sampled_from(LANGS), st.sampled_from(HOSTILE),
                       st.text(ANY_CHARACTER, max_size=300),
                       st.lists(st.sampled_from((*LANGS, *HOSTILE)), min_size=2, max_size=3)))
def test_any_language_value_opens_the_overview_in_a_known_language(value):
    app = run_app({"lang": value})
    assert not app.exception, [exception.value for exception in app.exception]
    requested = value[-1] if isinstance(value, list) else value
    lang = resolve_lang(requested, None)
    assert app.title[0].value == overview_heading(lang)
    notices = [warning.value for warning in app.sidebar.warning]
    if requested in LANGS:
        assert notices == []
    else:
        assert notices == [t("notice.bad_param", lang, key="lang",
                             value=md_escape(requested[:40]))]


@pytest.mark.parametrize("page", list(PAGE_PARAMS))
def test_a_markdown_link_in_a_url_value_is_shown_as_text(page):
    params = PAGE_PARAMS[page]
    query = {params[0].key: "[click me](https://evil.example)"}
    app = run_app({"lang": "en", **query}, script=f"pages/{page}.py")
    shown = shown_notices(app, "en")
    assert shown == expected_notices(params, query, "en")
    assert all("\\[click me\\]\\(" in notice for notice in shown)
