"""A country's profile on the Map page: name, capital, memberships, events, delegation, distance."""

import pytest

from components.data.package import read_package
from components.map.profile import country_profile


@pytest.fixture(scope="module")
def data():
    return read_package()


def test_a_country_profile_gives_the_distance_to_jakarta_in_the_pages_number_format(data):
    assert country_profile(data, "RUS", "id").distance == "9.303 km"
    assert country_profile(data, "RUS", "en").distance == "9,303 km"
    assert country_profile(data, "IDN", "en").distance == ""  # the host


def test_a_profile_lists_memberships_events_delegation_and_distance(data):
    profile = country_profile(data, "RUS", "en")
    assert profile.name == "Russia" and profile.capital == "Moscow"
    assert profile.distance == "9,303 km"
    assert set(profile.memberships["Bloc"]) == {"EAS", "SCO", "EAEU"}
    assert "Lavrov" in profile.delegation
    assert len(profile.events) > 0
    indonesian = country_profile(data, "RUS", "id")
    assert indonesian.distance == "9.303 km" and indonesian.name == "Rusia"
