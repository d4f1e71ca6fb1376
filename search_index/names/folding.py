"""Case and diacritic folding of Latin words, with the alternative spellings folding loses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose. Value: (main folding, alternative or "").
_SPECIAL = {
    "ß": ("ss", ""),
    "ẞ": ("ss", ""),
    "đ": ("dj", "d"),
    "ð": ("d", "dh"),
    "þ": ("th", ""),
    "ø": ("o", "oe"),
    "æ": ("ae", "e"),
    "œ": ("oe", "e"),
    "ł": ("l", ""),
    "ı": ("i", ""),
    "ħ": ("h", ""),
    "ŋ": ("ng", ""),
    "ĸ": ("k", ""),
    "ſ": ("s", ""),
    "ŧ": ("t", ""),
    "ŀ": ("l", ""),
    "ǉ": ("lj", ""),
    "ǌ": ("nj", ""),
    "ʼ": ("", ""),
}
_DIAERESIS = "\u0308"
_RING = "\u030a"
# German-style umlauts and Scandinavian å also have a spelled-out form: Müller = Mueller.
_SPELLED_OUT = {
    ("a", _DIAERESIS): "ae",
    ("o", _DIAERESIS): "oe",
    ("u", _DIAERESIS): "ue",
    ("a", _RING): "aa",
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def is_latin_letter(char: str) -> bool:
    """True for ASCII letters and Latin letters with marks (what folding can handle itself)."""
    if char.isascii():
        return char.isalpha()
    name = unicodedata.name(char, "")
    return name.startswith("LATIN") and char.isalpha()


@lru_cache(maxsize=65536)
def fold_word(word: str) -> tuple[str, ...]:
    """Folded forms of one Latin word: main form first, then alternatives ("müller" ->
    ("muller", "mueller")). Empty tuple if nothing of the word remains."""
    main: list[str] = []
    alt: list[str] = []
    has_alt = False
    decomposed = unicodedata.normalize("NFKD", word.lower())
    for index, char in enumerate(decomposed):
        if unicodedata.combining(char):
            continue
        special = _SPECIAL.get(char)
        if special is not None:
            main.append(special[0])
            alt.append(special[1] or special[0])
            has_alt = has_alt or bool(special[1])
            continue
        nxt = decomposed[index + 1] if index + 1 < len(decomposed) else ""
        spelled = _SPELLED_OUT.get((char, nxt))
        main.append(char)
        alt.append(spelled or char)
        has_alt = has_alt or spelled is not None
    first = _NON_ALNUM.sub("", "".join(main))
    if not first:
        return ()
    if not has_alt:
        return (first,)
    second = _NON_ALNUM.sub("", "".join(alt))
    return (first, second) if second and second != first else (first,)
