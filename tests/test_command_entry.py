"""The `notices` command's script imports nothing heavy: the helper processes of a load or a
rebuild re-import it, and each would otherwise import Flask and SQLAlchemy for nothing."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What pip writes as the `notices` script (its first lines), then a helper started as a
# rebuild starts its helpers, which reports the modules it holds.
SCRIPT = """\
import sys
from notices.command import main


def held(names):
    return [name for name in names if name in sys.modules]


if __name__ == "__main__":
    from search_index.converting import spawned_pool

    with spawned_pool(1) as pool:
        print(pool.submit(held, ["flask", "sqlalchemy", "notices.app", "notices.cli"]).result())
"""


def test_the_console_script_runs_the_light_entry_point():
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    scripts = setup["options.entry_points"]["console_scripts"]
    assert "notices = notices.command:main" in scripts


def test_a_helper_of_the_command_imports_no_web_stack(tmp_path):
    script = tmp_path / "notices"
    script.write_text(SCRIPT)
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_command_still_runs():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from notices.command import main; sys.exit(main())"]
        + ["--version"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("notices ")
