"""The dependency rules of docs/architecture.md, checked on the imports of every module.

1. Only the web layer, the application factory (notices/app.py) and the CLI import Flask;
   only the web layer reads `flask.request`; only the CLI imports click.
2. Domain, data, ingest, demo, reads, media, indexing and services never import the web layer.
3. Inside the web layer, features (pages/, native_api/, compat_api/, open_data/) import
   common/, i18n/ and the web root modules, never each other; common/ never imports a
   feature; i18n/ imports neither common/ nor a feature.
4. search_index is a leaf library: no Flask, SQLAlchemy or notices (tests/search_index checks).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "notices"
FEATURES = ("pages", "native_api", "compat_api", "discovery", "open_data")
FLASK_ALLOWED = ("web", "app.py", "cli.py")


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` (imports for annotations only)."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            inside |= {id(child) for statement in node.body for child in ast.walk(statement)}
    return inside


def imported_modules(path: Path) -> set[str]:
    """Modules a file imports at run time (imports for annotations only do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    annotation_only = _type_checking_blocks(tree)
    names = set()
    for node in ast.walk(tree):
        if id(node) in annotation_only:
            continue
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


def place(path: Path) -> tuple[str, ...]:
    return path.relative_to(ROOT).parts


def offenders(paths: list[Path], forbidden) -> list[str]:
    return sorted(
        f"{'/'.join(place(path))} imports {name}"
        for path in paths
        for name in imported_modules(path)
        if forbidden(name)
    )


def is_flask(name: str) -> bool:
    return name == "flask" or name.startswith(("flask.", "flask_"))


def test_only_the_web_layer_factory_and_cli_import_flask():
    outside = [path for path in modules(".") if place(path)[0] not in FLASK_ALLOWED]
    assert outside, "the rule must look at some modules"
    assert offenders(outside, is_flask) == []


def test_only_the_web_layer_reads_the_request():
    outside = [path for path in modules(".") if place(path)[0] != "web"]
    assert offenders(outside, lambda name: name == "flask.request") == []


def test_only_the_cli_uses_click():
    others = [path for path in modules(".") if place(path) != ("cli.py",)]
    assert offenders(others, lambda name: name == "click" or name.startswith("click.")) == []


def test_nothing_below_the_web_layer_imports_it():
    below = [path for path in modules(".") if place(path)[0] not in ("web", "app.py")]
    assert offenders(below, lambda name: name.startswith("notices.web")) == []


def _feature_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["notices", "web"] else None


def test_web_features_never_import_each_other():
    for feature in FEATURES:
        others = set(FEATURES) - {feature}
        paths = modules(f"web/{feature}")
        assert paths, f"notices/web/{feature} has no modules"
        assert offenders(paths, lambda name, o=others: _feature_of(name) in o) == []


def test_common_never_imports_a_feature():
    paths = modules("web/common")
    assert offenders(paths, lambda name: _feature_of(name) in FEATURES) == []


def test_i18n_imports_neither_common_nor_a_feature():
    paths = modules("web/i18n")
    forbidden = {*FEATURES, "common"}
    assert offenders(paths, lambda name: _feature_of(name) in forbidden) == []
