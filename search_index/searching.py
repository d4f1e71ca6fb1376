"""Searchers: one Whoosh searcher per thread plus column data shared by the whole process."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import weakref
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.reading import IndexReader
from whoosh.searching import Searcher as WhooshSearcher

from search_index import storage
from search_index.columns import Columns, columns_path
from search_index.fields import commit_of, indexed_ids
from search_index.layout import CURRENT, HEAD
from search_index.segment_files import SharedPartsStorage

if TYPE_CHECKING:  # imports for annotations only (some would be circular)
    from search_index.home import IndexHome


T = TypeVar("T")
_NO_FULL_COLLECTION = 1 << 30  # a third threshold no load reaches
_OPEN_ATTEMPTS = 3  # a writer may delete files between reading the pointer and opening them


@dataclass
class Snapshot:
    """Column data of one Whoosh commit, and the map from Whoosh doc numbers to rows."""

    columns: Columns
    doc_rows: array  # Whoosh docnum -> row number, -1 for deleted documents
    cache: dict = field(default_factory=dict)  # kind -> what kept() keeps of that kind
    lock: threading.Lock = field(default_factory=threading.Lock)

    def kept(self, kind: str, key: object, compute: Callable[[], T], limit: int) -> T:
        """compute(), kept with this commit under (kind, key): at most `limit` of each kind,
        the least recently used dropped first. Computed outside the lock (threads that miss
        at once may each compute; the results are equal)."""
        with self.lock:
            of_kind: OrderedDict = self.cache.setdefault(kind, OrderedDict())
            found = of_kind.get(key)
            if found is not None:
                of_kind.move_to_end(key)
                return found
        found = compute()
        with self.lock:
            of_kind[key] = found
            while len(of_kind) > limit:
                of_kind.popitem(last=False)
        return found


# Every snapshot some searcher still uses: a thread that has not reopened since a switch keeps
# its old one alive, and the last thread to reopen frees it (~250 MB at 100k notices; keeping
# the previous snapshot as well held that much more in every worker after every load).
_snapshots: weakref.WeakValueDictionary[tuple[str, int, int], Snapshot] = (
    weakref.WeakValueDictionary()
)
_latest: list[Snapshot] = []  # the last one loaded, kept while no thread searches it
_snapshots_lock = threading.Lock()
_loading_lock = threading.Lock()
_reopening_lock = threading.Lock()  # held by the one thread reopening (see thread_searcher)


def _load_snapshot(path: str, ix: Index, reader: IndexReader) -> Snapshot:
    commit = commit_of(reader, ix)
    key = (path, os.stat(path).st_ino, commit)
    found = _cached_snapshot(key)
    if found is not None:
        return found
    # One thread loads (~0.6 s at 100k notices) while the others wait for it: loading the same
    # snapshot in every thread of a worker at once made each load several times slower.
    with _loading_lock:
        found = _cached_snapshot(key)
        if found is not None:
            return found
        with _collector_settling():
            snapshot = _read_snapshot(path, commit, reader)
        with _snapshots_lock:
            _snapshots[key] = snapshot
            _latest[:] = [snapshot]
        return snapshot


@contextlib.contextmanager
def _collector_settling() -> Iterator[None]:
    """Read a snapshot out of the collector's sight, then freeze what the process holds.

    A snapshot of 100k notices is ~750,000 objects that every full collection walked (~200 ms,
    stalling a request at random); they are never cyclic garbage, and reference counting still
    frees them when the snapshot is dropped (memory stays flat over reloads). Collecting first
    keeps garbage that is already cyclic out of the frozen set. While the snapshot is read,
    full collections are held back: each one walked the part read so far, without letting the
    worker's other threads run (40-110 ms stalls, several per read, and one more collection
    over all of it at the end). Young collections still run, so the garbage of requests
    answered meanwhile is collected as it would be.
    """
    young, middle, full = gc.get_threshold()
    gc.collect()
    gc.set_threshold(young, middle, _NO_FULL_COLLECTION)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(young, middle, full)


def _cached_snapshot(key: tuple) -> Snapshot | None:
    with _snapshots_lock:
        return _snapshots.get(key)


def _read_snapshot(path: str, commit: int, reader: IndexReader) -> Snapshot:
    columns = Columns.load(columns_path(path, commit))
    row_of = columns.rows_by_id()  # for this once: searching finds rows by bisection
    doc_rows = array("l", (row_of.get(entity_id, -1) for entity_id in indexed_ids(reader)))
    if reader.has_deletions():
        for docnum in range(len(doc_rows)):
            if reader.is_deleted(docnum):
                doc_rows[docnum] = -1
    if columns.names is not None:
        columns.names.features()  # here, not in the first one-word query (saved key index: ~0.1 s)
    return Snapshot(columns, doc_rows)


class Searcher:
    """A Whoosh searcher and the column snapshot of the same commit. Not thread-safe."""

    def __init__(
        self,
        generation: str,
        path: str,
        whoosh_searcher: WhooshSearcher,
        snapshot: Snapshot,
        stamps: tuple,
    ):
        self.generation = generation
        self.path = path
        self.whoosh = whoosh_searcher
        self.snapshot = snapshot
        self.columns = snapshot.columns
        self.stamps = stamps

    def close(self) -> None:
        self.whoosh.close()


def commit_stamps(home: IndexHome, generation: str) -> tuple:
    """File versions of CURRENT and of the generation's HEAD: every switch and commit
    replaces one of them, so a reader compares them to know whether to reopen."""
    return (
        storage.stat_key(home.path(CURRENT)),
        storage.stat_key(os.path.join(home.path(generation), HEAD)),
    )


def open_searcher(home: IndexHome) -> Searcher:
    """Open the live generation's latest commit, retrying only while a writer is changing its
    files; a damaged generation fails at once (a public request must not wait for it)."""
    error: Exception | None = None
    for _ in range(_OPEN_ATTEMPTS):
        generation = home.require_current()
        path = home.path(generation)
        stamps = commit_stamps(home, generation)  # taken first: a later change triggers a reopen
        before = _listing(path)
        try:
            return _open_commit(generation, path, stamps)
        except (OSError, whoosh_index.EmptyIndexError) as caught:
            error = caught
        if _listing(path) == before and commit_stamps(home, generation) == stamps:
            break  # nothing moved under us: the files are damaged, and retrying cannot help
    assert error is not None
    raise error


def _listing(path: str) -> frozenset[str] | None:
    """The generation directory's file names: a writer at work changes them."""
    try:
        return frozenset(os.listdir(path))
    except OSError:
        return None


