"""The Map page's charts: traces, colour by role, titles, fitted heights, labels."""

from datetime import date

import pytest

from components.charts import theme
from components.data.package import read_package
from components.map import charts as map_charts
from components.map import shaping
from components.map.extent import WORLD
from components.map.figures import MAP_EXTRA_PX
from components.map.memberships import ROLES
from components.publish.export import plotly_config
from components.registry import get_chart
from components.ui.frame import fit_height_style


@pytest.fixture(scope="module")
def data():
    return read_package()


def values(**overrides):
    base = {"bloc": "all", "roles": ROLES, "asof": date(2023, 9, 7), "world": False, "country": ""}
    return {**base, **overrides}


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


def test_the_role_matrix_shows_every_bloc_of_the_chosen_countries(data):
    chart = map_charts.make_matrix(data, values(bloc="EAEU"), "en")
    rows = chart.table.set_index("Country")
    assert rows.loc["Russia", "EAS"] == "Member" and rows.loc["Russia", "SCO"] == "Member"
    assert "Indonesia" not in rows.index


@pytest.mark.parametrize("world", [False, True])
def test_the_map_asks_its_frame_to_fit_the_figure_to_a_narrow_width(data, world):
    figure = map_charts.make_map(data, values(world=world), "en").figure
    ratio = WORLD.width_per_height if world else figure.layout.meta["fit_height"]["width_per_height"]
    assert figure.layout.meta["fit_height"] == {"width_per_height": ratio,
                                                "extra_px": MAP_EXTRA_PX}
    assert ratio == WORLD.width_per_height if world else ratio <= map_charts.SQUARE_ENOUGH
    assert figure.layout.legend.y <= 0  # under the map
    style = fit_height_style("membership-map", figure)
    assert ".st-key-frame-membership-map" in style and "@container chart-frame" in style
    assert f"calc(100cqw / {ratio} + {float(MAP_EXTRA_PX)}px)" in style


def _view(chart):
    geo = chart.figure.layout.geo
    return (tuple(geo.lonaxis.range) if geo.lonaxis.range else (-180, 180)), tuple(geo.lataxis.range)


def _in_view(chart, data, iso3):
    (west, east), (south, north) = _view(chart)
    lon, lat = map_charts.places(data)[iso3]
    return west <= lon <= east and south <= lat <= north


def test_the_map_opens_on_asia_and_the_pacific_and_the_world_is_one_switch_away(data):
    asia = map_charts.make_map(data, values(), "en")
    world = map_charts.make_map(data, values(world=True), "en")
    assert _view(asia)[0] == (50, 180)
    assert world.figure.layout.geo.lonaxis.range is None
    # A bloc that reaches beyond the view says who is outside it, in words an embed can follow.
    assert any("outside this view" in note and "United States" in note for note in asia.notes)
    assert not any("outside this view" in note and "Russia" in note for note in asia.notes)
    assert not any(word in note for note in asia.notes for word in ("world map", "switch", "table"))
    assert not any("outside this view" in note for note in world.notes)


@pytest.mark.parametrize("bloc, asof, named", [
    ("SCO", date(2023, 9, 7), ["IRN"]),
    ("SCO", date(2024, 7, 4), ["BLR"]),  # Belarus joined that day: the title names it
    ("EAEU", date(2023, 9, 7), ["KGZ", "ARM", "BLR", "RUS"]),
    ("ASEAN", date(2023, 9, 7), ["KHM", "IDN", "SGP"]),
    ("EAS", date(2023, 9, 7), ["RUS", "USA"]),
    ("all", date(2023, 9, 7), ["KHM", "MMR", "RUS"]),
])
def test_every_country_the_title_names_is_in_the_view(data, bloc, asof, named):
    chart = map_charts.make_map(data, values(bloc=bloc, asof=asof), "en")
    names = shaping.country_names(data, "en")
    for iso3 in named:
        assert _in_view(chart, data, iso3), (iso3, _view(chart))
    for iso3 in named[:1]:
        assert names[iso3] in chart.title


def test_a_bloc_in_one_region_is_drawn_zoomed_in_and_about_as_tall_as_wide(data):
    """ASEAN alone: Southeast Asia fills the map, so its capitals stand apart on a phone."""
    asean = map_charts.make_map(data, values(bloc="ASEAN"), "en")
    (west, east), (south, north) = _view(asean)
    assert east - west < 80 and west > 80 and east < 160
    assert asean.figure.layout.meta["fit_height"]["width_per_height"] <= 1.0


def test_the_key_countries_are_named_on_the_map_with_their_number_of_blocs(data):
    chart = map_charts.make_map(data, values(), "en")
    labels = next(t for t in chart.figure.data if t.name == "labels")
    assert {"Cambodia (3)", "Myanmar (3)", "Indonesia (2)"} <= set(labels.text)
    # † where the sources differ on a date the view shows: Russia's EAS membership.
    assert "Russia (3) †" in labels.text
    russia = list(labels.text).index("Russia (3) †")
    assert labels.textfont.color[russia] == theme.RUSSIA_COLOUR
    indonesian = next(t for t in map_charts.make_map(data, values(), "id").figure.data
                      if t.name == "labels")
    assert "Kamboja (3)" in indonesian.text


def test_a_label_is_written_only_for_a_country_the_view_shows(data):
    chart = map_charts.make_map(data, values(bloc="EAS"), "en")
    labels = next(t for t in chart.figure.data if t.name == "labels")
    assert "United States †" in labels.text  # the world view
    sco = map_charts.make_map(data, values(bloc="SCO"), "en")
    assert "Indonesia" not in next(t for t in sco.figure.data if t.name == "labels").text


def test_the_maps_face_credits_its_shapes_and_about_lists_the_capitals_files(data):
    chart = map_charts.make_map(data, values(), "en")
    assert [label for label, _ in chart.credits] == ["Map"]
    assert chart.tool_ids and set(chart.tool_ids) <= set(data["sources"]["source_id"])
    from components.publish.about import cited_ids
    assert set(chart.tool_ids) <= set(cited_ids(chart))


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


def test_each_capital_ring_sits_on_a_paper_coloured_halo_that_takes_no_tap(data):
    """A ring in a member's shade vanished inside the member (Jakarta on Java)."""
    figure = map_charts.make_map(data, values(bloc="ASEAN"), "en").figure
    names = [trace.name for trace in figure.data]
    halos, rings = (figure.data[names.index(name)] for name in ("capital-halos", "capitals"))
    assert names.index("capital-halos") < names.index("capitals")
    assert list(halos.lat) == list(rings.lat) and halos.hoverinfo == "skip"
    assert halos.marker.line.color == "#FFFFFF" and halos.marker.line.width > rings.marker.line.width
