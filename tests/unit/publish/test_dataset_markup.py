"""schema.org Dataset markup: the package on the Sources page and one view in an embed, each with
its licence, the days it covers and its files at the /data addresses."""

import json
import re

from components.charts.cache import built
from components.registry import CHARTS, get_chart
from components.web.link_previews import dataset_markup, rewrite

HEAD = '<html lang="en"><head><title>Streamlit</title></head>'
BASE = "https://a.example"


def datasets(document: str) -> list[dict]:
    found = []
    for body in re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.S):
        found += [item for item in json.loads(body) if item.get("@type") == "Dataset"]
    return found


def test_the_sources_page_describes_the_whole_package_with_a_file_per_chart(data):
    [dataset] = datasets(rewrite(HEAD, "/sources", "lang=id", BASE))
    assert dataset["@context"] == "https://schema.org"
    assert dataset["name"] == data.descriptor["title_id"]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    start, end = dataset["temporalCoverage"].split("/")
    assert start == data["events"]["date"].min().date().isoformat()
    assert end == data["blocs"]["checked_to"].max().date().isoformat()
    urls = [item["contentUrl"] for item in dataset["distribution"]]
    assert len(urls) == 2 * len(CHARTS)
    assert f"{BASE}/data/history.csv?lang=id" in urls and f"{BASE}/data/history.zip?lang=id" in urls
    assert {item["@type"] for item in dataset["distribution"]} == {"DataDownload"}


def test_an_embed_describes_its_views_data(data):
    [dataset] = datasets(rewrite(HEAD, "/", "lang=en&embed=true&chart=history&from=1990", BASE))
    spec = get_chart("history")
    assert dataset["name"] == built(spec, data, {**spec.defaults, "from": 1990}, "en").title
    assert [item["contentUrl"] for item in dataset["distribution"]] == [
        f"{BASE}/data/history.csv?lang=en&from=1990", f"{BASE}/data/history.zip?lang=en&from=1990"]
    assert dataset["url"].startswith(BASE)


def test_other_pages_unknown_charts_and_unknown_addresses_get_no_dataset():
    assert dataset_markup("/map", "lang=en", BASE, "") == ""
    assert dataset_markup("/", "embed=true&chart=nope", BASE, "") == ""
    assert dataset_markup("/sources", "lang=en", "", "") == ""
