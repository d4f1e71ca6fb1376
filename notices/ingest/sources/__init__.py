"""Every source `notices load` accepts, as iterators of raw items, safe against hostile input.

    source = open_source("extract.tar.gz", kinds={"red"}, fetch=FetchOptions(...))
    for item in source:       # SourceItem: a parsed document, or why one could not be read
        ...                   # picture.read() raises ReadError (an OSError) if it cannot
    source.kinds_present()    # kinds a full load covers; valid after iteration for every source
    source.complete           # after iteration: False if part of the source was never reached,
                              # and then a full load must not withdraw anything

Sources (archives are recognised by content, not by name):
- a directory laid out like the web service (red/<id>.json, red/<id>/images/<n>.jpg,
  red/<id>/images.json, yellow/, un/persons/, un/entities/); symbolic links are never followed;
- the same tree as .zip, .tar, .tar.gz/.tgz (.tar.bz2, .tar.xz), read in memory, optionally
  wrapped in one top directory; unsafe names, links, devices, bombs and oversize members are
  rejected one by one; a tar that breaks off midway yields what it read, then a rejection;
- a JSON Lines file (.jsonl/.ndjson, optionally gzip-compressed): kind None, origin "name:LINE";
- the http(s) base URL of a compatible web service, pulled with partitioned queries.

Order: directory and zip items come by kind, then entity id; tar items in stream order (so that
pictures are read forwards); JSON Lines in line order; web items as the queries find them.
An item with `document is None` is a rejection only; it carries the entity id when the name
or URL gives one, so that a full load keeps that notice instead of withdrawing it.
"""

from __future__ import annotations

import gzip
import os
import tarfile
import zlib
from collections.abc import Collection

from notices.domain import KINDS
from notices.ingest.sources.base import (
    FetchOptions,
    ReadError,
    Source,
    SourceError,
    SourceItem,
    rejected,
)
from notices.ingest.sources.directory import DirectorySource
from notices.ingest.sources.jsonlines import JsonLinesSource
from notices.ingest.sources.tarsource import TarSource
from notices.ingest.sources.webservice import WebServiceSource
from notices.ingest.sources.zipsource import ZipSource

__all__ = [
    "FetchOptions",
    "ReadError",
    "Source",
    "SourceError",
    "SourceItem",
    "open_source",
    "rejected",
]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_GZIP_MAGIC = b"\x1f\x8b"
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def open_source(
    spec: str,
    *,
    kinds: Collection[str] | None = None,
    fetch: FetchOptions | None = None,
) -> Source:
    """Open a source by path or URL; raise SourceError if it cannot be read at all."""
    options = fetch or FetchOptions()
    wanted = _check_kinds(kinds)
    if "://" in spec:
        scheme = spec.split("://", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise SourceError(f"{spec}: only http:// and https:// services are supported")
        return WebServiceSource(spec, kinds=wanted, options=options)
    if not os.path.lexists(spec):
        raise SourceError(f"{spec}: no such file or directory")
    if os.path.isdir(spec):
        return DirectorySource(spec, kinds=wanted, options=options)
    if not os.path.isfile(spec):
        raise SourceError(f"{spec} is neither a regular file nor a directory")
    json_lines_kinds = set(kinds) if kinds is not None else None
    return _open_file(spec, wanted, json_lines_kinds, options)


def _check_kinds(kinds: Collection[str] | None) -> set[str]:
    if kinds is None:
        return set(KINDS)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise SourceError(f"unknown notice kind {unknown[0]!r}; expected one of {', '.join(KINDS)}")
    if not kinds:
        raise SourceError("no notice kinds asked for")
    return set(kinds)


def _open_file(
    path: str, kinds: set[str], json_lines_kinds: set[str] | None, options: FetchOptions
) -> Source:
    """Decide by content (magic bytes), falling back on the name only to word the error."""
    name = os.path.basename(path).lower()
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror}") from None
    if head.startswith(_ZIP_MAGIC):
        return ZipSource(path, kinds=kinds, options=options)
    if _is_tar(path):
        return TarSource(path, kinds=kinds, options=options)
    if head.startswith(_GZIP_MAGIC) and _starts_like_json(_gunzip_head(path)):
        return JsonLinesSource(path, kinds=json_lines_kinds, options=options, compressed=True)
    if name.endswith(_ARCHIVE_SUFFIXES) or head.startswith(_GZIP_MAGIC):
        raise SourceError(f"{path} is a corrupt or unsupported archive")
    if name.endswith(".json"):
        raise SourceError(
            f"{path}: a single JSON document is not a source; use a directory tree "
            "(red/<id>.json, ...) or a JSON Lines file (.jsonl) with one document per line"
        )
    if name.endswith(_JSON_LINES_SUFFIXES) or _starts_like_json(head):
        return JsonLinesSource(path, kinds=json_lines_kinds, options=options, compressed=False)
    raise SourceError(f"{path}: not a directory, zip or tar archive, or JSON Lines file of notices")


def _is_tar(path: str) -> bool:
    try:
        with tarfile.open(path, "r:*"):
            return True
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError):
        return False


def _gunzip_head(path: str) -> bytes:
    try:
        with gzip.open(path, "rb") as handle:
            return handle.read(4096)
    except (OSError, EOFError, zlib.error):
        return b""


def _starts_like_json(head: bytes) -> bool:
    """True when the first non-blank character (after a UTF-8 BOM) opens a JSON object."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return text.startswith(b"{")
