"""Entry point of the `notices` command: the click commands (notices.cli) are imported when it
runs, not when a helper process re-imports the command's script (see notices/__init__.py)."""

from __future__ import annotations


def main() -> None:
    """Run the staff command line (notices.cli.main) with this process's arguments."""
    from notices.cli import main as command_line

    command_line()
