"""What a load left behind (database rows, report lines), and the checks every hostile case runs."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from notices.models import LoadRun, Notice, Picture, Warrant
from tests.reliability.cases import BASELINE_VALUES, Case, Stored


def stored(sessions) -> Stored:
    with sessions() as session:
        notices = {n.entity_id: n for n in session.scalars(select(Notice))}
        counts = dict(
            session.execute(
                select(Notice.entity_id, func.count(Picture.id))
                .join(Picture, Picture.notice_id == Notice.id)
                .group_by(Notice.entity_id)
            ).all()
        )
    return Stored(notices, counts)


def dump(sessions) -> dict:
    """Every row of the notice, warrant and picture tables, for before/after comparisons."""
    tables = {}
    with sessions() as session:
        for model in (Notice, Warrant, Picture):
            rows = session.execute(select(model.__table__).order_by(model.__table__.c.id))
            tables[model.__tablename__] = [tuple(row) for row in rows]
    return tables


def load_runs(sessions) -> list[LoadRun]:
    with sessions() as session:
        runs = list(session.scalars(select(LoadRun).order_by(LoadRun.id)))
        for run in runs:
            run.rejections  # noqa: B018 - load them while the session is open
        return runs


def rejection_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("rejected ")]


def summary_counts(output: str) -> dict[str, int]:
    """The summary line's counts: {"added": 7, "changed": 0, ...}."""
    line = output.strip().splitlines()[-1]
    pairs = (part.rsplit(" ", 1) for part in line.split(", "))
    return {label.split(": ")[-1]: int(number) for label, number in pairs}


def assert_clean_output(output: str) -> None:
    """No traceback, and no raw control character a hostile name could smuggle in."""
    assert "Traceback" not in output, output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", output), repr(output)


def assert_rejected(output: str, origin: str, reason: str) -> None:
    """A rejection line names this origin (file, member or line) and gives this reason."""
    lines = rejection_lines(output)
    assert any(line.startswith(f"rejected {origin}") and reason in line for line in lines), (
        f"no line for {origin!r} with {reason!r} in:\n" + "\n".join(lines)
    )


def assert_hostile_load(
    result,
    sessions,
    case: Case,
    origins: list[str],
    baseline_ids,
    baseline_pictures: dict[str, int],
) -> None:
    """Exit code, rejection lines, summary, database and load record of one hostile load."""
    output = result.output
    assert_clean_output(output)
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert result.exit_code == (3 if case.rejected else 0), output
    for origin, (_, reason) in zip(origins, case.rejections, strict=True):
        assert_rejected(output, origin, reason)
    assert len(rejection_lines(output)) == case.expected_lines, output
    expected_ids = set(baseline_ids) | set(case.stored)
    assert output.strip().splitlines()[-1] == (
        f"added {len(expected_ids)}, changed 0, unchanged 0, withdrawn 0, rejected {case.rejected}"
    )
    after = stored(sessions)
    assert set(after.notices) == expected_ids
    assert {n.status for n in after.notices.values()} == {"active"}
    for entity_id, values in BASELINE_VALUES.items():
        notice = after.notices[entity_id]
        assert (notice.family_name, notice.date_of_birth) == values
    for entity_id in baseline_ids:
        assert after.picture_count(entity_id) == baseline_pictures.get(entity_id, 0)
    if case.check:
        case.check(after)
    run = load_runs(sessions)[-1]
    status = "partly rejected" if case.rejected else "succeeded"
    assert (run.status, run.added, run.rejected) == (status, len(expected_ids), case.rejected)
    assert len(run.rejections) == case.expected_lines
