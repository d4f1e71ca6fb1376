"""Every class of invalid input is rejected as a whole, with a JSON path and a clear reason."""

from __future__ import annotations

import pytest

from notices.ingest.normalize import MAX_REJECTIONS, normalize_document
from notices.ingest.record import Rejection

ORIGIN = "extract.zip:red/2024-100.json"


def minimal(kind: str = "red") -> dict:
    return {"entity_id": "2024/100", "name": "EXAMPLEMAN", "forename": "JO", "kind": kind}


def rejected(doc: object, **kwargs) -> list[Rejection]:
    record, rejections = normalize_document(doc, origin=ORIGIN, **kwargs)
    assert record is None
    assert rejections
    return rejections


LONG = "A" * 301

# (kind, document key, published value, JSON path, reason)
INVALID_FIELDS = [
    # Wrong types.
    ("red", "name", 42, "$.name", "expected a string, got a number"),
    ("red", "forename", ["JO"], "$.forename", "expected a string, got a list"),
    ("red", "forename", True, "$.forename", "expected a string, got true/false"),
    ("red", "nationalities", {"0": "FR"}, "$.nationalities", "expected a list, got an object"),
    (
        "red",
        "nationalities",
        [{"code": "FR"}],
        "$.nationalities[0]",
        "expected a string, got an object",
    ),
    ("red", "nationalities", 250, "$.nationalities", "expected a list, got a number"),
    ("red", "arrest_warrants", "murder", "$.arrest_warrants", "expected a list, got a string"),
    (
        "red",
        "arrest_warrants",
        ["murder"],
        "$.arrest_warrants[0]",
        "expected an object, got a string",
    ),
    (
        "red",
        "arrest_warrants",
        [{}, {}, {"charge": 12}],
        "$.arrest_warrants[2].charge",
        "expected a string, got a number",
    ),
    (
        "red",
        "arrest_warrants",
        [{"issuing_country_id": ["FR"]}],
        "$.arrest_warrants[0].issuing_country_id",
        "expected a string, got a list",
    ),
    ("red", "height", "1.80", "$.height", "expected a number, got a string"),
    ("red", "weight", False, "$.weight", "expected a number, got true/false"),
    ("red", "sex_id", 1, "$.sex_id", "expected a string, got a number"),
    ("red", "date_of_birth", 1980, "$.date_of_birth", "expected a string, got a number"),
    (
        "red",
        "distinguishing_marks",
        {"text": "scar"},
        "$.distinguishing_marks",
        "expected a string, got an object",
    ),
    ("un-person", "aliases", [7], "$.aliases[0]", "expected a string or an object, got a number"),
    (
        "un-person",
        "aliases",
        [{"name": ["X"]}],
        "$.aliases[0].name",
        "expected a string, got a list",
    ),
    (
        "un-person",
        "aliases",
        [{"alias": "X"}],
        "$.aliases[0]",
        "an alias object needs a name or a forename",
    ),
    (
        "un-person",
        "identity_documents",
        "passport",
        "$.identity_documents",
        "expected a list, got a string",
    ),
    (
        "un-person",
        "identity_documents",
        [["P", "1"]],
        "$.identity_documents[0]",
        "expected an object, got a list",
    ),
    (
        "un-person",
        "associates",
        [{"name": {"first": "X"}}],
        "$.associates[0].name",
        "expected a string, got an object",
    ),
    (
        "un-person",
        "adresses",
        [{"post code": True}],
        "$.adresses[0]['post code']",
        "expected a string, got true/false",
    ),
    ("un-entity", "also_known_as", 5, "$.also_known_as", "expected a list, got a number"),
    (
        "un-entity",
        "formerly_known_as",
        ["A", 5],
        "$.formerly_known_as[1]",
        "expected a string, got a number",
    ),
    # Impossible or malformed dates.
    (
        "red",
        "date_of_birth",
        "2023/13/45",
        "$.date_of_birth",
        "date 2023/13/45 is not a valid date",
    ),
    (
        "red",
        "date_of_birth",
        "2023/02/30",
        "$.date_of_birth",
        "date 2023/02/30 is not a valid date",
    ),
    (
        "red",
        "date_of_birth",
        "2023/02/29",
        "$.date_of_birth",
        "date 2023/02/29 is not a valid date",
    ),
    (
        "red",
        "date_of_birth",
        "2023/04/31",
        "$.date_of_birth",
        "date 2023/04/31 is not a valid date",
    ),
    (
        "red",
        "date_of_birth",
        "12/04/1980",
        "$.date_of_birth",
        "date '12/04/1980' is not of the form YYYY/MM/DD, YYYY/MM or YYYY",
    ),
    (
        "red",
        "date_of_birth",
        "1980/04-12",
        "$.date_of_birth",
        "date '1980/04-12' is not of the form YYYY/MM/DD, YYYY/MM or YYYY",
    ),
    (
        "red",
        "date_of_birth",
        "yesterday",
        "$.date_of_birth",
        "date 'yesterday' is not of the form YYYY/MM/DD, YYYY/MM or YYYY",
    ),
    (
        "un-person",
        "date_of_birth",
        "1975/00/12",
        "$.date_of_birth",
        "date 1975/00/12 has a day but no month",
    ),
    (
        "un-person",
        "date_of_birth",
        "0000/04/00",
        "$.date_of_birth",
        "date 0000/04/00 has a month or day but no year",
    ),
    (
        "un-person",
        "date_of_birth",
        ["1975", "1976/02/30"],
        "$.date_of_birth[1]",
        "date 1976/02/30 is not a valid date",
    ),
    (
        "yellow",
        "date_of_event",
        "2023/00/31",
        "$.date_of_event",
        "date 2023/00/31 has a day but no month",
    ),
    (
        "un-person",
        "un_reference_date",
        "2019/19",
        "$.un_reference_date",
        "date 2019/19 is not a valid date",
    ),
    # Measures out of range.
    ("red", "height", -1.7, "$.height", "height -1.7 m is negative"),
    ("red", "height", 175, "$.height", "height 175 m is more than 3 m"),
    ("red", "height", float("nan"), "$.height", "height nan is not a finite number"),
    ("red", "height", 10**400, "$.height", "is more than 3 m"),
    ("red", "weight", 501, "$.weight", "weight 501 kg is more than 500 kg"),
    ("red", "weight", -60, "$.weight", "weight -60 kg is negative"),
    # Unknown codes.
    (
        "red",
        "eyes_colors_id",
        ["PURPLE"],
        "$.eyes_colors_id[0]",
        "unknown eye colour code 'PURPLE'",
    ),
    ("red", "hairs_id", ["BRO", "GREEN"], "$.hairs_id[1]", "unknown hair colour code 'GREEN'"),
    ("red", "sex_id", "X", "$.sex_id", "unknown sex code 'X'"),
    ("red", "nationalities", ["FRA"], "$.nationalities[0]", "unknown country code 'FRA'"),
    ("red", "nationalities", ["914"], "$.nationalities[0]", "unknown country code '914'"),
    ("red", "nationalities", ["ß"], "$.nationalities[0]", "unknown country code 'ß'"),
    ("red", "country_of_birth_id", "F1", "$.country_of_birth_id", "unknown country code 'F1'"),
    (
        "red",
        "languages_spoken_ids",
        ["EN"],
        "$.languages_spoken_ids[0]",
        "unknown language code 'EN'",
    ),
    (
        "red",
        "languages_spoken_ids",
        ["ENGL"],
        "$.languages_spoken_ids[0]",
        "unknown language code 'ENGL'",
    ),
    (
        "red",
        "arrest_warrants",
        [{"issuing_country_id": "999"}],
        "$.arrest_warrants[0].issuing_country_id",
        "unknown country or authority code '999'",
    ),
    ("yellow", "country", "Latvia", "$.country", "unknown country code 'Latvia'"),
    (
        "yellow",
        "countries_likely_to_be_visited",
        ["EE", "E E"],
        "$.countries_likely_to_be_visited[1]",
        "unknown country code 'E E'",
    ),
    # Oversized fields and lists.
    ("red", "name", LONG, "$.name", "field longer than 300 characters"),
    ("red", "forename", " " * 301, "$.forename", "field longer than 300 characters"),
    ("red", "place_of_birth", "A" * 2001, "$.place_of_birth", "field longer than 2000 characters"),
    (
        "red",
        "distinguishing_marks",
        "A" * 20001,
        "$.distinguishing_marks",
        "field longer than 20000 characters",
    ),
    (
        "red",
        "arrest_warrants",
        [{"charge": "A" * 20001}],
        "$.arrest_warrants[0].charge",
        "field longer than 20000 characters",
    ),
    ("red", "nationalities", ["FR"] * 201, "$.nationalities", "list longer than 200 items"),
    (
        "red",
        "arrest_warrants",
        [{"charge": "X"}] * 201,
        "$.arrest_warrants",
        "list longer than 200 items",
    ),
    ("red", "date_of_birth", "1" * 41, "$.date_of_birth", "is not a date"),
    ("un-person", "aliases", [LONG], "$.aliases[0]", "field longer than 300 characters"),
    ("un-person", "summary", "A" * 20001, "$.summary", "field longer than 20000 characters"),
    (
        "un-person",
        "identity_documents",
        [{f"k{i}": "v" for i in range(31)}],
        "$.identity_documents[0]",
        "object with more than 30 members",
    ),
    (
        "un-person",
        "identity_documents",
        [{"k" * 101: "v"}],
        "$.identity_documents[0]",
        "member name longer than 100 characters",
    ),
    ("un-entity", "also_known_as", ";".join(["A"] * 201), "$.also_known_as", "more than 200 names"),
    (
        "un-entity",
        "also_known_as",
        "A" * 20001,
        "$.also_known_as",
        "field longer than 20000 characters",
    ),
    ("un-entity", "name", "A" * 1001, "$.name", "field longer than 1000 characters"),
]


