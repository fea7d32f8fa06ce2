"""The Map page's builders and transforms: counts on given dates, traces, colour by role."""

from datetime import date

import pandas as pd
import pytest

from components.charts import theme
from components.data.package import read_package
from components.map import charts as map_charts
from components.map import shaping
from components.map.figures import EXTENTS, MAP_EXTRA_PX
from components.map.geometry import load_shapes, simplify, topology_to_geojson
from components.map.memberships import ROLES
from components.map.profile import country_profile
from components.publish.export import plotly_config
from components.registry import get_chart
from components.ui.frame import fit_height_style


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


def test_the_bloc_map_shades_each_role_from_the_bloc_colour_and_marks_it_by_shape(data):
    chart = map_charts.make_map(data, values(bloc="SCO"), "en")
    countries = next(t for t in chart.figure.data if t.name == "countries")
    levels = dict(zip(countries.locations, countries.z, strict=True))
    assert levels["RUS"] == 1 and levels["MNG"] == 2 and levels["TUR"] == 3
    assert countries.colorscale[2][1] == theme.BLOC_COLOURS["SCO"]  # level 1 = member, full colour
    capitals = next(t for t in chart.figure.data if t.name == "capitals")
    symbols = dict(zip(capitals.customdata, capitals.marker.symbol, strict=True))
    assert (symbols["RUS"], symbols["MNG"], symbols["TUR"]) == (
        "circle-open", "diamond-open", "square-open")
    # The legend shows the marks the map draws: each role's ring, in the role's shade.
    legend = {t.name: (t.marker.symbol, t.marker.color) for t in chart.figure.data
              if t.type == "scattergeo" and t.showlegend is not False}
    assert legend == {"Member": ("circle-open", theme.ROLE_SHADES["SCO"]["member"]),
                      "Observer": ("diamond-open", theme.ROLE_SHADES["SCO"]["observer"]),
                      "Dialogue partner": ("square-open", theme.ROLE_SHADES["SCO"]["dialogue_partner"])}


def test_countries_outside_the_selection_stay_on_the_map_in_the_neutral_tone(data):
    chart = map_charts.make_map(data, values(bloc="EAEU"), "en")
    context = next(t for t in chart.figure.data if t.name == "context")
    assert "FRA" in context.locations and "RUS" not in context.locations
    assert context.colorscale[0][1] == theme.NEUTRAL_COLOUR


def test_small_states_keep_a_capital_marker(data):
    chart = map_charts.make_map(data, values(bloc="ASEAN"), "en")
    marked = {code for t in chart.figure.data if t.type == "scattergeo"
              for code in (t.customdata or ())}
    assert {"SGP", "BRN"} <= marked


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
    areas, *_ = shaping.map_frames(data, values(bloc="SCO"), "en")
    mongolia = areas.set_index("iso3").loc["MNG", "hover"]
    assert "Observer since 2004" in mongolia and "1 January 2004" not in mongolia


def test_the_overlap_title_states_how_many_countries_sit_in_two_blocs_or_more(data):
    chart = map_charts.make_map(data, values(), "en")
    areas, *_ = shaping.map_frames(data, values(), "en")
    assert f"{int((areas['level'] >= 2).sum())} countries belonged to two or more" in chart.title


def test_a_bloc_title_names_its_newest_member(data):
    chart = map_charts.make_map(data, values(bloc="SCO"), "en")
    assert chart.title.startswith("On 7 September 2023 the SCO had 9 members; the newest, Iran")


def test_the_map_needs_no_base_map_from_a_cdn_and_leaves_page_scrolling_alone():
    config = plotly_config(get_chart("membership-map"))
    assert config["topojsonURL"].startswith("data:application/json,")
    assert config["scrollZoom"] is False


def test_the_shipped_shapes_cover_every_country_in_the_package(data):
    shipped = {feature["id"] for feature in load_shapes()["features"]}
    assert set(data["countries"]["iso3"]) <= shipped


def test_a_click_on_a_shape_or_a_capital_names_the_country():
    known = {"KAZ": "Kazakhstan"}
    assert shaping.clicked_country({"selection": {"points": [{"location": "KAZ"}]}}, known) == "KAZ"
    assert shaping.clicked_country({"selection": {"points": [{"customdata": ["KAZ"]}]}},
                                      known) == "KAZ"
    assert shaping.clicked_country({"selection": {"points": [{"location": "FRA"}]}}, known) is None
    assert shaping.clicked_country(None, known) is None


def test_the_role_matrix_shows_every_bloc_of_the_chosen_countries(data):
    chart = map_charts.make_matrix(data, values(bloc="EAEU"), "en")
    rows = chart.table.set_index("Country")
    assert rows.loc["Russia", "EAS"] == "Member" and rows.loc["Russia", "SCO"] == "Member"
    assert "Indonesia" not in rows.index


