"""oEmbed for the live app: ``GET /oembed?url=<URL>&format=json[&maxwidth=N][&maxheight=N]``.

Sites that read oEmbed (WordPress, Medium, Ghost...) turn a pasted link into an embed by asking
the link's provider. The answer is ``type: "rich"`` with a plain iframe of fixed size and no
script (WordPress keeps such an iframe as it is), the chart's title, the provider, and the
width and height: the chart-only embed's height at that width (``export.estimated_height``).

The URLs it answers for, at this app's address (``$DASHBOARD_APP_URL`` when it is set, else the
host the request came to), under ``server.baseUrlPath`` if one is set:
- an embed URL: ``/?embed=true&chart=<id>[&lang=..][&<the chart's parameters>]``;
- a chart on its page: ``/<page>?chart=<id>[&lang=..][...]``, where ``<page>`` is the page that
  shows that chart (the app's root for the first page).
Parameters the chart does not take are dropped, and a value it does not accept falls back to
its default, as in the app. Errors are JSON ``{"error": ...}``: 400 for a missing ``url`` or a
``maxwidth``/``maxheight`` that is not a positive whole number, 404 for a URL of another site, a
URL that names no chart, or an unknown chart, 501 for any ``format`` but json.

The parsing and the answer are pure (tested in tests/unit/publish/test_oembed.py); the route the
app serves them at is ``components.web.server``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from components.charts.cache import built, derived
from components.charts.spec import ChartSpec
from components.charts.url_state import parse_query
from components.data.citations import source_text
from components.data.source import current_package
from components.publish import export
from components.registry import UnknownChartError, chart_page, get_chart, link_path
from components.text.i18n import LANGS, Lang, t

MAX_URL_LENGTH = 2000


class OEmbedError(Exception):
    """A request oEmbed answers with an error: HTTP ``status`` and a message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Target:
    """The chart view a URL names, and the address of the app it was named at."""

    spec: ChartSpec
    lang: Lang
    values: Mapping[str, Any]
    app_base: str  # scheme, host and base path, as the URL gave them


def _normal_base(base: str) -> tuple[str, str]:
    """``(host[:port], /base/path)`` of an app address, lower-cased host, no trailing slash."""
    parts = urlsplit(base if "://" in base else f"//{base}")
    return parts.netloc.lower(), parts.path.rstrip("/")


def resolve(url: str, app_bases: Sequence[str]) -> Target:
    """The chart view ``url`` names, if it is a chart or embed URL of one of ``app_bases``."""
    if not url:
        raise OEmbedError(400, "the url parameter is required")
    if len(url) > MAX_URL_LENGTH:
        raise OEmbedError(404, "not a URL of this app")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OEmbedError(404, "not a URL of this app")
    netloc, path = parts.netloc.lower(), parts.path.rstrip("/")
    base_path = next((base_path for host, base_path in map(_normal_base, app_bases)
                      if host == netloc and (path == base_path or path.startswith(base_path + "/"))),
                     None)
    if base_path is None:
        raise OEmbedError(404, "not a URL of this app")
    query = {key: values for key, values in parse_qs(parts.query).items()}
    chart_id = (query.get("chart") or [""])[-1]
    if not chart_id:
        raise OEmbedError(404, "the URL names no chart (it needs chart=<id>)")
    try:
        spec = get_chart(chart_id)
    except UnknownChartError:
        raise OEmbedError(404, f"there is no chart {chart_id[:40]!r}") from None
    page = path[len(base_path):].strip("/")
    is_embed = (query.get("embed") or [""])[-1].lower() == "true"
    if page != ("" if is_embed else link_path(chart_page(spec))):
        raise OEmbedError(404, f"chart {chart_id!r} is not shown at {parts.path or '/'}")
    lang = (query.get("lang") or ["id"])[-1]
    values, _refused = parse_query(spec.params, query)
    return Target(spec, lang if lang in LANGS else "id", values,
                  f"{parts.scheme}://{parts.netloc}{base_path}")


MAX_SIZE = 100_000  # pixels: more than any screen; a longer number is refused, not parsed


def size_limit(value: str | None, name: str) -> int | None:
    """``maxwidth`` / ``maxheight``: absent, or a positive whole number of pixels (ASCII digits,
    at most ``MAX_SIZE``: "²" is a digit to ``str.isdigit`` and a 5,000-digit number is too long
    for ``int``)."""
    if value is None or value == "":
        return None
    if (not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_SIZE))
            or not 0 < int(value) <= MAX_SIZE):
        raise OEmbedError(400, f"{name} must be a whole number of pixels from 1 to {MAX_SIZE}")
    return int(value)


def check_format(value: str | None) -> None:
    if value not in (None, "", "json"):
        raise OEmbedError(501, "only format=json is offered")


def answer(target: Target, title: str, height_at, maxwidth: int | None = None,
           maxheight: int | None = None) -> dict[str, Any]:
    """The oEmbed answer for a chart view; ``height_at(width)`` gives the embed's height."""
    width = export.SNIPPET_WIDTH if maxwidth is None else min(maxwidth, export.SNIPPET_WIDTH)
    height = height_at(width)
    if maxheight is not None:
        height = min(height, maxheight)  # the iframe then scrolls: never larger than asked
    src = export.embed_url(target.app_base, target.spec, target.values, target.lang)
    return export.oembed_answer(src, title, t("app.title", target.lang), f"{target.app_base}/",
                                width, height)


def _chart_and_source(target: Target):
    """The built chart of the view and its plain source line (both shared: ``charts.cache``)."""
    data = current_package()
    chart = built(target.spec, data, target.values, target.lang)
    source = derived("source-text", target.spec, data, target.values, target.lang,
                     lambda: source_text(data["sources"], chart.source_ids, target.lang,
                                         credits=chart.credits))
    return chart, source


def public_base() -> str:
    """``$DASHBOARD_APP_URL``, the app's public address, or "" when none is set."""
    return os.environ.get(export.APP_URL_VARIABLE, "").strip()


def app_bases(host: str, base_path: str) -> list[str]:
    """The addresses this app answers for: the public one when it is set (the request's ``Host``
    is then never reflected into an answer a cache may keep), else the one the request came to
    (the route then marks the answer private to that host)."""
    public = public_base()
    if public:
        return [public]
    return [f"{host}/{base_path.strip('/')}" if base_path.strip("/") else host]


def respond(params: Mapping[str, str], host: str, base_path: str) -> tuple[int, dict[str, Any]]:
    """Status and JSON body for one request (blocking: the route runs it in a worker thread)."""
    try:
        check_format(params.get("format"))
        maxwidth = size_limit(params.get("maxwidth"), "maxwidth")
        maxheight = size_limit(params.get("maxheight"), "maxheight")
        target = resolve(params.get("url", ""), app_bases(host, base_path))
        try:
            chart, source = _chart_and_source(target)
        except Exception as error:  # a table with problems: the app shows a notice instead
            raise OEmbedError(503, "this chart cannot be built right now") from error
        return 200, answer(target, chart.title,
                           lambda width: export.estimated_height(chart, source, target.lang, width),
                           maxwidth, maxheight)
    except OEmbedError as error:
        return error.status, {"error": error.message}
