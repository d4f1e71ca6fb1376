"""Source positions recorded with index commits: what lets a follower resume exactly where its
index stands, and keeps two processes from applying the same changes twice."""

from __future__ import annotations

import os

import pytest

from search_index import IndexHome, SearchQuery, search


def ids(home) -> set[str]:
    return {hit.entity_id for hit in search(home, SearchQuery(per_page=100)).hits}


def commits(home) -> int:
    """How many Whoosh commits the live generation has had (one .toc per commit kept)."""
    from whoosh import index

    target = home.path(home.current_name())
    return index.open_dir(target, readonly=True).latest_generation()


def test_an_index_built_without_a_position_has_none(home, make_doc):
    assert home.position() is None  # no generation at all
    home.rebuild([make_doc(1)])
    assert home.position() is None and home.status().position is None


def test_a_rebuild_and_each_update_record_their_position(home, make_doc):
    home.rebuild([make_doc(1), make_doc(2)], position=7)
    assert home.position() == 7 and home.status().position == 7
    assert home.update([make_doc(3)], ["2020/00001"], position=9)
    assert home.position() == 9
    assert ids(home) == {"2020/00002", "2020/00003"}
    # Another process sees the same position (it is on disk, with the commit).
    assert IndexHome(home.root).position() == 9


def test_changes_already_applied_are_not_applied_again(home, make_doc):
    home.rebuild([make_doc(1)], position=5)
    assert home.update([make_doc(2)], position=8, unless_reached=True)
    before = commits(home)
    # A second applier of the same journal batch (or an older one) writes nothing.
    assert not home.update([make_doc(2)], position=8, unless_reached=True)
    assert not home.update([make_doc(3)], position=6, unless_reached=True)
    assert commits(home) == before and "2020/00003" not in ids(home)
    assert home.position() == 8


def test_a_position_never_goes_back_and_updates_without_one_keep_it(home, make_doc):
    home.rebuild([make_doc(1)], position=5)
    home.update([make_doc(2)], position=3)  # a reconcile that read an older position
    assert home.position() == 5
    home.update([make_doc(3)])
    assert home.position() == 5 and ids(home) == {"2020/00001", "2020/00002", "2020/00003"}


def test_a_position_alone_advances_without_a_commit(home, make_doc):
    """A reconcile that found nothing to repair: the same documents, known current at 12."""
    home.rebuild([make_doc(1)], position=5)
    before = commits(home)
    assert not home.update([], [], position=12)
    assert home.position() == 12 and commits(home) == before


def test_an_update_that_fails_leaves_the_position_as_it_was(home, make_doc, monkeypatch):
    import search_index.writing as writing

    home.rebuild([make_doc(1)], position=5)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(writing.Columns, "save", broken)
    with pytest.raises(OSError):
        home.update([make_doc(2)], position=9)
    monkeypatch.undo()
    assert home.position() == 5
    target = home.path(home.current_name())
    assert sorted(f for f in os.listdir(target) if f.startswith("position-")) == ["position-1"]
