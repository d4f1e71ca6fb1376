"""Help for a name search that found nothing (or only a few weak matches): other spellings
and parts of the name that do find notices with the same filters, or the news that the
filters alone leave no notice at all. Computed only then, so ordinary searches pay nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import TYPE_CHECKING

from search_index.documents import SearchPage, SearchQuery
from search_index.filters import filter_mask
from search_index.names.bands import POSSIBLE
from search_index.names.parts import (
    PARTICLE,
    ROLE_ANY,
    ROLE_FAMILY,
    ROLE_FORENAME,
    SHORT,
    Part,
    text_parts,
)
from search_index.names.sex import sex_of_given_names
from search_index.ranking import MAX_NAME_CHARS, name_matches
from search_index.references import looks_like_reference
from search_index.searching import Searcher
from search_index.spelling import corrections, display_form, known

if TYPE_CHECKING:  # imports for annotations only (some would be circular)
    from search_index.home import IndexHome

# Kinds: another spelling of the name; a part of it alone; the name as typed without filters.
SPELLING, PARTIAL, UNFILTERED = "spelling", "partial", "unfiltered"
MAX_SUGGESTIONS = 3  # of each kind
NEAR_ZERO = 3  # this few results, all weak, also get suggestions
MAX_TRIES = 8  # spelling combinations searched at most (each is one name search)
MAX_PARTS = 6  # longer queries get no spelling suggestions (too many combinations)


@dataclass(frozen=True)
class Suggestion:
    """Another name query that finds `count` notices with the same filters."""

    text: str  # the query to search instead, as the user would write it
    count: int
    kind: str  # SPELLING | PARTIAL | UNFILTERED


@dataclass(frozen=True)
class Alternatives:
    """What a search that found (almost) nothing can offer instead."""

    suggestions: tuple[Suggestion, ...] = ()
    filters_empty: bool = False  # the filters alone, whatever the name, leave no notice


def wants_help(page: SearchPage) -> bool:
    """True when the search found nothing, or only a few weak matches all on this page."""
    if page.total == 0:
        return True
    return (
        page.total <= NEAR_ZERO
        and len(page.hits) == page.total
        and all(hit.band == "weak" for hit in page.hits)
    )


def suggest(source: IndexHome | Searcher, query: SearchQuery, page: SearchPage) -> Alternatives:
    """The help to offer for `query`, whose results are `page` (nothing unless wants_help)."""
    if not wants_help(page):
        return Alternatives()
    searcher: Searcher = source if isinstance(source, Searcher) else source.searcher()
    mask = filter_mask(searcher, query, query.today or date.today())
    if not mask:
        # (An empty index leaves nothing without any filter: that is not the filters' doing.)
        return Alternatives(filters_empty=bool(searcher.columns.everything))
    if not query.has_name or looks_like_reference(query.text):
        return Alternatives()
    parts = _parts(query)
    found = _spelling(searcher, parts, mask) + _partial(searcher, parts, mask, page.total)
    everything = searcher.columns.everything
    if not page.total and mask != everything:
        # The filters, not the name, may be what left nothing: say so when it is the case.
        name = SearchQuery(text=query.text, forename=query.forename, family_name=query.family_name)
        count, _best = _found(searcher, name, everything)
        if count:
            text = " ".join(v.strip() for v in (query.text, query.forename, query.family_name))
            found.append(Suggestion(" ".join(text.split()), count, UNFILTERED))
    return Alternatives(tuple(found))


def _parts(query: SearchQuery) -> list[Part]:
    """The query's name parts as the name analysis splits them (see names.query)."""
    text, forename, family = (
        value[:MAX_NAME_CHARS] for value in (query.text, query.forename, query.family_name)
    )
    return (
        text_parts(text, ROLE_ANY, whole_name=True)
        + text_parts(forename, ROLE_FORENAME)
        + text_parts(family, ROLE_FAMILY, whole_name=not (text or forename))
    )


def _found(searcher: Searcher, name: str | SearchQuery, mask: int) -> tuple[int, int]:
    """(notices the name query finds within `mask`, best score among them)."""
    query = SearchQuery(text=name) if isinstance(name, str) else name
    matches = name_matches(searcher, query, mask)
    return len(matches), max((score for _row, score, _primary in matches), default=0)


def _spelling(searcher: Searcher, parts: list[Part], mask: int) -> list[Suggestion]:
    """Whole queries with misspelt parts replaced by indexed ones. Only those whose best match
    is at least possible: a correction that finds weak matches only is no correction."""
    if not parts or len(parts) > MAX_PARTS:
        return []
    options = [_part_options(searcher, part) for part in parts]
    # Fewest edits first; a stable sort keeps each part's nearest-first order among equals.
    combinations = sorted(
        (
            (sum(edits for _word, edits in chosen), [word for word, _edits in chosen])
            for chosen in product(*options)
        ),
        key=lambda combination: combination[0],
    )
    found: list[Suggestion] = []
    for edits, words in combinations[: MAX_TRIES + 1]:
        if not edits:
            continue  # the query as typed
        text = " ".join(words)
        count, best = _found(searcher, text, mask)
        if count and best >= POSSIBLE:
            found.append(Suggestion(text, count, SPELLING))
            if len(found) == MAX_SUGGESTIONS:
                break
    return found


def _part_options(searcher: Searcher, part: Part) -> list[tuple[str, int]]:
    """(word, edits) this part may become: itself when it is indexed or too short to correct,
    else its nearest indexed spellings (and itself, should none fit)."""
    display, forms, _role, flags = part
    token = forms[0]
    if flags & (PARTICLE | SHORT) or not token.isalpha() or known(searcher, token):
        return [(display, 0)]
    nearest = [
        (display_form(searcher, term, display), edits)
        for term, edits in corrections(searcher, token)
    ]
    return [(word, edits) for word, edits in nearest if word] or [(display, 0)]


def _partial(searcher: Searcher, parts: list[Part], mask: int, total: int) -> list[Suggestion]:
    """Each part of a several-part name alone, family-name-like parts first, when it finds
    more notices than the whole name did."""
    words = [part for part in parts if not part[3] & (PARTICLE | SHORT)]
    distinct = list({part[1][0]: part for part in words}.values())
    if len(distinct) < 2:
        return []
    uppercase_family = sum(part[0].isupper() for part in distinct) < len(distinct)
    ranked = sorted(
        range(len(distinct)),
        key=lambda index: (_forename_likeness(distinct[index], uppercase_family), index),
    )
    found: list[Suggestion] = []
    for index in ranked:
        text, count = _part_alone(searcher, distinct[index], mask)
        if count > total:
            found.append(Suggestion(text, count, PARTIAL))
            if len(found) == MAX_SUGGESTIONS:
                break
    return found


def _part_alone(searcher: Searcher, part: Part, mask: int) -> tuple[str, int]:
    """(the part as typed, or else its nearest indexed spelling, notices that finds)."""
    count, _best = _found(searcher, part[0], mask)
    if count:
        return part[0], count
    for word, edits in _part_options(searcher, part)[:1]:
        if edits:
            return word, _found(searcher, word, mask)[0]
    return part[0], 0


def _forename_likeness(part: Part, uppercase_family: bool) -> int:
    """0 for parts that look like a family name, 2 for given names, 1 when unsure. Notices
    write family names in capitals, and many people type them so beside a mixed-case forename."""
    display, forms, role, _flags = part
    if role == ROLE_FAMILY or (uppercase_family and display.isupper()):
        return 0
    if role == ROLE_FORENAME or sex_of_given_names([forms[0]]):
        return 2
    return 1
