"""The shipped typeface covers every character the product shows, so no text falls back to
another face in the images or on the static pages."""

import glob
import unicodedata

import pytest
from fontTools.ttLib import TTFont

from components.charts import fonts
from components.paths import PROJECT_ROOT

# Text a reader may see: the interface in both languages, the data, and the strings in the code.
SHOWN_TEXT = ["components/text/locales/*/*.toml", "data/*.csv", "data/datapackage.json",
              "components/**/*.py", "pages/*.py", "dashboard.py"]


def shown_characters() -> set[str]:
    characters: set[str] = set()
    for pattern in SHOWN_TEXT:
        for path in glob.glob(str(PROJECT_ROOT / pattern), recursive=True):
            with open(path, encoding="utf-8") as file:
                characters |= set(file.read())
    # Layout characters are never drawn: line ends, tabs, a byte-order mark.
    return {c for c in characters if unicodedata.category(c)[0] not in "C"}


def character_map(path) -> set[str]:
    return {chr(code) for code in TTFont(path).getBestCmap()}


@pytest.mark.parametrize("font", [fonts.WEB_FONT, *sorted(fonts.FONT_DIR.glob("*.ttf"))],
                         ids=lambda path: path.name)
def test_the_typeface_has_every_character_the_product_shows(font):
    missing = shown_characters() - character_map(font)
    assert not missing, sorted(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing)


def test_the_web_font_keeps_the_latin_scripts_and_the_chart_symbols():
    kept = character_map(fonts.WEB_FONT)
    assert set("ÀÉÎÕÜàéîõüăđơưșțạảấầẩẫậ") <= kept  # Latin, with Vietnamese
    assert set("–—‘’“”…†‡·•−→■□●") <= kept


def test_the_fontconfig_file_adds_the_project_fonts_to_the_systems():
    config = fonts.FONTCONFIG_FILE.read_text(encoding="utf-8")
    assert "/etc/fonts/fonts.conf" in config and '<dir prefix="relative">.</dir>' in config
