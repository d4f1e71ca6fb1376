"""The valid extract every hostile case is mixed with, and what a case expects of a load."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.ingest.extracts import jpeg_bytes, red_doc, un_entity_doc, un_person_doc, yellow_doc
from tests.reliability.containers import CONTAINERS, Entry

# The valid records of every hostile load (kinds given explicitly so JSON Lines can tell them).
BASELINE_DOCS = {
    "red/2021-00001.json": red_doc(1),
    "red/2021-00002.json": red_doc(2),
    "red/2021-00003.json": red_doc(3, name="TESTOVA-DREI"),
    "yellow/2022-00001.json": yellow_doc(1, kind="yellow"),
    "un/persons/2019-00001.json": un_person_doc(1, kind="un-person"),
    "un/entities/2018-00001.json": un_entity_doc(1, kind="un-entity"),
}
BASELINE_ENTRIES: list[Entry] = [
    (path, json.dumps(doc).encode()) for path, doc in BASELINE_DOCS.items()
] + [("red/2021-00001/images/60001.jpg", jpeg_bytes())]
BASELINE_IDS = frozenset(doc["entity_id"] for doc in BASELINE_DOCS.values())
BASELINE_PICTURES = {"2021/00001": 1}
# Stored values that show the valid records arrived whole: family name, date of birth.
BASELINE_VALUES = {
    "2021/00001": ("TESTOVA1", "1984-03-07"),
    "2021/00003": ("TESTOVA-DREI", "1984-03-07"),
    "2022/00001": ("TESTSON1", "2009-05"),
    "2018/00001": ("EXAMPLE TRADING COMPANY 1", None),
}


@dataclass(frozen=True)
class Stored:
    """What the database holds after a load: notices by entity id, picture counts by id."""

    notices: dict
    pictures: dict

    def picture_count(self, entity_id: str) -> int:
        return self.pictures.get(entity_id, 0)


@dataclass(frozen=True)
class Case:
    """One hostile input: its tree entries and what a load of them (plus the baseline) does."""

    id: str
    entries: list[Entry]
    rejections: tuple[tuple[str, str], ...]  # (entry path, reason fragment) of each line
    stored: tuple[str, ...] = ()  # entity ids of the case that end up stored
    rejected: int = 1  # the summary's count (distinct rejected inputs)
    lines: int | None = None  # rejection lines printed, when not one per fragment
    containers: tuple[str, ...] = CONTAINERS
    jsonl: bool = False  # the single entry also makes sense as a line of a JSON Lines file
    jsonl_lines: int | None = None  # rejection lines printed for it there, when different
    entity: str | None = None  # the notice the input names: a full load must not withdraw it
    check: Callable[[Stored], None] | None = field(default=None, compare=False)

    @property
    def expected_lines(self) -> int:
        return len(self.rejections) if self.lines is None else self.lines

    def __str__(self) -> str:
        return self.id


def entity(number: int) -> str:
    return f"2021/{number:05d}"


def detail_path(number: int) -> str:
    return f"red/2021-{number:05d}.json"


def doc_bytes(number: int, **overrides) -> bytes:
    return json.dumps(red_doc(number, **overrides)).encode()


def family_name_is(number: int, expected: str):
    """A check: the stored notice `number` has this family name."""

    def check(stored: Stored) -> None:
        assert stored.notices[entity(number)].family_name == expected

    return check