def _open_commit(generation: str, path: str, stamps: tuple) -> Searcher:
    ix = SharedPartsStorage(path).open_index()
    whoosh_searcher = WhooshSearcher(_reader_once(ix), fromindex=ix)
    try:
        snapshot = _load_snapshot(path, ix, whoosh_searcher.reader())
    except BaseException:
        whoosh_searcher.close()
        raise
    return Searcher(generation, path, whoosh_searcher, snapshot, stamps)


def _reader_once(ix: Index) -> IndexReader:
    """The index's reader, tried once: Whoosh's own reader() sleeps and retries ten times on a
    missing file, which held every request half a second per try on a damaged index (our own
    loop above retries when a writer is at work)."""
    try:
        toc = ix._read_toc()
        return ix._reader(ix.storage, toc.schema, toc.segments, toc.generation)
    except AttributeError:  # another Whoosh release without these internals: its own way
        return ix.reader()


def thread_searcher(home: IndexHome, local: threading.local) -> Searcher:
    """The calling thread's searcher, reopened if CURRENT or the generation's HEAD changed.

    One thread of the process reopens at a time. Meanwhile a thread that has a searcher
    answers from it, as it did a moment before (a thread without one waits). Every thread
    reopening at once after a switch held every request in flight for the ~0.8 s that reading
    a new snapshot of 100k notices takes (p99 ~1 s while staff worked); now the one reopening
    thread pays alone.
    """
    current: Searcher | None = getattr(local, "searcher", None)
    if current is None:
        _reopening_lock.acquire()
    elif current.stamps == commit_stamps(home, current.generation) or not _may_reopen():
        return current
    try:
        if current is not None:
            current.close()
            local.searcher = None
        local.searcher = open_searcher(home)
    finally:
        _reopening_lock.release()
    return local.searcher


def _may_reopen() -> bool:
    """Take the reopening turn unless another thread has it or is reading a snapshot."""
    return not _loading_lock.locked() and _reopening_lock.acquire(blocking=False)
