"""Source: a JSON Lines file (optionally gzip-compressed) with one detail document per line."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from notices.domain import InvalidEntityId, parse_entity_id
from notices.ingest.sources.base import FetchOptions, ReadError, SourceError, SourceItem, rejected
from notices.ingest.sources.safejson import parse_document

_ENTITY_ID = re.compile(rb'"entity_id"\s*:\s*"([0-9]{4})[/-]([0-9]{1,7})"')
_BROKEN = (OSError, EOFError, zlib.error)


class JsonLinesSource:
    """Lines of a .jsonl/.ndjson file; items have kind None (the normaliser infers it).

    The file cannot tell which kinds it covers: kinds_present() returns the `kinds` asked for
    (empty when none were given), and the items are not filtered by kind.
    """

    def __init__(
        self, path: str, *, kinds: set[str] | None, options: FetchOptions, compressed: bool
    ):
        self.path = path
        self.name = os.path.basename(path)
        self.description = path
        self.demo = False  # only a directory extract carries the demo marker
        self.complete = True
        self._kinds = set(kinds or ())
        self._options = options
        self._compressed = compressed
        with self._open() as handle:  # fail now if the file or its compression is unreadable
            try:
                handle.read(1)
            except _BROKEN as error:
                raise SourceError(f"{path} is not readable: {error}") from None

    def kinds_present(self) -> set[str]:
        """The kinds asked for: a JSON Lines file does not say which kinds it covers."""
        return set(self._kinds)

    def __iter__(self) -> Iterator[SourceItem]:
        return self._items()

    def _open(self):
        try:
            return gzip.open(self.path, "rb") if self._compressed else open(self.path, "rb")
        except OSError as error:
            raise SourceError(f"cannot open {self.path}: {error.strerror or error}") from None

    def _items(self) -> Iterator[SourceItem]:
        limit = self._options.max_json_bytes
        number = 0
        with self._open() as handle:
            while True:
                number += 1
                try:
                    line, too_long = _read_line(handle, limit)
                except _BROKEN as error:
                    self.complete = False
                    yield rejected(f"{self.name}:{number}", f"file unreadable from here: {error}")
                    return
                if line is None:
                    return  # end of file
                item = self._item(line, number, too_long)
                if item is not None:
                    yield item

    def _item(self, line: bytes, number: int, too_long: bool) -> SourceItem | None:
        origin = f"{self.name}:{number}"
        hint = _entity_hint(line)
        if too_long:
            limit = self._options.max_json_bytes
            return rejected(origin, f"line longer than the limit of {limit} bytes", entity_id=hint)
        if not line.strip(b" \t\r\n") or line.strip() == b"\xef\xbb\xbf":
            return None  # blank lines are allowed
        try:
            document = parse_document(
                line,
                max_bytes=self._options.max_json_bytes,
                max_depth=self._options.max_json_depth,
            )
        except ReadError as error:
            return rejected(origin, str(error), entity_id=hint)
        # An invalid id is the normaliser's to report; keep the hint from the raw line then.
        with contextlib.suppress(InvalidEntityId):
            hint = parse_entity_id(document.get("entity_id"))
        return SourceItem(origin, None, document, None, [], hint)


def _read_line(handle: BinaryIO, limit: int) -> tuple[bytes | None, bool]:
    """One line without its end (None at the end of the file); for an over-long line,
    (its first bytes, True), the rest being skipped."""
    line = handle.readline(limit + 1)
    if not line:
        return None, False
    if len(line) <= limit or line.endswith(b"\n"):
        return line.rstrip(b"\r\n"), False
    head = line[:256]
    while line and not line.endswith(b"\n"):
        line = handle.readline(1024 * 1024)
    return head, True


def _entity_hint(line: bytes) -> str | None:
    """The entity id a line names, if exactly one, so an unreadable line causes no withdrawal."""
    found = {f"{m.group(1).decode()}/{m.group(2).decode()}" for m in _ENTITY_ID.finditer(line)}
    return found.pop() if len(found) == 1 else None
