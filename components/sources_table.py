"""The list of sources as readers see it on the Sources & data page."""

from __future__ import annotations

import pandas as pd

from components.i18n import Lang, format_date, t


def sources_table(sources: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Publisher, title, date, language, kind and link of every source, the article first."""
    def published(value: pd.Timestamp) -> str:
        return "" if pd.isna(value) else format_date(value, lang)

    return pd.DataFrame({
        t("sources.col_publisher", lang): sources["publisher"],
        t("sources.col_title", lang): sources["title"],
        t("sources.col_published", lang): sources["published"].map(published),
        t("sources.col_language", lang): sources["language"].map(
            lambda code: t(f"sources.language.{code}", lang)),
        t("sources.col_kind", lang): sources["kind"].map(
            lambda kind: t(f"sources.source_kind.{kind}", lang)),
        t("sources.col_url", lang): sources["url"],
    })
