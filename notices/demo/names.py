"""Which naming culture a demo person comes from, by notice kind."""

from __future__ import annotations

import random

from notices.demo.culture import SCRIPTS, Culture
from notices.demo.pools_latin import LATIN_CULTURES
from notices.demo.pools_world import WORLD_CULTURES

CULTURES = {culture.key: culture for culture in LATIN_CULTURES + WORLD_CULTURES}

# Share of red and yellow notice persons per culture (relative weights).
PERSON_WEIGHTS = {
    "pl": 5,
    "cs": 3,
    "tr": 6,
    "vi": 3,
    "es": 14,
    "pt": 7,
    "de": 5,
    "nordic": 2,
    "sh": 5,
    "fr": 6,
    "en": 8,
    "ru": 9,
    "uk": 5,
    "bg": 2,
    "ar": 12,
    "zh": 5,
    "el": 3,
}
# Share of UN-listed persons per script.
UN_SCRIPT_WEIGHTS = {"arabic": 45, "latin": 25, "cyrillic": 12, "chinese": 10, "greek": 8}

BY_SCRIPT = {
    script: tuple(c for c in CULTURES.values() if c.script == script) for script in SCRIPTS
}
_PERSON_KEYS = tuple(PERSON_WEIGHTS)
_PERSON_WEIGHTS = tuple(PERSON_WEIGHTS.values())


def person_culture(rng: random.Random) -> Culture:
    """Culture of a red or yellow notice person."""
    return CULTURES[rng.choices(_PERSON_KEYS, weights=_PERSON_WEIGHTS)[0]]


def un_culture(rng: random.Random, index: int) -> Culture:
    """Culture of the index-th UN-listed person; the first ones cycle through every script."""
    if index < len(SCRIPTS):
        script = SCRIPTS[index]
    else:
        script = rng.choices(tuple(UN_SCRIPT_WEIGHTS), weights=tuple(UN_SCRIPT_WEIGHTS.values()))[0]
    return rng.choice(BY_SCRIPT[script])
