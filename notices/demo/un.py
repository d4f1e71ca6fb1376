"""Detail documents of demo UN Security Council special notices, for persons and for entities."""

from __future__ import annotations

import random
from datetime import date, timedelta

from notices.demo import codes
from notices.demo.codes import REFERENCE_DATE
from notices.demo.culture import Culture, make_name, pick_city, spell
from notices.demo.ids import Ids
from notices.demo.names import CULTURES, un_culture
from notices.demo.persons import Person, new_person

FIRST_UN_YEAR = 2005  # UN special notices started then; listings are older
SUMMARIES = (
    "Listed on {listed} pursuant to resolution {resolution}. Fictitious person created for "
    "demonstration purposes; any resemblance to a real person is coincidental.",
    "Listed on {listed} pursuant to resolution {resolution}. Reportedly provided financial and "
    "logistical support to a listed group. Demonstration record, entirely fictitious.",
    "Listed on {listed}. Believed to be in {city}. Demonstration record: the person and every "
    "detail of this listing are invented.",
)
ENTITY_SUMMARY = (
    "Listed on {listed} pursuant to resolution {resolution} for providing services to listed "
    "persons. Fictitious organisation created for demonstration purposes."
)


def un_person_document(rng: random.Random, ids: Ids, index: int) -> dict:
    """A UN-listed person; names in original script as well as in Latin transliteration."""
    culture = un_culture(rng, index)
    person = new_person("un-person", culture, rng)
    name = spell(person.parts, rng)
    prefix, resolution, since = _regime(culture.script, rng)
    entity_id = ids.entity_id(max(FIRST_UN_YEAR, since))
    listed = _listing_date(since, entity_id, rng)
    return {
        "entity_id": entity_id,
        "name": name.name,
        "forename": name.forename if rng.random() > 0.04 else None,
        "name_in_original_script": name.name_original,
        "forename_in_original_script": name.forename_original,
        "date_of_birth": _un_birth_text(person, rng),
        "sex_id": person.sex,
        "nationalities": _codes(_un_nationalities(person, rng)),
        "country_of_birth_id": culture.countries[0] if rng.random() < 0.6 else None,
        "place_of_birth": pick_city(culture, rng) if rng.random() < 0.6 else None,
        "height": None if rng.random() < 0.7 else 0,
        "weight": None if rng.random() < 0.7 else 0,
        "eyes_colors_id": None,
        "hairs_id": None,
        "languages_spoken_ids": _codes(list(culture.languages[:1]) if rng.random() < 0.3 else []),
        "distinguishing_marks": None,
        "un_reference": ids.un_reference(prefix, entity=False),
        "un_reference_date": f"{listed:%Y/%m/%d}",
        "un_resolution": resolution,
        "summary": rng.choice(SUMMARIES).format(
            listed=_long_date(listed), resolution=resolution, city=pick_city(culture, rng).title()
        ),
        "aliases": _codes(_aliases(person, name.name, name.forename, rng)),
        "identity_documents": _codes(_documents(person, rng)),
        "associates": _codes(_associates(rng)),
        "adresses": _codes(_addresses(culture.countries, culture, rng)),
    }


