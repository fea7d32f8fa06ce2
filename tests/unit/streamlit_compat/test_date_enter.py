"""The script that applies a typed date on Enter: present while the shim applies, and one
Streamlit's sanitiser keeps (no "<" before a letter, "/" or "!" inside it)."""

import re

from components.streamlit_compat import date_enter


def test_the_script_blurs_a_date_field_on_enter_once_per_page():
    script = date_enter.enter_applies_typed_dates()
    assert script.startswith("<script>") and script.endswith("</script>")
    body = script[len("<script>"):-len("</script>")]
    assert not re.search(r"<[A-Za-z/!]", body)
    assert "'Enter'" in body and "stDateInput" in body and ".blur()" in body
    assert "window.__ruDateEnter" in body  # one listener, however many runs draw the field


def test_the_script_goes_when_the_shim_is_off(monkeypatch):
    monkeypatch.setenv("DASHBOARD_SHIMS_OFF", "date-enter")
    assert date_enter.enter_applies_typed_dates() == ""
