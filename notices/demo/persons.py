"""Detail documents of demo persons (red, yellow, UN-listed) with the published keys and quirks."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from notices.demo import codes
from notices.demo.charges import make_warrant
from notices.demo.codes import REFERENCE_DATE
from notices.demo.culture import Culture, NameParts, make_family, make_name, pick_city, spell
from notices.demo.ids import Ids
from notices.demo.names import person_culture

SEXES = ("M", "F", "U")
SEX_WEIGHTS = {"red": (88, 11.5, 0.5), "yellow": (45, 53, 2), "un-person": (94, 6, 0)}
# Age brackets (now, at the reference date) and their weights, per kind.
AGE_BRACKETS = {
    "red": (((14, 17), 1), ((18, 30), 30), ((31, 45), 40), ((46, 60), 22), ((61, 85), 7)),
    "yellow": (((1, 13), 25), ((14, 17), 20), ((18, 30), 20), ((31, 60), 20), ((61, 90), 15)),
    "un-person": (((25, 45), 35), ((46, 65), 45), ((66, 85), 20)),
}


@dataclass(frozen=True)
class Person:
    """The facts a person document is built from."""

    culture: Culture
    sex: str
    parts: NameParts
    family: tuple
    born: date

    @property
    def age(self) -> int:
        before_birthday = (REFERENCE_DATE.month, REFERENCE_DATE.day) < (
            self.born.month,
            self.born.day,
        )
        return REFERENCE_DATE.year - self.born.year - before_birthday


def new_person(kind: str, culture: Culture, rng: random.Random) -> Person:
    """A random fictitious person of this culture, as notices of this kind show them."""
    sex = rng.choices(SEXES, weights=SEX_WEIGHTS[kind])[0]
    family = make_family(culture, rng)
    # Sex "U" (unknown) still needs a name: spell it as either.
    parts = make_name(culture, sex if sex != "U" else rng.choice("MF"), rng, family)
    brackets, weights = zip(*AGE_BRACKETS[kind], strict=True)
    age = rng.randint(*rng.choices(brackets, weights=weights)[0])
    # Any day in the year before the birthday keeps the age exact at the reference date.
    born = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age) - timedelta(rng.randint(0, 364))
    return Person(culture, sex, parts, family, born)


def red_document(rng: random.Random, ids: Ids) -> dict:
    """A wanted person: identity, description, arrest warrants."""
    person = new_person("red", person_culture(rng), rng)
    doc = _identity(person, ids.entity_id(person.born.year + 15), rng)
    doc.update(_description(person, rng))
    issuers = _issuers(person, rng)
    doc["arrest_warrants"] = [make_warrant(i, pick_city(person.culture, rng), rng) for i in issuers]
    return doc


def yellow_document(rng: random.Random, ids: Ids) -> dict:
    """A missing person: identity, description, the disappearance and the parents."""
    person = new_person("yellow", person_culture(rng), rng)
    entity_id = ids.entity_id(person.born.year)
    doc = _identity(person, entity_id, rng)
    doc.update(_description(person, rng))
    year = int(entity_id[:4])
    start = max(person.born, date(year - 1, 1, 1))
    end = max(start, min(REFERENCE_DATE, date(year, 12, 31)))
    nationality = (doc["nationalities"] or [person.culture.countries[0]])[0]
    doc["date_of_event"] = _date_text(_between(start, end, rng), rng, (90, 7, 3))
    doc["place"] = pick_city(person.culture, rng) if rng.random() < 0.9 else None
    doc["country"] = nationality if rng.random() < 0.85 else rng.choice(codes.WORLD)
    doc["birth_name"] = _birth_name(person, rng)
    doc.update(_parents(person, rng))
    doc["countries_likely_to_be_visited"] = _codes(
        rng.sample(codes.WORLD, rng.randint(1, 3)) if rng.random() < 0.4 else []
    )
    return doc


def _identity(person: Person, entity_id: str, rng: random.Random) -> dict:
    name = spell(person.parts, rng)
    forename = name.forename
    roll = rng.random()
    if roll < 0.03:
        forename = None
    elif roll < 0.06:
        forename = "-"
    family = name.name
    # A missing family name, but only beside a one-word forename: never a bare full name.
    if forename and " " not in forename and rng.random() < 0.005:
        family = None
    return {
        "entity_id": entity_id,
        "name": family,
        "forename": forename,
        "date_of_birth": _birth_text(person, rng),
        "sex_id": person.sex,
        "nationalities": _nationalities(person.culture, rng),
        "country_of_birth_id": _birth_country(person.culture, rng),
        "place_of_birth": pick_city(person.culture, rng) if rng.random() < 0.8 else None,
    }


def _description(person: Person, rng: random.Random) -> dict:
    culture = person.culture
    languages = rng.sample(culture.languages, rng.randint(1, min(3, len(culture.languages))))
    return {
        "height": _unknown_or(rng, _height(person, rng)),
        "weight": _unknown_or(rng, _weight(person, rng)),
        "eyes_colors_id": _codes([rng.choice(codes.EYES)] if rng.random() < 0.8 else []),
        "hairs_id": _codes(
            rng.sample(codes.HAIRS, rng.choice((1, 1, 1, 2))) if rng.random() < 0.8 else []
        ),
        "languages_spoken_ids": _codes(languages if rng.random() < 0.85 else []),
        "distinguishing_marks": rng.choice(codes.MARKS) if rng.random() < 0.25 else None,
    }


def _height(person: Person, rng: random.Random) -> float:
    mean = 1.76 if person.sex == "M" else 1.63
    if person.age < 16:
        mean *= 0.45 + 0.034 * person.age  # children: roughly by age
    return round(rng.gauss(mean, 0.07), 2)


def _weight(person: Person, rng: random.Random) -> int | float:
    mean = 79 if person.sex == "M" else 63
    if person.age < 16:
        mean = 8 + 3.4 * person.age
    weight = max(8.0, rng.gauss(mean, 11))
    return round(weight, 1) if rng.random() < 0.1 else round(weight)


def _unknown_or(rng: random.Random, value: int | float) -> int | float | None:
    """Published data says "unknown" with 0 as often as with null."""
    roll = rng.random()
    return 0 if roll < 0.08 else None if roll < 0.15 else value


def _birth_text(person: Person, rng: random.Random) -> str | None:
    if rng.random() < 0.01:
        return None
    return _date_text(person.born, rng, (88, 4, 8))


def _date_text(day: date, rng: random.Random, weights: tuple[int, int, int]) -> str:
    """A date as published: "YYYY/MM/DD", "YYYY/MM" or "YYYY"."""
    parts = rng.choices((3, 2, 1), weights=weights)[0]
    return "/".join((f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}")[:parts])


def _between(start: date, end: date, rng: random.Random) -> date:
    return start + timedelta(rng.randint(0, max(0, (end - start).days)))


def _codes(values: list[str]) -> list[str] | None:
    """Published code lists are null rather than empty."""
    return list(values) or None


def _nationalities(culture: Culture, rng: random.Random) -> list[str] | None:
    count = rng.choices((0, 1, 2, 3), weights=(5, 80, 13, 2))[0]
    found: list[str] = []
    countries = culture.countries
    weights = tuple(range(len(countries) * 3, 0, -3))  # the first country is the likeliest
    while len(found) < count:
        pool, pool_weights = (countries, weights) if not found else (codes.WORLD, None)
        code = rng.choices(pool, weights=pool_weights)[0]
        if code not in found:
            found.append(code)
    return _codes(found)


def _birth_country(culture: Culture, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    return culture.countries[0] if roll < 0.9 else rng.choice(culture.countries + codes.WORLD)


def _issuers(person: Person, rng: random.Random) -> list[str]:
    """Countries (or international courts) that issued the warrants, usually one."""
    count = rng.choices((1, 2, 3), weights=(85, 12, 3))[0]
    issuers: list[str] = []
    while len(issuers) < count:
        roll = rng.random()
        if roll < 0.02:
            issuer = rng.choice(codes.NON_COUNTRIES)
        elif roll < 0.6:
            issuer = person.culture.countries[0]
        else:
            issuer = rng.choice(codes.FREQUENT_ISSUERS)
        if issuer not in issuers:
            issuers.append(issuer)
    return issuers


def _birth_name(person: Person, rng: random.Random) -> str | None:
    if person.sex != "F" or person.age < 20 or rng.random() > 0.25:
        return None
    maiden = make_name(person.culture, "F", rng)
    return spell(maiden, rng).name


def _parents(person: Person, rng: random.Random) -> dict:
    parents: dict[str, str | None] = dict.fromkeys(
        ("father_name", "father_forename", "mother_name", "mother_forename")
    )
    if rng.random() < 0.65:
        father = spell(make_name(person.culture, "M", rng, person.family), rng)
        parents.update(father_name=father.name, father_forename=father.forename)
    if rng.random() < 0.65:
        mother = spell(make_name(person.culture, "F", rng), rng)
        parents.update(mother_name=mother.name, mother_forename=mother.forename)
    return parents
