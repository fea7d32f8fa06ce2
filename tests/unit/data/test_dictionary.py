"""The data dictionary speaks the reader's language: Indonesian texts beside the English ones."""

import json

import frictionless
import pytest

from components.data.dictionary import dictionary_table, resource_text
from components.data.package import DESCRIPTOR_NAME, find_problems
from components.paths import DATA_DIR
from components.text.i18n import t


@pytest.fixture(scope="module")
def descriptor():
    return json.loads((DATA_DIR / DESCRIPTOR_NAME).read_text(encoding="utf-8"))


def described(descriptor):
    """The package, every resource and every field of every schema, each with a label for messages."""
    yield "package", descriptor
    for resource in descriptor["resources"]:
        yield resource["name"], resource
        for field in resource["schema"]["fields"]:
            yield f"{resource['name']}.{field['name']}", field


def filled(value):
    return isinstance(value, str) and value.strip() != ""


@pytest.mark.parametrize("key", ["title", "description", "title_id", "description_id"])
def test_the_package_every_table_and_every_column_have_english_and_indonesian_texts(descriptor,
                                                                                     key):
    missing = [label for label, item in described(descriptor) if not filled(item.get(key))]
    assert missing == []


def test_the_indonesian_texts_are_not_english_copies(descriptor):
    copied = [label for label, item in described(descriptor)
              if item["description_id"] == item["description"]]
    assert copied == []


def test_resource_text_gives_indonesian_for_id_and_english_for_en(descriptor):
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    assert resource_text(events, "title", "id") == "Peristiwa"
    assert resource_text(events, "title", "en") == "Events"
    assert resource_text(events, "description", "id") == events["description_id"]
    assert resource_text(events, "description", "en") == events["description"]


def test_resource_text_falls_back_to_english_when_the_indonesian_is_missing_or_empty():
    resource = {"title": "Events", "description": "Dated events.", "description_id": " "}
    assert resource_text(resource, "title", "id") == "Events"
    assert resource_text(resource, "description", "id") == "Dated events."
    assert resource_text({}, "title", "id") == ""


def test_the_indonesian_dictionary_shows_the_indonesian_descriptions(data):
    resource = data.resource("memberships")
    table = dictionary_table(resource, "id")
    descriptions = list(table[t("sources.dict_description", "id")])
    assert descriptions == [field["description_id"] for field in resource["schema"]["fields"]]
    assert "Hari pertama peran itu dipegang" in descriptions[3]


def test_the_english_dictionary_keeps_the_english_descriptions(data):
    resource = data.resource("memberships")
    table = dictionary_table(resource, "en")
    assert list(table[t("sources.dict_description", "en")]) == [
        field["description"] for field in resource["schema"]["fields"]]


def test_a_field_without_an_indonesian_description_shows_the_english_one(data):
    resource = json.loads(json.dumps(data.resource("sectors")))
    del resource["schema"]["fields"][0]["description_id"]
    table = dictionary_table(resource, "id")
    assert table[t("sources.dict_description", "id")][0] == resource["schema"]["fields"][0][
        "description"]


def test_the_package_with_indonesian_texts_still_validates():
    assert find_problems(DATA_DIR)[0] == []
    report = frictionless.validate(str(DATA_DIR / DESCRIPTOR_NAME))
    assert report.valid, report.flatten(["type", "note"])


def test_a_source_line_names_the_state_behind_its_publisher_in_the_readers_language(data):
    from components.data.dictionary import source_lines, state_names

    lines = {lang: "\n".join(line.replace("\\", "") for group in source_lines(
        data["sources"], lang, state_names(data, lang)).values() for line in group)
        for lang in ("en", "id")}
    tass = [line for line in lines["en"].splitlines() if line.startswith("- **TASS**")]
    assert tass and all("state-run (Russia)" in line and "Russian side" in line for line in tass)
    assert "milik negara (Rusia)" in lines["id"]
    rappler = next(line for line in lines["en"].splitlines() if line.startswith("- **Rappler**"))
    assert "state-" not in rappler  # an independent outlet names no state


def test_the_sources_pages_finding_counts_sources_publishers_and_disagreements(data):
    from components.data.dictionary import sources_finding
    english = sources_finding(data, "en")
    assert english.startswith(f"{len(data['sources'])} sources from {len(data['publishers'])} "
                              "publishers")
    assert f"on {len(data['conflicts'])} values they disagree" in english
    assert sources_finding(data, "id").startswith(f"{len(data['sources'])} sumber dari")
