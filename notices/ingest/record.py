"""The normalised form of one published notice, and of one rejected input record."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter

from notices.json_text import compact


@dataclass(frozen=True)
class WarrantRecord:
    """One arrest warrant of a red notice."""

    issuing_country: str | None
    charge: str | None
    charge_translation: str | None = None


@dataclass(frozen=True)
class PictureSource:
    """A picture announced by a source; `read` fetches its raw (untrusted) bytes lazily."""

    picture_id: str
    origin: str
    read: Callable[[], bytes] = field(compare=False, repr=False)


@dataclass
class NoticeRecord:
    """A validated, normalised notice, ready to be stored. Field meanings follow DESIGN §3."""

    entity_id: str
    kind: str
    family_name: str | None = None
    forename: str | None = None
    family_name_original: str | None = None
    forename_original: str | None = None
    birth_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    sex: str | None = None
    date_of_birth: str | None = None  # PartialDate.iso()
    place_of_birth: str | None = None
    country_of_birth: str | None = None
    nationalities: list[str] = field(default_factory=list)
    height: float | None = None  # metres
    weight: float | None = None  # kilograms
    eye_colors: list[str] = field(default_factory=list)
    hair_colors: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    distinguishing_marks: str | None = None
    warrants: list[WarrantRecord] = field(default_factory=list)
    # Yellow notices: the disappearance and the parents.
    event_date: str | None = None
    event_place: str | None = None
    event_country: str | None = None
    father_name: str | None = None
    father_forename: str | None = None
    mother_name: str | None = None
    mother_forename: str | None = None
    countries_likely_visited: list[str] = field(default_factory=list)
    # UN Security Council special notices.
    un_reference: str | None = None
    un_reference_date: str | None = None
    un_resolution: str | None = None
    summary: str | None = None
    identity_documents: list[dict] = field(default_factory=list)
    associates: list[dict] = field(default_factory=list)
    addresses: list[dict] = field(default_factory=list)
    also_known_as: list[str] = field(default_factory=list)
    formerly_known_as: list[str] = field(default_factory=list)
    main_activity: str | None = None
    legal_form: str | None = None
    # Not part of the stored columns: pictures to fetch and process.
    pictures: list[PictureSource] = field(default_factory=list)

    def stored_fields(self) -> dict:
        """Every column value of the notice itself (no warrants, no pictures)."""
        # Not dataclasses.asdict: it deep-copies PictureSource.read, which may hold an archive.
        return dict(zip(_COLUMN_FIELDS, _column_values(self), strict=True))

    def content_hash(self) -> str:
        """Stable digest of everything published about the notice, pictures by id."""
        data = self.stored_fields()
        # What dataclasses.asdict gives (a warrant holds texts only), without its deep copy.
        data["warrants"] = [
            dict(zip(_WARRANT_FIELDS, _warrant_values(w), strict=True)) for w in self.warrants
        ]
        data["pictures"] = [p.picture_id for p in self.pictures]
        return hashlib.sha256(compact(data, sort_keys=True)).hexdigest()


_COLUMN_FIELDS = tuple(
    f.name for f in fields(NoticeRecord) if f.name not in ("pictures", "warrants")
)
_column_values = attrgetter(*_COLUMN_FIELDS)
_WARRANT_FIELDS = tuple(f.name for f in fields(WarrantRecord))
_warrant_values = attrgetter(*_WARRANT_FIELDS)


# Characters a report line must not carry raw: controls (a file name with an escape sequence
# would drive the operator's terminal; a newline would forge a report line), bidirectional
# overrides (they reorder what is shown), and lone surrogates (undecodable bytes of a file name,
# which neither UTF-8 output nor the database can take).
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character a report line must not carry raw shown as an escape."""
    return _UNPRINTABLE.sub(_escape, text)


@dataclass(frozen=True)
class Rejection:
    """Why one input record (or one part of it) was not loaded; the texts are kept printable."""

    source: str  # file, archive member or URL the record came from
    json_path: str  # where in the document the problem is ("$" for the whole record)
    reason: str
    entity_id: str | None = None  # when known, so a full load does not withdraw the notice

    def __post_init__(self) -> None:
        for name in ("source", "json_path", "reason"):
            value = getattr(self, name)
            if _UNPRINTABLE.search(value):
                object.__setattr__(self, name, printable(value))

    def line(self) -> str:
        """One human-readable line for the load report."""
        return f"rejected {self.source} {self.json_path}: {self.reason}"
