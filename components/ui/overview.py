"""The Overview's claims, one card each, opened from the claim tracker or the list.

A card leads with the claim in the reader's language; the other language (the Indonesian
original, or its English translation) is one click away. Data text is shown escaped, never as
HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.charts.spec import plotly_key
from components.cooperation.shaping import since_jakarta
from components.data.checks import split_list
from components.data.citations import source_line
from components.data.package import DataPackage
from components.overview.charts import group_name, positions_sentence, side_name, verdict_headline
from components.overview.shaping import (
    claims,
    eas_summit,
    main_summit,
    proposals,
    russia_delegate,
    section_figures,
    verdict,
)
from components.text.i18n import Lang, format_date, localized, t
from components.text.safe_text import md_escape
from components.ui.focus import bring_into_view
from components.ui.loading import per_view

# Streamlit's bundled Material Symbols (served by the app itself, no font host), one per group
# of the one verdict scheme (overview.shaping.GROUPS).
VERDICT_ICONS = {"confirmed": ":material/verified:", "confirmed_in_part": ":material/rule:",
                 "no_independent_evidence": ":material/help:", "contradicted": ":material/cancel:",
                 "position": ":material/record_voice_over:"}
TRACKER_EVENT_KEY = plotly_key("claim-tracker")  # the key frame.show_chart gives the tracker
LAST_CLICK_KEY = "claim-tracker-last-click"
OPENED_CLAIM_KEY = "claim-cards-opened"  # the claim the URL or the tracker opened last


def follow_tracker_click(claim_key: str) -> None:
    """A new click on a square opens that claim (an old selection must not undo a later choice)."""
    points = ((st.session_state.get(TRACKER_EVENT_KEY) or {}).get("selection") or {}).get(
        "points") or []
    clicked = next((point.get("customdata") for point in points if point.get("customdata")), None)
    if clicked != st.session_state.get(LAST_CLICK_KEY):
        st.session_state[LAST_CLICK_KEY] = clicked
        if clicked:
            st.session_state[claim_key] = clicked


@dataclass(frozen=True)
class ClaimCard:
    """What one claim's card shows, as markdown that is already escaped."""

    ref: str  # C1, C2... the card's key and the tracker's link
    label: str
    icon: str | None
    said: str  # who in what role, and when
    text: str  # the claim in the reader's language
    other_label: str
    other_text: str  # the Indonesian original, or the English translation
    verdict: str
    since: str  # what became of the initiative behind the claim since Jakarta, if one is
    sources: str


def claim_card_texts(data: DataPackage, lang: Lang) -> list[ClaimCard]:
    """Every claim of the article in its order, as its card says it: who made it, the text in
    the reader's language and the other, the verdict with what other sources say, its sources."""
    other = "en" if lang == "id" else "id"
    since = since_jakarta_lines(data, lang)
    cards = []
    for _, claim in claims(data).iterrows():
        group = claim["group"]
        said = format_date(claim["said_on"], lang) if not pd.isna(claim["said_on"]) else ""
        part = (t("overview.card_text.part", lang, part=md_escape(localized(claim, "part", lang)))
                + " " if group == "confirmed_in_part" else "")
        cards.append(ClaimCard(
            ref=claim["claim_ref"],
            label=claim_label(claim, lang),
            icon=VERDICT_ICONS.get(group),
            said=md_escape(" · ".join(part for part in (
                localized(claim, "speaker", lang), side_name(claim["claimant_side"], lang),
                localized(claim, "role", lang), said) if part)),
            text=f"> {md_escape(claim[f'text_{lang}'])}",
            other_label=t(f"overview.original_{other}", lang),
            other_text=f"> {md_escape(claim[f'text_{other}'])}",
            verdict=f"**{group_name(group, lang)}.** {part}"
                    f"{md_escape(localized(claim, 'evidence', lang))}",
            since=since.get(claim["statement_id"], ""),
            sources=source_line(data["sources"], [claim["source_ids"]], lang)))
    return cards


