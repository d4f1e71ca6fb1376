"""Latin transliteration of names written in other scripts (anyascii, pypinyin for Chinese)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

LATIN, HAN, HANGUL, ABJAD, OTHER = "latin", "han", "hangul", "abjad", "other"

# Two-character Chinese surnames; everything else takes the first character as the surname.
_COMPOUND_SURNAME_LIST = (
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 独孤 "
    "歐陽 司馬 諸葛 東方 長孫 獨孤"
)
_COMPOUND_SURNAMES = frozenset(_COMPOUND_SURNAME_LIST.split())
# Surnames whose usual reading differs from pypinyin's default reading of the character.
_SURNAME_READINGS = {
    "单": "shan",
    "單": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "區": "ou",
    "查": "zha",
    "乐": "yue",
    "樂": "yue",
    "盖": "ge",
    "蓋": "ge",
    "种": "chong",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "繆": "miao",
    "尉迟": "yuchi",
    "长孙": "zhangsun",
    "長孫": "zhangsun",
    "万俟": "moqi",
    "黑": "he",
    "秘": "bi",
    "过": "guo",
    "澹台": "tantai",
}
# Greek digraphs that letter-by-letter transliteration gets wrong (ου is "ou", not "oy").
_GREEK_DIGRAPHS = (
    (re.compile(r"ου"), "ou"),
    (re.compile(r"ευ"), "ev"),
    (re.compile(r"αυ"), "av"),
    (re.compile(r"γγ"), "ng"),
    (re.compile(r"γκ"), "g"),
    (re.compile(r"^μπ"), "b"),
    (re.compile(r"μπ"), "mb"),
    (re.compile(r"^ντ"), "d"),
    (re.compile(r"ντ"), "nd"),
)
_ARABIC_NORMAL = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def script_of(word: str) -> str:
    """The script a word is written in, as far as transliteration cares."""
    for char in word:
        if not char.isalpha() or char.isascii():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("CJK"):
            return HAN
        if name.startswith("HANGUL"):
            return HANGUL
        if name.startswith(("ARABIC", "HEBREW", "SYRIAC", "THAANA")):
            return ABJAD
        if not name.startswith("LATIN"):
            return OTHER
    return LATIN


def _strip_marks(text: str, form: str) -> str:
    return "".join(c for c in unicodedata.normalize(form, text) if not unicodedata.combining(c))


def normalize_abjad(word: str) -> str:
    """Arabic-script word without vowel marks and with unified letter variants (أ=ا, ة=ه)."""
    stripped = _strip_marks(word, "NFKD")
    return stripped.translate(_ARABIC_NORMAL).replace("\u0640", "")  # tatweel


@lru_cache(maxsize=16384)
def romanize(word: str) -> str:
    """Lower-case ASCII letters for one word of a non-Latin script ("Навальный" -> "navalnyy")."""
    text = word.lower()
    if any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in text):
        text = _strip_marks(text, "NFD")
        for pattern, replacement in _GREEK_DIGRAPHS:
            text = pattern.sub(replacement, text)
    elif script_of(text) == ABJAD:
        text = normalize_abjad(text)
    return _NON_ALNUM.sub("", anyascii(text)).lower()


def _pinyin(chars: str) -> str:
    reading = _SURNAME_READINGS.get(chars)
    if reading:
        return reading
    # Imported here: pypinyin costs a process ~55 MB (its phrase dictionary) and ~0.3 s, and
    # most processes never read a Chinese character (Latin names need syllable_data only).
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(chars, style=Style.NORMAL, errors="ignore", v_to_u=True)
    return "".join(syllables).replace("ü", "yu")


def split_east_asian(word: str, script: str, whole_name: bool) -> list[tuple[str, str, bool]]:
    """Chinese or Korean word -> [(original, romanized, is_surname)], the syllables of a given
    name joined as usually written (王小明 -> wang, xiaoming). `whole_name` says the word may
    hold the surname and the given name together."""
    if script == HANGUL:
        letters = [c for c in word if c.isalpha()]
        romanized = [anyascii(c).lower() for c in letters]
        if whole_name and len(letters) >= 3:
            return [
                (letters[0], romanized[0], True),
                ("".join(letters[1:]), "".join(romanized[1:]), False),
            ]
        return [(word, "".join(romanized), whole_name)]
    cut = 0
    if whole_name and len(word) >= 2 and word not in _COMPOUND_SURNAMES:
        cut = 2 if word[:2] in _COMPOUND_SURNAMES and len(word) >= 3 else 1
    if cut:
        return [(word[:cut], _pinyin(word[:cut]), True), (word[cut:], _pinyin(word[cut:]), False)]
    return [(word, _pinyin(word), whole_name)]


def name_as_written(forename: str | None, family: str | None) -> str:
    """A name for display: Chinese characters family name first without a space (钟浩轩),
    as they are written; other names forename first."""
    forename, family = (forename or "").strip(), (family or "").strip()
    if forename and family and script_of(forename) == HAN and script_of(family) == HAN:
        return family + forename
    return " ".join(part for part in (forename, family) if part)
