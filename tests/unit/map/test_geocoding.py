"""The geocode cache command, against a local geocoder with geopy's interface: no network."""

from datetime import date

import pandas as pd
import pytest
from geopy.exc import GeocoderUnavailable
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from components.data.package import read_package
from components.map import geocoding


class LocalGeocoder(Geocoder):
    """Answers from a dict, as geopy's geocoders do; records the queries it was asked."""

    def __init__(self, places, fail=False):
        super().__init__()
        self.places, self.fail, self.queries = places, fail, []

    def geocode(self, query, exactly_one=True, timeout=None):
        self.queries.append(query)
        if self.fail:
            raise GeocoderUnavailable("no network")
        if query not in self.places:
            return None
        lat, lon = self.places[query]
        return Location(query, Point(lat, lon), {})


@pytest.fixture(scope="module")
def data():
    return read_package()


def countries(*codes):
    frame = read_package()["countries"]
    return frame[frame["iso3"].isin(codes)].reset_index(drop=True)


def test_found_capitals_are_cached_with_their_provenance_and_date():
    geocoder = LocalGeocoder({"Jakarta, Indonesia": (-6.1754, 106.8272)})
    cache = geocoding.seed_rows(countries("IDN"))
    rows, missing = geocoding.geocoded_rows(countries("IDN"), cache, geocoder.geocode,
                                            date(2026, 1, 2))
    row = rows.iloc[0]
    assert (row["capital_lat"], row["capital_lon"]) == (-6.1754, 106.8272)
    assert row["provenance"] == "nominatim" and row["retrieved"] == "2026-01-02"
    assert row["source_ids"] == geocoding.NOMINATIM_SOURCE_ID
    assert missing == [] and geocoder.queries == ["Jakarta, Indonesia"]


def test_a_capital_the_geocoder_cannot_find_keeps_its_previous_row():
    cache = geocoding.seed_rows(countries("IDN", "RUS"))
    geocoder = LocalGeocoder({"Jakarta, Indonesia": (-6.2, 106.8)})
    rows, missing = geocoding.geocoded_rows(countries("IDN", "RUS"), cache, geocoder.geocode,
                                            date(2026, 1, 2))
    assert missing == ["RUS"]
    russia = rows.set_index("iso3").loc["RUS"]
    assert russia["provenance"] == "research" and russia["capital_lat"] == 55.76


def test_no_network_stops_the_refresh_without_touching_the_cache(tmp_path, monkeypatch):
    path = tmp_path / "capitals.csv"
    geocoding.write_cache(geocoding.seed_rows(countries("IDN")), path)
    before = path.read_text()
    with pytest.raises(geocoding.GeocodingUnavailable):
        geocoding.refresh(LocalGeocoder({}, fail=True).geocode, path)
    assert path.read_text() == before


def test_the_command_says_plainly_when_there_is_no_network(monkeypatch, capsys):
    def unreachable(geocode, path=geocoding.CACHE_PATH, today=None):
        raise geocoding.GeocodingUnavailable("GeocoderUnavailable: no network")
    monkeypatch.setattr(geocoding, "refresh", unreachable)
    assert geocoding.main([]) == 1
    assert "could not be reached" in capsys.readouterr().err


def test_the_committed_cache_covers_every_country(data):
    assert set(data["capitals"]["iso3"]) == set(data["countries"]["iso3"])


def test_moscow_is_about_9300_km_from_jakarta(data):
    km = geocoding.distances_to_jakarta(data["capitals"])
    assert km["IDN"] == 0
    assert 9250 < km["RUS"] < 9350


def test_the_seed_cites_the_country_rows_sources(data):
    seeded = geocoding.seed_rows(data["countries"])
    assert (seeded["source_ids"] == data["countries"]["source_ids"]).all()
    assert isinstance(seeded, pd.DataFrame)
