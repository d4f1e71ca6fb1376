"""The dependency rules of DESIGN §2: which modules may import Flask, click and `request`."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "notices"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def modules(*parts: str) -> list[Path]:
    found = []
    for part in parts:
        target = ROOT / part
        found += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return found


def test_domain_data_and_ingest_never_import_flask():
    offenders = [
        str(path.relative_to(ROOT))
        for path in modules("models.py", "db.py", "domain.py", "indexing.py", "ingest", "demo")
        if any(name == "flask" or name.startswith("flask.") or name.startswith("flask_")
               for name in imported_modules(path))
    ]
    assert offenders == []


def test_only_the_cli_uses_click():
    offenders = [
        str(path.relative_to(ROOT)) for path in modules(".")
        if path.name != "cli.py"
        and any(name == "click" or name.startswith("click.") for name in imported_modules(path))
    ]
    assert offenders == []


def test_only_the_web_layer_touches_request():
    offenders = [
        str(path.relative_to(ROOT)) for path in modules(".")
        if "web" not in path.relative_to(ROOT).parts and path.name != "i18n.py"
        and "flask.request" in imported_modules(path)
    ]
    assert offenders == []
