"""The Overview's section cards show key figures computed from the data."""

from components.overview.shaping import section_figures
from components.text.i18n import t


def test_each_section_card_has_a_key_figure_from_the_data(data):
    cards = section_figures(data)
    assert set(cards) == {"timeline", "map", "cooperation", "sources"}
    # The article names three proposals; the other two initiatives are a position and a commitment.
    assert cards["cooperation"].values == {"sectors": 9, "proposals": 3, "initiatives": 5}
    assert cards["sources"].values["sources"] == len(data["sources"])
    assert cards["timeline"].values["events"] == len(data["events"])
    assert cards["map"].values["blocs"] == 4


def test_the_cooperation_card_reads_as_a_sentence_in_both_languages(data):
    card = section_figures(data)["cooperation"]
    assert t(card.key, "en", **card.values) == "9 priority sectors, 3 proposals"
    assert t(card.key, "id", **card.values) == "9 sektor prioritas, 3 usulan"


def test_each_section_card_counts_what_its_section_shows(data):
    from components.data.summit import SUMMIT_DAY
    from components.map.memberships import as_of

    cards = section_figures(data)
    assert cards["timeline"].key == "overview.card.timeline"
    assert cards["timeline"].values["events"] == len(data["events"])
    held = as_of(data["memberships"], SUMMIT_DAY)["iso3"].nunique()
    assert cards["map"].values == {"blocs": len(data["blocs"]), "countries": held} and held > 20
    assert cards["sources"].values == {"sources": len(data["sources"])}
