"""Source: an extract tree packed as .tar, .tar.gz/.tgz, .tar.bz2 or .tar.xz, read in memory.

The archive is scanned once, in stream order: JSON members are read into memory as they pass
(each under the JSON size limit), pictures are only located. Items are then yielded in the order
of their pictures in the stream, and all pictures of one notice are read together on the first
request, so reading pictures while iterating never seeks backwards in a compressed stream.
Compressed .tar.gz streams are read through gzseek.SeekableGzip, so even an archive whose
members are scattered costs a bounded amount of decompression per picture.
If the archive breaks off midway (truncated, corrupt, over a limit), the items read so far are
yielded, then one rejection for the rest, and `complete` becomes False: the loader must not
withdraw notices on the strength of such a load.
"""

from __future__ import annotations

import os
import tarfile
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import partial

from notices.ingest.sources import layout, tree
from notices.ingest.sources.base import (
    FetchOptions,
    ReadError,
    SourceError,
    SourceItem,
    rejected,
)
from notices.ingest.sources.gzseek import SeekableGzip

_BROKEN = (tarfile.TarError, EOFError, OSError, zlib.error, ValueError)
_GROUP_CACHE_BYTES = 64 * 1024 * 1024


class TarSource:
    """Members of a tar archive; the kinds present are known after iteration."""

    def __init__(self, path: str, *, kinds: set[str], options: FetchOptions):
        self.path = path
        self.name = os.path.basename(path)
        self.description = path
        self.demo = False  # only a directory extract carries the demo marker
        self.complete = True
        self._kinds = set(kinds)
        self._options = options
        self._present: set[str] = set()
        self._lock = threading.Lock()
        self._archive: tarfile.TarFile | None = None
        self._cache: dict[str, bytes | ReadError] = {}
        self._siblings: dict[str, list[tarfile.TarInfo]] = {}
        raw, archive = self._open()  # fail now, with a clear message, if it is no tar at all
        archive.close()
        raw.close()

    def kinds_present(self) -> set[str]:
        """Kinds with a directory in the archive; empty until the iteration has finished."""
        return set(self._present)

    def __iter__(self) -> Iterator[SourceItem]:
        return self._items()

    def _open(self) -> tuple:
        raw = open(self.path, "rb")  # noqa: SIM115 - closed by the caller with the tar file
        try:
            if raw.read(2) == b"\x1f\x8b":
                raw.seek(0)
                return raw, tarfile.open(fileobj=SeekableGzip(raw), mode="r:")
            raw.seek(0)
            return raw, tarfile.open(fileobj=raw, mode="r:*")
        except _BROKEN as error:
            raw.close()
            raise SourceError(f"{self.path} is not a readable tar archive: {error}") from None

    def _items(self) -> Iterator[SourceItem]:
        raw, archive = self._open()
        with self._lock:
            self._archive = archive
        try:
            entries, paths, problem = _Scan(self, raw, archive).run()
            self._present = layout.kinds_in(paths, self._kinds)
            yield from tree.assemble(
                entries, kinds=self._kinds, options=self._options, by_position=True
            )
            if problem:
                self.complete = False
                yield rejected(self.name, problem)
            elif not layout.kinds_in(paths, set(layout.PATH_KINDS.values())):
                yield rejected(self.name, "holds none of the directories red/, yellow/, un/...")
        finally:
            with self._lock:
                self._archive = None
                self._cache.clear()
            archive.close()
            raw.close()

    def read_picture(self, member: tarfile.TarInfo, limit: int) -> bytes:
        """Bytes of one picture member; its siblings are read along with it and kept."""
        with self._lock:
            if member.name not in self._cache:
                self._fill_cache(member, limit)
            result = self._cache.pop(member.name, None)
        if result is None:
            result = self._read_alone(member, limit)
        if isinstance(result, ReadError):
            raise result
        return result

    def _fill_cache(self, member: tarfile.TarInfo, limit: int) -> None:
        self._cache.clear()
        if self._archive is None:
            return
        cached = 0
        for sibling in self._siblings.get(member.name, [member]):
            if cached > _GROUP_CACHE_BYTES and sibling is not member:
                continue  # read on request instead; memory stays bounded
            try:
                data = _read_member(self._archive, sibling, limit)
                cached += len(data)
                self._cache[sibling.name] = data
            except ReadError as error:
                self._cache[sibling.name] = error

    def _read_alone(self, member: tarfile.TarInfo, limit: int) -> bytes | ReadError:
        try:
            raw, archive = self._open()
        except SourceError as error:
            return ReadError(str(error))
        try:
            return _read_member(archive, member, limit)
        except ReadError as error:
            return error
        finally:
            archive.close()
            raw.close()


