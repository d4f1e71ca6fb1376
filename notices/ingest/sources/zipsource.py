"""Source: an extract tree packed as a .zip, read in memory with size, ratio and name checks."""

from __future__ import annotations

import os
import stat
import threading
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from functools import partial

from notices.ingest.sources import layout, tree
from notices.ingest.sources.base import FetchOptions, ReadError, SourceError, SourceItem

_CHUNK = 64 * 1024
_UNIX = 3  # ZipInfo.create_system of archives made on Unix: external_attr holds st_mode


class ZipSource:
    """Members of a zip archive; the kinds present are known before iteration."""

    def __init__(self, path: str, *, kinds: set[str], options: FetchOptions):
        self.path = path
        self.name = os.path.basename(path)
        self.description = path
        self.demo = False  # only a directory extract carries the demo marker
        self.complete = True
        self._kinds = set(kinds)
        self._options = options
        self._lock = threading.Lock()
        self._zip: zipfile.ZipFile | None = None
        self._total = 0
        if _declared_members(path) > options.max_members:
            raise SourceError(f"{path} has more than {options.max_members} members")
        with self._open() as archive:
            self._infos = archive.infolist()
        if len(self._infos) > options.max_members:
            raise SourceError(f"{path} has more than {options.max_members} members")
        names = [
            layout.strip_dot_prefix(info.filename)
            for info in self._infos
            if layout.unsafe_member_name(info.filename) is None
        ]
        self._prefix = layout.wrapper_prefix(names)
        paths = [name.removeprefix(self._prefix) for name in names]
        self._present = layout.kinds_in(paths, self._kinds)
        if not layout.kinds_in(paths, set(layout.PATH_KINDS.values())):
            raise SourceError(f"{path} holds none of the directories red/, yellow/, un/...")

    def kinds_present(self) -> set[str]:
        """Kinds with a directory in the archive; known before iteration."""
        return set(self._present)

    def __iter__(self) -> Iterator[SourceItem]:
        return self._items()

    def _items(self) -> Iterator[SourceItem]:
        with self._lock:
            self._zip = self._open()
        try:
            yield from tree.assemble(self._entries(), kinds=self._kinds, options=self._options)
        finally:
            with self._lock:
                self._zip.close()
                self._zip = None

    def _open(self) -> zipfile.ZipFile:
        try:
            return zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise SourceError(f"{self.path} is not a readable zip archive: {error}") from None

    def _entries(self) -> list[tree.Entry]:
        counts = Counter(info.filename for info in self._infos)
        entries = []
        for info in self._infos:
            origin = f"{self.name}:{info.filename}"
            path = layout.strip_dot_prefix(info.filename).removeprefix(self._prefix)
            if info.is_dir():
                if problem := layout.directory_problem(path):
                    entries.append(tree.Entry(path.rstrip("/"), origin, problem=problem))
                continue
            problem = _problem(info) or (
                "duplicate member name" if counts[info.filename] > 1 else None
            )
            if problem and layout.unsafe_member_name(info.filename):
                path = ""  # never let an unsafe name pass for a notice's path
            entries.append(tree.Entry(path, origin, partial(self._read, info), problem))
        return entries

    def _read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        options = self._options
        if info.file_size > limit:
            raise ReadError(f"larger than the limit of {limit} bytes")
        _check_ratio(info.file_size, info.compress_size, options)
        with self._lock:
            if self._total + info.file_size > options.max_total_bytes:
                raise ReadError(f"archive exceeds the limit of {options.max_total_bytes} bytes")
            archive = self._zip
        try:
            if archive is None:  # read after iteration ended: use a short-lived handle
                with self._open() as archive:
                    data = _inflate(archive, info, limit, options)
            else:
                data = _inflate(archive, info, limit, options)
        except ReadError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            NotImplementedError,
            RuntimeError,
            EOFError,
            OSError,
            SourceError,
        ) as error:
            raise ReadError(f"cannot read member: {error}") from None
        with self._lock:
            self._total += len(data)
        return data


def _declared_members(path: str) -> int:
    """Entry count from the end record, read before zipfile builds an object per entry."""
    try:
        with open(path, "rb") as handle:
            record = zipfile._EndRecData(handle)  # private, but stable since Python 2
        return int(record[zipfile._ECD_ENTRIES_TOTAL]) if record else 0
    except (AttributeError, IndexError, TypeError, ValueError, OSError):
        return 0  # let zipfile itself decide (and the count be checked by the caller)


def _problem(info: zipfile.ZipInfo) -> str | None:
    unsafe = layout.unsafe_member_name(info.filename)
    if unsafe:
        return unsafe
    if info.flag_bits & 0x1:
        return "encrypted member"
    file_type = stat.S_IFMT(info.external_attr >> 16)
    if info.create_system == _UNIX and file_type:  # many writers leave the type bits at 0
        if file_type == stat.S_IFLNK:
            return "symbolic link not followed"
        if file_type != stat.S_IFREG:
            return "not a regular file"
    return None


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, options: FetchOptions
) -> bytes:
    """Read a member in chunks, stopping as soon as it outgrows what it declared or the limit."""
    cap = min(limit, info.file_size)
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(min(_CHUNK, cap + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                raise ReadError("member inflates beyond its declared size or the size limit")
            _check_ratio(size, info.compress_size, options)
    return b"".join(chunks)


def _check_ratio(size: int, compressed: int, options: FetchOptions) -> None:
    if size > options.ratio_floor_bytes and size > options.max_compression_ratio * compressed:
        ratio = size // max(compressed, 1)
        raise ReadError(f"compression ratio {ratio}:1 looks like a decompression bomb")
