"""Hostile detail documents: one file (or JSON Lines line) each, next to valid records."""

from __future__ import annotations

import json

from tests.ingest.extracts import red_doc
from tests.reliability.cases import (
    Case,
    Stored,
    detail_path,
    doc_bytes,
    entity,
    family_name_is,
)


def bad(
    case_id: str,
    number: int,
    data: bytes,
    reason: str,
    *,
    jsonl: bool = True,
    lines: int | None = None,
    jsonl_lines: int | None = None,
) -> Case:
    """A detail document that must be rejected with `reason` (its JSON path included)."""
    return Case(
        case_id,
        [(detail_path(number), data)],
        ((detail_path(number), reason),),
        jsonl=jsonl and b"\n" not in data,
        entity=entity(number),
        lines=lines,
        jsonl_lines=jsonl_lines,
    )


def tolerated(case_id: str, number: int, data: bytes, check) -> Case:
    """A strange but acceptable document: stored, cleaned as `check` verifies."""
    return Case(
        case_id,
        [(detail_path(number), data)],
        (),
        stored=(entity(number),),
        rejected=0,
        jsonl=b"\n" not in data,
        entity=entity(number),
        check=check,
    )


def raw(number: int, members: str) -> bytes:
    """A hand-written document: its id, then `members` (JSON text, or deliberately not)."""
    return f'{{"entity_id": "2021/{number:05d}", "kind": "red", {members}}}'.encode()


def _marks(number: int, expected: str):
    def check(stored: Stored) -> None:
        assert stored.notices[entity(number)].distinguishing_marks == expected

    return check


_LIST_DOC = json.dumps(
    {"total": 1, "query": {"page": 1}, "_embedded": {"notices": [red_doc(152)]}, "_links": {}}
).encode()
_IMAGES_DOC = json.dumps(
    {
        "_embedded": {"images": [{"picture_id": "61234"}]},
        "_links": {"self": {"href": "/notices/v1/red/2021-00153/images"}},
    }
)
_YELLOW_LINK = {"self": {"href": "https://example.invalid/notices/v1/yellow/2021-00154"}}

