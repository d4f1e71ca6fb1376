"""Folding and tokenising of free text the same way for documents and for queries."""

from __future__ import annotations

import re
import unicodedata

MAX_TERM_CHARS = 40  # longer "words" are noise (hashes, hostile input); truncate them
MAX_QUERY_TERMS = 16  # a query never turns into more lookups than this

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: index overlapping character pairs instead.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_DROP = str.maketrans("", "", "\u0640\u200c\u200d\u00ad")  # tatweel, ZWNJ, ZWJ, soft hyphen


def fold(text: str) -> str:
    """Lower-case, strip diacritics and compatibility forms: "MÜLLER" and "muller" fold alike."""
    # ASCII has no compatibility forms, marks or dropped characters, and NFC leaves it alone:
    # about half of the names and texts indexed skip the character-by-character pass.
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_DROP))
    if decomposed.isascii():
        return decomposed.casefold()
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).casefold()


def _cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def text_terms(text: str) -> list[str]:
    """Index/query terms of free text: folded words, CJK runs as character bigrams."""
    terms: list[str] = []
    for word in _WORD.findall(fold(text)):
        word = word.replace("_", "")
        position = 0
        for match in CJK.finditer(word):
            if match.start() > position:
                terms.append(word[position : match.start()][:MAX_TERM_CHARS])
            terms.extend(_cjk_terms(match.group()))
            position = match.end()
        if position < len(word):
            terms.append(word[position:][:MAX_TERM_CHARS])
    return [term for term in terms if term]


def query_terms(text: str) -> list[str]:
    """Distinct terms of a query, in order, capped so hostile input stays cheap."""
    unique = dict.fromkeys(text_terms(text[:2000]))
    return list(unique)[:MAX_QUERY_TERMS]


def fold_code(value: str | None) -> str:
    """Fold a reference or code for exact comparison: case, diacritics and spaces ignored."""
    if not value:
        return ""
    return "".join(fold(value).split())
