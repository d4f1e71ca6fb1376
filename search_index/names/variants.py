"""Look-ups in the curated variant groups, Abd-compounds and gendered family-name forms."""

from __future__ import annotations

import re
from functools import lru_cache

from .phonetic import phonetic_key
from .skeleton import skeleton
from .transliteration import ABJAD, normalize_abjad, script_of
from .variant_data import COGNATE_FORMS, COGNATES, GROUPS

COGNATE_PREFIX = "~"  # variant ids of cognate families ("~yusuf" for Yusuf and Joseph)
ABD_PREFIX = "abd+"  # Abd-compounds: Abdul Rahman = Abd al-Rahman = Abdurrahman
STEM_PREFIX = "="  # shared stem of gendered family names (Ivanov, Ivanova)


def _logical_lines(text: str) -> list[str]:
    """Lines of a data table, with indented lines joined to the line above."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += line
        elif line.strip():
            lines.append(line)
    return lines


def _load() -> tuple[dict[str, tuple[str, ...]], dict[str, str], dict[str, str]]:
    """form -> group ids; group id -> cognate id; Arabic-script form -> group id."""
    groups: dict[str, list[str]] = {}
    arabic: dict[str, str] = {}
    for line in _logical_lines(GROUPS + COGNATE_FORMS):
        forms = line.split()
        if not forms:
            continue
        gid = forms[0]
        for form in forms:
            if script_of(form) == ABJAD:
                arabic.setdefault(normalize_abjad(form), gid)
                continue
            ids = groups.setdefault(form, [])
            if gid not in ids:
                ids.append(gid)
    cognates = {}
    for line in COGNATES.strip().splitlines():
        members = line.split()
        for gid in members:
            cognates[gid] = COGNATE_PREFIX + members[0]
    return {form: tuple(ids) for form, ids in groups.items()}, cognates, arabic


_GROUPS_OF, _COGNATE_OF, _ARABIC = _load()


def arabic_group(word: str) -> str | None:
    """Group id (a usual Latin spelling) of a name written in Arabic script, if curated."""
    return _ARABIC.get(normalize_abjad(word))


def group_ids(form: str) -> tuple[str, ...]:
    """Variant groups a folded form belongs to (usually none or one)."""
    return _GROUPS_OF.get(form, ())


def cognate_id(gid: str) -> str:
    """Cognate family id of a group ("" if it has none)."""
    return _COGNATE_OF.get(gid, "")


_ABD = re.compile(r"^abd(?:ou|u|e|a|i|o)?")


@lru_cache(maxsize=16384)
def abd_key(form: str) -> str:
    """Common key of Abd-compounds ("abdelrahman", "abdurrahman" -> "abd+rhmn"), else ""."""
    match = _ABD.match(form)
    if not match:
        return ""
    rest = form[match.end() :]
    if rest.startswith("l"):
        rest = rest[1:]  # the article al/el/ul
    elif len(rest) > 1 and rest[0] == rest[1]:
        rest = rest[1:]  # the article assimilated: Abdur-Rahman, Abdus-Salam
    core = skeleton(rest) if len(rest) >= 3 else ""
    if len(core) < 2:
        return ""
    return ABD_PREFIX + core if core else ""


# (female ending, male endings, stem ending) of Slavic family names.
_GENDERED = (
    ("skaya", ("skiy", "skii", "sky", "ski", "skij"), "sk"),
    ("tskaya", ("tskiy", "tsky", "tski"), "tsk"),
    ("ska", ("ski", "sky"), "sk"),
    ("cka", ("cki", "cky"), "ck"),
    ("ova", ("ov", "off"), "ov"),
    ("eva", ("ev", "eff"), "ev"),
    ("ina", ("in",), "in"),
    ("yna", ("yn",), "yn"),
    ("aya", ("iy", "yy", "oy", "y"), ""),
)


@lru_cache(maxsize=16384)
def gender_stem(form: str) -> tuple[str, str]:
    """(stem, "f" or "m") of a gendered family-name form ("ivanova" -> ("ivanov", "f")),
    or ("", "") when the form is not one."""
    if len(form) < 5:
        return "", ""
    for female, males, stem_end in _GENDERED:
        if form.endswith(female) and len(form) - len(female) >= 3:
            return form[: -len(female)] + stem_end, "f"
        for male in males:
            if form.endswith(male) and len(form) - len(male) >= 3:
                return form[: -len(male)] + stem_end, "m"
    return "", ""


_MASCULINE_ENDINGS = ("os", "us", "as", "is", "o", "")  # Konstantinos, Francesco, Farid
_FEMININE_SUFFIXES = frozenset(("a", "ova", "le", "e", "aite", "iene", "yte", "ute"))


def _feminine_of(male: str, female: str) -> bool:
    for ending in _MASCULINE_ENDINGS:
        if not male.endswith(ending):
            continue
        stem = male[: len(male) - len(ending)]
        if len(stem) >= 4 and female.startswith(stem) and female[len(stem) :] in _FEMININE_SUFFIXES:
            return True
    return False


@lru_cache(maxsize=65536)
def gendered_pair(left: str, right: str) -> bool:
    """True when two folded forms are the male and female form of one name (Farid/Farida,
    Francesco/Francesca, Novak/Novakova, Ivanov/Ivanova, Vorobev/Vorobyova): different persons."""
    if left == right:
        return False
    # _feminine_of needs a common stem of four letters or more: most pairs fail at once.
    if left[:4] == right[:4] and (_feminine_of(left, right) or _feminine_of(right, left)):
        return True
    stem_left, sex_left = gender_stem(left)
    stem_right, sex_right = gender_stem(right)
    return (
        bool(stem_left)
        and bool(stem_right)
        and sex_left != sex_right
        and phonetic_key(stem_left) == phonetic_key(stem_right)
    )
