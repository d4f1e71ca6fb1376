"""What a snapshot keeps for its commit: each kind within its own bound, least recently used
dropped first, so many dates or queries never push out the fuzzy vocabulary."""

from __future__ import annotations

from datetime import date, timedelta

from search_index import SearchQuery, search
from search_index.candidates import vocabulary


def test_each_kind_is_bounded_on_its_own(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 6)])
    snapshot = home.searcher().snapshot
    calls = []

    def compute(value: int):
        return lambda: calls.append(value) or value

    assert snapshot.kept("vocabulary", None, compute(0), limit=1) == 0
    for n in range(1, 5):
        assert snapshot.kept("numbers", n, compute(n), limit=2) == n
    assert snapshot.kept("numbers", 3, compute(-3), limit=2) == 3  # kept: not computed again
    assert snapshot.kept("numbers", 1, compute(-1), limit=2) == -1  # dropped long ago
    assert snapshot.kept("vocabulary", None, compute(-0), limit=1) == 0
    assert calls == [0, 1, 2, 3, 4, -1]


def test_searching_on_many_days_keeps_the_fuzzy_vocabulary(home, make_doc):
    home.rebuild([make_doc(n, family=f"OKONKWO{n}") for n in range(1, 6)])
    searcher = home.searcher()
    words = vocabulary(searcher.snapshot, searcher.whoosh.reader())  # what fuzzy matching reads
    assert any(word.startswith("okonkwo") for length in words.values() for word in length)
    for days in range(20):  # age bands are kept per date
        search(home, SearchQuery(today=date(2024, 1, 1) + timedelta(days=days)))
    assert vocabulary(searcher.snapshot, searcher.whoosh.reader()) is words  # not loaded again
    assert len(home.searcher().snapshot.cache["age_bands"]) <= 8
