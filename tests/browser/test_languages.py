"""Each language is complete: a page in Indonesian shows no English interface text, and the
reverse. (Quotes deliberately show both the Indonesian original and its English translation;
those come from the data, not from the interface strings checked here.)"""

import re
import string

import pytest

from components.i18n import LANGS, catalog
from components.registry import CHARTS
from components.shell import PAGES, link_path

MIN_LENGTH = 12  # shorter strings ("Tabel"/"Table", "PNG") are too often the same or generic


def literal_chunks(text: str) -> list[str]:
    """The fixed parts of an interface string, between its {placeholders}, markdown removed."""
    chunks = [literal for literal, *_ in string.Formatter().parse(text)]
    cleaned = [re.sub(r"[*_`#>\[\]]", "", chunk).strip(" .,:;–-\n") for chunk in chunks]
    return [chunk.split("\n")[0].strip() for chunk in cleaned if chunk]


def foreign_strings(lang: str) -> set[str]:
    """Interface text of the other language that never occurs in this language's strings."""
    other = "en" if lang == "id" else "id"
    own = " ".join(catalog(lang).values())
    return {chunk for text in catalog(other).values() for chunk in literal_chunks(text)
            if len(chunk) >= MIN_LENGTH and chunk not in own}


def visible_text(page) -> str:
    """The text of the main area and the sidebar, without quotes (data shown in both languages)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-testid="stMain"], [data-testid="stSidebar"]')).map(area => {
            const copy = area.cloneNode(true);
            copy.querySelectorAll('blockquote').forEach(quote => quote.remove());
            document.body.appendChild(copy);  // innerText needs the copy to be rendered
            const text = copy.innerText;
            copy.remove();
            return text;
        }).join(' ')""")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_info", PAGES, ids=[p.url_path for p in PAGES])
def test_a_page_shows_no_interface_text_of_the_other_language(page, app_url, open_page,
                                                              page_info, lang):
    """Every interface string on the page comes from the page's own language."""
    open_page(page, app_url, link_path(page_info), lang=lang)
    text = visible_text(page)
    leftovers = sorted(chunk for chunk in foreign_strings(lang) if chunk in text)
    assert leftovers == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_an_embed_shows_no_interface_text_of_the_other_language(page, app_url, open_page,
                                                                spec, lang):
    """Chart titles, axes, legends and notes of an embed are all in its language."""
    open_page(page, app_url, "", heading=False, embed="true", chart=spec.chart_id, lang=lang)
    page.wait_for_selector(".js-plotly-plot")
    text = visible_text(page)
    leftovers = sorted(chunk for chunk in foreign_strings(lang) if chunk in text)
    assert leftovers == []