@pytest.mark.parametrize(("kind", "key", "value", "path", "reason"), INVALID_FIELDS)
def test_invalid_field_rejects_the_record(kind, key, value, path, reason):
    doc = minimal(kind)
    doc[key] = value
    rejections = rejected(doc)
    assert [(r.json_path, reason in r.reason) for r in rejections] == [(path, True)]
    assert rejections[0].reason.endswith(reason)
    assert rejections[0].source == ORIGIN
    assert rejections[0].entity_id == "2024/100"


@pytest.mark.parametrize(
    ("entity_id", "reason"),
    [
        (None, "missing entity_id"),
        (20240100, "expected a string, got a number"),
        (["2024/100"], "expected a string, got a list"),
        ("", "is not of the form YYYY/NNNNN"),
        ("../../etc/passwd", "is not of the form YYYY/NNNNN"),
        ("2024/1; DROP TABLE notice", "is not of the form YYYY/NNNNN"),
        ("2024/100/../../x", "is not of the form YYYY/NNNNN"),
        ("2024/" + "1" * 500, "is not of the form YYYY/NNNNN"),
        ("\u0662\u0660\u0662\u0664/\u0661", "is not of the form YYYY/NNNNN"),  # Arabic digits
        ("24/100", "is not of the form YYYY/NNNNN"),
    ],
)
def test_missing_or_hostile_entity_id(entity_id, reason):
    doc = minimal()
    doc["entity_id"] = entity_id
    rejections = rejected(doc)
    assert [(r.json_path, r.entity_id) for r in rejections] == [("$.entity_id", None)]
    assert reason in rejections[0].reason
    assert len(rejections[0].reason) < 120  # a hostile id is not echoed in full


