"""Every hostile case at once, in one .zip or .tar.gz, loaded --full by a real `notices load`
over notices that were valid before: rejected notices keep their previous content, none is
withdrawn, the valid ones are stored, and no traceback reaches the operator."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.ingest.extracts import red_doc
from tests.reliability import containers
from tests.reliability.cases import BASELINE_ENTRIES, BASELINE_IDS
from tests.reliability.conftest import NOTICES
from tests.reliability.outcome import (
    assert_clean_output,
    assert_rejected,
    load_runs,
    stored,
    summary_counts,
)
from tests.reliability.test_hostile_inputs import ALL_CASES

PREVIOUS = "PREVIOUSLY-VALID"


def previous_tree(root, cases):
    """The baseline plus a valid earlier version of every notice a case names."""
    entries = list(BASELINE_ENTRIES)
    for case in cases:
        if case.entity:
            number = int(case.entity.split("/")[1])
            entries.append(
                (f"red/2021-{number:05d}.json", json.dumps(red_doc(number, name=PREVIOUS)).encode())
            )
    return containers.write_dir(root, entries)


@pytest.mark.slow
@pytest.mark.parametrize("container", ["zip", "tar.gz"])
def test_all_hostile_cases_in_one_archive(container, runner, sessions, cli_env, tmp_path):
    cases = [case for case in ALL_CASES if container in case.containers]
    first = runner.invoke(["load", str(previous_tree(tmp_path / "previous", cases))])
    assert first.exit_code == 0, first.output
    entries = list(BASELINE_ENTRIES)
    for case in cases:
        entries += case.entries
    source = containers.write(container, entries, tmp_path / "hostile")

    done = subprocess.run(
        [str(NOTICES), "load", str(source), "--full"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    output = done.stdout + done.stderr
    assert_clean_output(output)
    assert done.returncode == 3, output
    for case in cases:
        for path, reason in case.rejections:
            assert_rejected(output, containers.origin(container, path), reason)
    counts = summary_counts(done.stdout)
    assert counts["withdrawn"] == 0
    assert counts["rejected"] == sum(case.rejected for case in cases)
    after = stored(sessions)
    named = {case.entity for case in cases if case.entity}
    kept = {entity_id for case in cases for entity_id in case.stored}
    assert set(after.notices) == set(BASELINE_IDS) | named | kept
    assert {notice.status for notice in after.notices.values()} == {"active"}
    assert counts["added"] + counts["changed"] + counts["unchanged"] == len(BASELINE_IDS | kept)
    for entity_id in named - kept:  # rejected: the previous version still serves
        assert after.notices[entity_id].family_name == PREVIOUS, entity_id
    for case in cases:
        if case.check:
            case.check(after)
    runs = load_runs(sessions)
    assert [run.status for run in runs] == ["succeeded", "partly rejected"]
    assert runs[-1].rejected == counts["rejected"]
