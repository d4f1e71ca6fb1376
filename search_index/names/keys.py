"""Index keys of a notice's names, and the analysed names kept for re-scoring."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from .gender_forms import STEM_PREFIX
from .parts import PARTICLE, ROLE_ANY, ROLE_FAMILY, ROLE_FORENAME, Part, text_parts
from .romanisation import MARKS, PINYIN_MARK
from .skeleton import MIN_SKELETON
from .transliteration import name_as_written
from .units import (
    JOINED,
    U_COGNATES,
    U_FLAGS,
    U_FORMS,
    U_GENDER,
    U_GROUPS,
    U_PHON,
    U_SKEL,
    build_units,
)

# What kind of name of a notice a PersonName is; at equal score a name earlier in this tuple
# ranks first (the name the notice is published under is the one a reader looks for).
NAME_KINDS = ("primary", "original_script", "birth_name", "former_name", "alias")
_KIND_RANK = {kind: rank for rank, kind in enumerate(NAME_KINDS)}
NGRAM_SIZE = 3
MIN_KEYED = 3  # shorter parts get no phonetic key and no n-grams (too unspecific)


def person_parts(forename: str | None, family: str | None) -> list[Part]:
    """Parts of one name. A family field of several words without a forename may be a whole
    name (UN aliases, entity names), so its parts get no role."""
    family = (family or "").strip()
    forename = (forename or "").strip()
    if forename in ("-",):
        forename = ""
    whole = not forename
    family_role = ROLE_ANY if whole and " " in family else ROLE_FAMILY
    return text_parts(forename, ROLE_FORENAME) + text_parts(family, family_role, whole)


@lru_cache(maxsize=4096)
def analyse(forename: str | None, family: str | None) -> tuple[tuple, tuple[int, ...]]:
    """(units, flags of each part) of one name; cached because indexing asks twice."""
    parts = person_parts(forename, family)
    return build_units(parts), tuple(p[3] for p in parts)


def ngrams(token: str) -> list[str]:
    """Character n-grams with boundary markers ("^sm", "smi", ..., "th$")."""
    padded = f"^{token}$"
    return [padded[i : i + NGRAM_SIZE] for i in range(len(padded) - NGRAM_SIZE + 1)]


def unit_keys(units: Iterable[tuple]) -> dict[str, set[str]]:
    """Keys of every field for a set of units (shared by documents and queries)."""
    keys: dict[str, set[str]] = {
        name: set()
        for name in ("n_token", "n_phonetic", "n_ngram", "n_skeleton", "n_joined", "n_variant")
    }
    for unit in units:
        forms, flags = unit[U_FORMS], unit[U_FLAGS]
        if forms[-1][0] in MARKS:
            # Reading keys are no spellings (spelling suggestions read n_token); one mark in
            # the index, as a Pinyin reading is looked up by its Wade-Giles one and back.
            keys["n_variant"].update(PINYIN_MARK + f[1:] for f in forms if f[0] in MARKS)
            forms = tuple(f for f in forms if f[0] not in MARKS)
        if flags & JOINED:
            keys["n_joined"].update(forms)
        else:
            keys["n_token"].update(f for f in forms if len(f) >= 2)
        if flags & PARTICLE:
            continue
        keys["n_skeleton"].update(k for k in unit[U_SKEL] if len(k) >= MIN_SKELETON)
        keys["n_variant"].update(unit[U_GROUPS])
        keys["n_variant"].update(unit[U_COGNATES])
        if unit[U_GENDER]:
            keys["n_variant"].add(STEM_PREFIX + unit[U_GENDER].partition("|")[0])
        if not flags & JOINED and len(forms[0]) >= MIN_KEYED:
            keys["n_phonetic"].update(k for k in unit[U_PHON] if len(k) >= 2)
            keys["n_ngram"].update(ngrams(forms[0]))
    return keys


def name_kind(name: object) -> str:
    """The PersonName's kind, unknown or missing kinds read as "alias" (the least trusted)."""
    kind = getattr(name, "kind", "primary")
    return kind if kind in _KIND_RANK else "alias"


def names_units(names: Sequence) -> list[tuple[tuple, tuple[int, ...], str, str]]:
    """Analysed names of a notice as (units, part flags, kind, text), each distinct name once,
    primary names first (then in NAME_KINDS order, else as given): best_name keeps the first of
    equal scores, so a primary name wins a tie."""
    seen: dict[tuple, str] = {}
    for name in sorted(names, key=lambda n: _KIND_RANK[name_kind(n)]):
        seen.setdefault((name.forename, name.family), name_kind(name))
    found = []
    for (forename, family), kind in seen.items():
        units, nflags = analyse(forename, family)
        if units:
            text = name_as_written(forename, family)
            found.append((units, nflags, kind, text))
    return found


def document_keys(names: Sequence) -> dict[str, list[str]]:
    """Sorted index terms per field over all names of one notice."""
    keys = unit_keys(unit for units, *_ in names_units(names) for unit in units)
    return {name: sorted(terms) for name, terms in keys.items()}


def prepare(names: Sequence) -> tuple:
    """Compact, picklable form of a notice's names: a tuple of (units, part flags, kind,
    text)."""
    return tuple(names_units(names))
