"""A damaged index costs the public a clear 503 (not a 500), and a rebuild brings search back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.helpers import invoke


def _damage(index_dir: Path, how: str) -> None:
    generation = index_dir / (index_dir / "CURRENT").read_text().strip()
    if how == "segments-deleted":
        for path in generation.glob("*.seg"):
            path.unlink()
    elif how == "segments-truncated":  # read in place from a map: must not kill the worker
        for path in generation.glob("*.seg"):
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "columns-truncated":
        for path in generation.glob("columns-*"):
            path.write_bytes(path.read_bytes()[:100])
    elif how == "generation-deleted":
        for path in sorted(generation.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        generation.rmdir()


@pytest.mark.parametrize(
    "how", ["segments-deleted", "segments-truncated", "columns-truncated", "generation-deleted"]
)
def test_damaged_index_gives_503_then_rebuild_repairs(data_app, how):
    _damage(Path(data_app.config["INDEX_DIR"]), how)
    client = data_app.test_client()
    for path in ("/search?q=test", "/api/v1/search?q=test", "/notices/v1/red"):
        response = client.get(path)
        assert response.status_code == 503, (path, response.status_code)
        assert response.headers["Retry-After"]
    assert client.get("/readyz").status_code == 503

    invoke(data_app, ["index", "rebuild"])
    assert client.get("/search?q=test").status_code == 200
    assert client.get("/readyz").status_code == 200
