"""Running the app in Streamlit's AppTest, as the app tests and the benchmark do."""

from __future__ import annotations

from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from components.text.i18n import t
from tools.app_server import PROJECT_ROOT

TIMEOUT = 60
OVERVIEW = "pages/overview.py"


def open_app(script: str | None = None, query: Mapping[str, str | list[str]] | None = None,
             context: Mapping[str, object] | None = None, **params: str) -> AppTest:
    """A fresh session opened on a link: ``query`` and ``params`` are its query parameters,
    ``context`` what the browser reports (``locale``, ``is_embedded``...), ``script`` the page.

    Each call is a new session: this app loses widget state between AppTest runs, so clicks
    are tested in the browser.
    """
    app = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for key, value in (context or {}).items():
        app.context[key] = value
    link = {**(query or {}), **params}
    other_page = script and script != OVERVIEW
    # A link to another page opens that page first, as in a browser: the Overview, which AppTest
    # runs first, would write its own view into the URL and drop the link's parameters.
    for key, value in (({"lang": link["lang"]} if "lang" in link else {}) if other_page
                       else link).items():
        app.query_params[key] = value
    app.run()
    if other_page:
        for key, value in link.items():
            app.query_params[key] = value
        app.switch_page(script)
        app.run()
    return app


def overview_heading(lang: str) -> str:
    """The Overview's h1, the verdict on the article's claims, as the shipped data gives it."""
    from components.data.package import read_package
    from components.overview.charts import verdict_headline
    from components.overview.shaping import claims, verdict

    return verdict_headline(verdict(claims(read_package())), lang)


def page_heading(page: str, lang: str, **values) -> str:
    """A page's h1 as the shipped data gives it: the Overview's verdict, the Sources page's count
    of sources, a section's lead chart title for the view ``values`` names (defaults otherwise),
    the Embed page's name."""
    from components.data.dictionary import sources_finding
    from components.data.package import read_package
    from components.registry import charts_on, lead_chart

    if page == "overview":
        return overview_heading(lang)
    if page == "sources":
        return sources_finding(read_package(), lang)
    if not charts_on(page):
        return t(f"nav.{page}", lang)
    spec = lead_chart(page)
    return spec.make(read_package(), {**spec.defaults, **values}, lang).title


def heading(app: AppTest) -> str:
    """The page's h1 as shown (markdown escapes removed)."""
    return app.title[0].value.replace("\\", "")


def frame_titles(app: AppTest) -> list[str]:
    """The titles the chart frames show (markdown escapes removed): not the lead chart's, which
    is the page's h1."""
    return [block.value.removeprefix("#### ").replace("\\", "")
            for block in app.markdown if block.value.startswith("#### ")]


def chart_titles(app: AppTest) -> list[str]:
    """The titles of every chart on a section page: its h1 (the lead chart's), then the frames'."""
    return [*([heading(app)] if app.title else []), *frame_titles(app)]


def link_notices(app: AppTest, lang: str = "en") -> list[str]:
    """The bad-link notices shown (other warnings, such as a claim's caveat, are content)."""
    prefix = t("notice.bad_param", lang, key="", value="").split("“")[0]
    return [warning.value for warning in app.warning if warning.value.startswith(prefix)]
