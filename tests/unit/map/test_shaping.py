"""The Map page's transforms: counts on given dates, overlap, hover texts, clicks."""

from datetime import date

import pandas as pd
import pytest

from components.charts import theme
from components.data.package import read_package
from components.map import shaping
from components.map.memberships import ROLES


@pytest.fixture(scope="module")
def data():
    return read_package()


def values(**overrides):
    base = {"bloc": "all", "roles": ROLES, "asof": date(2023, 9, 7), "world": False, "country": ""}
    return {**base, **overrides}


def members_on(data, bloc, day):
    areas, *_ = shaping.map_frames(data, values(bloc=bloc, asof=day, roles=("member",)), "en")
    return len(areas)


@pytest.mark.parametrize(("bloc", "day", "expected"), [
    ("EAS", date(2011, 11, 18), 16),
    ("EAS", date(2011, 11, 19), 18),
    ("ASEAN", date(2025, 10, 25), 10),
    ("ASEAN", date(2025, 10, 26), 11),
    ("SCO", date(2023, 7, 3), 8),
    ("SCO", date(2023, 7, 4), 9),
    ("SCO", date(2024, 7, 4), 10),
    ("EAEU", date(2015, 1, 1), 3),
    ("EAEU", date(2015, 8, 6), 5),
])
def test_the_map_shades_as_many_members_as_the_bloc_had_that_day(data, bloc, day, expected):
    assert members_on(data, bloc, day) == expected


def test_the_growth_series_steps_to_the_same_counts(data):
    series = shaping.member_series(data["memberships"], date(2025, 1, 1))
    sco = series[series["bloc_id"] == "SCO"].set_index("date")["members"]
    assert sco.asof(pd.Timestamp("2023-07-03")) == 8
    assert sco.asof(pd.Timestamp("2023-07-04")) == 9
    assert sco.asof(pd.Timestamp("2024-07-04")) == 10


def test_the_overlap_view_counts_the_blocs_of_each_country(data):
    areas, *_ = shaping.map_frames(data, values(), "en")
    levels = areas.set_index("iso3")["level"]
    assert levels["RUS"] == 3  # EAS, SCO, EAEU
    assert levels["IDN"] == 2  # ASEAN, EAS
    assert "ASEAN: Member since 8 August 1967" in areas.set_index("iso3").loc["IDN", "hover"]


def test_the_overlap_view_uses_a_neutral_scale_and_squares_in_its_legend(data):
    _, _, colours, legend = shaping.map_frames(data, values(), "en")
    assert colours == list(theme.OVERLAP_COLOURS)
    assert not set(colours) & set(theme.BLOC_COLOURS.values())
    shaded = legend[legend["symbol"] == "square"]
    assert list(shaded["name"]) == ["1 bloc", "2 blocs", "3 blocs"]


def test_where_sources_differ_the_hover_shows_both_values_with_their_sources(data):
    areas, *_ = shaping.map_frames(data, values(bloc="ASEAN"), "en")
    brunei = areas.set_index("iso3").loc["BRN", "hover"]
    assert "7 January 1984 †" in brunei
    assert "8 January 1984" in brunei and "ASEAN-Japan Centre" in brunei


def test_a_date_known_only_to_the_year_is_shown_as_the_year(data):
    areas, *_ = shaping.map_frames(data, values(bloc="ASEAN"), "en")
    papua = areas.set_index("iso3").loc["PNG", "hover"]
    assert "Observer since 1976" in papua and "1 January 1976" not in papua


def test_a_click_on_a_shape_or_a_capital_names_the_country():
    known = {"KAZ": "Kazakhstan"}
    assert shaping.clicked_country({"selection": {"points": [{"location": "KAZ"}]}}, known) == "KAZ"
    assert shaping.clicked_country({"selection": {"points": [{"customdata": ["KAZ"]}]}},
                                      known) == "KAZ"
    assert shaping.clicked_country({"selection": {"points": [{"location": "FRA"}]}}, known) is None
    assert shaping.clicked_country(None, known) is None


def test_a_click_names_the_first_known_country_and_an_empty_one_none():
    known = {"IDN", "RUS"}

    def click(*points):
        return {"selection": {"points": list(points)}}

    assert shaping.clicked_country(click({"location": "IDN"}), known) == "IDN"
    assert shaping.clicked_country(click({"customdata": ["RUS", "x"]}), known) == "RUS"
    assert shaping.clicked_country(click({"customdata": []}, {"location": "IDN"}), known) == "IDN"
    assert shaping.clicked_country(click({"location": "FRA"}), known) is None
    assert shaping.clicked_country(None, known) is None
