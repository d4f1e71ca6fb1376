"""Whoosh segment files read once per process and shared by every thread's reader.

Whoosh opens the parts of a compound segment file (postings, term index, ...) as slices of a
memory map, and each reader then copies the parts it opens into a private `BytesIO`: ~30 MB
per reader at 100k notices, one reader per thread, plus the whole mapped file made resident
once per reader. Reading each part once into a `bytes` object that every reader shares costs
one copy per process instead; `BytesIO` over `bytes` shares the buffer rather than copying it,
and reads stay as fast as before.
"""

from __future__ import annotations

import os
import threading
import weakref

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


class _Parts:
    """The parts of one segment file read so far; alive while some reader of it is."""

    __slots__ = ("by_range", "__weakref__")

    def __init__(self) -> None:
        self.by_range: dict[tuple[int, int], bytes] = {}


# Each segment's parts live exactly as long as some reader's file of that segment refers to
# them: the last thread to leave an old commit frees its parts, and an index of several
# segments shares all of them.
_segments: weakref.WeakValueDictionary[tuple, _Parts] = weakref.WeakValueDictionary()
_segments_lock = threading.Lock()


class SharedPartsStorage(FileStorage):
    """A read-only storage of one index directory whose compound segment files hand out
    their parts from the process-wide shared copies."""

    def __init__(self, path: str):
        # Without the memory map Whoosh asks the segment file itself for its parts (subset).
        super().__init__(path, supports_mmap=False, readonly=True)

    def open_file(self, name: str, **kwargs: object) -> StructFile:
        handle = open(self._fpath(name), "rb")  # noqa: SIM115 - Whoosh closes it
        return _SegmentFile(handle, name=name, **kwargs)


class _SegmentFile(StructFile):
    """A file of the index directory whose parts (subset) are the shared copies."""

    def __del__(self) -> None:
        # A reader dropped without close() held its file only through its memory map before
        # (closed at once); here the handle stays open for parts not read yet.
        if not self.file.closed:
            self.file.close()

    def subset(self, offset: int, length: int, name: str | None = None) -> BufferFile:
        return BufferFile(self._shared_part(offset, length), name=name or self._name)

    def _shared_part(self, offset: int, length: int) -> bytes:
        parts = self._segment_parts()
        with _segments_lock:
            found = parts.by_range.get((offset, length))
        if found is not None:
            return found
        data = os.pread(self.file.fileno(), length, offset)
        if len(data) != length:
            raise OSError(f"{self._name}: segment file shorter than its directory says")
        with _segments_lock:
            return parts.by_range.setdefault((offset, length), data)  # a racing thread's wins

    def _segment_parts(self) -> _Parts:
        parts = getattr(self, "_parts", None)
        if parts is None:
            status = os.fstat(self.file.fileno())
            # A rewritten file is a new inode (the writer replaces, never edits, segments).
            key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
            with _segments_lock:
                parts = _segments.get(key)
                if parts is None:
                    parts = _segments[key] = _Parts()
            self._parts = parts
        return parts


def shared_parts_held() -> int:
    """Bytes of segment parts this process keeps for sharing (for tests and diagnostics)."""
    with _segments_lock:
        return sum(len(data) for parts in _segments.values() for data in parts.by_range.values())
