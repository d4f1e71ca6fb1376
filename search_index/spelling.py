"""Spelling corrections of name parts from the index's own vocabulary, in display form.

The name engine already forgives one or two typos (candidates.fuzzy_terms); a correction is
looked for only after it found nothing, so it may reach a little further: up to three edits
on long parts. Edits are those of optimal string alignment (a swap of adjacent letters is one
edit, as for the engine). rapidfuzz over the in-memory vocabulary takes ~0.1 ms a part where
Whoosh's corrector walks the on-disk term table (~10 ms) and counts a swap as two edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from search_index.candidates import FUZZY_FIELD, posting_ids, vocabulary
from search_index.names.parts import ROLE_ANY, text_parts
from search_index.names.transliteration import LATIN, script_of

if TYPE_CHECKING:  # imports for annotations only (some would be circular)
    from search_index.searching import Searcher

CORRECTIONS_PER_PART = 3
_ROWS_FOR_DISPLAY = 8  # notices read to find how a folded term is written


def correction_distance(token: str) -> int:
    """Edits a correction may make: one on short parts, up to three on long ones."""
    return 1 if len(token) <= 4 else 2 if len(token) <= 7 else 3


def known(searcher: Searcher, token: str) -> bool:
    """True when some notice's name has this folded token."""
    return bool(searcher.whoosh.reader().doc_frequency(FUZZY_FIELD, token))


def corrections(searcher: Searcher, token: str) -> list[tuple[str, int]]:
    """(indexed token, edits) nearest first, then the most common first: at most
    CORRECTIONS_PER_PART of them."""
    reader = searcher.whoosh.reader()
    distance = correction_distance(token)
    by_length = vocabulary(searcher.snapshot, reader)
    found: list[tuple[str, int]] = []
    for length in range(len(token) - distance, len(token) + distance + 1):
        bucket = by_length.get(length)
        if bucket:
            matches = process.extract(
                token, bucket, scorer=OSA.distance, score_cutoff=distance, limit=None
            )
            found.extend((term, int(edits)) for term, edits, _index in matches if edits)
    # At equal distance: the same first letter (people rarely mistype it), then the most
    # letters in common in order (KOWALSKIJ: KOWALOWSKI before KOWALAK), then the commonest.
    found.sort(
        key=lambda item: (
            item[1],
            item[0][:1] != token[:1],
            -Indel.normalized_similarity(token, item[0]),
            -reader.doc_frequency(FUZZY_FIELD, item[0]),
            item[0],
        )
    )
    return found[:CORRECTIONS_PER_PART]


def display_form(searcher: Searcher, term: str, typed: str) -> str:
    """How the notices write the folded `term`, in the script of `typed` and in its letter
    case (the user's BONDARENKP gives BONDARENKO, bondarenkp gives bondarenko); "" when `typed`
    is in another script than Latin and no notice writes the term in it (a folded Latin
    transliteration would puzzle the reader more than it helps)."""
    script = script_of(typed)
    table = searcher.columns.names
    doc_rows = searcher.snapshot.doc_rows
    written = ""
    rows = (doc_rows[docnum] for docnum in posting_ids(searcher.whoosh.reader(), FUZZY_FIELD, term))
    for count, row in enumerate(row for row in rows if row >= 0):
        if count >= _ROWS_FOR_DISPLAY:
            break
        written = _written_in(table.texts(row), term, script)
        if written:
            break
    if not written and script != LATIN:
        return ""
    return _same_case(written or term, typed)


def _written_in(texts: tuple[str, ...], term: str, script: str) -> str:
    for text in texts:
        for display, forms, _role, _flags in text_parts(text, ROLE_ANY):
            if term in forms and script_of(display) == script:
                return display
    return ""


def _same_case(word: str, typed: str) -> str:
    if typed.isupper():
        return word.upper()
    if typed.islower():
        return word.lower()
    if typed.istitle():
        return word.title()
    return word
