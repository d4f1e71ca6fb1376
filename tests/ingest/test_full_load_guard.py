"""The mass-withdrawal guard of full loads: judged per kind, refusals say what would happen."""

from __future__ import annotations

from sqlalchemy import select

from notices.models import LoadRun, Notice
from tests.ingest.extracts import red_doc, write_tree, yellow_doc


def _statuses(sessions) -> dict[str, str]:
    with sessions() as session:
        return {n.entity_id: n.status for n in session.scalars(select(Notice))}


def test_a_kind_almost_missing_is_refused_even_when_the_others_are_complete(
    runner, sessions, tmp_path
):
    reds = [red_doc(n) for n in range(1, 1201)]
    yellows = [yellow_doc(n) for n in range(1, 301)]
    first = runner.invoke(
        ["load", str(write_tree(tmp_path / "a", {"red": reds, "yellow": yellows}))]
    )
    assert first.exit_code == 0, first.output
    lacking = write_tree(tmp_path / "b", {"red": reds, "yellow": yellows[:1]})
    refused = runner.invoke(["load", str(lacking), "--full"])
    assert refused.exit_code == 1, refused.output
    assert "299 of 300 active yellow notices" in refused.output
    assert refused.output.strip().splitlines()[-1] == (
        "nothing was changed: would add 0, would change 0, unchanged 1201, would withdraw 299, "
        "rejected 0"
    )
    assert set(_statuses(sessions).values()) == {"active"}
    with sessions() as session:
        run = session.scalars(select(LoadRun).order_by(LoadRun.id.desc())).first()
    assert (run.status, run.withdrawn) == ("refused", 299)
    listing = runner.invoke(["loads", "list", "--limit", "1"])
    assert "refused" in listing.output and "would withdraw 299" in listing.output

    confirmed = runner.invoke(["load", str(lacking), "--full", "--allow-mass-withdrawal"])
    assert confirmed.exit_code == 0, confirmed.output
    assert "withdrawn 299" in confirmed.output


def test_a_kind_within_the_share_is_withdrawn(runner, sessions, tmp_path):
    reds = [red_doc(n) for n in range(1, 11)]
    yellows = [yellow_doc(n) for n in range(1, 11)]
    runner.invoke(["load", str(write_tree(tmp_path / "a", {"red": reds, "yellow": yellows}))])
    smaller = write_tree(tmp_path / "b", {"red": reds, "yellow": yellows[:8]})
    result = runner.invoke(["load", str(smaller), "--full"])
    assert result.exit_code == 0, result.output
    assert "withdrawn 2" in result.output
    assert list(_statuses(sessions).values()).count("withdrawn") == 2