DOCUMENT_CASES: list[Case] = [
    # Broken JSON.
    bad("truncated-in-string", 101, raw(101, '"name": "TRUNC'), "truncated JSON"),
    bad("truncated-after-comma", 102, raw(102, '"name": "X",')[:-1], "truncated JSON"),
    bad("empty-file", 103, b"", "empty document", jsonl=False),  # a blank line is no record
    bad(
        "top-level-array",
        104,
        b'[{"entity_id": "2021/00104"}]',
        "top level is an array, expected an object",
    ),
    bad("top-level-null", 105, b"null", "top level is null, expected an object"),
    bad("trailing-garbage", 106, doc_bytes(106) + b' {"x": 1}', "invalid JSON at line 1"),
    bad("single-quotes", 107, b"{'entity_id': '2021/00107'}", "invalid JSON at line 1"),
    bad("comment", 108, raw(108, '"name": "X" /* note */'), "invalid JSON at line 1"),
    bad(
        "html-error-page",
        156,
        b"<html><body>502 Bad Gateway</body></html>",
        "invalid JSON at line 1 column 1",
    ),
    # Wrong types and sizes.
    bad("name-is-number", 109, doc_bytes(109, name=42), "$.name: expected a string, got a number"),
    bad(
        "nationalities-object",
        110,
        doc_bytes(110, nationalities={"PL": True}),
        "$.nationalities: expected a list, got an object",
    ),
    bad(
        "warrants-string",
        111,
        doc_bytes(111, arrest_warrants="fraud"),
        "$.arrest_warrants: expected a list, got a string",
    ),
    bad(
        "warrant-item-string",
        112,
        doc_bytes(112, arrest_warrants=["fraud"]),
        "$.arrest_warrants[0]: expected an object, got a string",
    ),
    bad(
        "huge-name",
        113,
        doc_bytes(113, name="A" * 1_000_000),
        "$.name: field longer than 300 characters",
    ),
    bad(
        "huge-charge",
        114,
        doc_bytes(114, arrest_warrants=[{"issuing_country_id": "DE", "charge": "x" * 100_000}]),
        "$.arrest_warrants[0].charge: field longer than 20000 characters",
    ),
    bad(
        "list-too-long",
        115,
        doc_bytes(115, nationalities=["PL"] * 201),
        "$.nationalities: list longer than 200 items",
    ),
    bad(
        "number-as-string",
        127,
        doc_bytes(127, height="1.80"),
        "$.height: expected a number, got a string",
    ),
    bad(
        "boolean-height",
        128,
        doc_bytes(128, height=True),
        "$.height: expected a number, got true/false",
    ),
    bad(
        "date-is-number",
        120,
        doc_bytes(120, date_of_birth=19840307),
        "$.date_of_birth: expected a string, got a number",
    ),
    # Impossible values.
    bad(
        "invalid-date",
        116,
        doc_bytes(116, date_of_birth="2023/13/45"),
        "$.date_of_birth: date 2023/13/45 is not a valid date",
    ),
    bad(
        "february-30",
        117,
        doc_bytes(117, date_of_birth="2023/02/30"),
        "$.date_of_birth: date 2023/02/30 is not a valid date",
    ),
    bad(
        "day-first-date",
        118,
        doc_bytes(118, date_of_birth="07/03/1984"),
        "is not of the form YYYY/MM/DD, YYYY/MM or YYYY",
    ),
    bad(
        "month-without-year",
        119,
        doc_bytes(119, date_of_birth="0000/05/00"),
        "has a month or day but no year",
    ),
    bad(
        "height-1e400",
        129,
        raw(129, '"height": 1e400'),
        "$.height: height inf is not a finite number",
    ),
    bad("weight-huge", 130, doc_bytes(130, weight=10**30), "is more than 500 kg"),
    bad("negative-height", 131, doc_bytes(131, height=-1.7), "$.height: height -1.7 m is negative"),
    bad(
        "number-5000-digits",
        132,
        raw(132, '"weight": ' + "9" * 5000),
        "a number has too many digits",
    ),
    bad("nan", 133, raw(133, '"height": NaN'), "NaN is not allowed"),
    bad("infinity", 134, raw(134, '"weight": -Infinity'), "-Infinity is not allowed"),
    # Unknown codes.
    bad("unknown-sex", 121, doc_bytes(121, sex_id="X"), "$.sex_id: unknown sex code 'X'"),
    bad(
        "unknown-nationality",
        122,
        doc_bytes(122, nationalities=["PL", "ZZZ"]),
        "$.nationalities[1]: unknown country code 'ZZZ'",
    ),
    bad(
        "unknown-eye-colour",
        123,
        doc_bytes(123, eyes_colors_id=["PURPLE"]),
        "$.eyes_colors_id[0]: unknown eye colour code 'PURPLE'",
    ),
    bad(
        "unknown-language",
        124,
        doc_bytes(124, languages_spoken_ids=["KLINGON"]),
        "$.languages_spoken_ids[0]: unknown language code 'KLINGON'",
    ),
    bad(
        "unknown-wanted-by",
        125,
        doc_bytes(125, arrest_warrants=[{"issuing_country_id": "999", "charge": "Fraud"}]),
        "$.arrest_warrants[0].issuing_country_id: unknown country or authority code '999'",
    ),
    bad("unknown-kind", 126, doc_bytes(126, kind="purple"), "$.kind: unknown notice kind 'purple'"),
    bad(
        "many-problems",
        155,
        doc_bytes(155, nationalities=[f"Z{n}" for n in range(30)]),
        "and 11 more problems",
        lines=20,
    ),
    # Bombs and encodings.
    bad(
        "nesting-bomb-arrays",
        135,
        raw(135, '"x": ' + "[" * 100_000 + "]" * 100_000),
        "nested deeper than 64 levels",
    ),
    bad(
        "nesting-bomb-objects",
        136,
        raw(136, '"x": ' + '{"a": ' * 5_000 + "0" + "}" * 5_000),
        "nested deeper than 64 levels",
    ),
    bad(
        "latin-1",
        137,
        raw(137, '"name": "CAF\u00c9"').decode().encode("latin-1"),
        "not valid UTF-8 at byte",
    ),
    bad(
        "utf-16",
        138,
        doc_bytes(138).decode().encode("utf-16"),
        "not valid UTF-8 (starts with a UTF-16 byte order mark)",
    ),
    bad("overlong-utf-8", 139, raw(139, '"name": "X') + b'\xc0\xaf"}', "not valid UTF-8 at byte"),
    bad("binary-garbage", 157, bytes(range(128, 256)), "not valid UTF-8 at byte 0"),
    bad("raw-nul-byte", 142, raw(142, '"name": "TEST\x00NAME"'), "Invalid control character"),
    bad("lone-surrogate", 143, raw(143, '"name": "\\ud800"'), "unpaired surrogate"),
    bad("reversed-surrogates", 144, raw(144, '"name": "A\\udc00\\ud800B"'), "unpaired surrogate"),
    bad("surrogate-in-key", 145, raw(145, '"\\udfff": 1'), "unpaired surrogate"),
    bad(
        "duplicate-key",
        147,
        raw(147, '"name": "ONE", "name": "TWO"'),
        "duplicate key 'name' in an object",
    ),
    # Wrong or missing identity.
    bad(
        "missing-id",
        148,
        json.dumps({"name": "NOID", "kind": "red"}).encode(),
        "$.entity_id: missing entity_id",
    ),
    bad(
        "id-is-number",
        149,
        doc_bytes(149, entity_id=202100149),
        "$.entity_id: expected a string, got a number",
    ),
    bad(
        "id-fullwidth-digits",
        150,
        doc_bytes(150, entity_id="\uff12\uff10\uff12\uff11/00150"),
        "is not of the form YYYY/NNNNN",
    ),
    bad(
        "id-too-many-digits",
        151,
        doc_bytes(151, entity_id="2021/000000151"),
        "is not of the form YYYY/NNNNN",
    ),
    # (A JSON Lines file cannot tell their kind either: a second line says so.)
    bad(
        "list-document",
        152,
        _LIST_DOC,
        "this is a list of notices, not a notice detail document",
        jsonl_lines=2,
    ),
    bad(
        "images-document",
        153,
        _IMAGES_DOC.encode(),
        "this is a list of images, not a notice detail document",
        jsonl_lines=2,
    ),
    bad(
        "kind-disagreement",
        154,
        doc_bytes(154, _links=_YELLOW_LINK),
        "notice kinds disagree: the source says red, the self link says yellow",
        jsonl=False,
    ),
    # Strange but acceptable: stored, cleaned.
    tolerated(
        "utf-8-bom", 140, b"\xef\xbb\xbf" + doc_bytes(140), family_name_is(140, "TESTOVA140")
    ),
    tolerated(
        "escaped-nul-in-name",
        141,
        doc_bytes(141, name="TEST\u0000NAME\u0007"),
        family_name_is(141, "TESTNAME"),
    ),
    tolerated(
        "surrogate-pair-emoji",
        146,
        raw(146, '"distinguishing_marks": "\\ud83d\\ude00 tattoo"'),
        _marks(146, "\U0001f600 tattoo"),
    ),
    tolerated(
        "unknown-keys-and-odd-links",
        158,
        doc_bytes(158, kind="red", unexpected={"deep": [[1], {"x": None}]}, _links="not an object"),
        family_name_is(158, "TESTOVA158"),
    ),
]
