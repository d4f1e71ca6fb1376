"""Writing processed pictures to the content-addressed media directory, and undoing that."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from pathlib import Path

from notices.ingest.pictures import ProcessedPicture
from notices.media import picture_path


class StorageError(Exception):
    """The media directory cannot take a picture (full, read-only, no permission): a fault of
    the machine, not of the record, so the whole load must stop."""


def store_picture(media_dir: str | Path, picture: ProcessedPicture) -> list[str]:
    """Write the picture and its thumbnail under their hashes; files already there are kept.

    Returns the paths it created; on failure it removes them and raises StorageError.
    """
    created: list[str] = []
    try:
        for sha256, data in (
            (picture.sha256, picture.jpeg),
            (picture.thumb_sha256, picture.thumbnail),
        ):
            path = picture_path(media_dir, sha256)
            if _store_file(path, data):
                created.append(str(path))
    except OSError as error:
        remove_files(created)
        raise StorageError(storage_message(media_dir, error)) from None
    return created


def storage_message(media_dir: str | Path, error: OSError) -> str:
    code = errno.errorcode.get(error.errno or 0)
    reason = f"{error.strerror or error}" + (f" ({code})" if code else "")
    return f"cannot write pictures to {media_dir}: {reason}"


def remove_files(paths: list[str]) -> None:
    """Best effort: files a failed load wrote are nobody's, and may be what filled the disk."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


_KNOWN_DIRS: set[Path] = set()  # folders this process has made or seen, to skip mkdir calls


def _store_file(path: Path, data: bytes) -> bool:
    """Write `path` unless it is there already; True when it wrote it."""
    # Same name means same content, so an existing file of the right size is already correct.
    try:
        if path.stat().st_size == len(data):
            return False
    except FileNotFoundError:
        pass
    # Write beside the target and rename, so readers never see a half-written file. No fsync:
    # a load writes thousands of files and a crash only costs re-processing them. The temporary
    # name is unique per process and thread, so concurrent writers never share one.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = _create(tmp)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True


def _create(tmp: Path) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    if tmp.parent not in _KNOWN_DIRS:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        _KNOWN_DIRS.add(tmp.parent)
    try:
        return os.open(tmp, flags, 0o644)
    except FileNotFoundError:  # the folder went away since (media directory replaced)
        _KNOWN_DIRS.discard(tmp.parent)
        tmp.parent.mkdir(parents=True, exist_ok=True)
        return os.open(tmp, flags, 0o644)
