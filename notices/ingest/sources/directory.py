"""Source: a directory laid out like the web service, read without following symbolic links."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator

from notices.domain import DEMO_MARKER_FILE, KIND_PATHS, KINDS
from notices.ingest.sources import layout, tree
from notices.ingest.sources.base import FetchOptions, ReadError, SourceError, SourceItem
from notices.ingest.sources.file_identity import Identities
from notices.ingest.sources.open_dirs import OpenDirectories

# O_NONBLOCK: opening a FIFO must not hang; fstat then tells us it is not a regular file.
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_GROWTH_CHUNK = 64 * 1024
_LINK = "symbolic link not followed"
_SPECIAL = "not a regular file"
_MISSING = "missing"


class DirectorySource:
    """Every notice file under `root`; the kinds present are known before iteration."""

    def __init__(self, root: str, *, kinds: set[str], options: FetchOptions):
        if not os.path.isdir(root):
            raise SourceError(f"{root} is not a directory")
        # The operator named the root, so a symbolic link *to* the root is fine: resolve it once.
        self.root = os.path.realpath(root)
        self.description = root
        self.demo = os.path.isfile(os.path.join(self.root, DEMO_MARKER_FILE))
        self.complete = True
        self._options = options
        self._dirs = OpenDirectories(self.root)
        self._wanted = {kind for kind in KINDS if kind in kinds}
        self._identities = Identities(self.root)
        states = {kind: self._dir_state(KIND_PATHS[kind].split("/")) for kind in self._wanted}
        self._present = {kind for kind, state in states.items() if state is None}
        if all(state == _MISSING for state in states.values()):
            wanted = ", ".join(KIND_PATHS[kind] + "/" for kind in sorted(self._wanted))
            raise SourceError(f"{root} holds none of the notice directories {wanted}")

    def kinds_present(self) -> set[str]:
        """Kinds whose directory exists (a real directory, not a link); known before iteration."""
        return set(self._present)

    def __iter__(self) -> Iterator[SourceItem]:
        self._identities.start()
        entries = list(self._entries())
        return self._closing(tree.assemble(entries, kinds=self._wanted, options=self._options))

    def _closing(self, items: Iterator[SourceItem]) -> Iterator[SourceItem]:
        try:
            yield from items
        finally:
            self._dirs.close()  # the directories read are not needed once every item is

    def _entries(self) -> Iterator[tree.Entry]:
        for kind in sorted(self._wanted, key=layout.kind_order):
            parts = KIND_PATHS[kind].split("/")
            state = self._dir_state(parts)
            if state is None:
                yield from self._walk(parts, depth=0)
            elif state != _MISSING:
                yield self._entry("/".join(parts), state)

    def _walk(self, parts: list[str], depth: int) -> Iterator[tree.Entry]:
        try:
            listing = self._list(parts)
        except OSError as error:
            self.complete = False  # the notices in there are unknown: no withdrawals
            yield self._entry("/".join(parts), f"cannot list directory: {error.strerror}")
            return
        for name, mode in listing:
            path_parts = [*parts, name]
            path = "/".join(path_parts)
            if stat.S_ISLNK(mode):
                yield self._entry(path, _LINK)
            elif stat.S_ISDIR(mode):
                if _descend(name, depth):
                    yield from self._walk(path_parts, depth + 1)
                elif problem := layout.directory_problem(path):
                    yield self._entry(path, problem)
            elif not stat.S_ISREG(mode):
                yield self._entry(path, _SPECIAL)
            else:
                file = _File(self, path_parts)
                yield tree.Entry(path, path, file.read, file=file)

    def _entry(self, path: str, problem: str) -> tree.Entry:
        return tree.Entry(path, path, problem=problem)

    def _list(self, parts: list[str]) -> list[tuple[str, int]]:
        return sorted((entry.name, _mode(entry)) for entry in self._dirs.listing(parts))

    def _signed_read(self, parts: list[str], limit: int) -> tuple[bytes, str | None]:
        try:
            file_fd = self._dirs.open_file(parts, _FILE_FLAGS)
        except OSError as error:
            raise ReadError(self._open_problem(parts, error)) from None
        try:
            info = os.fstat(file_fd)
            return _read_regular(file_fd, info, limit), self._identities.of(info, limit)
        finally:
            os.close(file_fd)

    def _signature(self, parts: list[str], limit: int) -> str | None:
        try:
            return self._identities.of(self._dirs.stat_file(parts), limit)
        except OSError:
            return None  # read it, which says why it cannot be

    def _open_problem(self, parts: list[str], error: OSError) -> str:
        if error.errno == errno.ELOOP:
            return _LINK
        if error.errno == errno.ENOTDIR:  # a folder on the way is a link now, or a file
            return _link_or_file(self.root, parts[:-1])
        return error.strerror or str(error)

    def _dir_state(self, parts: list[str]) -> str | None:
        """None for a real directory, _MISSING when absent, otherwise why it is refused."""
        try:
            self._dirs.check(parts)
        except FileNotFoundError:
            return _MISSING
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENOTDIR):
                # Linux says ENOTDIR for a link opened with O_DIRECTORY | O_NOFOLLOW.
                return _link_or_file(self.root, parts)
            return f"cannot open directory: {error.strerror}"
        return None


class _File:
    """One regular file of the tree (tree.File): one small object per file, as a tree of 100k
    notices lists 130k of them before reading any."""

    __slots__ = ("source", "parts")

    def __init__(self, source: DirectorySource, parts: list[str]) -> None:
        self.source, self.parts = source, parts

    def read(self, limit: int) -> bytes:
        return self.source._signed_read(self.parts, limit)[0]

    def signed_read(self, limit: int) -> tuple[bytes, str | None]:
        """The bytes and the identity of the file before they were read."""
        return self.source._signed_read(self.parts, limit)

    def signature(self, limit: int) -> str | None:
        """The identity of the file without reading it; None when it cannot be trusted."""
        return self.source._signature(self.parts, limit)


def _mode(entry: os.DirEntry) -> int:
    """The file type of a listed entry, from the listing itself when it tells (no stat per
    file); the entry is never followed if it is a link."""
    if entry.is_file(follow_symlinks=False):  # first: most entries are files
        return stat.S_IFREG
    if entry.is_dir(follow_symlinks=False):
        return stat.S_IFDIR
    if entry.is_symlink():
        return stat.S_IFLNK
    return entry.stat(follow_symlinks=False).st_mode


def _read_regular(fd: int, info: os.stat_result, limit: int) -> bytes:
    """The bytes of an open regular file (`info`: its fstat) of at most `limit` bytes (raises
    ReadError)."""
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(_SPECIAL)
    if info.st_size > limit:
        raise ReadError(f"larger than the limit of {limit} bytes")
    # Ask for the size fstat gave, plus one byte to see growth; asking for the limit made a
    # buffer of the limit's size for every file, which cost more than reading it.
    chunks, total, want = [], 0, info.st_size + 1
    while total <= limit:
        asked = min(want, limit + 1 - total)
        chunk = os.read(fd, asked)
        chunks.append(chunk)
        total += len(chunk)
        if not chunk or (len(chunk) < asked and total >= info.st_size):
            break  # the end: a short read of a regular file needs no read to confirm it
        want = _GROWTH_CHUNK  # the file grew after fstat: read on, up to the limit
    if total > limit:
        raise ReadError(f"larger than the limit of {limit} bytes")
    return b"".join(chunks)


def _descend(name: str, depth: int) -> bool:
    """Only <id>/ below a kind directory and images/ below that are part of the layout."""
    if depth == 0:
        return layout.entity_from_name(name) is not None
    return depth == 1 and name == "images"


def _link_or_file(root: str, parts: list[str]) -> str:
    """Why root/parts... is not a directory we may enter: a link, not a directory, or missing."""
    for depth in range(1, len(parts) + 1):
        path = os.path.join(root, *parts[:depth])
        if os.path.islink(path):
            return _LINK
        if not os.path.lexists(path):
            return _MISSING
    return "not a directory"
