"""Splitting a name into parts: words of any script -> folded Latin forms, roles and flags.

A part is a plain tuple (display, forms, role, flags): `display` is the word as written,
`forms` its folded Latin spellings (main first), `role` one of ROLE_*, `flags` a bit set of the
constants below.
"""

from __future__ import annotations

import re

from .folding import fold_word
from .romanisation import WADE_MARK, reading_keys
from .transliteration import ABJAD, HAN, HANGUL, LATIN, romanize, script_of, split_east_asian
from .variants import arabic_group

Part = tuple[str, tuple[str, ...], int, int]

ROLE_ANY, ROLE_FORENAME, ROLE_FAMILY = 0, 1, 2
PARTICLE, SHORT, TRANSLIT, ABJAD_SCRIPT, INITIAL = 1, 2, 4, 8, 16
_GIVEN, _SURNAME = 32, 64  # transient: roles found inside one word (王小明)
# A particle that links a person to a parent ("son/daughter of"): the order of the names around
# it says who is whom (128 and 256 are unit flags, see units.py).
PATRONYMIC = 512

# Name particles: never required, never a strong match alone. "le", "do", "di" are left out
# because they are also common Vietnamese and Chinese family names.
_PARTICLE_WORDS = (
    "al el ul ad ar as at an az ash ud ur us bin ibn bint binti bent ben abu abou ould ag ait "
    "van von der den de la del della dela da das dos du zu ter ten y mac mc o d l st"
)
PARTICLES = frozenset(_PARTICLE_WORDS.split())
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "binti", "bent", "ben", "ould"})
# Particles that are also given names: only particles when something precedes them.
_AMBIGUOUS_PARTICLES = frozenset({"ben", "abu", "van", "de", "la", "mac", "o", "d", "l"})
# Arabic words that are particles, spelled the way Latin transliterations spell them.
_ARABIC_WORDS = {
    "عبد": "abd",
    "ابو": "abu",
    "بن": "bin",
    "ابن": "ibn",
    "بنت": "bint",
    "ال": "al",
    "الله": "allah",
}
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―,;:./\\()\[\]{}\"“”«»_+&|]+")
_APOSTROPHES = re.compile(r"['’ʼ`´‘]+")
_WADE_ASPIRATED = re.compile(r"^(?:ch|ts|tz|k|p|t)['’ʼ`‘][a-zü]+$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")


def _latin_parts(chunk: str) -> list[tuple[str, tuple[str, ...], int]]:
    """O'Brien -> O, Brien (the joined form comes from adjacent-part units)."""
    if _WADE_ASPIRATED.match(chunk):
        # The Wade-Giles aspirate mark (Ch'en, Ts'ai, P'ing) is inside one syllable.
        forms = fold_word(_APOSTROPHES.sub("", chunk))
        if forms and any(key[0] == WADE_MARK for key in reading_keys(forms[0])):
            return [(chunk, forms, 0)]
    out = []
    # JohnSmith, zhangLihua: a capital inside a word starts another name part.
    for word in _APOSTROPHES.split(_CAMEL.sub(" ", chunk).replace(" ", "'")):
        forms = fold_word(word)
        if forms:
            out.append((word, forms, 0))
    return out


def _abjad_parts(chunk: str) -> list[tuple[str, tuple[str, ...], int]]:
    """Arabic-script word -> parts; curated names also get their usual Latin spelling."""
    word = _APOSTROPHES.sub("", chunk)
    flags = TRANSLIT | ABJAD_SCRIPT
    group = arabic_group(word)
    if group:
        return [(word, (group, romanize(word)), flags)]
    if word.startswith("عبد") and len(word) > 4:
        # One part, spelled as Latin spellings join it (Abdalkarim): units.abd_key then
        # meets Abdul Karim, Abdelkarim and Abd al-Karim.
        rest = word[3:]
        latin = "abd" + ("al" + romanize(rest[2:]) if rest.startswith("ال") else romanize(rest))
        return [(word, (latin,), flags)]
    pieces = [word]
    if pieces[-1].startswith("ال") and len(pieces[-1]) > 3 and pieces[-1] not in _ARABIC_WORDS:
        pieces[-1:] = ["ال", pieces[-1][2:]]
    out = []
    for piece in pieces:
        group = arabic_group(piece)
        latin = _ARABIC_WORDS.get(piece) or group or romanize(piece)
        forms = (latin, romanize(piece)) if group else (latin,)
        if latin:
            out.append((piece, tuple(dict.fromkeys(forms)), flags))
    return out


def _chunk_parts(chunk: str, whole_name: bool) -> list[tuple[str, tuple[str, ...], int]]:
    script = script_of(chunk)
    if script == LATIN:
        return _latin_parts(chunk)
    if script == ABJAD:
        return _abjad_parts(chunk)
    if script in (HAN, HANGUL):
        pieces = split_east_asian(chunk, script, whole_name)
        if len(pieces) == 1:
            return [(chunk, (pieces[0][1],), TRANSLIT)] if pieces[0][1] else []
        # Surname and given name came in one word: each gets its own role.
        return [
            (text, (latin,), TRANSLIT | (_SURNAME if is_surname else _GIVEN))
            for text, latin, is_surname in pieces
            if latin
        ]
    latin = romanize(_APOSTROPHES.sub("", chunk))
    return [(chunk, fold_word(latin), TRANSLIT)] if latin else []


def _is_particle(form: str, index: int, count: int, role: int) -> bool:
    if form not in PARTICLES or index == count - 1:
        return False  # a particle always precedes the name it belongs to
    # A family name may start with one (van der Meer); a forename or a whole query only with
    # those that are not also given names (Ben Smith).
    return index > 0 or role == ROLE_FAMILY or form not in _AMBIGUOUS_PARTICLES


# عبد (Abd, "servant of") always forms one name with the word after it: عبد الرحمن is one
# given name, not "Abd" and "al-Rahman" to be matched apart (Abd would pair with Obaidi).
_ABD_SPACE = re.compile(r"(?<!\S)عبد\s+(?=\S)")
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")  # vowel marks, shadda, tatweel


def text_parts(text: str | None, role: int, whole_name: bool = False) -> list[Part]:
    """Parts of one name field (or of a whole query) in reading order."""
    if not text:
        return []
    text = _ABD_SPACE.sub("عبد", _HARAKAT.sub("", text))
    raw = []
    for chunk in _SEPARATORS.split(text.strip()):
        if chunk:
            raw.extend(_chunk_parts(chunk, whole_name and " " not in text.strip()))
    parts = []
    for index, (display, forms, flags) in enumerate(raw):
        part_role = ROLE_FAMILY if flags & _SURNAME else ROLE_FORENAME if flags & _GIVEN else role
        flags &= TRANSLIT | ABJAD_SCRIPT
        main = forms[0]
        if _is_particle(main, index, len(raw), part_role):
            flags |= PARTICLE | (PATRONYMIC if main in PATRONYMIC_PARTICLES else 0)
        elif len(main) <= 2 and not flags & ABJAD_SCRIPT:
            flags |= SHORT | (INITIAL if len(main) == 1 else 0)
        parts.append((display, forms, part_role, flags))
    return parts
