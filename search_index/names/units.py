"""Matchable units of a name: its parts plus joined adjacent parts, with all keys precomputed.

A unit is a plain tuple (fast to compare, small to pickle); the U_* constants index it. `mask`
has bit i set for every part i the unit covers, so the aligner can use each part once.
"""

from __future__ import annotations

from collections.abc import Sequence

from .folding import fold_word
from .gender_forms import gender_stem
from .nicknames import nickname_ids
from .parts import (
    ABJAD_SCRIPT,
    INITIAL,
    PARTICLE,
    ROLE_ANY,
    ROLE_FAMILY,
    ROLE_FORENAME,
    SHORT,
    TRANSLIT,
    Part,
)
from .phonetic import phonetic_key
from .romanisation import reading_keys
from .skeleton import skeleton
from .transliteration import HAN, script_of
from .variants import abd_key, cognate_id, group_ids

U_MASK, U_DISPLAY, U_FORMS, U_ROLE, U_FLAGS = 0, 1, 2, 3, 4
U_PHON, U_SKEL, U_GROUPS, U_COGNATES, U_GENDER, U_WEIGHT, U_KEY = 5, 6, 7, 8, 9, 10, 11
JOINED = 128  # unit flag: made of several parts
WHOLE = 256  # unit flag: a whole name joined across forename and family name

FAMILY_FACTOR = 1.4  # a family name tells more about who someone is than a forename
_ARTICLES = ("al", "el")
_WHOLE_MAX = 4  # whole-name joined units only for names of up to this many parts


def part_weight(part: Part) -> float:
    """How much a part counts: particles and initials little, long parts fully."""
    flags = part[3]
    if flags & PARTICLE:
        base = 0.25
    elif flags & INITIAL:
        base = 0.35
    elif flags & SHORT:
        base = 0.6
    else:
        base = 0.85 if len(part[1][0]) == 3 else 1.0
    return base * (FAMILY_FACTOR if part[2] == ROLE_FAMILY else 1.0)


def initials(unit: tuple) -> str:
    """Initials of a unit of two given names ("jc" of JEAN CLAUDE) that "JC" may stand for."""
    if unit[U_FLAGS] & (WHOLE | JOINED) != JOINED or unit[U_ROLE] != ROLE_FORENAME:
        return ""
    words = unit[U_DISPLAY].split()
    if len(words) != 2:
        return ""
    letters = [fold_word(word)[:1] for word in words]
    return "".join(f[0][0] for f in letters) if all(letters) else ""


def _groups(forms: tuple[str, ...]) -> tuple[str, ...]:
    ids: list[str] = []
    for form in forms:
        ids.extend(group_ids(form))
        if form.startswith(_ARTICLES) and len(form) >= 6:
            ids.extend(group_ids(form[2:]))  # Alhassan: the article written together
        key = abd_key(form)
        if key:
            ids.append(key)
    for form in forms:  # "+" ids: similarity keeps them apart from groups
        ids.extend(nickname_ids(form))
    return tuple(dict.fromkeys(ids))


def make_unit(
    mask: int,
    display: str,
    forms: tuple[str, ...],
    role: int,
    flags: int,
    weight: float,
    chinese: bool = False,
) -> tuple:
    """One unit with its phonetic keys, skeletons, variant groups and gendered stem; a unit of
    a name that may be Chinese also gets its Pinyin and Wade-Giles reading keys as forms."""
    abjad = flags & ABJAD_SCRIPT
    # A vowel-less transliteration (mhmd) has no meaningful sound key of its own.
    phon = () if abjad else tuple(dict.fromkeys(phonetic_key(f) for f in forms))
    skel = tuple(dict.fromkeys(s for s in map(skeleton, forms) if s))
    groups = _groups(forms)
    cognates = tuple(dict.fromkeys(c for c in map(cognate_id, groups) if c))
    stem, sex = gender_stem(forms[0])
    gender = f"{stem}|{sex}" if stem else ""
    if chinese:
        han = script_of(display) == HAN
        readings = reading_keys(forms[0], han)
        if "ü" in display.casefold():  # Lü, Hsüan: folding wrote u, the reading is ü (v)
            spelled = "".join(c for c in display.casefold().replace("ü", "v") if c.isalpha())
            readings = tuple(dict.fromkeys(readings + reading_keys(spelled, han)))
        forms += readings
    key = _key(display, flags, forms)
    return (mask, display, forms, role, flags, phon, skel, groups, cognates, gender, weight, key)


