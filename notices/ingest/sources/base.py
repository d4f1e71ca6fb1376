"""What every source yields (SourceItem), the Source protocol, its options and its errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from notices.config import DEFAULTS
from notices.ingest.record import PictureSource, Rejection

MiB = 1024 * 1024


class SourceError(Exception):
    """The source as a whole cannot be read; the message is meant for the operator."""


class ReadError(OSError):
    """One part of a source (a member, a file, a picture) cannot be read; the message says why.

    An OSError, so code that reads pictures and already handles I/O errors handles it too.
    """


@dataclass
class SourceItem:
    """One raw item of a source: a parsed document, or the reason it could not be read.

    Several items may name the same entity (a notice document, then a rejection for one of its
    picture files): an item with `document is None` is only a rejection to report, never a sign
    that the notice is gone.
    """

    origin: str  # "red/2024-12345.json", "extract.zip:red/2024-1.json", "notices.jsonl:17", a URL
    kind: str | None  # from the layout; None when the source cannot tell (JSON Lines)
    document: object | None  # parsed JSON object; None when the item could not be read
    rejection: Rejection | None  # why it could not be read (document is None then)
    pictures: list[PictureSource] = field(default_factory=list)
    entity_id_hint: str | None = None  # canonical "YYYY/NNNNN" from the file name or URL
    # Digest of the bytes the document and picture list came from (notices.ingest.memo), when
    # the source has them: lets an unchanged reload skip normalising the document.
    input_digest: str | None = None
    # Set instead of `document` when these input bytes are known to have made a stored record
    # (FetchOptions.known_input): an unchanged reload then never parses them. Raises ReadError.
    parse: Callable[[], object] | None = None
    # Key of the document file's identity and the picture ids (notices.ingest.memo.file_key),
    # when the source can tell that the file did not change while it was read.
    file_key: str | None = None
    # Set instead of `document` when the source took the bytes as known without reading them
    # (FetchOptions.known_file): reads and parses them, returning the document and the input
    # digest of the bytes read. Raises ReadError.
    read_later: Callable[[], tuple[object, str]] | None = None

    def parsed(self) -> object | None:
        """The document, parsed now if the source deferred that (may raise ReadError)."""
        if self.read_later is not None:
            document, digest = self.read_later()
            if digest != self.input_digest:  # the file changed since it was taken as known
                self.input_digest, self.file_key = digest, None
            return document
        return self.parse() if self.parse is not None else self.document


class Source(Protocol):
    """A stream of raw items; see notices.ingest.sources for the contract of each method."""

    description: str  # the path or URL as given, for reports
    demo: bool  # the source says its persons are fictitious (a demo extract's marker file)

    @property
    def complete(self) -> bool:
        """After iteration: True when every part of the source was reached."""

    def kinds_present(self) -> set[str]:
        """Kinds the source covers (valid after iteration for every source)."""

    def __iter__(self) -> Iterator[SourceItem]: ...


# FetchOptions field -> the configuration key it is read from.
CONFIG_KEYS = {
    "rate_per_second": "FETCH_RATE_PER_SECOND",
    "retries": "FETCH_RETRIES",
    "timeout": "FETCH_TIMEOUT_SECONDS",
    "max_picture_bytes": "PICTURE_MAX_BYTES",
    "max_requests": "FETCH_MAX_REQUESTS",
    "max_seconds": "FETCH_MAX_SECONDS",
}


@dataclass(frozen=True)
class FetchOptions:
    """Limits and network behaviour for reading sources; defaults are safe for production."""

    # The operator-facing values default to notices.config.DEFAULTS, which owns every default.
    rate_per_second: float | None = DEFAULTS["FETCH_RATE_PER_SECOND"]  # None or 0 = unlimited
    retries: int = DEFAULTS["FETCH_RETRIES"]  # after the first attempt (connection, 429, 5xx)
    timeout: float = DEFAULTS["FETCH_TIMEOUT_SECONDS"]  # wall-clock deadline of one request
    backoff_base: float = 0.5  # first retry waits about this long, doubling each time
    backoff_max: float = 30.0
    retry_after_max: float = 300.0  # a longer Retry-After is shortened to this
    max_json_bytes: int = 20 * MiB
    max_picture_bytes: int = DEFAULTS["PICTURE_MAX_BYTES"]
    max_total_bytes: int = 2048 * MiB  # everything read from one archive, uncompressed
    max_compression_ratio: float = 100.0  # only checked past ratio_floor_bytes of output
    ratio_floor_bytes: int = 1 * MiB
    max_json_depth: int = 64
    max_members: int = 200_000  # archive entries (tarfile keeps ~1 kB per member)
    query_cap: int = 160  # results the web service lets one query reach
    page_size: int = 160
    max_requests: int | None = DEFAULTS["FETCH_MAX_REQUESTS"]  # per load; None = unlimited
    max_seconds: float | None = DEFAULTS["FETCH_MAX_SECONDS"]  # per load, wall clock
    user_agent: str = "public-notices-search/0.1 (notices load)"
    # (entity id, input digest) -> True when those bytes made a record before (the ingest
    # memo): tree sources then defer parsing the document until a load asks for it.
    known_input: Callable[[str, str], bool] | None = None
    # entity id -> (file key, input digest) of the bytes a committed load read from the notice's
    # file (the ingest memo): tree sources take a file that still has that key as holding those
    # bytes, without reading it.
    known_file: Callable[[str], tuple[str, str] | None] | None = None

    @classmethod
    def from_config(cls, config: Mapping, **overrides) -> FetchOptions:
        """Options from the application config (FETCH_* and PICTURE_MAX_BYTES keys)."""
        values = {field: config.get(key, DEFAULTS[key]) for field, key in CONFIG_KEYS.items()}
        values.update(overrides)
        return cls(**values)


def rejected(
    origin: str,
    reason: str,
    *,
    kind: str | None = None,
    entity_id: str | None = None,
    json_path: str = "$",
) -> SourceItem:
    """An item that only reports why something could not be read."""
    rejection = Rejection(source=origin, json_path=json_path, reason=reason, entity_id=entity_id)
    return SourceItem(
        origin=origin, kind=kind, document=None, rejection=rejection, entity_id_hint=entity_id
    )
