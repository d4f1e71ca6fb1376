"""Index generations: rebuild and pointer switch, failed rebuilds, updates, drift, rollback."""

from __future__ import annotations

import os
import threading

import pytest

from search_index import (
    IndexHome,
    IndexNotFound,
    SearchQuery,
    VerificationError,
    search,
)
from search_index.convert import InvalidDocument


def total(home, **criteria) -> int:
    return search(home, SearchQuery(**criteria)).total


def names_found(home, text: str) -> list[str]:
    return [hit.entity_id for hit in search(home, SearchQuery(text=text)).hits]


def generation_dirs(home) -> list[str]:
    return sorted(name for name in os.listdir(home.root) if name.startswith("gen-"))


@pytest.fixture
def built(home, make_doc):
    home.rebuild([make_doc(n) for n in range(1, 6)] + [make_doc(9, family="VALDRIMO")])
    return home


def test_search_before_any_rebuild_says_so(home):
    with pytest.raises(IndexNotFound):
        search(home, SearchQuery())
    with pytest.raises(IndexNotFound):
        home.status()


def test_rebuild_switches_for_open_homes_without_restart(built, make_doc):
    other_process_view = IndexHome(built.root)
    assert total(built) == total(other_process_view) == 6
    first = built.status().name
    built.rebuild([make_doc(n, family="NEWGENNAME") for n in range(20, 23)])
    assert built.status().name != first
    assert total(built) == 3 and total(other_process_view) == 3
    assert names_found(other_process_view, "Valdrimo") == []
    assert len(names_found(built, "Quill Newgenname")) == 3


def test_status_and_pruning(built, make_doc):
    status = built.status()
    assert status.name == "gen-1" and status.doc_count == 6
    assert status.size_bytes > 0 and status.built_at is not None
    for _ in range(3):
        built.rebuild([make_doc(1)])
    assert generation_dirs(built) == ["gen-3", "gen-4"]  # the live one and the previous one


def test_rollback_returns_to_the_previous_generation(built, make_doc):
    built.rebuild([make_doc(1)])
    assert total(built) == 1
    assert built.rollback().name == "gen-1"
    assert total(built) == 6


def failing_documents(make_doc):
    yield make_doc(100)
    yield make_doc(101)
    raise RuntimeError("database went away")


def test_exception_midway_leaves_the_old_generation_serving(built, make_doc):
    searcher_before = built.searcher()
    with pytest.raises(RuntimeError, match="went away"):
        built.rebuild(failing_documents(make_doc))
    assert built.status().name == "gen-1"
    assert built.searcher() is searcher_before  # nothing changed, nothing reopened
    assert names_found(built, "Valdrimo") == ["2020/00009"]
    assert generation_dirs(built) == ["gen-1"]  # the half-written one is gone
    built.rebuild([make_doc(1)])
    assert total(built) == 1


@pytest.mark.parametrize(
    "expected",
    [{"2020/00001", "2020/00002", "2020/00099"}, 3, {"2020/00001"}],
    ids=["missing-id", "count", "extra-id"],
)
def test_verification_mismatch_leaves_the_old_generation_serving(built, make_doc, expected):
    with pytest.raises(VerificationError):
        built.rebuild([make_doc(1), make_doc(2)], expected_ids=expected)
    assert built.status().name == "gen-1" and total(built) == 6
    assert generation_dirs(built) == ["gen-1"]


def test_verification_passes_with_matching_expectations(home, make_doc):
    home.rebuild([make_doc(1), make_doc(2)], expected_ids={"2020/00001", "2020/00002"})
    home.rebuild([make_doc(1), make_doc(2)], expected_ids=2)
    assert total(home) == 2


def test_duplicate_or_invalid_documents_fail_the_rebuild(built, make_doc):
    with pytest.raises(InvalidDocument):
        built.rebuild([make_doc(1), make_doc(1)])
    with pytest.raises(InvalidDocument):
        built.rebuild([make_doc(1, entity_id="")])
    assert total(built) == 6


def test_progress_is_reported_as_newly_done_counts(home, make_doc):
    """Like every progress callback here (tqdm's update): the counts add up to the total."""
    seen = []
    home.rebuild((make_doc(n) for n in range(2500)), progress=seen.append)
    assert seen == [1000, 1000, 500]


def test_update_adds_changes_and_deletes(built, make_doc):
    searcher_before = built.searcher()
    assert total(built, kinds=("yellow",)) == 0
    built.update(
        [
            make_doc(30, family="ORMESTAN", kind="yellow"),  # added
            make_doc(9, family="PELLIGRAND", kind="yellow", nationalities=["XZ"]),  # changed
        ],
        ["2020/00001", "2020/00404"],  # withdrawn (an unknown id is ignored)
    )
    assert built.searcher() is not searcher_before  # reopened without restart
    assert total(built) == 6
    assert names_found(built, "Ormestan") == ["2020/00030"]
    assert names_found(built, "Pelligrand") == ["2020/00009"]
    assert names_found(built, "Valdrimo") == []
    assert total(built, kinds=("yellow",)) == 2
    assert search(built, SearchQuery()).facets["nationality"] == {"XA": 5, "XZ": 1}
    assert "2020/00001" not in [h.entity_id for h in search(built, SearchQuery()).hits]


