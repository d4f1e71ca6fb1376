"""Readable, translated labels for every code a notice carries: kinds, sexes, colours, countries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.units import format_unit
from flask_babel import lazy_gettext, lazy_pgettext

from notices.domain import NOT_COUNTRY_TERRITORIES, PartialDate
from notices.web.i18n.cache import per_locale, translated
from notices.web.i18n.catalog import gettext, ngettext, request_locale, request_locale_id
from notices.web.i18n.collation import sort_key
from notices.web.i18n.languages import language_name

KIND_LABELS = {
    "red": lazy_gettext("Wanted person"),
    "yellow": lazy_gettext("Missing person"),
    "un-person": lazy_gettext("UN Security Council sanctions: person"),
    "un-entity": lazy_gettext("UN Security Council sanctions: entity"),
}

SEX_LABELS = {
    "M": lazy_gettext("Male"),
    "F": lazy_gettext("Female"),
    "U": lazy_gettext("Unknown"),
}

# Colours agree with "eyes" or "hair" in many languages (yeux noirs, pelo negro, карие глаза):
# each list has its own message context.
EYE_LABELS = {
    "BLA": lazy_pgettext("eye colour", "Black"),
    "BLU": lazy_pgettext("eye colour", "Blue"),
    "BLUL": lazy_pgettext("eye colour", "Light blue"),
    "BRO": lazy_pgettext("eye colour", "Brown"),
    "BROD": lazy_pgettext("eye colour", "Dark brown"),
    "BROH": lazy_pgettext("eye colour", "Hazel"),
    "BROL": lazy_pgettext("eye colour", "Light brown"),
    "GRE": lazy_pgettext("eye colour", "Green"),
    "GRY": lazy_pgettext("eye colour", "Grey"),
    "OTHC": lazy_pgettext("eye colour", "Different colours"),
    "OTHD": lazy_pgettext("eye colour", "Dark"),
    "OTHL": lazy_pgettext("eye colour", "Light"),
}

HAIR_LABELS = {
    "BLA": lazy_pgettext("hair", "Black"),
    "BRO": lazy_pgettext("hair", "Brown"),
    "BROF": lazy_pgettext("hair", "Fair"),
    "GRY": lazy_pgettext("hair", "Grey"),
    "GRYG": lazy_pgettext("hair", "Greying"),
    "HAIB": lazy_pgettext("hair", "Bald"),
    "HAID": lazy_pgettext("hair", "Dyed"),
    "OTHD": lazy_pgettext("hair", "Dark"),
    "RED": lazy_pgettext("hair", "Red"),
    "REDA": lazy_pgettext("hair", "Auburn"),
    "WHI": lazy_pgettext("hair", "White"),
    "YELB": lazy_pgettext("hair", "Blond"),
}

# The English texts equal domain.NON_COUNTRY_AUTHORITIES (a test checks it); they are repeated
# here as literals so that message extraction finds them.
AUTHORITY_LABELS = {
    "914": lazy_gettext("International Criminal Court"),
    "916": lazy_gettext("Special Tribunal for Lebanon"),
    "922": lazy_gettext("International Residual Mechanism for Criminal Tribunals"),
    "UNK": lazy_gettext("Kosovo (UNMIK)"),
}

_NOT_COUNTRIES = NOT_COUNTRY_TERRITORIES


def display_name(notice: Any) -> str:  # a Notice or a ResultNotice row
    """Forename then family name as published; a neutral text when neither is known."""
    parts = [notice.forename, notice.family_name]
    return " ".join(part for part in parts if part) or gettext("Name not published")


def _locale(locale: Locale | None) -> Locale:
    return locale or request_locale()


def country_name(code: str | None, locale: Locale | None = None) -> str:
    """Country (or wanted-by authority) name in the current locale; unknown codes as given."""
    if not code:
        return ""
    if code in AUTHORITY_LABELS:
        return translated(AUTHORITY_LABELS)[code]
    names = _territory_names(request_locale_id() if locale is None else str(locale))
    return names.get(code, code)


# Babel's territory table resolves aliases on every lookup; a results page names a country
# some hundred and fifty times. CLDR data is fixed for the process: one plain dict per locale.
@cache
def _territory_names(locale_id: str) -> dict[str, str]:
    return dict(Locale.parse(locale_id).territories.items())


def names_a_country(member: str) -> bool:
    """Whether a member of a published UN identity document or address ("issuing_country",
    "country") holds a country code."""
    return "country" in member.lower()


def country_choices(locale: Locale | None = None, authorities: bool = False) -> list[tuple]:
    """(code, name) of every country in the locale's alphabetical order; with the wanted-by
    authorities if asked."""
    return list(_sorted_choices(str(_locale(locale)), authorities))


# Sorting some 250 names with the locale's collation key costs milliseconds: done once per
# locale and process (the lists only change with a new Babel release). Authority names come
# from the request's catalogue and country names from `locale_id`: the cache keys on both.
@per_locale
def _sorted_choices(locale_id: str, authorities: bool) -> tuple[tuple, ...]:
    locale = Locale.parse(locale_id)
    territories = locale.territories
    choices = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    if authorities:
        choices += [(code, str(label)) for code, label in AUTHORITY_LABELS.items()]
    key = sort_key(locale.language)
    return tuple(sorted(choices, key=lambda item: key(item[1])))


def sorted_names(names: Iterable[str], locale: Locale | None = None) -> list[str]:
    """Names in the order readers of the locale expect (see notices.web.collation)."""
    return sorted(names, key=sort_key(_locale(locale).language))


def code_label(labels: dict, code: str | None) -> str:
    """The translated label of a code, or the code itself if it is not in the list."""
    if not code:
        return ""
    return translated(labels).get(code, code)


def facet_label(key: str, value: str, locale: Locale | None = None) -> str:
    """The readable label of one facet value, as the search page's filters and the API's
    facets show it: country and court names, sexes, kinds, age bands ("26–35 years")."""
    if key in ("nationality", "wanted_by"):
        return country_name(value, locale)
    if key == "sex":
        return code_label(SEX_LABELS, value)
    if key == "kind":
        return code_label(KIND_LABELS, value)
    return gettext("%(band)s years", band=value.replace("-", "–"))


def language_label(code: str, locale: Locale | None = None) -> str:
    """Language name (published codes are bibliographic ISO 639-2) in the current locale."""
    return language_name(code, _locale(locale))


def parse_partial(iso: str | None) -> PartialDate | None:
    """The stored partial date, or None when absent or unreadable."""
    if not iso:
        return None
    try:
        return PartialDate.from_iso(iso)
    except ValueError:
        return None


def partial_date_text(iso: str | None, locale: Locale | None = None) -> str:
    """A partial date as the locale writes it: "1980", "May 1980" or "17 May 1980"."""
    if not iso:
        return iso or ""
    return _partial_date_text(iso, request_locale_id() if locale is None else str(locale))


# Cards show a date of birth each; the same notices come back page after page.
@lru_cache(maxsize=8192)
def _partial_date_text(iso: str, locale_id: str) -> str:
    partial = parse_partial(iso)
    if partial is None:
        return iso
    loc = Locale.parse(locale_id)
    if partial.month is None:
        return format_skeleton("y", partial.earliest(), locale=loc)
    if partial.day is None:
        return format_skeleton("yMMMM", partial.earliest(), locale=loc)
    return format_date(partial.earliest(), "long", locale=loc)


def age_text(iso: str | None, today: date) -> str:
    """Age now: "45 years old", or "45–46 years old" when the date of birth is partial."""
    return _age_text(iso, today, request_locale_id())


# Twenty cards a page, each parsing a date and looking up a plural form: once per date, day
# and locale (the catalogue of a locale is fixed for the process).
@lru_cache(maxsize=8192)
def _age_text(iso: str | None, today: date, locale_id: str) -> str:
    partial = parse_partial(iso)
    if partial is None or partial.earliest() > today:
        return ""
    low, high = partial.age_range(today)
    low = max(0, low)  # born this year, in a month or on a day still to come
    if low == high:
        return ngettext("%(num)d year old", "%(num)d years old", low)
    return gettext("%(low)d–%(high)d years old", low=low, high=high)


@dataclass(frozen=True)
class Day:
    """A day as a <time> element shows it: `iso` for its datetime attribute, `text` to read."""

    iso: str
    text: str


def day(moment: datetime | date | None) -> Day | None:
    """The (UTC) day of a stored timestamp as the locale writes a date in full, like dates of
    birth: "March 5, 2025", "5 mars 2025", "2025年3月5日"."""
    if moment is None:
        return None
    when = moment.date() if isinstance(moment, datetime) else moment
    return Day(when.isoformat(), _day_text(when, request_locale_id()))


# Result lists show two days per card, mostly the same few: format each once per locale.
@lru_cache(maxsize=4096)
def _day_text(when: date, locale_id: str) -> str:
    return format_date(when, "long", locale=locale_id)


def measure_text(value: float, unit: str, locale: Locale | None = None) -> str:
    """A height or weight as the locale writes it, from CLDR: "1.83 m", "1,83 м", "82 كغم"."""
    return _measure_text(value, unit, request_locale_id() if locale is None else str(locale))


# Babel takes ~30 microseconds a measure, and heights and weights repeat across notices.
@lru_cache(maxsize=4096)
def _measure_text(value: float, unit: str, locale_id: str) -> str:
    return format_unit(value, unit, length="short", format="#,##0.##", locale=locale_id)


def number_text(number: int | float, locale_id: str | None = None) -> str:
    """A count as the locale writes it: "1,234", "1 234", "١٬٢٣٤" (what `numberformat` gives);
    `locale_id` (default: the request's) saves a lookup to callers formatting many."""
    return _number_text(number, locale_id or request_locale_id())


# Facet counts repeat on every page; formatting each through Babel costs tens of microseconds.
@lru_cache(maxsize=8192)
def _number_text(number: int | float, locale_id: str) -> str:
    return format_decimal(number, locale=locale_id)
