"""A media directory that cannot take pictures fails the whole load: nothing changes, one clear
error line; pictures storage lost are stored again by the next load."""

from __future__ import annotations

import errno
import io
import os
import random
import subprocess

import pytest
from PIL import Image

from notices.ingest import picture_store
from tests.ingest.extracts import jpeg_bytes, red_doc, write_tree
from tests.reliability.outcome import dump, load_runs


def _media_files(app) -> set[str]:
    root = app.config["MEDIA_DIR"]
    return {os.path.join(d, f) for d, _, files in os.walk(root) for f in files}


def _assert_failed_cleanly(result, sessions, before) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "nothing was changed" in errors[0], result.output
    assert result.output.strip().splitlines()[-1].startswith("nothing was changed: added 0,")
    assert dump(sessions) == before
    run = load_runs(sessions)[-1]
    assert (run.status, run.added, run.changed) == ("failed", 0, 0)
    assert "cannot write pictures" in run.message


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EIO])
def test_a_picture_write_error_fails_the_load(code, app, runner, sessions, tmp_path, monkeypatch):
    first = write_tree(tmp_path / "a", {"red": [red_doc(1)]}, {"2021/00001": [jpeg_bytes()]})
    assert runner.invoke(["load", str(first)]).exit_code == 0
    before, files_before = dump(sessions), _media_files(app)
    docs = [red_doc(n) for n in range(1, 6)]
    pictures = {doc["entity_id"]: [jpeg_bytes((n * 40, 9, 9))] for n, doc in enumerate(docs)}
    real, calls = picture_store._store_file, []

    def failing(path, data):  # the fourth new file finds the disk full
        calls.append(path)
        if len(calls) == 4:
            raise OSError(code, os.strerror(code), str(path))
        return real(path, data)

    monkeypatch.setattr(picture_store, "_store_file", failing)
    result = runner.invoke(["load", str(write_tree(tmp_path / "b", {"red": docs}, pictures))])
    _assert_failed_cleanly(result, sessions, before)
    assert errno.errorcode[code] in result.output
    assert _media_files(app) == files_before  # what the failed load wrote is gone again


def test_a_picture_storage_lost_is_stored_again(app, runner, sessions, tmp_path):
    tree = write_tree(
        tmp_path / "a", {"red": [red_doc(1), red_doc(2)]}, {"2021/00001": [jpeg_bytes()]}
    )
    assert runner.invoke(["load", str(tree)]).exit_code == 0
    lost = sorted(_media_files(app))
    for path in lost:
        os.unlink(path)
    again = runner.invoke(["load", str(tree)])
    assert again.exit_code == 0, again.output
    assert "added 0, changed 1, unchanged 1" in again.output
    assert sorted(_media_files(app)) == lost


def _noise_jpeg(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (700, 700), rng.randbytes(700 * 700 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


@pytest.fixture
def tiny_media(app):
    """A 1 MiB tmpfs as the media directory (needs root and mount permission)."""
    media = app.config["MEDIA_DIR"]
    os.makedirs(media, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", media],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip() or 'not permitted'}")
    try:
        yield media
    finally:
        subprocess.run(["umount", media], check=True)


def test_a_full_media_filesystem_fails_the_load_and_the_next_one_restores(
    app, runner, sessions, tmp_path, tiny_media
):
    docs = [red_doc(n) for n in range(1, 9)]
    pictures = {doc["entity_id"]: [_noise_jpeg(n)] for n, doc in enumerate(docs)}
    tree = write_tree(tmp_path / "big", {"red": docs}, pictures)
    before = dump(sessions)
    result = runner.invoke(["load", str(tree)])
    _assert_failed_cleanly(result, sessions, before)
    assert "ENOSPC" in result.output
    assert _media_files(app) == set()  # the partial files were removed

    subprocess.run(["umount", tiny_media], check=True)  # space again
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", tiny_media], check=True)
    again = runner.invoke(["load", str(tree)])
    assert again.exit_code == 0, again.output
    assert len(_media_files(app)) == 16


def test_a_full_media_filesystem_fails_a_load_whose_pictures_go_to_workers(
    app, runner, sessions, tmp_path, tiny_media
):
    """Past INLINE_PICTURES, pictures go to worker processes in batches: a batch's storage
    error still fails the whole load, and every file the workers wrote goes again."""
    from notices.ingest.picture_jobs import BATCH_PICTURES, INLINE_PICTURES

    count = INLINE_PICTURES + 2 * BATCH_PICTURES
    docs = [red_doc(n) for n in range(1, count + 1)]
    pictures = {
        doc["entity_id"]: [jpeg_bytes((n % 250, 9, 9)) if n < INLINE_PICTURES else _noise_jpeg(n)]
        for n, doc in enumerate(docs)
    }
    before = dump(sessions)
    result = runner.invoke(["load", str(write_tree(tmp_path / "many", {"red": docs}, pictures))])
    _assert_failed_cleanly(result, sessions, before)
    assert "ENOSPC" in result.output
    assert _media_files(app) == set()
