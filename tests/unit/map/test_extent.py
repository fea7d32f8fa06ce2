"""The map's view: the Natural Earth arithmetic and the fitting rules."""

import pytest

from components.map import extent
from components.map.extent import WORLD, fitted, natural_earth, width_per_height


def test_the_projection_is_d3s_natural_earth():
    assert natural_earth(0, 0) == (0, 0)
    # d3.geoNaturalEarth1.raw(π, 0) and (0, π/2), in radians
    assert natural_earth(180, 0)[0] == pytest.approx(2.7353, abs=1e-4)
    assert natural_earth(0, 90)[1] == pytest.approx(1.4224, abs=1e-4)
    assert natural_earth(-90, -30)[0] < 0 and natural_earth(-90, -30)[1] < 0


def test_the_drawn_ratio_matches_plotlys_within_a_few_percent():
    """Measured in Chromium: the Asia-Pacific box 1.03, the world 2.35."""
    assert width_per_height((50, 180), (-48, 60)) == pytest.approx(1.03, rel=0.03)
    assert width_per_height((-180, 180), (-50, 80)) == pytest.approx(2.35, rel=0.06)


def test_points_spanning_most_of_the_world_get_the_world_map():
    assert fitted([(-77.0, 38.9), (139.7, 35.7)]) is WORLD
    assert fitted([]) is WORLD


def test_a_fitted_view_holds_its_points_and_is_about_as_tall_as_wide():
    points = [(106.8, -6.2), (100.5, 13.8), (121.0, 14.6)]
    view = fitted(points)
    assert all(view.holds(*point) for point in points)
    assert view.width_per_height <= extent.TARGET_WIDTH_PER_HEIGHT + 0.01
    assert view.lon_range[1] - view.lon_range[0] >= extent.MIN_LON_SPAN
    assert 420 <= view.desktop_height <= 600


def test_a_base_box_is_kept_whole():
    view = fitted([(104.9, 11.6)], base=extent.ASIA_PACIFIC_BOX)
    assert view.lon_range == (50.0, 180.0)
    assert view.holds(174.8, -41.3) and view.holds(55.0, 40.0)
    assert not view.holds(27.6, 53.9)


def test_the_latitude_grows_no_further_than_its_limits():
    view = fitted([(20.0, 10.0), (190.0 - 20.0, 12.0)])
    south, north = view.lat_range
    assert extent.LAT_LIMITS[0] <= south and north <= extent.LAT_LIMITS[1]


def test_latitude_grows_on_both_sides_so_the_countries_stay_in_the_middle():
    view = fitted([(30.0, 40.0), (100.0, 50.0)])
    south, north = view.lat_range
    middle = (south + north) / 2
    assert abs(middle - 45.0) <= 3 or north == extent.LAT_LIMITS[1]
    assert north - 55.0 >= 5 and 35.0 - south >= 5