class _Scan:
    """One pass over the archive: entries, all member paths, and why it stopped early (if so)."""

    def __init__(self, source: TarSource, raw: bytes, archive: tarfile.TarFile):
        self.source, self.raw, self.archive = source, raw, archive
        self.options = source._options
        self.entries: list[tuple[tarfile.TarInfo, tree.Entry]] = []
        self.paths: list[str] = []

    def run(self) -> tuple[list[tree.Entry], list[str], str | None]:
        problem = self._walk()
        prefix = layout.wrapper_prefix(self.paths)
        counts = Counter(member.name for member, _ in self.entries)
        groups: dict[str, list[tarfile.TarInfo]] = defaultdict(list)
        for member, entry in self.entries:
            if entry.path:
                entry.path = entry.path.removeprefix(prefix)
            if member.isdir() and entry.problem is None:
                # A safe directory is kept only when named like a notice file, to be reported.
                entry.problem = layout.directory_problem(entry.path)
                continue
            if counts[member.name] > 1 and not entry.problem:
                entry.problem = "duplicate member name"
            if entry.problem is None and layout.classify(entry.path).role == layout.PICTURE:
                groups[os.path.dirname(member.name)].append(member)
        for siblings in groups.values():
            siblings.sort(key=lambda member: member.offset)
            for member in siblings:
                self.source._siblings[member.name] = siblings
        paths = [path.removeprefix(prefix) for path in self.paths]
        entries = [entry for member, entry in self.entries if entry.problem or not member.isdir()]
        return entries, paths, problem

    def _walk(self) -> str | None:
        count = 0
        while True:
            try:
                member = self.archive.next()
            except _BROKEN as error:
                return f"archive is truncated or corrupt after {count} members ({error})"
            if member is None:
                return self._check_end(count)
            count += 1
            stop = self._over_limits(member, count)
            if stop:
                return stop
            self._add(member)

    def _over_limits(self, member: tarfile.TarInfo, count: int) -> str | None:
        options = self.options
        if count > options.max_members:
            return f"more than {options.max_members} members; the rest was not read"
        if member.offset_data + member.size > options.max_total_bytes:
            return f"larger than the limit of {options.max_total_bytes} bytes; rest not read"
        inflated, compressed = member.offset_data, max(self.raw.tell(), 1)
        if inflated > options.ratio_floor_bytes and inflated > options.max_compression_ratio * (
            compressed
        ):
            return f"compression ratio {inflated // compressed}:1 looks like a decompression bomb"
        return None

    def _check_end(self, count: int) -> str | None:
        # tarfile silently stops at a damaged header; a real end is a block of zeros.
        try:
            self.archive.fileobj.seek(self.archive.offset)
            block = self.archive.fileobj.read(tarfile.BLOCKSIZE)
        except _BROKEN as error:
            return f"archive is truncated or corrupt after {count} members ({error})"
        if len(block) < tarfile.BLOCKSIZE or block.strip(b"\0"):
            return f"archive is truncated or corrupt after {count} members (no end marker)"
        return None

    def _add(self, member: tarfile.TarInfo) -> None:
        name = member.name
        unsafe = layout.unsafe_member_name(name)
        path = "" if unsafe else layout.strip_dot_prefix(name)
        if not unsafe:
            self.paths.append(path + ("/" if member.isdir() else ""))
        if member.isdir() and not unsafe:
            # Judged once the wrapping directory is known (see run).
            self.entries.append(
                (
                    member,
                    tree.Entry(
                        path.rstrip("/"), f"{self.source.name}:{name}", position=member.offset
                    ),
                )
            )
            return
        problem = unsafe or _type_problem(member)
        origin = f"{self.source.name}:{name}"
        entry = tree.Entry(path, origin, problem=problem, position=member.offset)
        if problem is None:
            entry.read = self._reader(member, path)
        self.entries.append((member, entry))

    def _reader(self, member: tarfile.TarInfo, path: str):
        if _is_json(path):  # read now, while the stream passes by
            limit = self.options.max_json_bytes
            try:
                return partial(_stored, _read_member(self.archive, member, limit))
            except ReadError as error:
                return partial(_raise, error)
        return partial(self.source.read_picture, member)


def _is_json(path: str) -> bool:
    """Detail or images list, with or without a wrapping top directory."""
    candidates = [path] + ([path.split("/", 1)[1]] if "/" in path else [])
    roles = {layout.classify(candidate).role for candidate in candidates}
    return bool(roles & {layout.DETAIL, layout.IMAGES_LIST})


def _type_problem(member: tarfile.TarInfo) -> str | None:
    if member.issym():
        return "symbolic link not followed"
    if member.islnk():
        return "hard link not followed"
    if member.issparse():
        return "sparse file not supported"
    if not member.isreg():
        return "not a regular file"
    return None


def _read_member(archive: tarfile.TarFile, member: tarfile.TarInfo, limit: int) -> bytes:
    if member.size > limit:
        raise ReadError(f"larger than the limit of {limit} bytes")
    try:
        handle = archive.extractfile(member)
        data = handle.read(limit + 1) if handle else b""
    except _BROKEN as error:
        raise ReadError(f"cannot read member: {error}") from None
    if len(data) != member.size:
        raise ReadError("member is truncated")
    return data


def _stored(data: bytes, limit: int) -> bytes:
    if len(data) > limit:
        raise ReadError(f"larger than the limit of {limit} bytes")
    return data


def _raise(error: ReadError, limit: int) -> bytes:
    raise error
