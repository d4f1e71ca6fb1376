"""Code lists and small vocabularies of the demo data: countries, authorities, marks, UN regimes."""

from __future__ import annotations

from datetime import date

from notices.domain import EYE_COLOURS, HAIR_COLOURS, NON_COUNTRY_AUTHORITIES

# Dates are generated relative to this day, never to today, so a seed gives the same tree.
REFERENCE_DATE = date(2026, 6, 30)
FIRST_NOTICE_YEAR = 1995

EYES = EYE_COLOURS
HAIRS = HAIR_COLOURS
NON_COUNTRIES = tuple(NON_COUNTRY_AUTHORITIES)

# Countries that often ask for notices whatever the person's nationality.
FREQUENT_ISSUERS = (
    "AR",
    "SV",
    "RU",
    "GT",
    "IN",
    "US",
    "HN",
    "TR",
    "CO",
    "UA",
    "FR",
    "DE",
    "ES",
    "BR",
    "MX",
    "PK",
    "EG",
    "TN",
    "ZA",
    "PE",
    "CZ",
    "PL",
    "RS",
    "GB",
    "IT",
    "NL",
    "BE",
    "AE",
    "KZ",
)

# Other countries a person may hold a second nationality of or be looked for in.
WORLD = (
    "US",
    "GB",
    "FR",
    "DE",
    "CA",
    "AU",
    "NL",
    "BE",
    "SE",
    "IT",
    "ES",
    "AE",
    "ZA",
    "NG",
    "KE",
    "IN",
    "PK",
    "TH",
    "PH",
    "ID",
    "BR",
    "AR",
    "TR",
    "RU",
    "CN",
    "MA",
    "CH",
    "AT",
    "IE",
    "PT",
)

# Language of charge texts by issuing country; other countries write charges in English.
CHARGE_LANGUAGE = {
    **dict.fromkeys(("FR", "BE", "LU", "MC", "CH", "SN", "CI", "ML", "CM", "HT"), "fr"),
    **dict.fromkeys(
        (
            "ES",
            "MX",
            "CO",
            "AR",
            "PE",
            "VE",
            "EC",
            "GT",
            "HN",
            "SV",
            "CL",
            "BO",
            "PY",
            "UY",
            "CR",
            "PA",
            "DO",
            "NI",
            "CU",
        ),
        "es",
    ),
    **dict.fromkeys(("RU", "BY", "KZ", "KG", "TJ", "UZ", "AM", "AZ", "MD"), "ru"),
    **dict.fromkeys(
        (
            "IQ",
            "SY",
            "EG",
            "SA",
            "JO",
            "LB",
            "MA",
            "DZ",
            "TN",
            "LY",
            "YE",
            "SD",
            "AE",
            "KW",
            "QA",
            "PS",
            "OM",
            "BH",
        ),
        "ar",
    ),
    **dict.fromkeys(("DE", "AT", "LI"), "de"),
    **dict.fromkeys(("BR", "PT", "AO", "MZ", "CV"), "pt"),
}

MARKS = (
    "Scar on left cheek",
    "Scar on right eyebrow",
    "Tattoo on right forearm (rose)",
    "Tattoo on left hand (letters)",
    "Tattoo on neck (star)",
    "Mole on chin",
    "Birthmark on left shoulder",
    "Missing upper front tooth",
    "Walks with a limp",
    "Burn scar on right hand",
    "Pierced left ear",
    "Wears glasses",
    "Tattoos on both arms\r\nScar on abdomen",
    "Gold tooth (upper left)",
)

# UN Security Council sanctions regimes: reference prefix, resolution, year of the resolution.
UN_REGIMES = (
    ("QD", "1267", 1999),
    ("IQ", "1518", 2003),
    ("KP", "1718", 2006),
    ("CD", "1533", 2004),
    ("LY", "1970", 2011),
    ("SO", "751", 1992),
    ("SD", "1591", 2005),
    ("CF", "2127", 2013),
    ("YE", "2140", 2014),
    ("TA", "1988", 2011),
    ("ML", "2374", 2017),
    ("SS", "2206", 2015),
    ("HT", "2653", 2022),
    ("GB", "2048", 2012),
)
# Regimes that usually list people with Arabic-script names.
UN_ARABIC_REGIMES = ("QD", "IQ", "LY", "YE", "SD", "SO")

ID_DOCUMENT_TYPES = (
    "PASSPORT",
    "NATIONAL IDENTIFICATION NUMBER",
    "IDENTITY CARD",
    "DRIVING LICENCE",
)

# Parts of fictitious organisation names for UN entities.
ORG_WORDS = (
    "SILVER PALM",
    "NORTHERN HORIZON",
    "GOLDEN DELTA",
    "BLUE CRESCENT",
    "EASTERN GATE",
    "GREEN VALLEY",
    "SEVEN RIVERS",
    "WHITE DUNE",
    "RED CEDAR",
    "ATLAS BRIDGE",
    "OPAL COAST",
    "TWIN HARBOUR",
    "IRON MESA",
    "SUNRISE",
    "LANTERN",
)
ORG_TRADES = (
    "TRADING",
    "SHIPPING",
    "GENERAL IMPORT-EXPORT",
    "LOGISTICS",
    "CONSTRUCTION",
    "EXCHANGE",
    "RELIEF",
    "MINING",
    "PETROLEUM SERVICES",
    "TRAVEL",
    "FISHERIES",
    "AVIATION",
)
ORG_FORMS = (
    ("COMPANY", "Limited liability company"),
    ("FOUNDATION", "Charitable foundation"),
    ("ESTABLISHMENT", "Sole proprietorship"),
    ("GROUP", "Holding company"),
    ("NETWORK", "Unincorporated association"),
    ("CORPORATION", "Joint-stock company"),
)
ORG_ACTIVITIES = {
    "TRADING": "Wholesale trade in consumer goods",
    "SHIPPING": "Maritime transport and ship management",
    "GENERAL IMPORT-EXPORT": "Import and export of general merchandise",
    "LOGISTICS": "Freight forwarding and warehousing",
    "CONSTRUCTION": "Civil engineering works",
    "EXCHANGE": "Money exchange and transfer services",
    "RELIEF": "Collection of donations for relief work",
    "MINING": "Extraction and sale of minerals",
    "PETROLEUM SERVICES": "Supply of fuel and oilfield services",
    "TRAVEL": "Travel agency and pilgrimage services",
    "FISHERIES": "Fishing and fish processing",
    "AVIATION": "Charter flights and aircraft leasing",
}
