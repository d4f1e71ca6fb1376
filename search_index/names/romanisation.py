"""Chinese names across romanisations: keys that meet when Pinyin and Wade-Giles spell one name."""

from __future__ import annotations

from functools import lru_cache

from .syllable_data import PINYIN, WADE

# Reading keys, kept among a unit's forms: PINYIN_MARK + key for a reading of the text as
# Pinyin, WADE_MARK + key for a reading as Wade-Giles. The key is the Wade-Giles spelling with
# ü as v and syllables joined by "-" ("qianguo" -> "ch'ien-kuo"); Wade-Giles typed without
# its apostrophes reads both ways ("Chien-kuo" -> "chien-kuo" and "ch'ien-kuo").
PINYIN_MARK, WADE_MARK = "%", "^"
MARKS = PINYIN_MARK + WADE_MARK
_MAX_KEYS = 16  # a part with more readings than this is not a Chinese name part
_MAX_LENGTH = 24
_VOWELS = frozenset("aeiouv")
_INSIDE = frozenset(("i", "er", "erh"))


def syllable_tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(Pinyin syllable -> key, written Wade-Giles syllable -> keys): the default reading of
    one character per syllable in pypinyin, saved by syllable_source.py (importing pypinyin
    itself costs every process ~55 MB, and most never read a Chinese character)."""
    return PINYIN, WADE


def _readings(text: str, table: dict, start: int, memo: dict) -> list[str]:
    """Keys of every segmentation of text[start:] into syllables of the table."""
    if start == len(text):
        return [""]
    if start in memo:
        return memo[start]
    inside = start and text[start] in _VOWELS
    # Pinyin marks a syllable starting with a vowel with an apostrophe (Xi'an), which names
    # lose: read joined names without such syllables inside (Chienkuo is not chi-en-kuo),
    # but for Wade-Giles i (yi) and erh (er), which follow a hyphen (Ch'ing-i, Yu-erh).
    found: list[str] = []
    for stop in range(start + 1, min(len(text), start + 6) + 1):
        keys = table.get(text[start:stop])
        if keys is None or inside and text[start:stop] not in _INSIDE:
            continue
        for rest in _readings(text, table, stop, memo):
            for key in (keys,) if isinstance(keys, str) else keys:
                found.append(key + "-" + rest if rest else key)
                if len(found) > _MAX_KEYS:
                    break
    memo[start] = found[: _MAX_KEYS + 1]
    return memo[start]


@lru_cache(maxsize=65536)
def reading_keys(form: str, han: bool = False) -> tuple[str, ...]:
    """Marked reading keys of one folded form ("chienkuo" -> ("^chien-kuo",)); a form from
    Chinese characters (han) is read as Pinyin only. Empty when the form is no Chinese name."""
    if not form.isalpha() or not form.isascii() or len(form) > _MAX_LENGTH:
        return ()
    pinyin, wade = syllable_tables()
    found = [PINYIN_MARK + key for key in _readings(form, pinyin, 0, {})]
    if not han:
        found += [WADE_MARK + key for key in _readings(form, wade, 0, {})]
    if len(found) > 2 * _MAX_KEYS:
        return ()
    return tuple(dict.fromkeys(found))


NO_READING, SHARED_PINYIN, OTHER_SYSTEM = 0, 1, 2


def reading_match(qforms: tuple[str, ...], nforms: tuple[str, ...]) -> int:
    """How two units' forms meet through their readings: OTHER_SYSTEM when they are one
    Pinyin (Lyu, Lv) or one reads as Wade-Giles what the other reads as Pinyin (Chien-kuo,
    Jianguo), SHARED_PINYIN when both could also be two Pinyin names that differ only where
    Wade-Giles drops its apostrophe (Chang: Zhang or Chang; Pingping, Bingbing), NO_READING
    when they do not meet."""
    if qforms[-1][0] not in MARKS or nforms[-1][0] not in MARKS:
        return NO_READING
    if any(form[0] == PINYIN_MARK and form in nforms for form in qforms):
        return OTHER_SYSTEM
    cross = False
    for form in qforms:
        if form[0] == PINYIN_MARK:
            cross = cross or WADE_MARK + form[1:] in nforms
        elif form[0] == WADE_MARK:
            cross = cross or PINYIN_MARK + form[1:] in nforms
    if not cross:
        return NO_READING
    both = PINYIN_MARK in "".join(f[0] for f in qforms) and PINYIN_MARK in "".join(
        f[0] for f in nforms
    )
    return SHARED_PINYIN if both else OTHER_SYSTEM
