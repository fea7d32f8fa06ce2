"""Search engines find every page in both languages: robots.txt names the sitemap, the sitemap
lists each page with its other language, and addresses keep the view in a stable order."""

from lxml import etree

from components.publish.site_index import page_url, robots_txt, sitemap_xml
from components.registry import PAGES

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_robots_allows_crawling_and_names_the_sitemap():
    assert robots_txt("https://app.example/ru/") == (
        "User-agent: *\nAllow: /\nSitemap: https://app.example/ru/sitemap.xml\n")


def test_the_sitemap_lists_every_page_in_both_languages_with_alternates():
    root = etree.fromstring(sitemap_xml("https://app.example").encode())
    urls = root.findall("s:url", NS)
    assert len(urls) == 2 * len(PAGES)
    locs = [url.findtext("s:loc", namespaces=NS) for url in urls]
    assert "https://app.example/?lang=id" in locs and "https://app.example/map?lang=en" in locs
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href")
                      for link in url.findall("x:link", NS)}
        assert set(alternates) == {"id", "en"} and url.findtext("s:loc", namespaces=NS) in (
            alternates.values())


def test_a_page_address_keeps_the_view_in_a_stable_order():
    assert page_url("https://a.example/", "map", "en", {"world": "1", "bloc": "SCO",
                                                         "lang": "id"}) == (
        "https://a.example/map?lang=en&bloc=SCO&world=1")
    assert page_url("https://a.example", "", "id", {"roles": "member~observer"}) == (
        "https://a.example/?lang=id&roles=member~observer")
