"""A statement as readers see it: the Indonesian original, the English, who said it, and its status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.citations import source_line
from components.i18n import Lang, localized, t
from components.safe_text import md_escape

VERIFICATION_BADGES = {"confirmed": "✅", "attributed_only": "🗣️", "contradicted": "❌"}


def statement_card(statement: pd.Series, sources: pd.DataFrame, lang: Lang) -> None:
    """One statement: original and translation side by side, attributed, with its verification."""
    with st.container(border=True):
        speaker = localized(statement, "speaker", lang)
        role = localized(statement, "role", lang)
        st.markdown(f"**{md_escape(speaker)}**" + (f" · {md_escape(role)}" if role else ""))
        original, english = st.columns(2)
        with original:
            st.caption(t("statement.original", lang))
            st.markdown(f"> {md_escape(statement['text_id'])}")
        with english:
            st.caption(t("statement.translation", lang))
            st.markdown(f"> {md_escape(statement['text_en'])}")
        status = statement["verification"]
        st.markdown(f"{VERIFICATION_BADGES.get(status, '')} **{t(f'verification.{status}', lang)}**"
                    f" — {md_escape(localized(statement, 'evidence', lang))}")
        st.caption(source_line(sources, [statement["source_ids"]], lang))