def since_jakarta_lines(data: DataPackage, lang: Lang) -> dict[str, str]:
    """By statement id: what became of the initiative the statement put forward, since Jakarta
    (markdown, escaped); none where the data has no such table."""
    if "since_jakarta" not in data:
        return {}
    lines: dict[str, str] = {}
    for _, row in since_jakarta(data).iterrows():
        outcome = t(f"cooperation.since.outcome.{row['outcome']}", lang)
        line = (f"**{t('overview.since_jakarta', lang)}** *{outcome}.* "
                f"{md_escape(localized(row, 'summary', lang))}")
        for statement_id in split_list(row["statement_ids"]):
            lines[statement_id] = "\n\n".join(filter(None, (lines.get(statement_id), line)))
    return lines


def claim_label(claim: pd.Series, lang: Lang) -> str:
    """A claim's title wherever it is listed: its number, its words in short, and what the
    evidence shows (markdown, escaped)."""
    return (f"**{md_escape(claim['claim_ref'])}** · {md_escape(localized(claim, 'label', lang))}"
            f" — *{group_name(claim['group'], lang)}*")


def card_key(ref: str) -> str:
    """The key of a claim's card (``claim-C7``): its open state in the session, its CSS class."""
    return f"claim-{ref}"


def claim_card(card: ClaimCard) -> None:
    # A closed card sends only its label: what it holds (six elements, on fourteen cards) is
    # made and drawn once a reader opens it, as the chart's table and the editor's tools are.
    # Fourteen cards drawn in full cost a first visit about 0.1 s of the browser's main thread.
    box = st.expander(card.label, icon=card.icon, key=card_key(card.ref), on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(card.said)
        st.markdown(card.text)
        # The other language one click away: the Indonesian original for an English reader, the
        # English translation for an Indonesian one.
        with st.popover(card.other_label, icon=":material/translate:"):
            st.markdown(card.other_text)
        st.markdown(card.verdict)
        if card.since:
            st.markdown(card.since)
        st.caption(card.sources)


def claim_cards(data: DataPackage, opened: str, lang: Lang) -> None:
    """Every claim of the article in its order; the one opened (``C7``...) expanded.

    The claim the URL, the list or the tracker opens is expanded when it changes, and the one it
    replaces closed; cards the reader opened or closed by hand stay as they are."""
    previous = st.session_state.get(OPENED_CLAIM_KEY)
    if opened != previous:
        st.session_state[OPENED_CLAIM_KEY] = opened
        if previous:
            st.session_state[card_key(previous)] = False
        if opened:
            st.session_state[card_key(opened)] = True
    for card in per_view("overview.claims", data, lang, lambda: claim_card_texts(data, lang)):
        claim_card(card)
    if opened:
        bring_into_view(card_key(opened), opened)


def lede(data: DataPackage, lang: Lang) -> tuple[str, list[str]]:
    """The paragraph under the headline, and the source ids behind it."""
    summit, eas, delegate = main_summit(data), eas_summit(data), russia_delegate(data)
    text = t("overview.lede", lang, eas=localized(eas, "name", lang),
             date=format_date(eas["start_date"], lang), summit=localized(summit, "name", lang),
             sectors=len(data["sectors"]), proposals=proposals(data),
             total=len(data["statements"]))
    return text, [summit["source_ids"], eas["source_ids"], delegate["source_ids"],
                  *data["sectors"]["source_ids"], *data["initiatives"]["source_ids"]]


@dataclass(frozen=True)
class Opening:
    """The top of the Overview: the verdict as its headline, the sentence that completes it (what
    the other claims are), then, under the tracker, the lede and the lede's sources."""

    headline: str
    context: str
    lede: str
    sources: str


def opening(data: DataPackage, lang: Lang) -> Opening:
    def make() -> Opening:
        text, source_ids = lede(data, lang)
        found = verdict(claims(data))
        return Opening(verdict_headline(found, lang), positions_sentence(found, lang), text,
                       source_line(data["sources"], source_ids, lang))

    return per_view("overview.opening", data, lang, make)


def explore_figures(data: DataPackage) -> dict:
    """The figure on each section's card (``shaping.section_figures``), made once per data."""
    return per_view("overview.explore", data, "", lambda: section_figures(data))
