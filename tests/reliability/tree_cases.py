"""Hostile extract trees and archives: links, traversal, special files, duplicates, pictures."""

from __future__ import annotations

import json
import random

from tests.ingest.extracts import jpeg_bytes, yellow_doc
from tests.reliability import crafted
from tests.reliability.cases import (
    Case,
    Stored,
    detail_path,
    doc_bytes,
    entity,
    family_name_is,
)
from tests.reliability.containers import Device, Dir, Fifo, Link, ZipTweak

ARCHIVES = ("zip", "tar.gz")
PICTURE_LIMIT = 256 * 1024  # PICTURE_MAX_BYTES of the reliability tests' app


def picture_path(number: int, name: str = "61001.jpg") -> str:
    return f"red/2021-{number:05d}/images/{name}"


def pictures(number: int, count: int):
    def check(stored: Stored) -> None:
        assert stored.picture_count(entity(number)) == count

    return check


def structure(
    case_id,
    number,
    entries,
    rejections,
    *,
    stored=False,
    containers=None,
    entity_id="own",
    check=None,
    rejected=1,
    lines=None,
) -> Case:
    """A case about the shape of the tree; the notice `number` is stored when `stored`."""
    if isinstance(stored, bool):
        stored = (entity(number),) if stored else ()
    return Case(
        case_id,
        entries,
        tuple(rejections),
        stored=stored,
        rejected=rejected,
        containers=containers or ("dir", "zip", "tar.gz"),
        entity=entity(number) if entity_id == "own" else entity_id,
        check=check,
        lines=lines,
    )


def bad_picture(case_id: str, number: int, data: bytes, reason: str) -> Case:
    """A notice with one picture that must be refused: the notice is kept without it."""
    return structure(
        case_id,
        number,
        [(detail_path(number), doc_bytes(number)), (picture_path(number), data)],
        [(picture_path(number), f"picture 61001: {reason}")],
        stored=True,
        check=pictures(number, 0),
    )


def _with_detail(number: int, *entries):
    return [(detail_path(number), doc_bytes(number)), *entries]


_OVERSIZE = random.Random(5).randbytes(PICTURE_LIMIT + 1)
_PADDED = doc_bytes(227)[:-1] + b" " * (4 * 1024 * 1024) + b"}"  # valid JSON, 1000:1 deflated
_IMAGES_LIST = json.dumps(
    {"_embedded": {"images": [{"picture_id": "61001"}, {"picture_id": "61002"}]}}
).encode()
_NOT_AN_ID = "red/\uff12\uff10\uff12\uff11-00221.json"

