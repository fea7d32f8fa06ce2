"""Fact-check markup: one schema.org ClaimReview per claim, in the Overview's HTML, with only
properties schema.org defines for each type, the verdict in words, and nothing that can close
its script."""

import json
import re

import pytest

from components.publish.claim_reviews import claim_reviews, json_ld_script
from components.text.i18n import t
from components.web.link_previews import rewrite

# The properties used, each of which schema.org defines on the type (or one it inherits from):
# ClaimReview < Review < CreativeWork < Thing; Claim < CreativeWork; Rating < Intangible < Thing.
SCHEMA = {
    "ClaimReview": {"@context", "@type", "url", "claimReviewed", "itemReviewed", "author",
                    "reviewRating", "reviewBody", "inLanguage", "citation", "datePublished"},
    "Claim": {"@type", "author", "datePublished", "appearance"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"},
    "Organization": {"@type", "name"},
    "NewsArticle": {"@type", "url"},
}
PAGE = '<html lang="en"><head><title>Streamlit</title></head><body><div id="root"></div></body></html>'


def check_types(node):
    if isinstance(node, dict):
        kind = node.get("@type")
        assert kind in SCHEMA, kind
        assert set(node) <= SCHEMA[kind], (kind, set(node) - SCHEMA[kind])
        for value in node.values():
            check_types(value) if isinstance(value, dict) else None


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_claim_has_a_claim_review_of_schema_org_types(data, lang):
    reviews = claim_reviews(data, lang, f"https://app.example/?lang={lang}")
    assert [review["url"].rsplit("=", 1)[1] for review in reviews] == [
        f"C{number}" for number in range(1, 15)]
    for review in reviews:
        check_types(review)
        assert review["@context"] == "https://schema.org" and review["claimReviewed"]
        assert review["itemReviewed"]["author"]["name"]
        assert review["itemReviewed"]["appearance"]["url"].startswith("https://kabar24.bisnis.com/")
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"] in {t(f"evidence.{group}", lang) for group in (
            "confirmed", "confirmed_in_part", "no_independent_evidence", "contradicted", "position")}
    by_ref = {review["url"].rsplit("=", 1)[1]: review for review in reviews}
    assert by_ref["C2"]["reviewRating"]["alternateName"] == t("evidence.confirmed", lang)
    assert by_ref["C1"]["reviewRating"]["alternateName"] == t("evidence.confirmed_in_part", lang)
    assert by_ref["C13"]["reviewRating"]["alternateName"] == t("evidence.position", lang)


def test_the_overview_html_carries_the_markup_for_crawlers_and_other_pages_do_not():
    page = rewrite(PAGE, "/", "lang=en", origin="https://app.example")
    [body] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    reviews = json.loads(body)
    assert len(reviews) == 14 and reviews[0]["@type"] == "ClaimReview"
    assert reviews[0]["url"] == "https://app.example/?lang=en&claim=C1"
    assert "ld+json" not in rewrite(PAGE, "/map", "lang=en", origin="https://app.example")
    embed = rewrite(PAGE, "/", "embed=true&chart=claim-tracker&lang=en",
                    origin="https://app.example")
    assert "ClaimReview" not in embed and '"@type": "Dataset"' in embed  # its data, not reviews


def test_no_text_can_close_the_markups_script():
    script = json_ld_script([{"claimReviewed": "</script><script>alert(1)</script>"}])
    assert script.count("</script>") == 1 and "<script>alert" not in script
    assert json.loads(script.removeprefix('<script type="application/ld+json">')
                      .removesuffix("</script>"))[0]["claimReviewed"].startswith("</script>")
