"""Naming cultures of the demo data and how a fictitious person's name is assembled from them.

Pool entries are strings "native|LATIN1|LATIN2...": the native spelling, then Latin spellings in
use for it (transliteration variants). Latin-script entries have no "|": their Latin form is the
upper-cased native spelling. Names are always combined at random from separate pools (given
names, family-name stems and endings), so a generated full name is not taken from anyone.

A name is chosen as parts first (which entries) and spelled afterwards (which variant of each),
so the same person can be spelled again differently, as aliases are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SCRIPTS = ("latin", "cyrillic", "arabic", "chinese", "greek")

# A name segment: (joiner before it, pool entry). The joiner "~" joins the native forms
# directly and the Latin forms with "", " " or "-" (Chinese given names).
Segment = tuple[str, str]


@dataclass(frozen=True)
class Culture:
    """One naming tradition: pools of name parts, with the countries and languages it goes with."""

    key: str
    script: str
    countries: tuple[str, ...]  # nationality codes, most likely first
    languages: tuple[str, ...]  # bibliographic 3-letter codes
    cities: tuple[str, ...]  # Latin upper-case; "A|B" are two spellings of one city
    male: tuple[str, ...]
    female: tuple[str, ...]
    roots: tuple[str, ...] = ()  # family-name stems, combined with endings
    endings_m: tuple[str, ...] = ()
    endings_f: tuple[str, ...] = ()  # same positions as endings_m; empty: as for men
    surnames: tuple[str, ...] = ()  # whole family names (used when there are no roots)
    second_surname: float = 0.0  # share of people with two family names (Iberian usage)
    middles_m: tuple[str, ...] = ()  # Vietnamese-style middle names, part of the forename
    middles_f: tuple[str, ...] = ()
    article: tuple[str, ...] = ()  # Arabic definite article
    # Chinese: given names of two syllables, the first from male/female, the second from these.
    second_m: tuple[str, ...] = ()
    second_f: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameParts:
    """Which pool entries make up a name; spell() turns them into text."""

    family: tuple[Segment, ...]
    given: tuple[Segment, ...]
    script: str
    turkish: bool = False


@dataclass(frozen=True)
class PersonName:
    """A spelled name: Latin upper-case forms as published, native script when not Latin."""

    name: str
    forename: str
    name_original: str | None = None
    forename_original: str | None = None


def pools(text: str) -> tuple[str, ...]:
    """Split a whitespace-separated pool; "_" stands for a space inside one entry."""
    return tuple(item.replace("_", " ") for item in text.split())


def pick_city(culture: Culture, rng: random.Random) -> str:
    """A city of the culture, in one of its Latin spellings."""
    return rng.choice(rng.choice(culture.cities).split("|"))


def make_family(culture: Culture, rng: random.Random) -> tuple[tuple[Segment, ...], ...]:
    """A family name as (male form, female form); the forms differ in Slavic and Greek names."""
    if culture.roots:
        root = ("", rng.choice(culture.roots))
        index = rng.randrange(len(culture.endings_m))
        female_endings = culture.endings_f or culture.endings_m
        male, female = [root, ("", culture.endings_m[index])], [root, ("", female_endings[index])]
    else:
        male = [("", rng.choice(culture.surnames))]
        female = list(male)
    if culture.second_surname and rng.random() < culture.second_surname:
        other = rng.choice(culture.surnames)
        if other != male[0][1]:
            male.append((" ", other))
            female.append((" ", other))
    if culture.article and rng.random() < 0.6:
        article = ("", rng.choice(culture.article))
        male.insert(0, article)
        female.insert(0, article)
    return tuple(male), tuple(female)


def make_name(
    culture: Culture,
    sex: str,
    rng: random.Random,
    family: tuple[tuple[Segment, ...], ...] | None = None,
) -> NameParts:
    """Random fictitious name parts of this culture for a person of this sex."""
    female = sex == "F"
    male_form, female_form = family or make_family(culture, rng)
    return NameParts(
        family=female_form if female else male_form,
        given=_given(culture, female, rng),
        script=culture.script,
        turkish=culture.key == "tr",
    )


def _given(culture: Culture, female: bool, rng: random.Random) -> tuple[Segment, ...]:
    pool = culture.female if female else culture.male
    seconds = culture.second_f if female else culture.second_m
    if seconds:
        return ("", rng.choice(pool)), ("~", rng.choice(seconds))
    middles = culture.middles_f if female else culture.middles_m
    if middles:
        return ("", rng.choice(middles)), (" ", rng.choice(pool))
    own = ("", rng.choice(pool))
    if culture.script == "arabic" and rng.random() < 0.35:
        # A father's name after one's own, as often recorded for Arabic names.
        return own, (" ", rng.choice(culture.male))
    if culture.script == "latin" and rng.random() < 0.08:
        second = rng.choice(pool)
        if second != own[1]:
            return own, (" ", second)
    return (own,)


def spell(parts: NameParts, rng: random.Random) -> PersonName:
    """Spell name parts, choosing one Latin variant per entry."""
    name_native, name_latin = _spell(parts.family, parts, rng)
    given_native, given_latin = _spell(parts.given, parts, rng)
    if parts.script == "latin":
        return PersonName(name_latin, given_latin)
    return PersonName(name_latin, given_latin, name_native, given_native)


def _spell(segments: tuple[Segment, ...], parts: NameParts, rng: random.Random) -> tuple[str, str]:
    native_text, latin_text = "", ""
    for joiner, entry in segments:
        native, *variants = entry.split("|")
        latin = rng.choice(variants) if variants else upper(native, parts.turkish)
        if joiner == "~":
            native_text += native
            latin_text += rng.choices(("", " ", "-"), weights=(80, 12, 8))[0] + latin
        else:
            native_text += joiner + native
            latin_text += joiner + latin
    return native_text, latin_text


def upper(text: str, turkish: bool = False) -> str:
    """Upper-case as the published data does, with the Turkish dotted/dotless i kept apart."""
    if turkish:
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()