def _key(display: str, flags: int, forms: tuple[str, ...]) -> str:
    return f"{display}\x00{flags}\x00{'/'.join(forms)}"


def content_key(unit: tuple) -> str:
    """What a unit's pair scores depend on, as make_unit writes it in U_KEY. A saved name
    table keeps a number there instead (names/table.py); this rebuilds the string."""
    key = unit[U_KEY]
    return key if isinstance(key, str) else _key(unit[U_DISPLAY], unit[U_FLAGS], unit[U_FORMS])


def _joined(
    parts: Sequence[Part], start: int, stop: int, weights: Sequence[float], chinese: bool
) -> tuple:
    chunk = parts[start:stop]
    mains = "".join(p[1][0] for p in chunk)
    alts = "".join(p[1][-1] for p in chunk)
    forms = (mains, alts) if alts != mains else (mains,)
    flags = JOINED
    for part in chunk:
        flags |= part[3] & (ABJAD_SCRIPT | TRANSLIT)
    mask = sum(1 << i for i in range(start, stop))
    display = " ".join(p[0] for p in chunk)
    weight = sum(weights[start:stop])
    return make_unit(mask, display, forms, chunk[-1][2], flags, weight, chinese)


def _may_be_chinese(parts: Sequence[Part]) -> bool:
    """True when every part but initials reads as Chinese syllables (Pinyin, Wade-Giles or
    characters): only such names get reading keys, so that Dina Smith never meets Tina Smith
    through Ti-na, and the index gains no keys for most names."""
    found = False
    for part in parts:
        if part[3] & INITIAL:
            continue
        if not reading_keys(part[1][0]):
            return False
        found = True
    return found


def build_units(parts: Sequence[Part]) -> tuple[tuple, ...]:
    """Units of one name: every part, adjacent pairs, and triples that contain a particle or a
    short part (van der Meer, Abd al Rahman), joined only within one role."""
    weights = [part_weight(p) for p in parts]
    chinese = _may_be_chinese(parts)
    units = [
        make_unit(1 << i, p[0], p[1], p[2], p[3], weights[i], chinese) for i, p in enumerate(parts)
    ]
    for start in range(len(parts)):
        for size in (2, 3):
            stop = start + size
            if stop > len(parts) or len({p[2] for p in parts[start:stop]}) > 1:
                continue
            if size == 3 and not any(p[3] & (PARTICLE | SHORT) for p in parts[start:stop]):
                continue
            units.append(_joined(parts, start, stop, weights, chinese))
    roles = {p[2] for p in parts}
    if len(roles) > 1 and 2 <= len(parts) <= _WHOLE_MAX:
        # A name typed as one word (johnsmith, zhaohaitao): the whole name joined, in the
        # written order and family name first.
        family = [i for i, p in enumerate(parts) if p[2] == ROLE_FAMILY]
        others = [i for i in range(len(parts)) if i not in family]
        for order in (range(len(parts)), family + others):
            chunk = [parts[i] for i in order]
            mask = (1 << len(parts)) - 1
            forms = tuple(
                dict.fromkeys(("".join(p[1][0] for p in chunk), "".join(p[1][-1] for p in chunk)))
            )
            flags = JOINED | WHOLE
            for part in chunk:
                flags |= part[3] & (ABJAD_SCRIPT | TRANSLIT)
            units.append(
                make_unit(mask, " ".join(p[0] for p in chunk), forms, ROLE_ANY, flags, sum(weights))
            )
    return tuple(units)
