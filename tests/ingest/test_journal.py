"""Every committed load journals what it added, changed and withdrew, in commit order, in its
own transaction; a dry run, a refused or a failed load journals nothing."""

from __future__ import annotations

from sqlalchemy import select

from notices.models import JournalEntry
from tests.ingest.extracts import red_doc, write_tree


def journal(sessions) -> list[tuple[int, str, str]]:
    with sessions() as session:
        rows = session.execute(
            select(JournalEntry.load_run_id, JournalEntry.entity_id, JournalEntry.change).order_by(
                JournalEntry.seq
            )
        )
        return [tuple(row) for row in rows]


def load(runner, tree, *options):
    return runner.invoke(["load", *options, str(tree)])


def test_loads_journal_their_changes_in_order(runner, sessions, tmp_path):
    first = write_tree(tmp_path / "a", {"red": [red_doc(n) for n in range(1, 11)]})
    assert load(runner, first).exit_code == 0
    assert [entry[1:] for entry in journal(sessions)] == [
        (f"2021/{n:05d}", "added") for n in range(1, 11)
    ]
    second = write_tree(
        tmp_path / "b",
        {"red": [red_doc(2, name="CHANGEDOVA"), *(red_doc(n) for n in range(3, 11))]},
    )
    assert load(runner, second, "--full").exit_code == 0
    entries = journal(sessions)[10:]
    assert {(entity, change) for _, entity, change in entries} == {
        ("2021/00002", "changed"),
        ("2021/00001", "withdrawn"),
    }
    assert len({load_run for load_run, _, _ in entries}) == 1  # one load, after the first
    assert entries[0][0] > journal(sessions)[0][0]


def test_a_dry_run_a_refused_and_a_failed_load_journal_nothing(runner, sessions, tmp_path):
    first = write_tree(tmp_path / "a", {"red": [red_doc(n) for n in range(1, 11)]})
    assert load(runner, first).exit_code == 0
    before = journal(sessions)
    changed = write_tree(tmp_path / "b", {"red": [red_doc(1, name="OTHEROVA")]})
    assert load(runner, changed, "--dry-run").exit_code == 0
    # A full load that would withdraw 9 of 10: the mass-withdrawal guard refuses it.
    refused = load(runner, changed, "--full")
    assert refused.exit_code != 0 and "nothing was changed" in refused.output
    assert load(runner, tmp_path / "no-such-extract").exit_code != 0
    assert journal(sessions) == before
