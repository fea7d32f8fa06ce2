"""What a reader opens comes into view: a claim named by a link, a country's profile on the
Map. (That the browser scrolls, once per opening: tests/browser/test_focus.py.)"""

from components.ui.focus import scroll_script
from tools.apptest import open_app


def scripts(app) -> list[str]:
    return [element.proto.body for element in app.get("html")
            if "scrollIntoView" in element.proto.body]


def test_a_link_to_a_claim_scrolls_its_card_into_view():
    app = open_app(None, lang="en", claim="C5")
    assert scripts(app) == [scroll_script("claim-C5", "C5")]


def test_the_script_survives_streamlits_sanitiser():
    # DOMPurify removes a script whose text has "<" before a letter, digit, "/" or "!".
    import re

    body = scroll_script("claim-C5", 'C5"</script><b>')
    inner = body.removeprefix("<script>").removesuffix("</script>")
    assert not re.search(r"<[/\w!]", inner)


def test_a_page_with_nothing_opened_does_not_scroll():
    assert scripts(open_app(None, lang="id")) == []
    assert scripts(open_app("pages/map.py", lang="id")) == []


def test_a_link_to_a_country_brings_its_profile_into_view():
    app = open_app("pages/map.py", lang="en", country="IDN")
    assert scripts(app) == [scroll_script("country-profile", "IDN")]
