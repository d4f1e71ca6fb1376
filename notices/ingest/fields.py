"""Scalar converters of ingest: clean text, names, partial dates, measures and codes."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from notices.domain import EYE_COLOURS, HAIR_COLOURS, NON_COUNTRY_AUTHORITIES, SEXES, PartialDate

# Problems found in one document: (JSON path, human reason), in document order.
Problems = list[tuple[str, str]]
# A converter turns one non-null published value into its normalised form, recording problems.
Converter = Callable[[object, str, Problems], object]

NAME_MAX = 300
ENTITY_NAME_MAX = 1000  # organisation names run longer than personal names
LINE_MAX = 2000
TEXT_MAX = 20000
LIST_MAX = 200
_DATE_MAX = 40  # nothing longer can be a date; also bounds the date cache keys
PLACEHOLDER = "-"  # published instead of an unknown name part

_JSON_TYPES = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def json_type(value: object) -> str:
    """Name the JSON type of a parsed value the way a data publisher would."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def expect(what: str, value: object, path: str, problems: Problems) -> None:
    """Record a wrong-type problem."""
    problems.append((path, f"expected {what}, got {json_type(value)}"))


def too_long(limit: int, path: str, problems: Problems) -> None:
    """Record an oversized-string problem."""
    problems.append((path, f"field longer than {limit} characters"))


# C0 controls except tab and newline (carriage returns become newlines first), DEL, C1 controls,
# and lone surrogates, which JSON can carry but UTF-8 (database, content hash) cannot encode.
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _nfc(text: str) -> str:
    # Composed form, so that the same published name always hashes and compares equal.
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """One-line text: controls removed, whitespace runs (newlines too) made one space."""
    if not text.isprintable():  # cheap test that is False for any control character
        text = _UNWANTED.sub("", text)
    return _nfc(" ".join(text.split()))


def clean_block(text: str) -> str:
    """Multi-line text: LF line ends, no trailing blanks per line, no surrounding blank lines."""
    if text.isprintable():  # a single clean line
        return _nfc(text.strip())
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWANTED.sub("", text)
    return _nfc("\n".join(line.rstrip() for line in text.split("\n")).strip())


def text_field(limit: int, *, multiline: bool = False, placeholder: bool = False) -> Converter:
    """Converter for a string field; empty (or the name placeholder) becomes None."""
    clean = clean_block if multiline else clean_line

    def convert(value: object, path: str, problems: Problems) -> str | None:
        if not isinstance(value, str):
            expect("a string", value, path, problems)
            return None
        if len(value) > limit:
            too_long(limit, path, problems)
            return None
        text = clean(value)
        if not text or (placeholder and text == PLACEHOLDER):
            return None
        return text

    return convert


name = text_field(NAME_MAX, placeholder=True)
entity_name = text_field(ENTITY_NAME_MAX, placeholder=True)
line = text_field(LINE_MAX)
block = text_field(TEXT_MAX, multiline=True)


def reference(value: object, path: str, problems: Problems) -> str | None:
    """A UN reference or resolution: a string, or a bare number some exports use."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return line(value, path, problems)


_DATE = re.compile(r"(\d{4})(?:([/-])(\d{1,2})(?:\2(\d{1,2}))?)?", re.ASCII)


@lru_cache(maxsize=8192)  # dates repeat a lot across a load; parsing them is the costly part
def parse_date(text: str) -> tuple[str | None, str | None]:
    """Return (PartialDate iso form or None when unknown, problem or None) for a published date."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None, f"date {text!r} is not of the form YYYY/MM/DD, YYYY/MM or YYYY"
    year, month, day = (int(part) if part else 0 for part in match.group(1, 3, 4))
    # UN notices write unknown parts as zeros: 1975/00/00 is a year, 0000/00/00 nothing.
    if year == 0:
        if month or day:
            return None, f"date {text} has a month or day but no year"
        return None, None
    if day and not month:
        return None, f"date {text} has a day but no month"
    try:
        return PartialDate(year, month or None, day or None).iso(), None
    except ValueError:
        return None, f"date {text} is not a valid date"


def date(value: object, path: str, problems: Problems) -> str | None:
    """A partial date as its canonical iso form (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if not isinstance(value, str):
        expect("a string", value, path, problems)
        return None
    text = value.strip()
    if len(text) > _DATE_MAX:
        problems.append((path, f"date {text[:_DATE_MAX]!r}... is not a date"))
        return None
    if not text:
        return None
    iso, problem = parse_date(text)
    if problem:
        problems.append((path, problem))
    return iso


def measure(label: str, unit: str, maximum: float) -> Converter:
    """Converter for height or weight: 0 means unknown; negative or absurd values are errors."""

    def convert(value: object, path: str, problems: Problems) -> float | None:
        kind = type(value)  # not isinstance: true/false are not measures
        if kind is not int and kind is not float:
            expect("a number", value, path, problems)
            return None
        if kind is float and not math.isfinite(value):
            problems.append((path, f"{label} {value} is not a finite number"))
        elif value < 0:
            problems.append((path, f"{label} {value} {unit} is negative"))
        elif value > maximum:
            problems.append((path, f"{label} {value} {unit} is more than {maximum:g} {unit}"))
        elif value:
            return float(value)
        return None

    return convert


height = measure("height", "m", 3.0)
weight = measure("weight", "kg", 500.0)


class CodeSet:
    """A family of codes: its name for messages and the test a normalised code must pass."""

    __slots__ = ("label", "accepts")

    def __init__(self, label: str, accepts: Callable[[str], bool]):
        self.label = label
        self.accepts = accepts

    def normalise(self, raw: str) -> str | None:
        """The upper-case code; '' when blank; None when it is not a code of this set."""
        code = raw.strip()
        # ASCII first: upper() maps some letters to ASCII ones ('ß' -> 'SS').
        if not code.isascii():
            return None
        code = code.upper()
        if not code or self.accepts(code):
            return code
        return None

    def unknown(self, raw: str) -> str:
        """The reason given for a code outside the set."""
        return f"unknown {self.label} {raw[:40]!r}"


def _alpha(length: int) -> Callable[[str], bool]:
    return lambda code: len(code) == length and code.isalpha()


_is_alpha2 = _alpha(2)
COUNTRY = CodeSet("country code", lambda code: _is_alpha2(code) or code == "UNK")
# Only wanted-by countries include the international courts and tribunals.
WANTED_BY = CodeSet(
    "country or authority code", lambda code: _is_alpha2(code) or code in NON_COUNTRY_AUTHORITIES
)
LANGUAGE = CodeSet("language code", _alpha(3))
EYE = CodeSet("eye colour code", frozenset(EYE_COLOURS).__contains__)
HAIR = CodeSet("hair colour code", frozenset(HAIR_COLOURS).__contains__)
SEX = CodeSet("sex code", frozenset(SEXES).__contains__)


def code_field(codes: CodeSet) -> Converter:
    """Converter for a single code (sex, country of birth, issuing country)."""

    def convert(value: object, path: str, problems: Problems) -> str | None:
        if not isinstance(value, str):
            expect("a string", value, path, problems)
            return None
        code = codes.normalise(value)
        if code is None:
            problems.append((path, codes.unknown(value)))
        return code or None

    return convert
