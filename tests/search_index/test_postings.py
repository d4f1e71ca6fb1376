"""The in-memory posting pool writes exactly the index Whoosh's own pool (sorted runs pickled to
disk) writes: the same postings, the same answers, after a rebuild and after updates that merge
segments."""

from __future__ import annotations

from whoosh import index as whoosh_index

from search_index import IndexHome, SearchQuery, search, writing
from search_index.postings import CompactPostingPool

FAMILIES = ["AL-SABBAGH", "KESTREL", "OYELARAN", "NAKAMURA", "WOJCIK", "DUBOIS", "IBRAHIMOVIC"]
FORENAMES = ["Quill", "Amina", "Yusuf", "Haruto", "Zofia", "Marceline", "Ebrahim"]


SPILLS: list[int] = []


def _stock_writer(ix):
    writer = ix.writer(procs=1, limitmb=1)  # small: Whoosh's pool spills sorted runs to disk
    save = writer.pool.save

    def counted_save() -> None:
        SPILLS.append(len(writer.pool.current))
        save()

    writer.pool.save = counted_save
    return writer


def _postings(home: IndexHome) -> list:
    ix = whoosh_index.open_dir(home.path(home.require_current()))
    with ix.reader() as reader:
        return list(reader.iter_postings())


def _build_both(tmp_path, monkeypatch, make_doc, updates: int) -> tuple[IndexHome, IndexHome]:
    homes = []
    for label, writer in (("compact", writing._writer), ("stock", _stock_writer)):
        monkeypatch.setattr(writing, "_writer", writer)
        home = IndexHome(tmp_path / label)
        home.rebuild(_docs(make_doc, 1, 400))
        for step in range(updates):
            changed = _docs(make_doc, 300 + step * 50, 460 + step * 50)
            home.update(changed, {f"2020/{n:05d}" for n in range(10 * step + 1, 10 * step + 8)})
        homes.append(home)
    return homes[0], homes[1]


def _docs(make_doc, start: int, stop: int) -> list:
    documents = []
    for n in range(start, stop):
        family = FAMILIES[n % len(FAMILIES)]
        documents.append(
            make_doc(
                n,
                family=family if n % 3 else f"{family} {FAMILIES[n % 5]}",
                forename=FORENAMES[n % len(FORENAMES)],
                keywords=f"fraud number{n % 11} harbour{n % 4}",
            )
        )
    return documents


def test_a_rebuild_writes_the_same_postings_as_whoosh_own_pool(tmp_path, monkeypatch, make_doc):
    SPILLS.clear()
    compact, stock = _build_both(tmp_path, monkeypatch, make_doc, updates=0)
    expected = _postings(stock)
    assert len(SPILLS) >= 2  # the stock pool really merged runs from disk
    assert _postings(compact) == expected


def test_updates_that_merge_segments_keep_the_same_postings(tmp_path, monkeypatch, make_doc):
    compact, stock = _build_both(tmp_path, monkeypatch, make_doc, updates=4)
    assert _postings(compact) == _postings(stock)
    for query in (
        SearchQuery(text="Ebrahim al Sabbagh"),
        SearchQuery(text="KESTRLE"),
        SearchQuery(keywords="harbour2"),
        SearchQuery(text="Zofia", page=2),
    ):
        found = [
            [(hit.entity_id, hit.score) for hit in search(home, query).hits]
            for home in (compact, stock)
        ]
        assert found[0] == found[1]
        assert found[0]


def test_postings_of_a_term_come_out_in_document_order():
    pool = CompactPostingPool()
    for docnum in (7, 2, 9):
        pool.add(("n_token", b"kestrel", docnum, 1.0, b"\x01"))
    pool.add(("kw", b"harbour", 3, 2.0, None))
    assert list(pool.iter_postings()) == [
        ("kw", b"harbour", 3, 2.0, None),
        ("n_token", b"kestrel", 2, 1.0, b"\x01"),
        ("n_token", b"kestrel", 7, 1.0, b"\x01"),
        ("n_token", b"kestrel", 9, 1.0, b"\x01"),
    ]
