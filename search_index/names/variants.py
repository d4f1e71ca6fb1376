"""Look-ups in the curated variant groups and Abd-compounds."""

from __future__ import annotations

import re
from functools import lru_cache

from .skeleton import skeleton
from .transliteration import ABJAD, normalize_abjad, script_of
from .variant_data import COGNATE_FORMS, COGNATES, GROUPS

COGNATE_PREFIX = "~"  # variant ids of cognate families ("~yusuf" for Yusuf and Joseph)
ABD_PREFIX = "abd+"  # Abd-compounds: Abdul Rahman = Abd al-Rahman = Abdurrahman


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
