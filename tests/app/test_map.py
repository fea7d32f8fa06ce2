"""The Map page through AppTest, with URL parameters valid and invalid."""

import pytest

from components.text.i18n import t
from components.text.safe_text import md_escape
from tools.apptest import chart_titles, heading, open_app, page_heading

TIMEOUT = 60


def run_map(**params):
    return open_app("pages/map.py", **params)


def headings(app):
    return [f"#### {title}" for title in chart_titles(app)]


def test_the_map_page_opens_on_the_overlap_view_of_summit_day():
    app = run_map(lang="en")
    assert not app.exception, [e.value for e in app.exception]
    assert heading(app) == page_heading("map", "en")
    assert any("On 7 September 2023" in h and "two or more" in h for h in headings(app))
    assert not app.warning


def test_a_link_reproduces_the_bloc_date_and_country_it_names():
    app = run_map(lang="en", bloc="SCO", asof="2024-07-04", country="KAZ")
    assert not app.exception, [e.value for e in app.exception]
    assert app.selectbox(key="bloc").value == "SCO"
    assert str(app.date_input(key="asof").value) == "2024-07-04"
    assert app.selectbox(key="country").value == "KAZ"
    assert any("the SCO had 10 members; the newest, Belarus" in h for h in headings(app))
    assert any(s.value == t("map.profile.heading", "en", name="Kazakhstan") for s in app.subheader)


@pytest.mark.parametrize(("key", "bad"), [("bloc", "NATO"), ("asof", "1900-01-01"),
                                          ("asof", "2023-02-30"), ("country", "XXX"),
                                          ("roles", "member~king")])
def test_a_bad_value_falls_back_to_its_default_with_a_notice(key, bad):
    app = run_map(lang="id", **{key: bad})
    assert not app.exception, [e.value for e in app.exception]
    # The notice repeats the value as inert markdown text.
    assert any(md_escape(bad[:40]) in warning.value and key in warning.value
               for warning in app.warning)
    assert any("Per 7 September 2023" in h for h in headings(app))


def test_showing_no_roles_still_draws_the_page():
    app = run_map(lang="en", bloc="EAS", roles="")
    assert not app.exception, [e.value for e in app.exception]
    assert any("had no members in the roles shown" in h for h in headings(app))
