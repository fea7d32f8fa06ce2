"""Text from the data cannot become HTML, a script or a link."""

from components.text.safe_text import md_escape, md_link, safe_url


def test_markdown_link_syntax_in_data_is_escaped():
    escaped = md_escape("[click](https://evil.example)")
    assert "](" not in escaped.replace("\\]\\(", "")


def test_html_in_data_is_escaped():
    assert "<" not in md_escape("<script>alert(1)</script>").replace("\\<", "")


def test_a_bare_address_in_data_cannot_become_a_link():
    # The renderer links bare addresses after decoding escapes: the triggers must be broken.
    for address in ("https://evil.example", "www.evil.example", "someone@evil.example",
                    "mailto:someone"):
        escaped = md_escape(address)
        assert escaped.replace("\\", "") != address
        assert escaped.replace("\\", "").replace("\u2060", "") == address


def test_only_http_links_are_allowed():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url("https://tass.com/world/1670221") == "https://tass.com/world/1670221"


def test_a_link_with_an_unsafe_url_is_plain_text():
    assert md_link("TASS", "javascript:alert(1)") == "TASS"
