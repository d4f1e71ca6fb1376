"""Public notices search service; `create_app` builds its Flask application (notices.app).

Importing the package imports nothing else: helper processes that a load or a rebuild starts
re-import the program that started them (the `notices` command, notices.command), and a
helper converting names or pictures needs none of Flask or SQLAlchemy (~1.5 s of CPU and
~40 MB each to import on a slow machine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imports for annotations only
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application; reads configuration but does no I/O (no database, no index)."""
    from notices.app import create_app as build

    return build(test_config)
