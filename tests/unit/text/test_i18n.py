"""Translations are complete in both languages, and dates read as each language writes them."""

from datetime import date

import pytest

from components.text.i18n import (
    LANGS,
    catalog,
    format_date,
    format_date_range,
    format_number,
    resolve_lang,
    t,
)


def test_both_languages_define_the_same_interface_strings():
    assert set(catalog("id")) == set(catalog("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_no_interface_string_is_empty(lang):
    assert [key for key, text in catalog(lang).items() if not text.strip()] == []


def test_placeholders_match_between_languages():
    import string

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    mismatched = [key for key in catalog("id")
                  if fields(catalog("id")[key]) != fields(catalog("en")[key])]
    assert mismatched == []


@pytest.mark.parametrize(("precision", "indonesian", "english"), [
    ("day", "7 September 2023", "7 September 2023"),
    ("month", "Juli 1996", "July 1996"),
    ("year", "2011", "2011"),
])
def test_a_date_is_shown_to_the_precision_its_source_gives(precision, indonesian, english):
    value = {"day": date(2023, 9, 7), "month": date(1996, 7, 1), "year": date(2011, 1, 1)}[precision]
    assert format_date(value, "id", precision) == indonesian
    assert format_date(value, "en", precision) == english


def test_indonesian_month_names_come_from_babel():
    assert format_date(date(2023, 8, 8), "id") == "8 Agustus 2023"


def test_a_range_within_one_month_names_the_month_once():
    assert format_date_range(date(2023, 9, 5), date(2023, 9, 7), "id") == "5–7 September 2023"


def test_numbers_use_each_languages_separators():
    assert format_number(1234.5, "id", 1) == "1.234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"


@pytest.mark.parametrize(("requested", "locale", "expected"), [
    ("en", "id-ID", "en"),
    ("id", "en-US", "id"),
    (None, "en-GB", "en"),
    (None, "id", "id"),
    (None, "in-ID", "id"),
    (None, "fr-FR", "id"),
    (None, None, "id"),
    ("xx", "en-US", "en"),
    ("<script>", None, "id"),
])
def test_language_comes_from_the_link_then_the_browser_then_indonesian(requested, locale, expected):
    assert resolve_lang(requested, locale) == expected


def test_placeholders_are_filled():
    assert "lang" in t("notice.bad_param", "en", key="lang", value="xx")


def test_counted_text_follows_each_languages_plural_rules():
    from components.text.i18n import t_count

    assert t_count("map.overlap.legend", "en", 1) == "1 bloc"
    assert t_count("map.overlap.legend", "en", 3) == "3 blocs"
    assert t_count("map.overlap.legend", "id", 1) == "1 blok"
    assert t_count("map.overlap.legend", "id", 3) == "3 blok"
    assert "one track" in t_count("timeline.history.subtitle", "en", 1, events=4, first="1967",
                                  last="2024", summit="x")


def test_no_english_text_hedges_a_plural_with_an_s_in_brackets():
    from components.text.i18n import catalog

    assert not [key for key, text in catalog("en").items() if "(s)" in text]


def test_a_browser_locale_with_an_underscore_or_the_legacy_code_picks_its_language():
    from components.text.i18n import resolve_lang

    assert resolve_lang(None, "en_US") == "en"
    assert resolve_lang(None, "EN-gb") == "en"
    assert resolve_lang(None, "in-ID") == "id"
    assert resolve_lang("en", "id-ID") == "en"
    assert resolve_lang("xx", "fr-FR") == "id"


@pytest.mark.parametrize("lang", LANGS)
def test_no_interface_string_asks_for_a_pointer_a_phone_does_not_have(lang):
    """Most readers are on a touch screen: "hover" and "click" are instructions they cannot
    follow, in English or Indonesian ("arahkan kursor", "klik"). Neutral words ("choose",
    "open") serve both."""
    import re
    pointer = re.compile(r"\b(hover|mouse|click|klik|arahkan|kursor)", re.IGNORECASE)
    said = {key: text for key, text in catalog(lang).items() if pointer.search(text)}
    assert said == {}
