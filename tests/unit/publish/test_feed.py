"""The corrections feed is valid Atom: the feed and each entry have an id, a title and an
updated time; entries newest first; data text as text, never markup."""

from lxml import etree

from components.publish.feed import corrections_feed, feed_url
from tests.unit.data.test_corrections import ROWS, log_of

ATOM = "{http://www.w3.org/2005/Atom}"


def parsed(lang="en"):
    return etree.fromstring(corrections_feed(log_of(*ROWS), lang, "https://app.example/"))


def test_the_feed_is_atom_with_what_atom_requires():
    feed = parsed()
    assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    for element in (feed, *feed.findall(f"{ATOM}entry")):
        assert element.findtext(f"{ATOM}id") and element.findtext(f"{ATOM}title")
        assert element.findtext(f"{ATOM}updated")
    assert feed.findtext(f"{ATOM}updated").startswith("2026-12-07")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == feed_url("https://app.example", "en")


def test_entries_are_newest_first_and_their_text_is_text():
    entries = parsed().findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id").rsplit("-", 1)[-1] for entry in entries] == [
        "newer", "other", "older"]
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == "[link](https://evil.example) *new*"
    assert newest.find(f"{ATOM}content").get("type") == "text"
    assert newest.findtext(f"{ATOM}content").startswith("why <b>")
    assert "ASEAN Secretariat" in entries[1].findtext(f"{ATOM}content")
    assert parsed("id").findall(f"{ATOM}entry")[0].findtext(f"{ATOM}title") == "baru"
