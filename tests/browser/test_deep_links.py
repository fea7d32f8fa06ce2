"""A shared link works as the first request a freshly started server ever gets."""

from playwright.sync_api import expect

from components.text.i18n import t
from tools import app_server
from tools.page_checks import SECTION_NAME


def test_a_deep_link_to_a_fresh_server_opens_the_page_in_the_linked_language(
        tmp_path, make_page, open_page):
    """Streamlit's old pages/ mode must not run the page file without the shell (no language,
    no navigation) when a deep link is the first request after the server starts."""
    with app_server.running_app(tmp_path / "server.log") as server:
        page = make_page().page
        open_page(page, server.url, "sources", lang="en")
        expect(page.locator(SECTION_NAME)).to_have_text(t("nav.sources", "en"))
        expect(page.locator(".st-key-site-links")).to_be_attached()  # the shell's page links


def test_the_server_asks_no_third_party_for_its_address_at_start(tmp_path):
    """A headless Streamlit looks up its external IP on a public host unless an address is set
    (.streamlit/config.toml sets browser.serverAddress)."""
    log = tmp_path / "server.log"
    with app_server.running_app(log, bind_loopback=False):
        pass
    assert "external IP" not in log.read_text()
