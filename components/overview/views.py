"""The Overview's claims, one card each, opened from the claim tracker or the list.

A card leads with the claim in the reader's language; the other language (the Indonesian
original, or its English translation) is one click away. Data text is shown escaped, never as
HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.citations import source_line
from components.data_package import DataPackage
from components.i18n import Lang, format_date, localized, t
from components.overview.shaping import claims, eas_summit, main_summit, proposals, russia_delegate
from components.safe_text import md_escape

# Streamlit's bundled Material Symbols (served by the app itself, no font host).
VERDICT_ICONS = {"confirmed": ":material/verified:", "attributed_only": ":material/record_voice_over:",
                 "contradicted": ":material/cancel:", "unconfirmed": ":material/help:"}
TRACKER_EVENT_KEY = "chart-claim-tracker"  # the key frame.show_chart gives the tracker's chart
LAST_CLICK_KEY = "claim-tracker-last-click"


def follow_tracker_click(claim_key: str) -> None:
    """A new click on a square opens that claim (an old selection must not undo a later choice)."""
    points = ((st.session_state.get(TRACKER_EVENT_KEY) or {}).get("selection") or {}).get(
        "points") or []
    clicked = next((point.get("customdata") for point in points if point.get("customdata")), None)
    if clicked != st.session_state.get(LAST_CLICK_KEY):
        st.session_state[LAST_CLICK_KEY] = clicked
        if clicked:
            st.session_state[claim_key] = clicked


def claim_card(claim: pd.Series, data: DataPackage, lang: Lang, opened: bool) -> None:
    """One claim: who made it, the text in the reader's language (the other language a tab away),
    the verdict with what other sources say, and the claim's sources."""
    status = claim["verification"]
    speaker = localized(claim, "speaker", lang)
    label = f"**{claim['claim_ref']}** · {md_escape(speaker)} — {t(f'verification.{status}', lang)}"
    with st.container(key=f"claim-{claim['claim_ref']}"), \
            st.expander(label, expanded=opened, icon=VERDICT_ICONS.get(status)):
        role = localized(claim, "role", lang)
        said = (format_date(claim["said_on"], lang) if not pd.isna(claim["said_on"]) else "")
        st.caption(md_escape(" · ".join(part for part in (role, said) if part)))
        other = "en" if lang == "id" else "id"
        st.markdown(f"> {md_escape(claim[f'text_{lang}'])}")
        # The other language one click away: the Indonesian original for an English reader, the
        # English translation for an Indonesian one.
        with st.popover(t(f"overview.original_{other}", lang), icon=":material/translate:"):
            st.markdown(f"> {md_escape(claim[f'text_{other}'])}")
        st.markdown(f"**{t(f'verification.{status}', lang)}.** "
                    f"{md_escape(localized(claim, 'evidence', lang))}")
        st.caption(source_line(data["sources"], [claim["source_ids"]], lang))


def claim_cards(data: DataPackage, opened: str, lang: Lang) -> None:
    """Every claim of the article in its order; the one opened (``C7``...) expanded."""
    for _, claim in claims(data).iterrows():
        claim_card(claim, data, lang, opened=claim["claim_ref"] == opened)


def lede(data: DataPackage, lang: Lang) -> tuple[str, list[str]]:
    """The paragraph under the headline, and the source ids behind it."""
    summit, eas, delegate = main_summit(data), eas_summit(data), russia_delegate(data)
    text = t("overview.lede", lang, eas=localized(eas, "name", lang),
             date=format_date(eas["start_date"], lang), summit=localized(summit, "name", lang),
             sectors=len(data["sectors"]), proposals=proposals(data),
             total=len(data["statements"]))
    return text, [summit["source_ids"], eas["source_ids"], delegate["source_ids"],
                  *data["sectors"]["source_ids"], *data["initiatives"]["source_ids"]]
