"""The contact directory's rules: every row of a file validated, every rejection explained with
its file and line; which countries' contacts a notice shows, and in which language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from babel import Locale

from notices.contact_files import FIELDS, rows_of
from notices.domain import NON_COUNTRY_AUTHORITIES, NOT_COUNTRY_TERRITORIES

if TYPE_CHECKING:  # only for annotations
    from notices.models import Notice

NOTE_LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")  # the UI languages
MAX_TEXT = 300
MAX_NOTE = 1000

_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*[0-9]$")
# Deliberately plain: one @, no spaces or angle brackets, a dot in the domain. Mail servers
# decide the rest; this catches typos such as a missing @ or a pasted "Name <a@b>".
_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:.]+$")


@dataclass(frozen=True)
class Entry:
    """One valid contact, as it is stored."""

    country: str
    name: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def values(self) -> tuple:
        """What a reload compares to tell a changed contact from an unchanged one."""
        return (self.name, self.phone, self.email, self.url, dict(sorted(self.notes.items())))


@dataclass(frozen=True)
class RowRejection:
    """A row that was not loaded: where it is and why."""

    source: str  # file:line
    reason: str
    country: str | None = None  # a known code, when the row named one

    def line(self) -> str:
        return f"rejected {self.source}: {self.reason}"


@dataclass
class ParsedDirectory:
    """Every valid entry of a file and every rejected row."""

    entries: list[Entry] = field(default_factory=list)
    rejections: list[RowRejection] = field(default_factory=list)


def read_directory(path: str | Path) -> ParsedDirectory:
    """Parse and validate a directory file; DirectoryUnreadable when it cannot be read at all."""
    path = Path(path)
    rows = rows_of(path)
    parsed = ParsedDirectory()
    first_seen: dict[str, str] = {}
    for line, raw in rows:
        source = f"{path}:{line}"
        entry, problems, country = _validate(raw)
        if country and country in first_seen:
            problems.insert(
                0, f"duplicate country {country} (first given at {first_seen[country]})"
            )
        elif country:
            first_seen[country] = source
        if problems:
            parsed.rejections.append(RowRejection(source, "; ".join(problems), country))
        else:
            parsed.entries.append(entry)
    return parsed


def _validate(raw: object) -> tuple[Entry | None, list[str], str | None]:
    """The entry (or None), the row's problems, and the country code when it is a known one."""
    if not isinstance(raw, dict):
        return None, [f"a contact must be a mapping of fields, not {_kind(raw)}"], None
    problems: list[str] = []
    if raw.pop("_extra", False):
        problems.append("the row has more cells than the header has columns")
    unknown = [str(key) for key in raw if key not in FIELDS]
    if unknown:
        problems.append(f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})")
    country = _country(raw.get("country"), problems)
    if _blank(raw.get("name")):
        problems.append("no name")
    if all(_blank(raw.get(key)) for key in ("phone", "email", "url")):
        problems.append("no way of contact: give a phone number, an e-mail or a web address")
    texts = {key: _text(raw.get(key), key, problems) for key in ("name", "phone", "email", "url")}
    _check_contact_values(texts, problems)
    notes = _notes(raw.get("notes"), problems)
    if problems:
        return None, problems, country
    entry = Entry(country, texts["name"], texts["phone"], texts["email"], texts["url"], notes)
    return entry, [], country


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kind(value: object) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def _country(value: object, problems: list[str]) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append("no country code")
        return None
    if not isinstance(value, str):
        problems.append(f"the country code must be text, not {_kind(value)}")
        return None
    code = value.strip().upper()
    if not code.isascii() or not known_country(code):
        problems.append(f"unknown country code {value.strip()[:40]!r}")
        return None
    return code


_LABELS = {"name": "name", "phone": "phone number", "email": "e-mail", "url": "web address"}


def _text(value: object, key: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        # YAML reads 0123 or +33 1 as numbers and drops digits: staff must quote them.
        problems.append(f"the {_LABELS[key]} must be text (put it in quotes), not {_kind(value)}")
        return None
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        problems.append(f"the {_LABELS[key]} is longer than {MAX_TEXT} characters")
    return text or None


def _check_contact_values(texts: dict, problems: list[str]) -> None:
    phone, email, url = texts["phone"], texts["email"], texts["url"]
    if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 3):
        problems.append(
            f"bad phone number {phone[:40]!r}: digits, spaces and + - . ( ) only, "
            "at least three digits"
        )
    if email and not _EMAIL.match(email):
        problems.append(f"bad e-mail {email[:60]!r}")
    if url and not _web_address(url):
        problems.append(f"the web address {url[:60]!r} is not an http:// or https:// address")


def _web_address(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def _notes(value: object, problems: list[str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"notes must map languages to texts (en: ..., fr: ...), not {_kind(value)}")
        return {}
    notes = {}
    for language, text in value.items():
        if language not in NOTE_LANGUAGES:
            problems.append(
                f"unknown note language {str(language)[:20]!r} "
                f"(languages: {', '.join(NOTE_LANGUAGES)})"
            )
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"the {language} note must be text")
        elif len(text.strip()) > MAX_NOTE:
            problems.append(f"the {language} note is longer than {MAX_NOTE} characters")
        else:
            notes[language] = text.strip()
    return notes


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    territories = Locale.parse("en").territories
    countries = {
        code
        for code in territories
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRY_TERRITORIES
    }
    return frozenset(countries | set(NON_COUNTRY_AUTHORITIES))


def known_country(code: str) -> bool:
    """True for the codes notices use: ISO alpha-2 countries and the wanted-by authorities."""
    return code in _known_codes()


def reporting_countries(notice: Notice) -> list[str]:
    """Whose contacts a notice shows. Red: every country (or court) that issued a warrant.
    Yellow: the published data names no requesting country, so the country of disappearance,
    whose police investigate; without one, the person's nationalities. UN: none."""
    if notice.kind == "red":
        codes = [warrant.issuing_country for warrant in notice.warrants]
    elif notice.kind == "yellow":
        codes = [notice.event_country] if notice.event_country else list(notice.nationalities)
    else:
        codes = []
    return list(dict.fromkeys(code for code in codes if code))


def note_in(notes: dict[str, str], language: str) -> tuple[str, str] | None:
    """(language, text) of the note to show a reader of `language`: theirs, else English, else
    the first there is."""
    wanted = language.replace("-", "_").split("_")[0]
    for candidate in (wanted, "en", *NOTE_LANGUAGES):
        if notes.get(candidate):
            return candidate, notes[candidate]
    return None


def tel_uri(phone: str) -> str:
    """A tel: link of a phone number as written ("+44 20 7946 0011" -> "tel:+442079460011")."""
    digits = "".join(c for c in phone if c.isdigit())
    return "tel:" + ("+" if phone.startswith("+") else "") + digits
