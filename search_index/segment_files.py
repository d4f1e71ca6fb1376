"""Whoosh segment files mapped once per process and read in place by every thread's reader.

Whoosh opens the parts of a compound segment file (postings, term index, ...) as slices of a
memory map, and each reader then copies the parts it opens into a private `BytesIO`: ~30 MB
per reader at 100k notices, one reader per thread. A later version read each part once into a
`bytes` object shared by the threads: still ~57 MB of private memory per worker, all of it
read although a search touches a few pages of it. Here each segment file is mapped once per
process and every reader reads its parts in place, through views of that one map: what the
searches touch is cached by the kernel's page cache, shared by every worker and given back
under memory pressure, and nothing is copied into the process's own memory.
"""

from __future__ import annotations

import io
import mmap
import os
import threading
import weakref

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


class _Mapping:
    """One segment file mapped read-only; alive while some reader of it is."""

    __slots__ = ("mapped", "size", "__weakref__")

    def __init__(self, fileno: int, size: int) -> None:
        self.size = size
        self.mapped = mmap.mmap(fileno, 0, access=mmap.ACCESS_READ) if size else None


# Each segment's map lives exactly as long as some reader's file of that segment refers to it:
# the last thread to leave an old commit unmaps its files, and an index of several segments
# maps each of them once.
_segments: weakref.WeakValueDictionary[tuple, _Mapping] = weakref.WeakValueDictionary()
_segments_lock = threading.Lock()
_READ_BUFFER = 512


class SharedPartsStorage(FileStorage):
    """A read-only storage of one index directory whose compound segment files hand out
    their parts as views of the process-wide map of each file."""

    def __init__(self, path: str):
        # Without Whoosh's own memory map Whoosh asks the segment file for its parts (subset).
        super().__init__(path, supports_mmap=False, readonly=True)

    def open_file(self, name: str, **kwargs: object) -> StructFile:
        handle = open(self._fpath(name), "rb")  # noqa: SIM115 - Whoosh closes it
        return _SegmentFile(handle, name=name, **kwargs)


class _SegmentFile(StructFile):
    """A file of the index directory whose parts (subset) are views of the shared map."""

    def __del__(self) -> None:
        # A reader dropped without close() held its file only through its memory map before
        # (closed at once); here the handle stays open until then.
        if not self.file.closed:
            self.file.close()

    def subset(self, offset: int, length: int, name: str | None = None) -> BufferFile:
        mapping = self._mapping()
        if offset < 0 or length < 0 or offset + length > mapping.size:
            # A damaged file must fail here, as a read error: touching a page beyond the end
            # of a mapped file kills the process (SIGBUS).
            raise OSError(f"{self._name}: segment file shorter than its directory says")
        return MappedPart(mapping, offset, length, name=name or self._name)

    def _mapping(self) -> _Mapping:
        mapping = getattr(self, "_mapped_file", None)
        if mapping is None:
            status = os.fstat(self.file.fileno())
            # A rewritten file is a new inode (the writer replaces, never edits, segments).
            key = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
            with _segments_lock:
                mapping = _segments.get(key)
                if mapping is None:
                    mapping = _segments[key] = _Mapping(self.file.fileno(), status.st_size)
            self._mapped_file = mapping
        return mapping


class MappedPart(BufferFile):
    """A part of a mapped segment file: BufferFile's random access (get_*) reads a view of the
    map, and its sequential reads (headers, the term index's pickled extras) a cursor on it;
    neither copies the part."""

    def __init__(self, mapping: _Mapping, offset: int, length: int, name: str) -> None:
        # Not BufferFile.__init__: its BytesIO would copy the part.
        self._mapping = mapping  # keeps the map alive while this part is open
        view = memoryview(mapping.mapped) if mapping.mapped is not None else memoryview(b"")
        self._buf = view[offset : offset + length]
        self._name = name
        # Sequential reads are a posting block's header or a table's extras, a few dozen
        # bytes after a seek: a small buffer, filled from the view, serves them in C.
        self.file = io.BufferedReader(_PartReader(self._buf), buffer_size=_READ_BUFFER)
        self.onclose = None
        self.is_real = False
        self.is_closed = False


class _PartReader(io.RawIOBase):
    """The part as a raw file: what io.BufferedReader reads its small buffer from."""

    def __init__(self, view: memoryview) -> None:
        super().__init__()
        self._view = view
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, target: memoryview) -> int:
        start = self._position
        end = min(len(self._view), start + len(target))
        if end <= start:
            return 0
        target[: end - start] = self._view[start:end]
        self._position = end
        return end - start

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = (0, self._position, len(self._view))[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position