def un_entity_document(rng: random.Random, ids: Ids) -> dict:
    """A UN-listed organisation with its other and former names."""
    word, trade = rng.choice(codes.ORG_WORDS), rng.choice(codes.ORG_TRADES)
    form, legal_form = rng.choice(codes.ORG_FORMS)
    name = f"{word} {trade} {form}"
    prefix, resolution, since = _regime("arabic" if rng.random() < 0.6 else "latin", rng)
    entity_id = ids.entity_id(max(FIRST_UN_YEAR, since))
    listed = _listing_date(since, entity_id, rng)
    arabic = prefix in codes.UN_ARABIC_REGIMES
    culture = CULTURES["ar" if arabic else rng.choice(("en", "fr", "ru", "zh", "es"))]
    return {
        "entity_id": entity_id,
        "name": name,
        "also_known_as": _joined(_other_names(word, trade, form, rng)),
        "formerly_known_as": _joined(
            [f"{rng.choice(codes.ORG_WORDS)} {trade} {form}"] if rng.random() < 0.3 else []
        ),
        "main_activity": codes.ORG_ACTIVITIES[trade] if rng.random() < 0.85 else None,
        "legal_form": legal_form if rng.random() < 0.8 else None,
        "un_reference": ids.un_reference(prefix, entity=True),
        "un_reference_date": f"{listed:%Y/%m/%d}",
        "un_resolution": resolution,
        "summary": ENTITY_SUMMARY.format(listed=_long_date(listed), resolution=resolution),
        "adresses": _codes(_addresses(culture.countries, culture, rng)),
    }


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _long_date(day: date) -> str:
    """Like "4 May 2011"; not strftime("%B"), whose month names follow the process locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _regime(script: str, rng: random.Random) -> tuple[str, str, int]:
    """(reference prefix, resolution, year of the resolution) of a sanctions regime."""
    regimes = {prefix: (prefix, resolution, year) for prefix, resolution, year in codes.UN_REGIMES}
    return regimes[rng.choice(codes.UN_ARABIC_REGIMES if script == "arabic" else tuple(regimes))]


def _listing_date(since: int, entity_id: str, rng: random.Random) -> date:
    """Listed on a day after the regime's resolution, by the end of the notice's year."""
    start = date(max(2001, since), 1, 1)
    end = max(start, min(date(int(entity_id[:4]), 12, 31), REFERENCE_DATE))
    return start + timedelta(rng.randint(0, (end - start).days))


def _un_birth_text(person: Person, rng: random.Random) -> str | None:
    """UN lists mark unknown date parts with zeros ("1975/00/00", "0000/00/00")."""
    day = person.born
    forms = (
        None,
        "0000/00/00",
        f"{day:%Y}/00/00",
        f"{day:%Y/%m}/00",
        f"{day:%Y}",
        f"{day:%Y/%m/%d}",
    )
    return rng.choices(forms, weights=(7, 6, 30, 5, 4, 48))[0]


def _un_nationalities(person: Person, rng: random.Random) -> list[str]:
    count = rng.choices((0, 1, 2), weights=(15, 70, 15))[0]
    return rng.sample(person.culture.countries, min(count, len(person.culture.countries)))


def _aliases(person: Person, name: str, forename: str | None, rng: random.Random) -> list[dict]:
    """Other spellings of the same name, and now and then a different name altogether."""
    aliases: list[dict] = []
    seen = {(name, forename)}
    for _ in range(rng.choices((0, 1, 2, 3), weights=(30, 35, 25, 10))[0]):
        other_sex = "F" if person.sex == "F" else "M"
        parts = person.parts if rng.random() < 0.75 else make_name(person.culture, other_sex, rng)
        alias = spell(parts, rng)
        if (alias.name, alias.forename) not in seen:
            seen.add((alias.name, alias.forename))
            aliases.append({"name": alias.name, "forename": alias.forename})
    return aliases


def _documents(person: Person, rng: random.Random) -> list[dict]:
    documents = []
    for _ in range(rng.choices((0, 1, 2), weights=(40, 45, 15))[0]):
        issued = REFERENCE_DATE - timedelta(rng.randint(400, 8000))
        documents.append(
            {
                "type": rng.choice(codes.ID_DOCUMENT_TYPES),
                "number": f"{rng.choice('ABCEHKNPRT')}{rng.randint(0, 9_999_999):07d}",
                "country_id": rng.choice(person.culture.countries),
                "date_of_issue": f"{issued:%Y/%m/%d}" if rng.random() < 0.5 else None,
                "note": None,
            }
        )
    return documents


def _associates(rng: random.Random) -> list[dict]:
    if rng.random() > 0.2:
        return []
    word, trade = rng.choice(codes.ORG_WORDS), rng.choice(codes.ORG_TRADES)
    form = rng.choice(codes.ORG_FORMS)[0]
    return [{"name": f"{word} {trade} {form}", "forename": None}]


def _addresses(countries: tuple[str, ...], culture: Culture, rng: random.Random) -> list[dict]:
    return [
        {
            "address": None if rng.random() < 0.7 else f"{rng.randint(1, 200)} MARKET STREET",
            "city": pick_city(culture, rng) if rng.random() < 0.8 else None,
            "country_id": rng.choice(countries),
        }
        for _ in range(rng.choices((0, 1, 2), weights=(40, 45, 15))[0])
    ]


def _other_names(word: str, trade: str, form: str, rng: random.Random) -> list[str]:
    initials = "".join(part[0] for part in f"{word} {trade}".split())
    candidates = [
        f"{word} {trade} CO.",
        f"{initials} {form}",
        initials,
        f"{word} {trade}",
        f"SHARIKAT {word}",
        f"{word} INTERNATIONAL",
    ]
    return rng.sample(candidates, rng.randint(0, 3))


def _joined(names: list[str]) -> str | None:
    """UN lists join other names with ";" in one string."""
    return "; ".join(names) or None


def _codes(values: list) -> list | None:
    return list(values) or None
