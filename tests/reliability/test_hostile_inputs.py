"""Each hostile input, mixed with valid records in one load, is rejected with its source and
reason; exactly the valid records are stored; the summary and the load record agree."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.ingest.extracts import red_doc
from tests.reliability import containers
from tests.reliability.cases import BASELINE_DOCS, BASELINE_ENTRIES, BASELINE_IDS, BASELINE_PICTURES
from tests.reliability.document_cases import DOCUMENT_CASES
from tests.reliability.outcome import assert_hostile_load
from tests.reliability.tree_cases import TREE_CASES

ALL_CASES = DOCUMENT_CASES + TREE_CASES


def _tree_params():
    # A document is parsed the same whatever it came in: one directory load per document case
    # (test_hostile_archives loads all of them at once from a .zip and a .tar.gz).
    for case in DOCUMENT_CASES:
        yield pytest.param(case, "dir", id=f"{case.id}-dir")
    for case in TREE_CASES:
        for container in case.containers:
            yield pytest.param(case, container, id=f"{case.id}-{container}")


def test_the_table_is_big_and_its_ids_distinct():
    assert len({case.id for case in ALL_CASES}) == len(ALL_CASES) >= 40


@pytest.mark.parametrize(("case", "container"), list(_tree_params()))
def test_hostile_entry_in_a_tree(case, container, runner, sessions, tmp_path):
    source = containers.write(container, BASELINE_ENTRIES + case.entries, tmp_path / "source")
    result = runner.invoke(["load", str(source)])
    origins = [containers.origin(container, path) for path, _ in case.rejections]
    assert_hostile_load(result, sessions, case, origins, BASELINE_IDS, BASELINE_PICTURES)


JSONL_BASELINE = [json.dumps(doc).encode() for doc in BASELINE_DOCS.values()]
LAST_VALID = red_doc(4)  # after the hostile line: reading goes on past it


@pytest.mark.parametrize("case", [c for c in DOCUMENT_CASES if c.jsonl], ids=str)
def test_hostile_line_in_json_lines(case, runner, sessions, tmp_path):
    ((_, data),) = case.entries
    case = dataclasses.replace(case, lines=case.jsonl_lines or case.lines)
    lines = [*JSONL_BASELINE, data, json.dumps(LAST_VALID).encode()]
    source = containers.write_jsonl(tmp_path / "notices.jsonl", lines)
    result = runner.invoke(["load", str(source)])
    origin = f"notices.jsonl:{len(JSONL_BASELINE) + 1}"
    baseline = BASELINE_IDS | {LAST_VALID["entity_id"]}
    assert_hostile_load(result, sessions, case, [origin] * len(case.rejections), baseline, {})
