"""What every source yields (SourceItem), the Source protocol, its options and its errors."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

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


class Source(Protocol):
    """A stream of raw items; see notices.ingest.sources for the contract of each method."""

    description: str  # the path or URL as given, for reports

    @property
    def complete(self) -> bool:
        """After iteration: True when every part of the source was reached."""

    def kinds_present(self) -> set[str]:
        """Kinds the source covers (valid after iteration for every source)."""

    def __iter__(self) -> Iterator[SourceItem]: ...


@dataclass(frozen=True)
class FetchOptions:
    """Limits and network behaviour for reading sources; defaults are safe for production."""

    rate_per_second: float | None = 5.0  # web service requests; None or 0 = unlimited
    retries: int = 4  # retries after the first attempt (connection errors, 429, 5xx)
    timeout: float = 20.0  # seconds: wall-clock deadline of one request, all reads included
    backoff_base: float = 0.5  # first retry waits about this long, doubling each time
    backoff_max: float = 30.0
    retry_after_max: float = 300.0  # a longer Retry-After is shortened to this
    max_json_bytes: int = 20 * MiB
    max_picture_bytes: int = 10 * MiB
    max_total_bytes: int = 2048 * MiB  # everything read from one archive, uncompressed
    max_compression_ratio: float = 100.0  # only checked past ratio_floor_bytes of output
    ratio_floor_bytes: int = 1 * MiB
    max_json_depth: int = 64
    max_members: int = 200_000  # archive entries (tarfile keeps ~1 kB per member)
    query_cap: int = 160  # results the web service lets one query reach
    page_size: int = 160
    max_requests: int | None = None  # per load; None = unlimited
    max_seconds: float | None = None  # per load, wall clock; None = unlimited
    user_agent: str = "public-notices-search/0.1 (notices load)"

    @classmethod
    def from_config(cls, config: Mapping, **overrides) -> FetchOptions:
        """Options from the application config (FETCH_* and PICTURE_MAX_BYTES keys)."""
        values = {
            "rate_per_second": config.get("FETCH_RATE_PER_SECOND", cls.rate_per_second),
            "retries": config.get("FETCH_RETRIES", cls.retries),
            "timeout": config.get("FETCH_TIMEOUT_SECONDS", cls.timeout),
            "max_picture_bytes": config.get("PICTURE_MAX_BYTES", cls.max_picture_bytes),
            "max_requests": config.get("FETCH_MAX_REQUESTS", cls.max_requests),
            "max_seconds": config.get("FETCH_MAX_SECONDS", cls.max_seconds),
        }
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
