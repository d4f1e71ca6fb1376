"""Plain data types of the search engine: what is indexed, what is asked, what comes back."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from search_index.names import PersonName

# "updated": last change first (feeds); "newest": first published first, ties by entity id.
SORTS = ("relevance", "name", "newest", "updated")
FACETS = ("kind", "nationality", "wanted_by", "sex", "age_band")


@dataclass
class IndexDocument:
    """Everything the index needs about one notice (built by `notices.indexing`)."""

    entity_id: str
    kind: str
    names: list[PersonName] = field(default_factory=list)
    sort_name: str = ""  # folded "family forename", for sort by name
    sex: str | None = None
    nationalities: list[str] = field(default_factory=list)
    wanted_by: list[str] = field(default_factory=list)
    dob_earliest: date | None = None  # earliest day the partial date of birth allows
    dob_latest: date | None = None  # latest day it allows
    published: datetime = datetime(1970, 1, 1)  # first published: "newest" sort and browse
    has_picture: bool = False
    keywords: str = ""  # charges, marks, places, summary: free text in any language
    un_reference: str | None = None
    un_resolution: str | None = None
    token: str | None = None  # content hash of the source row, lets check() report stale docs
    updated: datetime | None = None  # last changed: the "updated" sort (feeds)


@dataclass(frozen=True)
class SearchQuery:
    """One search as the public asks it; every field is optional."""

    text: str = ""  # one name box: any order, any script
    forename: str = ""
    family_name: str = ""
    kinds: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()  # any of
    wanted_by: tuple[str, ...] = ()  # any of
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    has_picture: bool | None = None
    keywords: str = ""  # all words must occur
    un_reference: str = ""
    un_resolution: str = ""
    sort: str = "relevance"  # relevance | name | newest | updated
    page: int = 1
    per_page: int = 20
    today: date | None = None  # the date ages are computed on (default: date.today())

    @property
    def has_name(self) -> bool:
        """True when the query names someone (then results are ranked by name match)."""
        return bool((self.text + self.forename + self.family_name).strip())


@dataclass(frozen=True)
class Hit:
    """One result: the notice id and, for name queries, how well it matched."""

    entity_id: str
    score: int | None = None  # 0-100 name match score; None when no name was asked
    band: str | None = None  # strong | possible | weak
    why: str | None = None
    reasons: tuple = ()
    # (the name as written, its kind: primary | alias | birth_name | former_name |
    # original_script) of the notice's name that matched; None when no name was asked.
    matched_name: tuple[str, str] | None = None


@dataclass
class SearchPage:
    """One page of results with the exact total and facet counts of the whole result set."""

    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """Number of pages (at least 1, so an empty result still has a page 1)."""
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page > 0 else 1


@dataclass(frozen=True)
class Drift:
    """Differences between the database (expected) and the live index."""

    missing: frozenset[str] = frozenset()  # in the database, not in the index
    extra: frozenset[str] = frozenset()  # in the index, not in the database
    stale: frozenset[str] = frozenset()  # in both, but the index holds an older content token

    @property
    def ok(self) -> bool:
        """True when the index matches the database."""
        return not (self.missing or self.extra or self.stale)


@dataclass(frozen=True)
class GenerationInfo:
    """What status() and rebuild() report about one index generation."""

    name: str  # e.g. "gen-7"
    doc_count: int
    size_bytes: int
    built_at: datetime | None
    path: str
    position: int | None = None  # the source position of its latest commit (positions.py)
