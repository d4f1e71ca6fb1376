"""Language codes as published (ISO 639-2 bibliographic, e.g. FRE) -> names from CLDR via Babel."""

from __future__ import annotations

from babel import Locale
from babel.core import get_global

# ISO 639-2 has two 3-letter codes for twenty languages: a bibliographic one (B, used by the
# published notices: FRE, GER, CHI) and a terminology one (T: fra, deu, zho). This is that
# closed list, fixed by the standard. CLDR then maps T codes to the 2-letter codes its
# language names are keyed by.
BIBLIOGRAPHIC_TO_TERMINOLOGY = {
    "ALB": "sqi",
    "ARM": "hye",
    "BAQ": "eus",
    "BUR": "mya",
    "CHI": "zho",
    "CZE": "ces",
    "DUT": "nld",
    "FRE": "fra",
    "GEO": "kat",
    "GER": "deu",
    "GRE": "ell",
    "ICE": "isl",
    "MAC": "mkd",
    "MAO": "mri",
    "MAY": "msa",
    "PER": "fas",
    "RUM": "ron",
    "SLO": "slk",
    "TIB": "bod",
    "WEL": "cym",
}


def cldr_language_code(code: str) -> str:
    """The code CLDR names a language by: FRE -> fr, eng -> en, fil -> fil, xyz -> xyz."""
    upper = code.strip().upper()
    terminology = BIBLIOGRAPHIC_TO_TERMINOLOGY.get(upper, upper.lower())
    return get_global("language_aliases").get(terminology, terminology)


def language_name(code: str, locale: Locale) -> str:
    """The language's name in `locale`, or the code itself when CLDR does not know it."""
    return locale.languages.get(cldr_language_code(code)) or code.upper()