def test_update_is_seen_by_another_open_home(built, make_doc):
    other = IndexHome(built.root)
    assert total(other) == 6
    built.update([], ["2020/00002"])
    assert total(other) == 5


def test_repeated_updates_and_an_upsert_that_is_also_deleted(built, make_doc):
    for round_number in range(5):
        built.update([make_doc(9, family=f"ROUNDNAME{round_number}")], [])
    assert names_found(built, "Roundname4") == ["2020/00009"]
    assert names_found(built, "Quill Testname3")[0] == "2020/00003"  # untouched rows match
    assert total(built) == 6
    built.update([make_doc(40)], ["2020/00040"])
    assert total(built) == 6  # deleted wins


def test_update_without_index_fails(home, make_doc):
    with pytest.raises(IndexNotFound):
        home.update([make_doc(1)], [])


def test_check_reports_drift(built, make_doc):
    ids = {f"2020/{n:05d}" for n in (1, 2, 3, 4, 5, 9)}
    assert built.check(ids).ok
    drift = built.check(ids - {"2020/00001"} | {"2020/00077"})
    assert drift.missing == {"2020/00077"} and drift.extra == {"2020/00001"}
    built.update([make_doc(2, token="v2")], [])
    tokens = {entity_id: "v2" for entity_id in ids}
    drift = built.check(tokens)
    assert drift.stale == ids - {"2020/00002"} and not drift.missing and not drift.extra


def test_each_thread_has_its_own_searcher(built):
    seen = []
    thread = threading.Thread(target=lambda: seen.append(built.searcher()))
    thread.start()
    thread.join()
    assert seen[0] is not built.searcher()
    assert seen[0].columns is built.searcher().columns  # column data is shared per process
    seen[0].close()


def test_an_empty_index_serves_and_takes_updates(home, make_doc):
    assert home.rebuild([], expected_ids=0).doc_count == 0
    page = search(home, SearchQuery(text="Anyone", keywords="fraud", age_min=30))
    assert page.total == 0 and page.hits == []
    assert home.check(set()).ok
    home.update([make_doc(1, family="BOLDARO")], [])
    assert names_found(home, "Boldaro") == ["2020/00001"]


def test_check_does_not_count_withdrawn_documents_as_extra(tmp_path):
    """A load withdraws notices through update(); check() must then agree with the database."""
    from datetime import datetime

    from search_index import IndexDocument, IndexHome, PersonName

    home = IndexHome(tmp_path / "ix")
    docs = [
        IndexDocument(
            entity_id=f"2020/{n}",
            kind="red",
            token=f"t{n}",
            names=[PersonName("ANNA", f"EXAMPLE{n}")],
            sort_name=f"example{n}",
            published=datetime(2020, 1, 1),
        )
        for n in range(1, 6)
    ]
    home.rebuild(docs)
    home.update([], ["2020/3"])
    drift = home.check({d.entity_id: d.token for d in docs if d.entity_id != "2020/3"})
    assert drift.ok, drift


def test_a_damaged_generation_fails_at_once_without_waiting(built, monkeypatch):
    """Missing segment files used to hold each search ~1.8 s in Whoosh's sleep-and-retry loop
    (three of our attempts x ten of Whoosh's); nothing moves, so nothing is worth waiting for."""
    import whoosh.index

    generation = os.path.join(built.root, built.current_name())
    for name in os.listdir(generation):
        if name.endswith(".seg"):
            os.unlink(os.path.join(generation, name))
    sleeps = []
    monkeypatch.setattr(whoosh.index, "sleep", sleeps.append)
    fresh = IndexHome(built.root)  # no searcher open yet, as in a new worker
    for _ in range(3):
        with pytest.raises(OSError):
            search(fresh, SearchQuery(text="valdrimo"))
    assert sleeps == []


def test_a_writer_swapping_files_is_still_retried(built, make_doc, monkeypatch):
    """The one case worth a retry: files change between reading the pointer and opening."""
    from search_index import searching

    real = searching._open_commit
    calls = []

    def flaky(generation, path, stamps):
        calls.append(path)
        if len(calls) == 1:
            built.update([make_doc(20, family="LATECOMER")])  # a writer at work meanwhile
            raise FileNotFoundError("segment replaced by a writer")
        return real(generation, path, stamps)

    monkeypatch.setattr(searching, "_open_commit", flaky)
    fresh = IndexHome(built.root)
    assert total(fresh) == 7  # the retry opened the writer's new commit
    assert len(calls) == 2
