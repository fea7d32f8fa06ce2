"""Capital coordinates: a committed cache in ``data/capitals_geocoded.csv``, refreshed by a command.

The app and the tests only read the cache (it is the ``capitals`` resource of the data package).
``make geocode`` asks OpenStreetMap's Nominatim, through geopy and its RateLimiter (one request a
second, as Nominatim's usage policy asks), for every capital in ``countries.csv`` and rewrites the
cache; a capital it cannot find keeps its previous row. Without a network it stops at the first
failed request with a plain message and leaves the cache as it was.

The cache was seeded from the sourced coordinates in ``countries.csv`` (provenance ``research``).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
from geopy.distance import geodesic
from geopy.exc import GeopyError
from geopy.location import Location

from components.paths import DATA_DIR

CACHE_PATH = DATA_DIR / "capitals_geocoded.csv"
COLUMNS = ("iso3", "query", "capital_lat", "capital_lon", "provenance", "retrieved", "source_ids",
           "note")
NOMINATIM_SOURCE_ID = "nominatim-osm"
USER_AGENT = ("russia-asean-summit-2023-dashboard/1.0 (bilingual data-journalism dashboard; "
              "refreshes ~45 capital coordinates by hand, not a crawler)")
JAKARTA = "IDN"

Geocode = Callable[[str], Location | None]


class GeocodingUnavailable(RuntimeError):
    """The geocoding service could not be reached or refused the request."""


def capital_query(country: Mapping) -> str:
    """What is asked of the geocoder: the capital and its country, in English."""
    return f"{country['capital_en']}, {country['name_en']}"


def read_cache(path: Path = CACHE_PATH) -> pd.DataFrame:
    """The cache as text columns plus float coordinates (the app reads it through the package)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.assign(capital_lat=frame["capital_lat"].astype(float),
                        capital_lon=frame["capital_lon"].astype(float))


def geocoded_rows(countries: pd.DataFrame, cache: pd.DataFrame, geocode: Geocode, today: date
                  ) -> tuple[pd.DataFrame, list[str]]:
    """The refreshed cache and the ISO-3 codes the geocoder did not find (their old rows stay).

    Raises ``GeocodingUnavailable`` on the first service error, so nothing half-done is written.
    """
    previous = cache.set_index("iso3") if len(cache) else None
    rows, missing = [], []
    for _, country in countries.iterrows():
        query = capital_query(country)
        try:
            location = geocode(query)
        except GeopyError as error:
            raise GeocodingUnavailable(f"{type(error).__name__}: {error}") from error
        if location is None:
            missing.append(country["iso3"])
            if previous is not None and country["iso3"] in previous.index:
                rows.append({"iso3": country["iso3"], **previous.loc[country["iso3"]].to_dict()})
            continue
        rows.append({
            "iso3": country["iso3"], "query": query,
            "capital_lat": round(location.latitude, 4), "capital_lon": round(location.longitude, 4),
            "provenance": "nominatim", "retrieved": today.isoformat(),
            "source_ids": NOMINATIM_SOURCE_ID, "note": "",
        })
    return pd.DataFrame(rows, columns=list(COLUMNS)), missing


def seed_rows(countries: pd.DataFrame) -> pd.DataFrame:
    """A cache built from the sourced coordinates in countries.csv (no network)."""
    rows = []
    for _, country in countries.iterrows():
        rows.append({
            "iso3": country["iso3"], "query": capital_query(country),
            "capital_lat": country["capital_lat"], "capital_lon": country["capital_lon"],
            "provenance": "research", "retrieved": "",
            "source_ids": country["source_ids"],  # they include the coordinates' sources
            "note": "Seeded from countries.csv (research coordinates, 2 decimals).",
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))


def write_cache(rows: pd.DataFrame, path: Path = CACHE_PATH) -> None:
    rows.to_csv(path, index=False, columns=list(COLUMNS), quoting=csv.QUOTE_MINIMAL,
                lineterminator="\n")


def distances_to_jakarta(capitals: pd.DataFrame) -> pd.Series:
    """Geodesic distance (km, WGS-84) from each capital to Jakarta, indexed by ISO-3."""
    indexed = capitals.set_index("iso3")
    jakarta = (indexed.loc[JAKARTA, "capital_lat"], indexed.loc[JAKARTA, "capital_lon"])
    return pd.Series({iso3: geodesic((row["capital_lat"], row["capital_lon"]), jakarta).km
                      for iso3, row in indexed.iterrows()}, name="km", dtype=float)


def refresh(geocode: Geocode, path: Path = CACHE_PATH, today: date | None = None) -> list[str]:
    """Geocode every capital in the package's countries and rewrite the cache at ``path``."""
    from components.data.package import read_package

    countries = read_package()["countries"]
    cache = read_cache(path) if path.exists() else seed_rows(countries)
    rows, missing = geocoded_rows(countries, cache, geocode, today or date.today())
    write_cache(rows, path)
    return missing


def main(argv: Sequence[str]) -> int:
    if argv == ["--seed"]:
        from components.data.package import read_package

        write_cache(seed_rows(read_package()["countries"]))
        print(f"seeded {CACHE_PATH} from countries.csv")
        return 0
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    nominatim = Nominatim(user_agent=USER_AGENT, timeout=10)
    # swallow_exceptions=False: the first network error stops the run instead of writing None.
    geocode = RateLimiter(nominatim.geocode, min_delay_seconds=1.0, max_retries=1,
                          swallow_exceptions=False)
    try:
        missing = refresh(geocode)
    except GeocodingUnavailable as error:
        print("error: the geocoder (Nominatim) could not be reached, so the cache was left "
              f"unchanged.\n       Is there a network? ({error})", file=sys.stderr)
        return 1
    print(f"refreshed {CACHE_PATH}")
    if missing:
        print(f"not found, previous coordinates kept: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