def test_missing_entity_id_falls_back_to_the_self_link_id_so_the_notice_is_kept():
    doc = {"name": "EXAMPLEMAN", "_links": {"self": {"href": "/notices/v1/red/2024-555"}}}
    rejections = rejected(doc)
    assert [(r.json_path, r.entity_id) for r in rejections] == [("$.entity_id", "2024/555")]


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        ({"total": 1, "_embedded": {"notices": []}}, "this is a list of notices"),
        ({"_embedded": {"images": [{"picture_id": "1"}]}}, "this is a list of images"),
    ],
)
def test_list_documents_are_named_as_such(doc, reason):
    rejections = rejected(doc, kind="red")
    assert reason in rejections[0].reason


@pytest.mark.parametrize("doc", [[], "text", 42, None, True])
def test_document_that_is_not_an_object(doc):
    rejections = rejected(doc)
    assert [(r.json_path, r.source) for r in rejections] == [("$", ORIGIN)]
    assert rejections[0].reason.startswith("expected a JSON object, got ")


RED_LINK = {"self": {"href": "https://ws-public.example.org/notices/v1/red/2024-100"}}


@pytest.mark.parametrize(
    ("given", "declared", "links", "path", "reason"),
    [
        (
            "yellow",
            None,
            RED_LINK,
            "$",
            "notice kinds disagree: the source says yellow, the self link says red",
        ),
        (
            None,
            "un-person",
            RED_LINK,
            "$",
            'notice kinds disagree: "kind" says un-person, the self link says red',
        ),
        (
            "red",
            "yellow",
            None,
            "$",
            'notice kinds disagree: the source says red, "kind" says yellow',
        ),
        (None, "blue", None, "$.kind", "unknown notice kind 'blue'"),
        ("red", "blue", RED_LINK, "$.kind", "unknown notice kind 'blue'"),
        (None, 3, None, "$.kind", "expected a string, got a number"),
        ("purple", None, None, "$", "unknown notice kind 'purple' given by the source"),
        (None, None, None, "$", 'cannot tell the notice kind: no "kind" key and no self link'),
        (
            None,
            None,
            {"self": {"href": "https://example.org/notices/v1/blue/2024-100"}},
            "$",
            "cannot tell the notice kind",
        ),
        (None, None, {"self": "/notices/v1/red/2024-100"}, "$", "cannot tell the notice kind"),
    ],
)
def test_unknown_or_disagreeing_kind(given, declared, links, path, reason):
    doc = {"entity_id": "2024/100", "name": "EXAMPLEMAN"}
    if declared is not None:
        doc["kind"] = declared
    if links is not None:
        doc["_links"] = links
    rejections = rejected(doc, kind=given)
    assert [(r.json_path, r.entity_id) for r in rejections] == [(path, "2024/100")]
    assert reason in rejections[0].reason


