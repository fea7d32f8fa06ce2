"""schema.org ``Dataset`` markup, for dataset search: the whole package on the Sources page, one
view's data in a chart's embed. Each names its licence, the days it covers and its files at
addresses every replica answers (``/data/<chart>.csv`` and ``.zip``, ``export.data_path``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from components.charts.spec import Chart, ChartSpec
from components.data.package import DataPackage
from components.publish import export
from components.text.i18n import Lang, t

FORMATS = {"csv": "text/csv", "zip": "application/zip"}


def _coverage(data: DataPackage) -> str:
    """First event to the last day any bloc was checked to, as an ISO 8601 interval."""
    first = data["events"]["date"].min().date()
    last = data["blocs"]["checked_to"].max().date()
    return f"{first.isoformat()}/{last.isoformat()}"


def _downloads(base: str, views: Iterable[tuple[ChartSpec, Mapping[str, Any], str]],
               lang: Lang) -> list[dict[str, Any]]:
    return [{"@type": "DataDownload", "name": f"{name} ({kind.upper()})", "encodingFormat": mime,
             "contentUrl": f"{base}/{export.data_path(spec, values, lang, kind)}"}
            for spec, values, name in views for kind, mime in FORMATS.items()]


def _common(data: DataPackage, lang: Lang, url: str) -> dict[str, Any]:
    licence = data.descriptor.get("licenses", [{}])[0]
    return {"@context": "https://schema.org", "@type": "Dataset", "url": url,
            "license": licence.get("path", ""), "isAccessibleForFree": True,
            "temporalCoverage": _coverage(data), "inLanguage": lang,
            "creator": {"@type": "Organization", "name": t("app.title", lang)},
            "keywords": list(data.descriptor.get("keywords", []))}


def package_dataset(data: DataPackage, lang: Lang, base: str, url: str,
                    charts: Iterable[ChartSpec]) -> dict[str, Any]:
    """The whole data package, its files one per chart's default view."""
    suffix = "_id" if lang == "id" else ""
    descriptor = data.descriptor
    return {**_common(data, lang, url),
            "name": descriptor.get(f"title{suffix}") or descriptor.get("title", ""),
            "description": descriptor.get(f"description{suffix}") or descriptor.get("description", ""),
            "version": descriptor.get("version", ""),
            "distribution": _downloads(base, [(spec, spec.defaults, spec.chart_id)
                                              for spec in charts], lang)}


def view_dataset(data: DataPackage, spec: ChartSpec, chart: Chart, values: Mapping[str, Any],
                 lang: Lang, base: str, url: str) -> dict[str, Any]:
    """The rows of one view of a chart, as its embed shows them."""
    return {**_common(data, lang, url), "name": chart.title,
            "description": f"{chart.description} {chart.subtitle}".strip(),
            "distribution": _downloads(base, [(spec, values, spec.chart_id)], lang)}
