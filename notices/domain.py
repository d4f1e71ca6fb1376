"""Domain vocabulary shared by every layer: notice kinds, entity ids, partial dates, code lists."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

KINDS = ("red", "yellow", "un-person", "un-entity")
PERSON_KINDS = ("red", "yellow", "un-person")

# Path of each kind in the published web service and in extract trees.
KIND_PATHS = {
    "red": "red",
    "yellow": "yellow",
    "un-person": "un/persons",
    "un-entity": "un/entities",
}
PATH_KINDS = {path: kind for kind, path in KIND_PATHS.items()}

SEXES = ("M", "F", "U")

# A file at the root of an extract saying that every person in it is fictitious (demo data):
# loads from such a tree switch the demonstration banner on.
DEMO_MARKER_FILE = "DEMO.txt"

EYE_COLOURS = (
    "BLA",
    "BLU",
    "BLUL",
    "BRO",
    "BROD",
    "BROH",
    "BROL",
    "GRE",
    "GRY",
    "OTHC",
    "OTHD",
    "OTHL",
)
HAIR_COLOURS = (
    "BLA",
    "BRO",
    "BROF",
    "GRY",
    "GRYG",
    "HAIB",
    "HAID",
    "OTHD",
    "RED",
    "REDA",
    "WHI",
    "YELB",
)

# Wanted-by codes that are not countries; everything else is an ISO 3166 alpha-2 code.
NON_COUNTRY_AUTHORITIES = {
    "914": "International Criminal Court",
    "916": "Special Tribunal for Lebanon",
    "922": "International Residual Mechanism for Criminal Tribunals",
    "UNK": "Kosovo (UNMIK)",
}

# CLDR territories that are not countries a person can be a national of or wanted by.
NOT_COUNTRY_TERRITORIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})

# The disclaimer in English, for what is written without a request (the bulk dataset). The web
# layer's translated sentences (notices.web.i18n.disclaimer) repeat these as literals so that
# message extraction finds them; a test keeps the two equal.
DISCLAIMER_SENTENCES = (
    "Notices are published to ask for the public's help in finding people.",
    "A red notice is not an arrest warrant.",
    "Every person named here is presumed innocent until proven guilty.",
    "This information may be used only to help find the persons concerned, "
    "and for no other purpose.",
    "If you recognise someone, do not approach them: contact your local police.",
)

_ENTITY_ID = re.compile(r"^([0-9]{4})[/-]([0-9]{1,7})$")


class InvalidEntityId(ValueError):
    """Raised for a notice id that is not of the form YYYY/NNNNN."""


def parse_entity_id(value: object) -> str:
    """Return the canonical slash form of an entity id given in slash or dash form."""
    if not isinstance(value, str):
        raise InvalidEntityId(f"entity id must be a string, got {type(value).__name__}")
    match = _ENTITY_ID.match(value.strip())
    if not match:
        raise InvalidEntityId(f"entity id {value[:40]!r} is not of the form YYYY/NNNNN")
    return f"{match.group(1)}/{match.group(2)}"


def publication_order(entity_id: str) -> int:
    """The notice's own place in time, year then number (2024/120 -> 20240000120): what
    orders notices first published here at the same instant (a first load adds thousands
    at once), newest being the highest."""
    match = _ENTITY_ID.match(entity_id)
    if not match:
        raise InvalidEntityId(f"entity id {entity_id[:40]!r} is not of the form YYYY/NNNNN")
    return int(match.group(1)) * 10_000_000 + int(match.group(2))


def url_entity_id(entity_id: str) -> str:
    """Return the dash form used in URLs."""
    return entity_id.replace("/", "-")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date of which only the year, or the year and month, may be known."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day without a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} out of range for {self.year}-{self.month:02d}")

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse the canonical stored form YYYY, YYYY-MM or YYYY-MM-DD."""
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)

    def iso(self) -> str:
        """Canonical stored form: only the known parts."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def earliest(self) -> date:
        """First calendar day this partial date may denote."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Last calendar day this partial date may denote."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def age_range(self, on: date) -> tuple[int, int]:
        """Smallest and largest age in whole years that a person born on this date has on `on`."""
        return age_on(self.latest(), on), age_on(self.earliest(), on)


def age_on(born: date, on: date) -> int:
    """Age in whole years of a person born on `born`, on the day `on`."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
