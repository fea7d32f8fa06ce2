"""The Map page's URL parameters: the date control runs from the Bangkok Declaration to the last
day the data was checked, both included; the country is one of the package's codes or none."""

from datetime import date

import pytest

from components.data.summit import SUMMIT_DAY
from components.map.params import AS_OF, COUNTRY, last_selectable_day
from components.paths import DATA_DIR_VARIABLE


def refused(param, value):
    with pytest.raises(ValueError):
        param.parse(value)
    return True


def test_the_last_checked_day_can_be_picked_and_the_day_after_cannot(tmp_path, monkeypatch):
    (tmp_path / "blocs.csv").write_text("bloc_id,checked_to\nASEAN,2024-05-01\nSCO,2024-03-02\n",
                                        encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    assert last_selectable_day() == date(2024, 3, 2)
    assert AS_OF.parse("2024-03-02") == date(2024, 3, 2)
    assert refused(AS_OF, "2024-03-03")


def test_the_first_day_is_the_bangkok_declaration_and_the_map_opens_on_the_summit_day():
    assert AS_OF.default == SUMMIT_DAY
    assert AS_OF.parse("1967-08-08") == date(1967, 8, 8)
    assert refused(AS_OF, "1967-08-07")


def test_a_country_is_one_of_the_packages_codes_written_as_they_are_or_none():
    assert COUNTRY.parse("RUS") == "RUS" and COUNTRY.parse("") == ""
    assert refused(COUNTRY, "rus") and refused(COUNTRY, "XXX")
