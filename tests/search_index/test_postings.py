"""The in-memory posting pool writes exactly the index Whoosh's own pool (sorted runs pickled to
disk) writes: the same postings, the same answers, after a rebuild and after updates that merge
segments; written a block at a time, the segment's files are byte for byte those written a
posting at a time, and a document's term lists added without Whoosh's analysis give the files
add_document gives. Helper processes that convert documents, count their terms and encode
fields at commit change nothing in what is built."""

from __future__ import annotations

import os
import pickle
from dataclasses import replace

import pytest
from whoosh import index as whoosh_index

from search_index import IndexHome, SearchQuery, search, writing
from search_index.convert import InvalidDocument, convert
from search_index.converting import helper_processes
from search_index.postings import CompactPostingPool
from search_index.term_batches import flat_postings

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


def _posting_at_a_time_writer(ix):
    writer = ix.writer(procs=1)  # Whoosh's own FieldWriter.add_postings, over our pool
    writer.pool = CompactPostingPool()
    return writer


def _segment_files(home: IndexHome) -> dict[str, bytes]:
    """The files inside the live generation's one segment, by name without the segment id."""
    ix = whoosh_index.open_dir(home.path(home.require_current()), readonly=True)
    (segment,) = ix._read_toc().segments
    files = segment.open_compound_file(ix.storage)
    prefix = f"MAIN_{segment.segid}"
    return {name.removeprefix(prefix): files.open_file(name).read() for name in files.list()}


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


def test_block_at_a_time_writes_the_same_segment_files_byte_for_byte(
    tmp_path, monkeypatch, make_doc
):
    built = {}
    for label, writer in (("blocks", writing._writer), ("one", _posting_at_a_time_writer)):
        monkeypatch.setattr(writing, "_writer", writer)
        home = IndexHome(tmp_path / label)
        home.rebuild(_docs(make_doc, 1, 700))  # "fraud" is in every document: many blocks
        built[label] = _segment_files(home)
    assert ".pst" in built["blocks"] and ".trm" in built["blocks"]
    assert built["blocks"] == built["one"]


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
    for docnum, weight, value in ((7, 1.0, b"\x01"), (2, 2.0, b"\x01"), (9, 1.0, b"\x02")):
        pool.add(("n_token", b"kestrel", docnum, weight, value))
    pool.add(("kw", b"harbour", 3, 2.0, None))
    assert list(pool.iter_postings()) == [
        ("kw", b"harbour", 3, 2.0, None),
        ("n_token", b"kestrel", 2, 2.0, b"\x01"),
        ("n_token", b"kestrel", 7, 1.0, b"\x01"),
        ("n_token", b"kestrel", 9, 1.0, b"\x02"),
    ]


def test_a_pool_merged_a_batch_and_field_at_a_time_holds_what_posting_by_posting_adds():
    postings = [
        ("n_token", b"kestrel", 0, 1.0, b"\x01"),
        ("kw", b"harbour", 1, 1.0, None),
        ("n_token", b"kestrel", 2, 1.0, b"\x01"),  # batch 2 shares batch 1's weight and value
        ("n_token", b"kestrel", 3, 2.0, b"\x02"),  # batch 3 differs from both
        ("kw", b"harbour", 4, 1.0, None),
        ("n_token", b"kestrel", 5, 1.0, b"\x01"),
        ("kw", b"fraud", 5, 1.0, None),
    ]
    one_by_one = CompactPostingPool()
    for posting in postings:
        one_by_one.add(posting)
    merged = CompactPostingPool()
    for batch in (postings[:2], postings[2:3], postings[3:5], postings[5:]):
        collected: dict = {}
        for field, text, docnum, weight, value in batch:
            docnums, noted = collected.setdefault(field, {}).setdefault(text, ([], {}))
            noted[len(docnums)] = (weight, value)
            docnums.append(docnum)
        for field, terms in collected.items():
            merged.merge_field(field, flat_postings(terms, usual=None))
    expected = list(one_by_one.iter_postings())
    assert ("n_token", b"kestrel", 3, 2.0, b"\x02") in expected
    assert list(merged.iter_postings()) == expected
    assert merged.fieldnames == {"kw", "n_token"}


def test_helper_processes_build_the_same_index_as_one_process(tmp_path, make_doc):
    documents = _docs(make_doc, 1, 1200)  # more than two batches per helper
    homes = [IndexHome(tmp_path / "alone"), IndexHome(tmp_path / "helped")]
    homes[0].rebuild(documents)
    homes[1].rebuild(documents, processes=2)
    assert _postings(homes[1]) == _postings(homes[0])
    # Helpers convert documents, count their terms and encode fields at commit; the one
    # writer makes the same files, byte for byte.
    assert _segment_files(homes[1]) == _segment_files(homes[0])
    columns = [home.searcher().columns for home in homes]
    assert columns[1].rows == columns[0].rows
    # The pickled names may differ in bytes (pickle shares strings a process has interned),
    # never in what they hold.
    assert [pickle.loads(columns[1].raw_prepared(row)) for row in range(columns[1].size)] == [
        pickle.loads(columns[0].raw_prepared(row)) for row in range(columns[0].size)
    ]
    query = SearchQuery(text="Haruto Nakamura")
    found = [[(hit.entity_id, hit.score) for hit in search(home, query).hits] for home in homes]
    assert found[1] == found[0] and found[0]


def test_a_bad_document_found_by_a_helper_fails_the_rebuild_and_keeps_the_live_index(
    tmp_path, make_doc
):
    home = IndexHome(tmp_path / "index")
    home.rebuild(_docs(make_doc, 1, 50))
    documents = _docs(make_doc, 1, 900)
    documents[700] = make_doc(700, kind="")
    with pytest.raises(InvalidDocument, match="2020/00700"):
        home.rebuild(documents, processes=1)
    assert search(home, SearchQuery()).total == 49


def test_only_large_builds_start_helpers_unless_told():
    assert helper_processes(500) == 0  # the test suite's builds stay in one process
    assert helper_processes(100_000) == (os.cpu_count() or 1)
    assert helper_processes(100_000, setting=0) == 0
    assert helper_processes(10, setting=3) == 3


def test_term_batches_add_the_same_segment_files_as_whoosh_add_document(
    tmp_path, monkeypatch, make_doc
):
    docs = [
        replace(doc, keywords=f"fraud {doc.keywords} fraud harbour1")
        for doc in _docs(make_doc, 1, 400)
    ]
    repeated = [
        name
        for values, _ in map(convert, docs)
        for name, terms in values.items()
        if isinstance(terms, list) and len(set(terms)) < len(terms)
    ]
    assert repeated  # some field lists a term twice: its frequency and weight are 2
    built = {}
    for label, writer in (("lists", writing._writer), ("whoosh", _posting_at_a_time_writer)):
        monkeypatch.setattr(writing, "_writer", writer)
        home = IndexHome(tmp_path / label)
        home.rebuild(docs)
        built[label] = _segment_files(home)
    assert built["lists"] == built["whoosh"]
