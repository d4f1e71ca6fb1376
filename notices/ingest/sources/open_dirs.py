"""Directories of a source tree opened step by step without following links, kept for reuse."""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Sequence

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_ROOT_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC  # the operator named the root


class OpenDirectories:
    """Descriptors of the directories a source read last, each opened from its parent's with
    O_NOFOLLOW, so a symbolic link anywhere below the root is refused. Opening every directory
    of a file's path again for each file cost more system calls than reading the file (a
    100k-notice tree is 130k files in 30k directories). Only this class uses the descriptors
    it keeps, under its lock: one it evicts is never in use elsewhere."""

    KEEP = 16  # a kind's directory, a notice's folder and its images/, with room to spare

    def __init__(self, root: str) -> None:
        self.root = root
        self._fds: dict[tuple[str, ...], int] = {}  # least recently used first
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _close_all, self._fds)

    def open_file(self, parts: Sequence[str], flags: int) -> int:
        """os.open of root/parts... (the caller closes the descriptor). Raises OSError."""
        with self._lock:
            return os.open(parts[-1], flags, dir_fd=self._dir(tuple(parts[:-1])))

    def stat_file(self, parts: Sequence[str]) -> os.stat_result:
        """os.stat of root/parts..., not following a link. Raises OSError."""
        with self._lock:
            return os.stat(parts[-1], dir_fd=self._dir(tuple(parts[:-1])), follow_symlinks=False)

    def listing(self, parts: Sequence[str]) -> list[os.DirEntry]:
        """The entries of root/parts..., unsorted. Raises OSError."""
        with self._lock, os.scandir(self._dir(tuple(parts))) as found:
            return list(found)

    def check(self, parts: Sequence[str]) -> None:
        """Raise OSError unless root/parts... opens as a directory without following a link."""
        with self._lock:
            self._dir(tuple(parts))

    def close(self) -> None:
        """Close every kept descriptor; later calls open what they need again."""
        with self._lock:
            _close_all(self._fds)

    def _dir(self, key: tuple[str, ...]) -> int:
        found = self._fds.pop(key, None)
        if found is None:
            if key:
                found = os.open(key[-1], DIR_FLAGS, dir_fd=self._dir(key[:-1]))
            else:
                found = os.open(self.root, _ROOT_FLAGS)
            if len(self._fds) >= self.KEEP:
                os.close(self._fds.pop(next(iter(self._fds))))
        self._fds[key] = found  # (again) the most recently used
        return found


def _close_all(fds: dict[tuple[str, ...], int]) -> None:
    while fds:
        with contextlib.suppress(OSError):
            os.close(fds.popitem()[1])
