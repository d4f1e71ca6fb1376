"""The demo extract generator: published layout, keys and quirks, determinism, all scripts."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from notices.demo import MARKER_FILE, write_demo_extract
from notices.demo.culture import upper
from notices.demo.writer import plan_kinds
from notices.domain import KIND_PATHS, KINDS, PartialDate, url_entity_id
from notices.ingest.pictures import process_picture

COUNT = 500
PERSON_KEYS = {
    "entity_id",
    "name",
    "forename",
    "date_of_birth",
    "sex_id",
    "nationalities",
    "country_of_birth_id",
    "place_of_birth",
    "height",
    "weight",
    "eyes_colors_id",
    "hairs_id",
    "languages_spoken_ids",
    "distinguishing_marks",
    "_embedded",
    "_links",
}
PUBLISHED_KEYS = {
    "red": PERSON_KEYS | {"arrest_warrants"},
    "yellow": PERSON_KEYS
    | {
        "date_of_event",
        "place",
        "country",
        "birth_name",
        "father_name",
        "father_forename",
        "mother_name",
        "mother_forename",
        "countries_likely_to_be_visited",
    },
    "un-person": PERSON_KEYS
    | {
        "name_in_original_script",
        "forename_in_original_script",
        "un_reference",
        "un_reference_date",
        "un_resolution",
        "summary",
        "aliases",
        "identity_documents",
        "associates",
        "adresses",
    },
    "un-entity": {
        "entity_id",
        "name",
        "also_known_as",
        "formerly_known_as",
        "main_activity",
        "legal_form",
        "un_reference",
        "un_reference_date",
        "un_resolution",
        "summary",
        "adresses",
        "_embedded",
        "_links",
    },
}
CODE_LISTS = ("nationalities", "eyes_colors_id", "hairs_id", "languages_spoken_ids")
FILE_LAYOUT = re.compile(
    r"^(red|yellow|un/persons|un/entities)/\d{4}-\d{5}(\.json|/images/\d+\.jpg)$"
)
SCRIPT_NAMES = {"CYRILLIC": "cyrillic", "ARABIC": "arabic", "CJK": "chinese", "GREEK": "greek"}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    calls: list[int] = []
    root = tmp_path_factory.mktemp("demo") / "extract"
    summary = write_demo_extract(root, COUNT, seed=1, progress=calls.append)
    return root, summary, calls


@pytest.fixture(scope="module")
def documents(extract) -> dict[str, list[dict]]:
    root = extract[0]
    return {
        kind: [
            json.loads(p.read_text("utf-8"))
            for p in sorted((root / KIND_PATHS[kind]).glob("*.json"))
        ]
        for kind in KINDS
    }


def persons(documents) -> list[dict]:
    return documents["red"] + documents["yellow"] + documents["un-person"]


def test_same_seed_gives_identical_tree(extract, tmp_path):
    root, _, _ = extract
    write_demo_extract(tmp_path / "again", COUNT, seed=1)
    assert tree(tmp_path / "again") == tree(root)


def test_other_seed_gives_other_data(tmp_path):
    write_demo_extract(tmp_path / "one", 40, seed=1)
    write_demo_extract(tmp_path / "two", 40, seed=2)
    assert set(tree(tmp_path / "one")) != set(tree(tmp_path / "two"))


def test_every_kind_is_written_in_the_published_layout(extract, documents):
    root, summary, _ = extract
    assert summary.counts == {"red": 375, "yellow": 75, "un-person": 35, "un-entity": 15}
    assert {kind: len(docs) for kind, docs in documents.items()} == summary.counts
    files = tree(root)
    assert MARKER_FILE in files and b"FICTITIOUS" in files[MARKER_FILE]
    assert all(FILE_LAYOUT.match(name) for name in files if name != MARKER_FILE)
    ids = [doc["entity_id"] for docs in documents.values() for doc in docs]
    assert len(set(ids)) == COUNT
    assert all(re.fullmatch(r"\d{4}/\d{5}", i) and 1995 <= int(i[:4]) <= 2026 for i in ids)


def test_documents_have_exactly_the_published_keys(documents):
    unknown = Counter()
    for kind, docs in documents.items():
        for doc in docs:
            extra = set(doc) - PUBLISHED_KEYS[kind]
            assert len(extra) <= 1, doc["entity_id"]
            assert PUBLISHED_KEYS[kind] <= set(doc), doc["entity_id"]
            unknown.update(extra)
    assert unknown  # now and then an unknown key, as the service does
    orders = {tuple(doc) for doc in documents["red"]}
    assert len(orders) > 10  # key order varies between documents


def test_links_match_the_pictures_on_disk(extract, documents):
    root, summary, _ = extract
    pictures = 0
    for kind, docs in documents.items():
        for doc in docs:
            dash_id = url_entity_id(doc["entity_id"])
            links = doc["_links"]
            assert links["self"]["href"].endswith(f"/{KIND_PATHS[kind]}/{dash_id}")
            images = sorted(p.stem for p in (root / KIND_PATHS[kind] / dash_id).glob("images/*"))
            pictures += len(images)
            if images:
                assert links["thumbnail"]["href"].rsplit("/", 1)[1] in images
            else:
                assert "thumbnail" not in links
            assert doc["_embedded"] == {"links": []}
    assert pictures == summary.pictures
    with_pictures = sum("thumbnail" in d["_links"] for d in persons(documents))
    assert 0.15 < with_pictures / len(persons(documents)) < 0.35


def test_pictures_are_decodable_synthetic_portraits(extract):
    root = extract[0]
    files = sorted(root.rglob("*.jpg"))
    assert files
    for path in files:
        with Image.open(path) as picture:
            assert picture.format == "JPEG" and picture.size == (240, 300)
            picture.load()
    assert process_picture(files[0].read_bytes()).width == 240


def test_name_quirks(documents):
    people = persons(documents)
    forenames = Counter(d["forename"] for d in people)
    assert forenames[None] >= 3 and forenames["-"] >= 3
    for doc in people:
        for key in ("name", "forename"):
            if doc[key] is not None:
                assert doc[key] == doc[key].upper()


def test_every_script_is_present(documents):
    scripts = Counter()
    for doc in documents["un-person"]:
        original = (doc["name_in_original_script"] or "") + (
            doc["forename_in_original_script"] or ""
        )
        scripts.update(
            SCRIPT_NAMES.get(unicodedata.name(c).split()[0]) for c in original if c.isalpha()
        )
        if doc["name_in_original_script"]:
            assert doc["name"].isascii()  # with a Latin transliteration beside it
    assert set(SCRIPT_NAMES.values()) <= set(scripts)
    latin = "".join((d["name"] or "") + (d["forename"] or "") for d in persons(documents))
    assert {c for c in latin if not c.isascii() and unicodedata.name(c).startswith("LATIN")}


def test_aliases_respell_names(documents):
    respelled = [
        alias
        for doc in documents["un-person"]
        if doc["name_in_original_script"]
        for alias in doc["aliases"] or []
        if alias["name"] != doc["name"]
    ]
    assert respelled


def test_dates_as_published(documents):
    for doc in documents["red"] + documents["yellow"]:
        if doc["date_of_birth"] is not None:
            assert re.fullmatch(r"\d{4}(/\d{2}(/\d{2})?)?", doc["date_of_birth"])
    un_dates = Counter(d["date_of_birth"] for d in documents["un-person"])
    assert any(text and text.endswith("/00/00") and text != "0000/00/00" for text in un_dates)
    precision = Counter(len(d["date_of_birth"] or "") for d in documents["red"])
    assert precision[4] and precision[7] and precision[10]  # year, year-month and full dates


def test_ages_span_teenagers_to_old_people(documents):
    on = date(2026, 6, 30)
    ages = []
    for doc in documents["red"] + documents["yellow"]:
        if doc["date_of_birth"]:
            parts = [int(p) for p in doc["date_of_birth"].split("/")]
            ages.append(PartialDate(*parts).age_range(on)[0])
    assert min(ages) <= 14 and max(ages) >= 80


def test_code_lists_and_measures_as_published(documents):
    people = persons(documents)
    for doc in people:
        for key in CODE_LISTS:
            assert doc[key] is None or (isinstance(doc[key], list) and doc[key]), key
        assert doc["sex_id"] in ("M", "F", "U")
    heights = [d["height"] for d in documents["red"]]
    assert 0 in heights and None in heights and any(isinstance(h, float) for h in heights)
    weights = [d["weight"] for d in documents["red"]]
    assert any(isinstance(w, int) and w for w in weights)
    assert Counter(d["sex_id"] for d in documents["red"]).most_common(1)[0][0] == "M"


def test_warrants_as_published(documents):
    warrants = [w for doc in documents["red"] for w in doc["arrest_warrants"]]
    issuers = {w["issuing_country_id"] for w in warrants}
    assert {"914", "916", "922", "UNK"} & issuers
    assert sum("\r\n" in w["charge"] for w in warrants) > 0.8 * len(warrants)  # multi-line
    translations = Counter(w["charge_translation"] is None for w in warrants)
    assert translations[True] > translations[False] > 0


def test_yellow_and_un_specifics(documents):
    yellow = documents["yellow"]
    assert any(d["father_name"] for d in yellow) and any(d["mother_forename"] for d in yellow)
    for doc in yellow:
        born, event = doc["date_of_birth"], doc["date_of_event"]
        if born and len(born) == len(event) == 10:
            assert born <= event <= "2026/06/30"
    assert any(d["birth_name"] for d in yellow)
    un = documents["un-person"]
    assert all(re.fullmatch(r"[A-Z]{2}i\.\d{3}", d["un_reference"]) for d in un)
    aliases = [a for d in un for a in d["aliases"] or []]
    assert aliases and all(set(a) == {"name", "forename"} for a in aliases)
    entities = documents["un-entity"]
    assert all(re.fullmatch(r"[A-Z]{2}e\.\d{3}", d["un_reference"]) for d in entities)
    assert any(";" in (d["also_known_as"] or "") for d in entities)


@pytest.mark.parametrize(
    ("text", "turkish", "expected"),
    [
        ("şirin", True, "ŞİRİN"),
        ("ılgaz", True, "ILGAZ"),
        ("weiß", False, "WEISS"),
        ("đorđe", False, "ĐORĐE"),
    ],
)
def test_names_are_upper_cased_as_published(text, turkish, expected):
    assert upper(text, turkish) == expected


def test_progress_reports_every_notice(extract):
    _, _, calls = extract
    assert sum(calls) == COUNT and len(calls) >= 1


def test_refuses_a_non_empty_directory(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        write_demo_extract(tmp_path, 5)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1000, {"red": 750, "yellow": 150, "un-person": 70, "un-entity": 30}),
        (4, {"red": 1, "yellow": 1, "un-person": 1, "un-entity": 1}),
        (0, {}),
    ],
)
def test_kind_mix(count, expected):
    assert Counter(plan_kinds(count, random.Random(1))) == expected
