"""Embed flags: theme, plain and transparent read from a link, each bad value at its default; the
live embed's theme script and the static page's flag script."""

import pytest

from components.publish import embed_flags
from components.publish.embed_flags import EmbedFlags, read_flags
from components.web.link_previews import first_paint_for, rewrite

HEAD = '<html lang="en"><head><title>Streamlit</title></head><body><div id="root"></div></body>'


@pytest.mark.parametrize(("query", "flags"), [
    ({}, EmbedFlags()),
    ({"theme": ["dark"], "plain": ["1"], "transparent": ["1"]}, EmbedFlags("dark", True, True)),
    ({"theme": "auto"}, EmbedFlags("auto")),
    ({"theme": ["<script>"], "plain": ["yes"], "transparent": ["2"]}, EmbedFlags()),
    ({"theme": ["Dark"]}, EmbedFlags()),
])
def test_flags_are_read_from_a_link_and_a_bad_value_falls_back(query, flags):
    assert read_flags(query) == flags


def test_only_flags_off_their_default_go_into_an_address():
    assert embed_flags.flags_query({"theme": "light", "plain": False, "transparent": False}) == {}
    assert embed_flags.flags_query({"theme": "auto", "plain": True, "transparent": False}) == {
        "theme": "auto", "plain": "1"}


def test_a_live_embed_gets_streamlits_theme_option_for_dark_and_auto_only():
    assert embed_flags.live_theme_script("light") == ""
    dark = embed_flags.live_theme_script("dark")
    assert "dark_theme" in dark and "replaceState" in dark and "embed_options" in dark
    assert "prefers-color-scheme: dark" in embed_flags.live_theme_script("auto")


def test_a_dark_or_plain_embed_gets_no_first_paint_and_the_dark_one_its_theme_script():
    embed = "embed=true&chart=history&lang=en"
    assert first_paint_for(embed) is not None
    for flag in ("theme=dark", "theme=auto", "plain=1", "transparent=1"):
        assert first_paint_for(f"{embed}&{flag}") is None, flag
    assert first_paint_for(f"{embed}&theme=light") is not None
    assert "dark_theme" not in rewrite(HEAD, "/", embed)
    assert "dark_theme" in rewrite(HEAD, "/", f"{embed}&theme=dark")
    assert "dark_theme" not in rewrite(HEAD, "/map", "lang=en&theme=dark")  # a page, not an embed


def test_the_static_pages_dark_colours_are_the_apps():
    from components.charts.theme import DARK_COLOURS, TEXT_COLOUR

    script = embed_flags.static_flags_script()
    assert f'"{TEXT_COLOUR.upper()}":"{DARK_COLOURS[TEXT_COLOUR]}"' in script.replace(" ", "")
    for flag in ("flag-dark", "flag-plain", "flag-transparent"):
        assert flag in script and f"html.{flag}" in embed_flags.STATIC_FLAGS_STYLE
