"""File-system primitives of the index home: atomic small files, fsync, an inter-process lock."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator


def fsync_dir(path: str) -> None:
    """Make renames and new files inside `path` durable."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomic(path: str, text: str) -> None:
    """Replace `path` with `text` so readers see the old or the new content, never a mix."""
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_dir(os.path.dirname(path) or ".")


def read_text(path: str) -> str | None:
    """Content of a small file, stripped, or None if it does not exist."""
    try:
        # errors="replace": a garbled pointer must read as "no such generation" (which a
        # rebuild repairs), never as a decoding error that stops the rebuild too.
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().strip()
    except FileNotFoundError:
        return None


def fsync_tree(path: str) -> None:
    """fsync every file of a directory and the directory itself (before switching to it)."""
    for entry in os.scandir(path):
        if entry.is_file():
            handle = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
    fsync_dir(path)


def tree_size(path: str) -> int:
    """Bytes of the files directly inside `path`."""
    try:
        return sum(entry.stat().st_size for entry in os.scandir(path) if entry.is_file())
    except FileNotFoundError:
        return 0


@contextlib.contextmanager
def exclusive_lock(path: str) -> Iterator[None]:
    """Hold an flock on `path`: rebuilds and updates of any process run one at a time.

    flock is released by the kernel when the holder dies, so a killed rebuild never leaves
    a stale lock behind.
    """
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def stat_key(path: str) -> tuple[int, int, int] | None:
    """Identity of a file's current version (inode, mtime, size), None if missing."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)
