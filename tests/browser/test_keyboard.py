"""Every control works from the keyboard: a country's profile opens without touching the map."""

from playwright.sync_api import expect


def test_a_country_can_be_chosen_with_the_keyboard_alone(page, app_url, open_page):
    open_page(page, app_url, "map", lang="en")
    country = page.get_by_role("combobox", name="Country profile")
    country.focus()
    expect(country).to_be_focused()
    page.keyboard.type("Kazakh")
    page.keyboard.press("Enter")
    profile = page.locator('[class*="st-key-country-profile"]')
    expect(profile).to_be_visible(timeout=20_000)
    expect(profile.locator("h3")).to_contain_text("Kazakhstan")
    assert "country=KAZ" in page.url


def test_the_country_list_is_reached_by_tabbing_from_the_page_controls(page, app_url, open_page):
    """Tab moves from the date control on through the map to the country list, in page order."""
    open_page(page, app_url, "map", lang="id")
    page.get_by_role("combobox", name="Blok").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Profil negara":
            break
    expect(page.get_by_role("combobox", name="Profil negara")).to_be_focused()
