"""On a phone, what a link or a tap opens is on the screen: a claim's card, a country's profile."""

import pytest

from tools.browser import PHONE

IN_VIEW = """sel => { const box = document.querySelector(sel).getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight - 40; }"""


@pytest.fixture
def phone(make_page):
    return make_page(viewport=PHONE, is_mobile=True, has_touch=True).page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_link_to_a_claim_opens_with_its_card_on_the_first_screen(phone, app_url, open_page,
                                                                  lang):
    open_page(phone, app_url, "", lang=lang, claim="C5")
    phone.wait_for_selector(".st-key-claim-C5 details[open]", timeout=30_000)
    phone.wait_for_function(IN_VIEW, arg=".st-key-claim-C5", timeout=10_000)


def test_choosing_a_claim_brings_its_card_up(phone, app_url, open_page):
    open_page(phone, app_url, "", lang="en")
    phone.locator(".st-key-claim button", has_text="C9").first.click()
    phone.wait_for_selector(".st-key-claim-C9 details[open]", timeout=30_000)
    phone.wait_for_function(IN_VIEW, arg=".st-key-claim-C9", timeout=10_000)


def test_a_link_to_a_country_opens_with_its_profile_on_the_first_screen(phone, app_url,
                                                                       open_page):
    open_page(phone, app_url, "map", lang="en", country="IDN")
    phone.wait_for_selector(".st-key-country-profile", timeout=30_000)
    phone.wait_for_function(IN_VIEW, arg=".st-key-country-profile", timeout=10_000)
