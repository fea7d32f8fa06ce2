"""Every registered chart builds in both languages, cites known sources and states its finding."""

import re

import pytest

from components.data.checks import split_list
from components.map.params import COUNTRY, ROLES_SHOWN
from components.publish.embed_flags import FLAGS
from components.registry import CHARTS, PAGE_PARAMS, PAGES, UnknownChartError, chart_ids, get_chart
from components.text.i18n import LANGS, t

CASES = [(spec, lang) for spec in CHARTS for lang in LANGS]
IDS = [f"{spec.chart_id}-{lang}" for spec, lang in CASES]


def test_the_registry_lists_charts_with_unique_kebab_case_ids():
    assert CHARTS, "no chart is registered"
    assert len(set(chart_ids())) == len(CHARTS)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", chart_id) for chart_id in chart_ids())


def test_every_chart_lives_on_a_page_of_the_app():
    paths = {page.url_path for page in PAGES}
    assert {spec.page for spec in CHARTS} <= paths


def test_parameter_keys_are_short_unique_and_not_reserved():
    for spec in CHARTS:
        keys = [param.key for param in spec.params]
        assert len(keys) == len(set(keys)), spec.chart_id
        reserved = {"lang", "embed", "chart", "embed_options", *(flag.key for flag in FLAGS)}
        assert not reserved & set(keys), spec.chart_id
        assert all(len(key) <= 10 for key in keys), spec.chart_id


def test_an_unknown_chart_id_is_refused_by_name():
    with pytest.raises(UnknownChartError):
        get_chart("no-such-chart")


@pytest.mark.parametrize(("spec", "lang"), CASES, ids=IDS)
def test_every_chart_builds_with_its_defaults(build, spec, lang):
    chart = build(spec, lang=lang)
    assert chart.figure.data, "the figure has no trace"
    assert chart.title.strip() and chart.subtitle.strip() and chart.description.strip()
    assert not chart.table.empty


@pytest.mark.parametrize(("spec", "lang"), CASES, ids=IDS)
def test_every_chart_cites_only_known_sources(data, build, spec, lang):
    chart = build(spec, lang=lang)
    cited = {s for item in chart.source_ids for s in split_list(item)}
    assert cited, "the chart cites no source"
    assert cited <= set(data["sources"]["source_id"])


@pytest.mark.parametrize("spec", CHARTS, ids=[spec.chart_id for spec in CHARTS])
def test_titles_differ_between_languages(build, spec):
    titles = {build(spec, lang=lang).title for lang in LANGS}
    assert len(titles) == len(LANGS)


ALL_PARAMS = {param.key: param for params in [spec.params for spec in CHARTS] + list(PAGE_PARAMS.values())
              for param in params}


@pytest.mark.parametrize("lang", LANGS)
def test_every_parameter_has_a_label_and_a_name_for_each_option(data, lang):
    """Pages and the Embed page draw the same controls from these words: none may show a raw
    URL key."""
    for key, param in ALL_PARAMS.items():
        label = t(param.label_key, lang)
        assert label and label != key, key
        if param.kind in ("choice", "choices"):
            names = param.option_names(data, lang)
            assert set(param.options) <= set(names), key
            assert all(names[option].strip() for option in param.options)


def test_every_parameter_has_a_control_drawn_for_its_kind_of_value():
    widgets = {"choice": {"select", "radio", "segmented", "pill"}, "choices": {"pills"},
               "day": {"date"}, "year": {"number"}, "text": {"text"}, "flag": {"toggle"}}
    for key, param in ALL_PARAMS.items():
        assert param.widget in widgets[param.kind], key


def test_option_names_differ_between_the_languages_where_the_words_do(data):
    roles_id = ROLES_SHOWN.option_names(data, "id")
    roles_en = ROLES_SHOWN.option_names(data, "en")
    assert roles_id["dialogue_partner"] != roles_en["dialogue_partner"]
    assert COUNTRY.option_names(data, "id")["USA"] == "Amerika Serikat"
