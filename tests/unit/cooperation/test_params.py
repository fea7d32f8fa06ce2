"""The Cooperation page's URL parameters: the data's initiatives, bad values fall back."""


from components.charts.url_state import parse_query
from components.cooperation import params


def test_the_url_accepts_exactly_the_initiatives_in_the_data(data):
    assert set(params.INITIATIVE_IDS) == set(data["initiatives"]["initiative_id"])


def test_a_bad_initiative_or_level_in_the_url_falls_back_to_the_default():
    values, notices = parse_query(params.PARAMS, {"initiative": "moon-base", "level": "king"})
    assert values == {"initiative": "", "level": ""}
    assert [notice.key for notice in notices] == ["initiative", "level"]
