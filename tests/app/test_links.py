"""A link built from changed controls reproduces the view, for every page with controls.

For each page, every control gets a value other than its default; the page must accept them all
(no notice), keep exactly them in its URL, and show the same chart titles as a second, fresh
session opened on that URL.
"""

from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from components.charts.url_state import Param, parse_query, to_query
from components.registry import PAGE_PARAMS
from tools.apptest import chart_titles, link_notices, open_app


def changed_value(param: Param):
    """A valid value different from the parameter's default."""
    if param.kind == "choice":
        return next(option for option in param.options if option != param.default)
    if param.kind == "choices":
        return tuple(param.options[:1]) if tuple(param.default) != tuple(param.options[:1]) \
            else tuple(param.options[:2])
    if param.kind == "day":
        earliest, latest = param.options
        return param.default - timedelta(days=400) if param.default - timedelta(days=400) >= \
            earliest else param.default + timedelta(days=30)
    if param.kind == "year":
        earliest, latest = param.options
        return param.default + 1 if param.default < latest else param.default - 1
    if param.kind == "flag":
        return not param.default
    return "Lavrov"


def open_page(page: str, query: dict[str, str]) -> AppTest:
    return open_app(f"pages/{page}.py", query)


def url_of(app: AppTest) -> dict[str, str]:
    return {key: value[-1] if isinstance(value, list) else value
            for key, value in app.query_params.items()}


@pytest.mark.parametrize("page", list(PAGE_PARAMS))
def test_a_link_with_every_control_changed_reproduces_the_view(page):
    params = PAGE_PARAMS[page]
    values = {param.key: changed_value(param) for param in params}
    assert parse_query(params, to_query(params, values))[1] == [], "test values must be valid"
    link = {"lang": "en", **to_query(params, values)}

    first = open_page(page, link)
    assert not first.exception, [e.value for e in first.exception]
    assert link_notices(first) == []
    assert url_of(first) == link, "the page must keep exactly the link's view in its URL"

    second = open_page(page, url_of(first))
    assert chart_titles(second) == chart_titles(first)
    assert chart_titles(first), "the page shows its charts"


@pytest.mark.parametrize("page", list(PAGE_PARAMS))
def test_a_page_opened_without_parameters_adds_only_the_language_to_its_url(page):
    app = open_page(page, {"lang": "id"})
    assert not app.exception
    assert url_of(app) == {"lang": "id"}