def test_a_country_profile_gives_the_distance_to_jakarta_in_the_pages_number_format(data):
    assert country_profile(data, "RUS", "id").distance == "9.303 km"
    assert country_profile(data, "RUS", "en").distance == "9,303 km"
    assert country_profile(data, "IDN", "en").distance == ""  # the host


def test_simplifying_keeps_the_ends_and_drops_points_on_a_straight_line():
    assert simplify([(0, 0), (1, 0.001), (2, 0)], 0.01) == [(0, 0), (2, 0)]
    assert simplify([(0, 0), (1, 1), (2, 0)], 0.01) == [(0, 0), (1, 1), (2, 0)]


def test_topojson_arcs_are_decoded_and_reversed_into_rings():
    topology = {
        "type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "AAA", "arcs": [[0, 1]]},
            {"type": "Polygon", "id": "BBB", "arcs": [[~1, ~0]]},
        ]}},
    }
    features = {f["id"]: f for f in topology_to_geojson(topology, tolerance=0)["features"]}
    assert features["AAA"]["geometry"]["coordinates"] == [[[[0, 0], [10, 0], [10, 10], [0, 10],
                                                             [0, 0]]]]
    assert features["BBB"]["geometry"]["coordinates"][0][0][0] == [0, 0]
    assert features["BBB"]["geometry"]["coordinates"][0][0][1] == [0, 10]


@pytest.mark.parametrize("world", [False, True])
def test_the_map_asks_its_frame_to_fit_the_figure_to_a_narrow_width(data, world):
    figure = map_charts.make_map(data, values(world=world), "en").figure
    ratio = EXTENTS["world" if world else "asia"].width_per_height
    assert figure.layout.meta["fit_height"] == {"width_per_height": ratio,
                                                "extra_px": MAP_EXTRA_PX}
    assert figure.layout.legend.y <= 0  # under the map
    style = fit_height_style("membership-map", figure)
    assert ".st-key-frame-membership-map" in style and "@container chart-frame" in style
    assert f"calc(100cqw / {ratio} + {float(MAP_EXTRA_PX)}px)" in style


def test_the_map_opens_on_asia_and_the_pacific_and_the_world_is_one_switch_away(data):
    asia = map_charts.make_map(data, values(), "en")
    world = map_charts.make_map(data, values(world=True), "en")
    assert list(asia.figure.layout.geo.lonaxis.range) == [50, 180]
    assert world.figure.layout.geo.lonaxis.range is None
    # A bloc that reaches beyond the view says who is outside it.
    assert any("Outside this view" in note and "United States" in note for note in asia.notes)
    assert not any("Outside this view" in note for note in world.notes)


def test_only_charts_that_ask_get_a_fitted_height_and_no_data_text_enters_the_style(data):
    matrix = map_charts.make_matrix(data, values(), "en")
    assert fit_height_style("role-matrix", matrix.figure) is None
    chart = map_charts.make_map(data, values(bloc="SCO"), "en")
    style = fit_height_style("membership-map", chart.figure)
    assert "Iran" in chart.title and "Iran" not in style + str(chart.figure.layout.meta)
    assert style.startswith("<style>") and style.count("<") == 2  # one style element, no markup


def test_the_growth_chart_keeps_its_date_labels_above_the_highest_line(data):
    figure = map_charts.make_growth(data, values(), "en").figure
    highest = max(max(trace.y) for trace in figure.data)
    assert figure.layout.yaxis.range[1] >= 1.25 * highest
    assert figure.layout.legend.orientation == "h" and figure.layout.legend.y < 0


def test_the_role_matrix_writes_long_bloc_names_unturned_on_two_lines(data):
    figure = map_charts.make_matrix(data, values(), "id").figure
    assert figure.layout.xaxis.tickangle == 0
    assert "KTT Asia<br>Timur" in figure.layout.xaxis.ticktext


def test_the_role_matrix_highlights_russias_row(data):
    figure = map_charts.make_matrix(data, values(), "en").figure
    russia = [tick for tick in figure.layout.yaxis.ticktext if "Russia" in tick]
    assert russia == [f'<span style="color:{theme.RUSSIA_COLOUR}"><b>Russia</b></span>']


def test_blocs_ending_on_the_same_count_get_their_end_labels_stacked(data):
    figure = map_charts.make_growth(data, values(), "en").figure
    ends = [(a.y, a.yshift or 0) for a in figure.layout.annotations if a.xanchor == "left"]
    assert len(ends) == 4 and len(set(ends)) == 4
