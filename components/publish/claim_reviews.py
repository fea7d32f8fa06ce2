"""Fact-check markup: each claim's verdict as a schema.org ``ClaimReview``, in JSON-LD.

Search engines and fact-check aggregators read it from the Overview's HTML (link previews put it
there, so a crawler needs no JavaScript): the claim in the reader's language, who made it and
when, where it appeared (the Bisnis.com article), the verdict in words from the one verdict
scheme, and the sources behind it. The rating's number orders the verdicts only; the words carry
the meaning, as the schema asks (``alternateName``).
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from components.data.checks import split_list
from components.data.package import DataPackage
from components.overview.shaping import claims
from components.text.i18n import Lang, localized, t

PRIMARY_SOURCE = "bisnis-2023-09-07"
# Higher is better supported; a position is rated between "no evidence" and "confirmed in part"
# would mislead, so it sits with "no independent evidence".
RATINGS = {"confirmed": 4, "confirmed_in_part": 3, "no_independent_evidence": 2, "position": 2,
           "contradicted": 1}


def _url_of(sources: pd.DataFrame, source_id: str) -> str | None:
    found = sources.loc[sources["source_id"] == source_id, "url"]
    return str(found.iloc[0]) if len(found) else None


def claim_reviews(data: DataPackage, lang: Lang, page_url: str) -> list[dict[str, Any]]:
    """One ``ClaimReview`` per claim of the article, in its order, for the Overview at
    ``page_url`` (absolute, with the language in its query)."""
    sources = data["sources"]
    article_url = _url_of(sources, PRIMARY_SOURCE)
    checked = data["blocs"]["checked_to"].max().date().isoformat() if "blocs" in data else None
    reviews = []
    for _, claim in claims(data).iterrows():  # in the article's order, each with its group
        group = claim["group"]
        claimed = {"@type": "Claim", "author": {"@type": "Organization",
                                                "name": localized(claim, "speaker", lang)}}
        if not pd.isna(claim["said_on"]):
            claimed["datePublished"] = claim["said_on"].date().isoformat()
        if article_url:
            claimed["appearance"] = {"@type": "NewsArticle", "url": article_url}
        evidence = [url for url in (_url_of(sources, source_id)
                                    for source_id in split_list(claim["source_ids"])
                                    if source_id != PRIMARY_SOURCE) if url]
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page_url}&claim={claim['claim_ref']}",
            "claimReviewed": localized(claim, "text", lang),
            "itemReviewed": claimed,
            "author": {"@type": "Organization", "name": t("app.title", lang)},
            "reviewRating": {"@type": "Rating", "ratingValue": RATINGS[group], "bestRating": 4,
                             "worstRating": 1, "alternateName": t(f"evidence.{group}", lang)},
            "reviewBody": localized(claim, "evidence", lang),
            "inLanguage": lang,
            "citation": evidence,
        }
        if checked:
            review["datePublished"] = checked
        reviews.append(review)
    return reviews


def json_ld_script(objects: list[dict[str, Any]]) -> str:
    """The objects as a JSON-LD script element that no text in them can close or break."""
    body = json.dumps(objects, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{body}</script>'