TREE_CASES: list[Case] = [
    # Links and special files: never followed, never read.
    structure(
        "symlink-detail",
        201,
        [(detail_path(201), Link("/etc/passwd"))],
        [(detail_path(201), "symbolic link not followed")],
    ),
    structure(
        "symlink-picture",
        202,
        _with_detail(202, (picture_path(202), Link("/etc/hosts"))),
        [(picture_path(202), "symbolic link not followed")],
        stored=True,
        check=pictures(202, 0),
    ),
    structure(
        "symlink-notice-directory",
        203,
        _with_detail(203, ("red/2021-00203", Link("/etc"))),
        [("red/2021-00203", "symbolic link not followed")],
        stored=True,
    ),
    structure(
        "hard-link",
        204,
        [(detail_path(204), Link("red/2021-00001.json", hard=True))],
        [(detail_path(204), "hard link not followed")],
        containers=("tar.gz",),
    ),
    structure(
        "fifo-detail", 211, [(detail_path(211), Fifo())], [(detail_path(211), "not a regular file")]
    ),
    structure(
        "device-detail",
        212,
        [(detail_path(212), Device())],
        [(detail_path(212), "not a regular file")],
        containers=ARCHIVES,
    ),
    # Unsafe member names: refused, and never taken for a notice's path.
    structure(
        "parent-traversal",
        205,
        [("../" + detail_path(205), doc_bytes(205))],
        [("../" + detail_path(205), "member name contains '..'")],
        containers=ARCHIVES,
        entity_id=None,
    ),
    structure(
        "inner-traversal",
        206,
        [("red/../../2021-00206.json", doc_bytes(206))],
        [("red/../../2021-00206.json", "member name contains '..'")],
        containers=ARCHIVES,
        entity_id=None,
    ),
    structure(
        "absolute-name",
        207,
        [("/" + detail_path(207), doc_bytes(207))],
        [("/" + detail_path(207), "member name is an absolute path")],
        containers=ARCHIVES,
        entity_id=None,
    ),
    structure(
        "backslash-name",
        208,
        [("red\\..\\..\\2021-00208.json", doc_bytes(208))],
        [("red\\..\\..\\2021-00208.json", "member name contains a backslash")],
        containers=("zip",),
        entity_id=None,
    ),
    structure(
        "drive-letter-name",
        209,
        [("C:/" + detail_path(209), doc_bytes(209))],
        [("C:/" + detail_path(209), "member name starts with a drive letter")],
        containers=("zip",),
        entity_id=None,
    ),
    structure(
        "control-character-name",
        210,
        [("red/2021-00210\x1b.json", doc_bytes(210))],
        [("red/2021-00210", "member name contains control characters")],
        containers=ARCHIVES,
        entity_id=None,
    ),
    # Things named like notices that are not one notice document.
    structure(
        "directory-named-like-detail",
        213,
        [(detail_path(213), Dir())],
        [(detail_path(213), "a directory where a file was expected")],
    ),
    structure(
        "directory-named-like-picture",
        214,
        _with_detail(214, (picture_path(214), Dir())),
        [(picture_path(214), "a directory where a file was expected")],
        stored=True,
        check=pictures(214, 0),
    ),
    structure(
        "duplicate-member",
        215,
        [(detail_path(215), doc_bytes(215)), (detail_path(215), doc_bytes(215, name="OTHER"))],
        [(detail_path(215), "duplicate member name")],
        containers=ARCHIVES,
        lines=2,
    ),
    structure(
        "dot-slash-twin",
        216,
        [
            (detail_path(216), doc_bytes(216)),
            ("./" + detail_path(216), doc_bytes(216, name="OTHER")),
        ],
        [
            (detail_path(216), "several files for notice 2021/00216"),
            ("./" + detail_path(216), "several files for notice 2021/00216"),
        ],
        containers=ARCHIVES,
        rejected=2,
    ),
    structure(
        "upper-case-twin",
        217,
        [
            (detail_path(217), doc_bytes(217)),
            (detail_path(217)[:-4] + "JSON", doc_bytes(217, name="X")),
        ],
        [
            (detail_path(217), "several files for notice 2021/00217"),
            (detail_path(217)[:-4] + "JSON", "several files for notice 2021/00217"),
        ],
        rejected=2,
    ),
    structure(
        "same-id-in-two-kinds",
        218,
        [
            (detail_path(218), doc_bytes(218)),
            ("yellow/2021-00218.json", json.dumps(yellow_doc(1, entity_id="2021/00218")).encode()),
        ],
        [("yellow/2021-00218.json", "duplicate of 2021/00218 from")],
        stored=True,
    ),
    structure(
        "file-name-and-id-differ",
        219,
        [(detail_path(219), doc_bytes(220, name="IMPOSTOR")), (detail_path(220), doc_bytes(220))],
        [
            (
                detail_path(219),
                "the document is notice 2021/00220, but its file name or link names 2021/00219",
            )
        ],
        stored=(entity(220),),
        check=family_name_is(220, "TESTOVA220"),
    ),
    structure(
        "file-name-not-utf-8",
        231,
        [("red/2021-00231\udcff.json", doc_bytes(231))],
        [("red/2021-00231\\xff.json", "file name is not a notice id")],
        containers=("dir", "tar.gz"),
        entity_id=None,
    ),
    structure(
        "file-name-not-an-id",
        221,
        [(_NOT_AN_ID, doc_bytes(221))],
        [(_NOT_AN_ID, "file name is not a notice id")],
        entity_id=None,
    ),
    # Pictures arranged wrongly.
    structure(
        "picture-name-not-a-number",
        222,
        _with_detail(222, (picture_path(222, "face.jpg"), jpeg_bytes())),
        [(picture_path(222, "face.jpg"), "picture file name is not a number")],
        stored=True,
        check=pictures(222, 0),
    ),
    structure(
        "pictures-without-document",
        223,
        [(picture_path(223), jpeg_bytes())],
        [(picture_path(223), "pictures without the notice document red/2021-00223.json")],
    ),
    structure(
        "images-list-names-a-missing-picture",
        224,
        _with_detail(
            224, ("red/2021-00224/images.json", _IMAGES_LIST), (picture_path(224), jpeg_bytes())
        ),
        [("red/2021-00224/images.json", "listed pictures missing: 61002")],
        stored=True,
        check=pictures(224, 1),
    ),
    structure(
        "images-list-not-json",
        225,
        _with_detail(
            225,
            ("red/2021-00225/images.json", b'{"_embedded": '),
            (picture_path(225), jpeg_bytes()),
        ),
        [("red/2021-00225/images.json", "truncated JSON")],
        stored=True,
        check=pictures(225, 1),
    ),
    structure(
        "two-files-for-one-picture",
        226,
        _with_detail(
            226, (picture_path(226), jpeg_bytes()), (picture_path(226, "61001.png"), jpeg_bytes())
        ),
        [(picture_path(226), "several files for picture 61001")],
        stored=True,
        check=pictures(226, 0),
    ),
    # Zip members that lie.
    structure(
        "zip-bomb",
        227,
        [(detail_path(227), _PADDED)],
        [(detail_path(227), "looks like a decompression bomb")],
        containers=("zip",),
    ),
    structure(
        "zip-size-lie",
        228,
        [(detail_path(228), ZipTweak(_PADDED[:20_000], declared_size=100))],
        [(detail_path(228), "cannot read member: Bad CRC-32")],
        containers=("zip",),
    ),
    structure(
        "zip-encrypted",
        229,
        [(detail_path(229), ZipTweak(doc_bytes(229), encrypted=True))],
        [(detail_path(229), "encrypted member")],
        containers=("zip",),
    ),
    structure(
        "zip-bad-crc",
        230,
        [(detail_path(230), ZipTweak(doc_bytes(230), corrupt=True))],
        [(detail_path(230), "cannot read member")],
        containers=("zip",),
    ),
    # Pictures that lie about what they are.
    structure(
        "png-named-jpg",
        301,
        _with_detail(301, (picture_path(301), crafted.encoded("PNG"))),
        [],
        stored=True,
        rejected=0,
        check=pictures(301, 1),
    ),
    bad_picture("bmp-named-jpg", 302, crafted.encoded("BMP"), "not a picture (content is not"),
    bad_picture("tiff-named-jpg", 303, crafted.encoded("TIFF"), "not a picture (content is not"),
    bad_picture("html-named-jpg", 304, crafted.HTML, "not a picture (content is not"),
    bad_picture("svg-named-jpg", 305, crafted.SVG, "not a picture (content is not"),
    bad_picture("png-40000-square", 306, crafted.png_header(), "picture is 40000×40000 pixels"),
    bad_picture("jpeg-40000-square", 307, crafted.jpeg_header(), "picture is 40000×40000 pixels"),
    bad_picture("gif-40000-square", 308, crafted.gif_header(), "picture is 40000×40000 pixels"),
    bad_picture("webp-40000-square", 309, crafted.webp_header(), "picture is 40000×40000 pixels"),
    bad_picture("truncated-jpeg", 310, crafted.noisy_jpeg()[:12_000], "broken or truncated"),
    bad_picture("empty-picture", 311, b"", "not a picture (empty file)"),
    bad_picture("oversize-picture", 312, _OVERSIZE, f"larger than the limit of {PICTURE_LIMIT}"),
]
