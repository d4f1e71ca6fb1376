"""The `notices` command as a whole: its version, and demo data that never replaces staff data."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from sqlalchemy import func, select

from notices.demo import MARKER_FILE, write_demo_extract
from notices.models import STATUS_ACTIVE, Notice


def test_version_is_the_services_own():
    notices = Path(sys.executable).parent / "notices"
    done = subprocess.run([str(notices), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"notices {version('public-notices-search')}"
    assert "Flask" not in done.stdout


def _active(sessions) -> set[str]:
    with sessions() as session:
        return set(session.scalars(select(Notice.entity_id).where(Notice.status == STATUS_ACTIVE)))


def test_demo_load_fills_an_empty_database_and_builds_the_index(runner, sessions, tmp_path):
    write_demo_extract(tmp_path / "demo", 30, seed=5)
    result = runner.invoke(["demo-load", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert len(_active(sessions)) == 30
    assert "search index built" in result.output
    assert runner.invoke(["index", "check"]).exit_code == 0


def test_demo_load_replaces_demo_data_but_never_staff_data(runner, sessions, tmp_path):
    write_demo_extract(tmp_path / "demo-a", 30, seed=5)
    write_demo_extract(tmp_path / "demo-b", 20, seed=6)
    assert runner.invoke(["demo-load", str(tmp_path / "demo-a")]).exit_code == 0
    assert runner.invoke(["demo-load", str(tmp_path / "demo-b")]).exit_code == 0
    demo_b = _active(sessions)
    assert len(demo_b) == 20  # demo replaced demo

    staff = tmp_path / "staff"
    write_demo_extract(staff, 10, seed=7)
    (staff / MARKER_FILE).unlink()  # no marker: staff data as far as the service knows
    assert runner.invoke(["load", str(staff)]).exit_code == 0
    before = _active(sessions)
    result = runner.invoke(["demo-load", str(tmp_path / "demo-a")])
    assert result.exit_code == 0
    assert "holds notices loaded by staff: demo data not loaded" in result.output
    assert _active(sessions) == before


def test_demo_load_refuses_an_extract_that_is_not_demo_data(runner, sessions, tmp_path):
    write_demo_extract(tmp_path / "real", 5, seed=8)
    (tmp_path / "real" / MARKER_FILE).unlink()
    result = runner.invoke(["demo-load", str(tmp_path / "real")])
    assert result.exit_code != 0
    assert "is not a demo extract" in result.output
    with sessions() as session:
        assert session.scalar(select(func.count(Notice.id))) == 0


def test_demo_load_loads_the_fictitious_contacts_but_never_over_staff_ones(runner, tmp_path):
    write_demo_extract(tmp_path / "demo", 10, seed=5)
    result = runner.invoke(["demo-load", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "demo contacts: added " in result.output
    listing = runner.invoke(["contacts", "list"]).output
    assert "FR  Demo Liaison Office for France" in listing
    assert "(demo directory)" in listing

    staff = tmp_path / "staff.csv"
    staff.write_text("country,name,email\nFR,Staff office,office@example.org\n", encoding="utf-8")
    assert runner.invoke(["contacts", "load", str(staff)]).exit_code == 0
    result = runner.invoke(["demo-load", str(tmp_path / "demo")])
    assert result.exit_code == 0
    assert "the contact directory was loaded by staff: demo contacts not loaded" in result.output
    assert runner.invoke(["contacts", "list"]).output.startswith("FR  Staff office:")
