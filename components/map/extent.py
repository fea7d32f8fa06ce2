"""What part of the world the membership map shows: fitted to the countries a view must show.

A phone draws the map as wide as its screen (about 311 px), so the map's height is its width
divided by the drawn width-per-height. A view that must hold the United States is a world map
about 130 px tall there; one that holds Southeast Asia can be zoomed until its capitals stand
apart. So the view is the smallest box that holds the countries it names, made about as tall as
it is wide (an extra band of latitude rather than a strip), and the whole world only when those
countries span more than half of it.

Pure: points in, an ``Extent`` out. The projection is Natural Earth, as plotly draws it
(d3-geo's ``geoNaturalEarth1``), so the width-per-height computed here is the drawn map's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Extent:
    """A map's view: its rotation, its longitude and latitude ranges, and how wide it is drawn
    for its height (plotly keeps a map's aspect ratio, so the chart frame sizes a narrow figure to
    ``width_per_height``: components.ui.frame.fit_height_style)."""

    rotation_lon: float
    lon_range: tuple[float, float] | None
    lat_range: tuple[float, float]
    width_per_height: float
    desktop_height: int

    def holds(self, lon: float, lat: float) -> bool:
        """Whether a point is inside the drawn ranges."""
        west, east = self.lon_range or (-180.0, 180.0)
        south, north = self.lat_range
        return west <= lon <= east and south <= lat <= north


# Every bloc in full, Cuba to Egypt to the United States: Asia in the middle.
WORLD = Extent(rotation_lon=95, lon_range=None, lat_range=(-50, 80), width_per_height=2.35,
               desktop_height=460)
# The story's scale when no bloc is chosen: South Asia to New Zealand, Central Asia to Australia.
ASIA_PACIFIC_BOX = ((50.0, 180.0), (-50.0, 62.0))

PAD_LON = 7.0  # degrees around the outermost capitals: a ring and its label stay inside
PAD_LAT = 5.0
MIN_LON_SPAN = 48.0  # zoomed in further, the shapes of the region would be lost
WIDEST_LON_SPAN = 175.0  # beyond this a box is most of the world: the world map is clearer
TARGET_WIDTH_PER_HEIGHT = 1.0  # as tall as wide: 311 px of map on a 375 px phone
LAT_LIMITS = (-58.0, 82.0)
DESKTOP_MAP_PX = 560.0  # the drawn height of a square map in a desktop frame


def natural_earth(lon_deg: float, lat_deg: float) -> tuple[float, float]:
    """d3-geo's Natural Earth 1 projection (Šavrič et al. 2011), radians out, y up."""
    lam, phi = math.radians(lon_deg), math.radians(lat_deg)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2
                                                                      - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2
                                                       - 0.005916 * phi4)))
    return x, y


def width_per_height(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> float:
    """The drawn width over height of a lon/lat box, centred on its own middle meridian."""
    west, east = lon_range
    south, north = lat_range
    half = (east - west) / 2
    samples = [south + (north - south) * i / 40 for i in range(41)]
    xs = [natural_earth(sign * half, lat)[0] for lat in samples for sign in (-1, 1)]
    ys = [natural_earth(0, lat)[1] for lat in samples]
    return (max(xs) - min(xs)) / (max(ys) - min(ys))


def _grown_to_square(lon_range: tuple[float, float], lat_range: tuple[float, float]
                     ) -> tuple[float, float]:
    """The latitude range grown a degree at a time, north and south in turn (one side alone once
    the other reaches its limit), until the box is no wider than ``TARGET_WIDTH_PER_HEIGHT`` or
    both limits stop it: the countries stay in the middle of the map."""
    south, north = lat_range
    low, high = LAT_LIMITS
    northward = True
    while width_per_height(lon_range, (south, north)) > TARGET_WIDTH_PER_HEIGHT:
        if south <= low and north >= high:
            break
        if (northward and north < high) or south <= low:
            north = min(high, north + 1)
        else:
            south = max(low, south - 1)
        northward = not northward
    return south, north


def fitted(points: Iterable[tuple[float, float]], base: tuple[tuple[float, float],
                                                             tuple[float, float]] | None = None
           ) -> Extent:
    """The smallest view that holds every (lon, lat) point and the ``base`` box, if one: the world
    when they span more than ``WIDEST_LON_SPAN`` degrees of longitude."""
    lons, lats = [], []
    for lon, lat in points:
        lons.append(lon)
        lats.append(lat)
    if base is not None:
        lons += [base[0][0] + PAD_LON, base[0][1] - PAD_LON]
        lats += [base[1][0] + PAD_LAT, base[1][1] - PAD_LAT]
    if not lons:
        return WORLD
    west, east = min(lons) - PAD_LON, max(lons) + PAD_LON
    if east - west > WIDEST_LON_SPAN:
        return WORLD
    if east - west < MIN_LON_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_LON_SPAN / 2, middle + MIN_LON_SPAN / 2
    west, east = max(-180.0, west), min(180.0, east)
    south = max(LAT_LIMITS[0], min(lats) - PAD_LAT)
    north = min(LAT_LIMITS[1], max(lats) + PAD_LAT)
    south, north = _grown_to_square((west, east), (south, north))
    ratio = width_per_height((west, east), (south, north))
    return Extent(rotation_lon=round((west + east) / 2, 2), lon_range=(west, east),
                  lat_range=(south, north), width_per_height=round(ratio, 4),
                  desktop_height=int(round(min(600.0, max(420.0, DESKTOP_MAP_PX / ratio)))))
