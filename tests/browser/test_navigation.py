"""Moving around the app as a reader does: Back and Forward keep each view, the language link
keeps the view too, and a click on a claim in the tracker opens that claim."""

import re

from playwright.sync_api import expect

from components.text.i18n import t
from tools.browser import CHARTS_COUNT_DRAWN_JS, PHONE, wait_until_idle
from tools.page_checks import SECTION_NAME


def test_back_returns_the_earlier_view_with_its_controls_and_forward_the_later(page, app_url,
                                                                              open_page):
    open_page(page, app_url, "map", lang="en", bloc="EAEU")
    expect(page.locator(".st-key-bloc input")).to_have_value("EAEU")
    page.locator(".st-key-site-links").get_by_role("link", name=t("nav.timeline", "en")).click()
    expect(page.locator(SECTION_NAME)).to_have_text(t("nav.timeline", "en"))
    wait_until_idle(page)
    assert "bloc=" not in page.url  # the next page opens on its own clean link

    page.go_back()
    expect(page.locator(SECTION_NAME)).to_have_text(t("nav.map", "en"))
    wait_until_idle(page)
    expect(page).to_have_url(re.compile(r"/map\?.*bloc=EAEU"))
    expect(page.locator(".st-key-bloc input")).to_have_value("EAEU")
    # The map shows that view too: its title is the page's h1.
    expect(page.locator('[data-testid="stMain"] h1').first).to_contain_text("the EAEU had")

    page.go_forward()
    expect(page.locator(SECTION_NAME)).to_have_text(t("nav.timeline", "en"))
    wait_until_idle(page)
    assert "bloc=" not in page.url


def test_back_after_changing_a_control_returns_the_view_before_the_change(page, app_url,
                                                                          open_page):
    open_page(page, app_url, "cooperation", lang="en")
    level = page.locator(".st-key-level")
    level.scroll_into_view_if_needed()
    level.get_by_text("Minister", exact=True).click()
    page.wait_for_url("**level=minister**")
    wait_until_idle(page)
    page.go_back()
    wait_until_idle(page)
    expect(page).not_to_have_url(re.compile(r"level="))
    expect(level.locator('button[aria-checked="true"], [aria-pressed="true"]')).to_have_text(
        t("cooperation.level_all", "en"))


def test_the_language_link_on_a_phone_switches_the_language_and_keeps_the_view(make_page,
                                                                                app_url,
                                                                                open_page):
    """On a phone the sidebar's switch hides behind an unlabelled menu button: the page itself
    names the other language."""
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True).page
    open_page(page, app_url, "map", lang="en", bloc="SCO")
    link = page.locator('[data-testid="stMain"]').get_by_role("button", name="Bahasa Indonesia")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator(SECTION_NAME)).to_have_text(t("nav.map", "id"))
    wait_until_idle(page)
    assert "lang=id" in page.url and "bloc=SCO" in page.url


def test_clicking_a_claim_in_the_tracker_opens_its_card(page, app_url, open_page):
    open_page(page, app_url, "", lang="en")
    plot = page.locator(".st-key-frame-claim-tracker .js-plotly-plot")
    expect(plot).to_be_visible()
    # Shown, so drawn at its width: the first, hidden draw puts the squares elsewhere.
    page.wait_for_function(CHARTS_COUNT_DRAWN_JS, arg=1)
    page.wait_for_function("""() => document.querySelectorAll(
        '.st-key-frame-claim-tracker .scatterlayer path.point').length >= 14""")
    box = page.evaluate("""() => {
        const plot = document.querySelector('.st-key-frame-claim-tracker .js-plotly-plot');
        const texts = [...plot.querySelectorAll('.scatterlayer .textpoint text')];
        const text = texts.find(text => text.textContent.startsWith('C7 ·'));
        text.scrollIntoView({block: 'center'});  // the tracker is taller than the screen
        const c7 = text.getBoundingClientRect();
        return {x: c7.x + 40, y: c7.y + 8};  // on the claim's words, not its dot
    }""")
    page.mouse.click(box["x"], box["y"])  # plotly's drag layer takes locator clicks
    page.wait_for_url("**claim=C7**")
    card = page.locator(".st-key-claim-C7 details")
    expect(card).to_have_attribute("open", "")
    expect(card).to_contain_text("Our initiatives on this platform")
    # A card opened by hand is filled in (a closed card holds only its label) and the card the
    # tracker opened stays open.
    other = page.locator(".st-key-claim-C2 details")
    expect(other.locator('[data-testid="stMarkdownContainer"] blockquote')).to_have_count(0)
    other.locator("summary").click()
    expect(other.locator("blockquote")).to_have_count(1)
    expect(other.get_by_role("button", name=t("overview.original_id", "en"))).to_be_visible()
    wait_until_idle(page)
    expect(card).to_have_attribute("open", "")
    expect(card).to_contain_text("Our initiatives on this platform")


def test_choosing_a_claim_opens_its_card_and_closes_the_last(page, app_url, open_page):
    open_page(page, app_url, "", lang="en", claim="C7")
    seventh, third = (page.locator(f".st-key-claim-{ref} details") for ref in ("C7", "C3"))
    expect(seventh).to_have_attribute("open", "")
    page.get_by_role("radiogroup", name=t("overview.claim_label", "en")).get_by_role(
        "radio", name="C3", exact=True).click()
    page.wait_for_url("**claim=C3**")
    expect(third).to_have_attribute("open", "")
    expect(third.locator("blockquote")).to_have_count(1)
    expect(seventh).not_to_have_attribute("open", "")
