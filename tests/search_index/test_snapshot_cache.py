"""What a snapshot keeps for its commit: each kind within its own bound, least recently used
dropped first, so many dates or queries never push out the fuzzy vocabulary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from search_index import SearchQuery, ranking, search
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


def _hit_texts(page) -> list[tuple]:
    return [(hit.entity_id, hit.score, hit.band, hit.why, hit.reasons) for hit in page.hits]


def test_a_page_asked_again_is_explained_from_the_snapshot(home, make_doc, monkeypatch):
    home.rebuild(
        [make_doc(n, forename="Amara", family="OKONKWO") for n in range(1, 4)]
        + [make_doc(4, forename="Amara", family="OKONKVO")]
    )
    query = SearchQuery(text="Amara OKONKWO", per_page=2)
    first, second_page = search(home, query), search(home, replace(query, page=2))
    explained = []
    real = ranking.explain_rows
    monkeypatch.setattr(
        ranking, "explain_rows", lambda *args: explained.append(args[2]) or real(*args)
    )
    again = search(home, query)
    assert _hit_texts(again) == _hit_texts(first)  # the same page, word for word
    assert explained == []  # ...without explaining its names again
    assert _hit_texts(search(home, replace(query, page=2))) == _hit_texts(second_page)
    assert explained == []
    search(home, replace(query, text="Amara OKONKVO"))  # another query is explained anew
    assert len(explained) == 1


def test_a_rebuild_explains_anew(home, make_doc):
    home.rebuild([make_doc(1, forename="Amara", family="OKONKWO")])
    query = SearchQuery(text="Amara OKONKWO")
    assert "family name OKONKWO exact" in search(home, query).hits[0].why
    home.rebuild([make_doc(1, forename="Amara", family="OKONKVO")])  # the name was corrected
    hits = search(home, query).hits
    assert [hit.entity_id for hit in hits] == ["2020/00001"]
    assert "OKONKVO" in hits[0].why  # not the kept explanation of the old name
    assert "OKONKWO exact" not in hits[0].why
