"""Sort keys that put names (countries, courts) in the order readers of a locale expect.

Not full CLDR/ICU collation (that needs PyICU, a large native dependency) but its primary
level for the six UI languages, which is what a list of country names needs:
- accents and other marks do not count (é = e, ё = е, آ/أ/إ = ا), case does not count;
- letters that a language sorts as letters of their own stay apart and after their base
  letter: Spanish ñ (after n), Russian й (after и);
- Chinese sorts by Hanyu Pinyin (CLDR's default for zh), syllable by syllable, via pypinyin
  (the keys of the names pages sort are saved in pinyin_keys.py: pypinyin costs ~55 MB);
- the script's own code point order does the rest: Latin, Cyrillic and Arabic letters are
  encoded in alphabetical order.
Ties fall back to the plain text, so the order is always total and stable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from notices.web.i18n.pinyin_keys import KEYS

# Letters that are sorted on their own, per language, spelled decomposed (NFD).
SEPARATE_LETTERS = {
    "es": ("n\u0303",),  # ñ
    "ru": ("\u0438\u0306",),  # й
}
# Sorts after every other continuation of the base letter: "ña" lands after "nz", before "o".
AFTER_BASE = "\U0010ffff"
# Ligatures and letters without a decomposition, folded to what they sort with.
FOLDS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "\u0640": ""}
)  # U+0640: Arabic tatweel, a stretching stroke


def folded(text: str, language: str = "en") -> str:
    """The primary-level form of `text` for `language`: no case, no marks except own letters."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    for letter in SEPARATE_LETTERS.get(language, ()):
        decomposed = decomposed.replace(letter, letter[0] + AFTER_BASE)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return kept.translate(FOLDS)


def pinyin_key(text: str) -> tuple[str, ...]:
    """Hanyu Pinyin syllables of Chinese text (other characters as they are, folded): saved
    for the names Chinese pages sort (pinyin_keys.py), through pypinyin for any other."""
    found = KEYS.get(text)
    return found if found is not None else computed_pinyin_key(text)


def computed_pinyin_key(text: str) -> tuple[str, ...]:
    """pinyin_key through pypinyin itself."""
    # Imported here: pypinyin costs a worker ~55 MB, and the names pages sort are saved.
    from pypinyin import Style, lazy_pinyin

    return tuple(folded(syllable) for syllable in lazy_pinyin(text, style=Style.NORMAL))


def sort_key(language: str) -> Callable[[str], tuple]:
    """A key function ordering texts as `language` readers expect (see the module docstring)."""
    if language == "zh":
        return lambda text: (pinyin_key(text), text)
    return lambda text: (folded(text, language), text)
