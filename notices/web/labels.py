"""Readable, translated labels for every code a notice carries: kinds, sexes, colours, countries."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date, format_skeleton

from notices.domain import PartialDate
from notices.i18n import current_locale, gettext, lazy_gettext, ngettext
from notices.web.languages import language_name

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

EYE_LABELS = {
    "BLA": lazy_gettext("Black"),
    "BLU": lazy_gettext("Blue"),
    "BLUL": lazy_gettext("Light blue"),
    "BRO": lazy_gettext("Brown"),
    "BROD": lazy_gettext("Dark brown"),
    "BROH": lazy_gettext("Hazel"),
    "BROL": lazy_gettext("Light brown"),
    "GRE": lazy_gettext("Green"),
    "GRY": lazy_gettext("Grey"),
    "OTHC": lazy_gettext("Different colours"),
    "OTHD": lazy_gettext("Dark"),
    "OTHL": lazy_gettext("Light"),
}

HAIR_LABELS = {
    "BLA": lazy_gettext("Black"),
    "BRO": lazy_gettext("Brown"),
    "BROF": lazy_gettext("Fair"),
    "GRY": lazy_gettext("Grey"),
    "GRYG": lazy_gettext("Greying"),
    "HAIB": lazy_gettext("Bald"),
    "HAID": lazy_gettext("Dyed"),
    "OTHD": lazy_gettext("Dark"),
    "RED": lazy_gettext("Red"),
    "REDA": lazy_gettext("Auburn"),
    "WHI": lazy_gettext("White"),
    "YELB": lazy_gettext("Blond"),
}

# The English texts equal domain.NON_COUNTRY_AUTHORITIES (a test checks it); they are repeated
# here as literals so that message extraction finds them.
AUTHORITY_LABELS = {
    "914": lazy_gettext("International Criminal Court"),
    "916": lazy_gettext("Special Tribunal for Lebanon"),
    "922": lazy_gettext("International Residual Mechanism for Criminal Tribunals"),
    "UNK": lazy_gettext("Kosovo (UNMIK)"),
}

# CLDR territories that are not countries a person can be a national of or wanted by.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def _locale(locale: Locale | None) -> Locale:
    return locale or current_locale()


def country_name(code: str | None, locale: Locale | None = None) -> str:
    """Country (or wanted-by authority) name in the current locale; unknown codes as given."""
    if not code:
        return ""
    if code in AUTHORITY_LABELS:
        return str(AUTHORITY_LABELS[code])
    return _locale(locale).territories.get(code, code)


def country_choices(locale: Locale | None = None, authorities: bool = False) -> list[tuple]:
    """(code, name) of every country, sorted by name; with the wanted-by authorities if asked."""
    territories = _locale(locale).territories
    choices = [
        (code, name) for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    if authorities:
        choices += [(code, str(label)) for code, label in AUTHORITY_LABELS.items()]
    return sorted(choices, key=lambda item: item[1].casefold())


def code_label(labels: dict, code: str | None) -> str:
    """The translated label of a code, or the code itself if it is not in the list."""
    if not code:
        return ""
    label = labels.get(code)
    return str(label) if label is not None else code


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
    partial = parse_partial(iso)
    if partial is None:
        return iso or ""
    loc = _locale(locale)
    if partial.month is None:
        return format_skeleton("y", partial.earliest(), locale=loc)
    if partial.day is None:
        return format_skeleton("yMMMM", partial.earliest(), locale=loc)
    return format_date(partial.earliest(), "long", locale=loc)


def age_text(iso: str | None, today: date) -> str:
    """Age now: "45 years old", or "45–46 years old" when the date of birth is partial."""
    partial = parse_partial(iso)
    if partial is None or partial.earliest() > today:
        return ""
    low, high = partial.age_range(today)
    low = max(0, low)  # born this year, in a month or on a day still to come
    if low == high:
        return ngettext("%(num)d year old", "%(num)d years old", low)
    return gettext("%(low)d–%(high)d years old", low=low, high=high)
