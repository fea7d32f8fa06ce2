"""The Map's shapes: shipped for every country, simplified, decoded from TopoJSON."""


import pytest

from components.data.package import read_package
from components.map.geometry import load_shapes, simplify, topology_to_geojson


@pytest.fixture(scope="module")
def data():
    return read_package()


def test_the_shipped_shapes_cover_every_country_in_the_package(data):
    shipped = {feature["id"] for feature in load_shapes()["features"]}
    assert set(data["countries"]["iso3"]) <= shipped


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
