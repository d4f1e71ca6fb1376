"""Random access to the decompressed bytes of a gzip file, in bounded time and memory.

gzip.GzipFile seeks backwards by decompressing again from the start, so a tar.gz whose pictures
are not stored next to their notice would cost one full decompression per picture. This reader
keeps a decompressor snapshot every `spacing` bytes of output (like zlib's zran example): a seek
restores the nearest snapshot and decompresses at most `spacing` bytes more.
"""

from __future__ import annotations

import bisect
import zlib

_GZIP = 16 + zlib.MAX_WBITS


class SeekableGzip:
    """A read-only, seekable file object over the decompressed content of `raw` (gzip)."""

    def __init__(self, raw: bytes, *, spacing: int = 1024 * 1024, chunk: int = 16 * 1024):
        self.raw = raw
        self._spacing, self._chunk = spacing, chunk
        # Snapshots: decompressed offset -> (compressed offset, decompressor, pending input).
        self._marks: list[int] = [0]
        self._states = [(0, zlib.decompressobj(_GZIP), b"")]
        self._restore(0)

    # -- file object interface used by tarfile --------------------------------------------------
    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (fewer only at the end of the data)."""
        while (size < 0 or len(self._buffer) - self._offset < size) and not self._eof:
            self._fill()
        end = len(self._buffer) if size < 0 else min(len(self._buffer), self._offset + size)
        data = bytes(self._buffer[self._offset : end])
        self._offset = end
        self._position += len(data)
        if self._offset > 1024 * 1024:  # drop what was read, keeping memory flat
            del self._buffer[: self._offset]
            self._offset = 0
        return data

    def seek(self, target: int, whence: int = 0) -> int:
        if whence == 1:
            target += self._position
        elif whence == 2:
            raise OSError("seeking from the end is not supported")
        index = bisect.bisect_right(self._marks, target) - 1
        if target < self._position or self._marks[index] > self._position:
            self._restore(index)
        self._skip(target - self._position)
        return self._position

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._buffer = bytearray()

    # -- internals -------------------------------------------------------------------------------
    def _restore(self, index: int) -> None:
        raw_position, decompressor, pending = self._states[index]
        self.raw.seek(raw_position)
        self._raw_position = raw_position
        self._decompressor = decompressor.copy()
        self._pending = pending
        self._position = self._marks[index]
        self._buffer, self._offset, self._eof = bytearray(), 0, False
        self._next_mark = self._position + self._spacing

    def _skip(self, count: int) -> None:
        while count > 0:
            skipped = len(self.read(min(count, 1024 * 1024)))
            if not skipped:
                return
            count -= skipped

    def _fill(self) -> None:
        data = self._pending
        self._pending = b""
        exhausted = False
        if not data:
            data = self.raw.read(self._chunk)
            self._raw_position += len(data)
            exhausted = not data
        if self._decompressor.eof:  # between members: skip zero padding, start the next one
            data = data.lstrip(b"\0")
            if not data:
                self._eof = exhausted
                return
            self._decompressor = zlib.decompressobj(_GZIP)
        elif exhausted:
            raise EOFError("compressed file ended before the end-of-stream marker")
        self._buffer += self._decompressor.decompress(data)
        if self._decompressor.eof:
            self._pending = self._decompressor.unused_data
        self._mark()

    def _mark(self) -> None:
        end = self._position - self._offset + len(self._buffer)
        if end >= self._next_mark and not self._pending and self._marks[-1] < end:
            self._marks.append(end)
            self._states.append((self._raw_position, self._decompressor.copy(), b""))
            self._next_mark = end + self._spacing
