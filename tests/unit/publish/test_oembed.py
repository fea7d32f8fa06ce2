"""oEmbed: which URLs are this app's charts, what they answer, and the errors for the rest."""

from urllib.parse import parse_qs, urlparse

import pytest

from components.publish import export, oembed
from components.publish.oembed import OEmbedError, check_format, resolve, size_limit
from components.registry import get_chart

BASES = ["127.0.0.1:8501"]


def error_of(call, *args) -> int:
    with pytest.raises(OEmbedError) as raised:
        call(*args)
    return raised.value.status


def test_an_embed_url_names_its_chart_language_and_view():
    target = resolve("http://127.0.0.1:8501/?embed=true&chart=membership-map&lang=en&bloc=SCO",
                     BASES)
    assert target.spec.chart_id == "membership-map" and target.lang == "en"
    assert target.values["bloc"] == "SCO" and target.app_base == "http://127.0.0.1:8501"


def test_a_chart_on_its_own_page_is_recognised_and_on_another_page_is_not():
    target = resolve("http://127.0.0.1:8501/map?chart=role-matrix&lang=id", BASES)
    assert target.spec.chart_id == "role-matrix"
    assert error_of(resolve, "http://127.0.0.1:8501/timeline?chart=role-matrix", BASES) == 404


def test_pym_keys_and_bad_values_do_not_refuse_the_url():
    target = resolve("http://127.0.0.1:8501/?embed=true&chart=membership-map&bloc=NOPE"
                     "&childId=x&parentUrl=https%3A%2F%2Fnews", BASES)
    assert target.values == get_chart("membership-map").defaults and target.lang == "id"


def test_a_foreign_url_or_one_without_a_known_chart_is_not_found():
    for url in ("https://evil.example/?embed=true&chart=membership-map",
                "http://127.0.0.1:9999/?embed=true&chart=membership-map",
                "javascript:alert(1)", "http://127.0.0.1:8501/map?bloc=SCO",
                "http://127.0.0.1:8501/?embed=true&chart=nope"):
        assert error_of(resolve, url, BASES) == 404, url
    assert error_of(resolve, "", BASES) == 400


def test_the_apps_public_address_and_base_path_count_as_its_own():
    bases = ["127.0.0.1:8501/dash", "https://charts.example.org/dash"]
    assert resolve("https://charts.example.org/dash/?embed=true&chart=channels", bases)
    assert resolve("http://127.0.0.1:8501/dash/cooperation?chart=channels", bases)
    assert error_of(resolve, "https://charts.example.org/?embed=true&chart=channels", bases) == 404


def test_sizes_must_be_positive_whole_numbers_and_only_json_is_offered():
    assert size_limit(None, "maxwidth") is None and size_limit("480", "maxwidth") == 480
    for bad in ("abc", "-5", "0", "4.5"):
        assert error_of(size_limit, bad, "maxwidth") == 400
    check_format("json")
    check_format(None)
    assert error_of(check_format, "xml") == 501


def test_the_answer_is_a_plain_iframe_no_wider_than_asked():
    target = resolve("http://127.0.0.1:8501/?embed=true&chart=channels&lang=en", BASES)
    answer = oembed.answer(target, "Title", lambda width: 1000 - width, maxwidth=400)
    assert (answer["type"], answer["version"], answer["width"], answer["height"]) == (
        "rich", "1.0", 400, 600)
    assert "<script" not in answer["html"] and answer["provider_url"] == "http://127.0.0.1:8501/"
    src = answer["html"].split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert parse_qs(urlparse(src).query) == {"embed": ["true"], "chart": ["channels"],
                                             "lang": ["en"]}
    assert oembed.answer(target, "T", lambda width: 900)["width"] == export.SNIPPET_WIDTH
    assert oembed.answer(target, "T", lambda width: 900, maxheight=500)["height"] == 500


def test_a_request_gets_json_errors_with_their_status():
    host = "127.0.0.1:8501"
    assert oembed.respond({"url": "http://127.0.0.1:8501/?embed=true&chart=nope"}, host, "")[0] \
        == 404
    assert oembed.respond({"url": "x", "format": "xml"}, host, "") == (
        501, {"error": "only format=json is offered"})
    assert oembed.respond({"url": "x", "maxwidth": "wide"}, host, "")[0] == 400
    status, body = oembed.respond(
        {"url": "http://127.0.0.1:8501/?embed=true&chart=channels&lang=en", "format": "json"},
        host, "")
    assert status == 200 and body["height"] > 400 and body["title"]
