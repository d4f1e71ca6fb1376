"""Request arguments -> a validated search_index.SearchQuery (bad values -> BadParameter, 400).

The search page and the native API share these parameter names:
q, forename, name, kind, nationality, wanted_by, sex, age_min, age_max, has_picture, keywords,
un_reference, un_resolution, sort, page, per_page. Repeatable parameters (kind, nationality,
wanted_by) also accept comma-separated values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel import Locale
from werkzeug.datastructures import MultiDict

from notices.domain import KINDS, NON_COUNTRY_AUTHORITIES, SEXES
from notices.web.common.errors import BadParameter
from notices.web.i18n import _
from search_index import SearchQuery

MAX_TEXT = 200
MAX_AGE = 150
# Page sizes in one place. The search page shows a fixed 20; the native API lets programs ask
# for up to 100; the compatible API keeps the publisher's limit of 160 per page (but not its
# cap of 160 results in all: every page up to the last is served).
MAX_PAGE = 1_000_000
RESULTS_PER_PAGE = 20
MAX_PER_PAGE = 100
COMPAT_MAX_PER_PAGE = 160
# Feeds carry the 50 latest notices of a search; exports at most 1,000 (and say when cut).
FEED_ENTRIES = 50
EXPORT_LIMIT = 1_000
SORTS = ("relevance", "name", "newest")
# Every parameter the search page and the native API read (search_query below): links and
# redirects carry these and nothing else.
SEARCH_PARAMS = frozenset(
    {
        "q",
        "forename",
        "name",
        "kind",
        "nationality",
        "wanted_by",
        "sex",
        "age_min",
        "age_max",
        "has_picture",
        "keywords",
        "un_reference",
        "un_resolution",
        "sort",
        "page",
        "per_page",
    }
)
# "un" is the tab of both UN kinds.
KIND_ALIASES = {kind: (kind,) for kind in KINDS} | {"un": ("un-person", "un-entity")}

# Two-letter codes CLDR knows as territories (XK Kosovo included), without its groupings.
KNOWN_COUNTRIES = frozenset(
    code
    for code in Locale.parse("en").territories
    if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "QO", "UN", "ZZ"}
)
_ALPHA2 = re.compile(r"^[A-Z]{2}$")
NATIONALITY_EXTRA = frozenset({"UNK"})
WANTED_BY_EXTRA = frozenset(NON_COUNTRY_AUTHORITIES)
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def text_arg(args: MultiDict[str, str], name: str) -> str:
    """A free-text value, trimmed; at most MAX_TEXT characters."""
    value = (args.get(name) or "").strip()
    if len(value) > MAX_TEXT:
        raise BadParameter(
            name, _("%(name)s is longer than %(max)d characters", name=name, max=MAX_TEXT)
        )
    return value


def int_arg(
    args: MultiDict[str, str], name: str, low: int, high: int, default: int | None = None
) -> int | None:
    """A whole number in [low, high], or `default` when absent or empty."""
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        raise BadParameter(name, _("%(name)s must be a whole number", name=name))
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(
            name, _("%(name)s must be between %(low)d and %(high)d", name=name, low=low, high=high)
        )
    return value


def list_arg(args: MultiDict[str, str], name: str) -> list[str]:
    """Every value of a repeatable parameter, commas splitting too, blanks dropped."""
    values = []
    for raw in args.getlist(name):
        values.extend(part.strip() for part in raw.split(","))
    return [value for value in values if value]


def country_codes(args: MultiDict[str, str], name: str, extra: frozenset[str]) -> tuple[str, ...]:
    """Two-letter country codes (any case) or the listed non-country codes."""
    codes = []
    for value in list_arg(args, name):
        code = value.upper()
        if not (code in KNOWN_COUNTRIES or code in extra):
            raise BadParameter(
                name, _("%(name)s: %(value)s is not a country code", name=name, value=value[:20])
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def kinds_arg(args: MultiDict[str, str], name: str = "kind") -> tuple[str, ...]:
    """Notice kinds: red, yellow, un-person, un-entity, or un for both UN kinds."""
    kinds: list[str] = []
    for value in list_arg(args, name):
        if value.lower() not in KIND_ALIASES:
            allowed = ", ".join(KIND_ALIASES)
            raise BadParameter(name, _("kind must be one of %(allowed)s", allowed=allowed))
        kinds.extend(k for k in KIND_ALIASES[value.lower()] if k not in kinds)
    return tuple(kinds)


def choice_arg(
    args: MultiDict[str, str], name: str, choices: Iterable[str], default: str | None = None
) -> str | None:
    """One of `choices` (case-insensitive for letters), or `default` when absent."""
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    for choice in choices:
        if raw.lower() == choice.lower():
            return choice
    raise BadParameter(
        name, _("%(name)s must be one of %(allowed)s", name=name, allowed=", ".join(choices))
    )


def bool_arg(args: MultiDict[str, str], name: str) -> bool | None:
    """yes/no flags: 1/true/yes/on or 0/false/no/off; absent or empty means "either"."""
    raw = (args.get(name) or "").strip().lower()
    if not raw:
        return None
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise BadParameter(name, _("%(name)s must be true or false", name=name))


def age_range(
    args: MultiDict[str, str], low_name: str, high_name: str
) -> tuple[int | None, int | None]:
    """Minimum and maximum age, each optional, in order."""
    age_min = int_arg(args, low_name, 0, MAX_AGE)
    age_max = int_arg(args, high_name, 0, MAX_AGE)
    if age_min is not None and age_max is not None and age_min > age_max:
        raise BadParameter(low_name, _("the minimum age is above the maximum age"))
    return age_min, age_max


def search_query(args: MultiDict[str, str], per_page: int | None = None) -> SearchQuery:
    """The SearchQuery of the search page (fixed `per_page`) or the native API (per_page arg)."""
    age_min, age_max = age_range(args, "age_min", "age_max")
    if per_page is None:
        per_page = int_arg(args, "per_page", 1, MAX_PER_PAGE, default=RESULTS_PER_PAGE)
    return SearchQuery(
        text=text_arg(args, "q"),
        forename=text_arg(args, "forename"),
        family_name=text_arg(args, "name"),
        kinds=kinds_arg(args),
        nationalities=country_codes(args, "nationality", NATIONALITY_EXTRA),
        wanted_by=country_codes(args, "wanted_by", WANTED_BY_EXTRA),
        sex=choice_arg(args, "sex", SEXES),
        age_min=age_min,
        age_max=age_max,
        has_picture=bool_arg(args, "has_picture"),
        keywords=text_arg(args, "keywords"),
        un_reference=text_arg(args, "un_reference"),
        un_resolution=text_arg(args, "un_resolution"),
        sort=choice_arg(args, "sort", SORTS, default="relevance"),
        page=int_arg(args, "page", 1, MAX_PAGE, default=1),
        per_page=per_page,
    )