def test_all_problems_of_a_record_are_reported_in_document_order():
    doc = minimal()
    doc.update(name=7, height=9, arrest_warrants=[{"charge": 1, "issuing_country_id": "ZZZ"}])
    rejections = rejected(doc)
    assert [r.json_path for r in rejections] == [
        "$.name",
        "$.height",
        "$.arrest_warrants[0].issuing_country_id",
        "$.arrest_warrants[0].charge",
    ]
    assert {r.entity_id for r in rejections} == {"2024/100"}


def test_bad_id_and_bad_fields_are_reported_together():
    doc = minimal()
    doc.update(entity_id="x", sex_id="Q")
    assert [r.json_path for r in rejected(doc)] == ["$.entity_id", "$.sex_id"]


def test_number_of_rejections_per_record_is_capped():
    doc = minimal()
    doc["nationalities"] = [f"X{i}" for i in range(30)]
    rejections = rejected(doc)
    assert len(rejections) == MAX_REJECTIONS
    assert rejections[-2].json_path == f"$.nationalities[{MAX_REJECTIONS - 2}]"
    assert (rejections[-1].json_path, rejections[-1].reason) == ("$", "and 11 more problems")


def test_same_field_under_both_address_spellings_is_rejected():
    doc = minimal("un-person")
    doc.update(adresses=[{"city": "A"}], addresses=[{"city": "B"}])
    rejections = rejected(doc)
    assert [r.json_path for r in rejections] == ["$.addresses"]
    assert "given twice" in rejections[0].reason
