"""search_index is a leaf library: it never imports Flask, SQLAlchemy or the application."""

from __future__ import annotations

import ast
import pathlib

import search_index

FORBIDDEN = ("flask", "sqlalchemy", "notices", "werkzeug", "click", "alembic")
ALLOWED_THIRD_PARTY = {"whoosh", "rapidfuzz", "anyascii", "pypinyin", "jellyfish", "nicknames"}
PACKAGE = pathlib.Path(search_index.__file__).parent


def _imported_modules(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_package_has_modules_to_check():
    assert len(list(PACKAGE.rglob("*.py"))) > 5


def test_no_module_imports_the_application_or_web_stack():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(_imported_modules(path) & set(FORBIDDEN))
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: bad for name, bad in offenders.items() if bad} == {}


def test_only_stdlib_and_small_text_libraries():
    import sys

    stdlib = set(sys.stdlib_module_names)
    unexpected = {}
    for path in PACKAGE.rglob("*.py"):
        extra = _imported_modules(path) - stdlib - ALLOWED_THIRD_PARTY - {"search_index"}
        if extra:
            unexpected[str(path.relative_to(PACKAGE))] = sorted(extra)
    assert unexpected == {}
