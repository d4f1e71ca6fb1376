"""The index home: generations of the index, the CURRENT pointer, rebuild, update, check.

    root/LOCK        flock'ed by rebuild and update, so processes take turns
    root/CURRENT     name of the live generation (replaced atomically)
    root/PREVIOUS    the generation before it, kept for rollback
    root/gen-<n>/    Whoosh files + columns-<commit>.pickle + HEAD (latest commit) + COMPLETE.json
                     + position-<commit> (the caller's source position, see positions.py)

A rebuild writes a fresh gen-<n>, verifies it and only then switches CURRENT; anything that
stops it earlier (an exception, SIGKILL) leaves CURRENT on the old generation, and the next
rebuild deletes the half-written directory.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime

from whoosh import index as whoosh_index

from search_index import positions, storage
from search_index.columns import Columns, columns_path
from search_index.documents import Drift, GenerationInfo, IndexDocument
from search_index.fields import commit_of, indexed_ids
from search_index.layout import COMPLETE, CURRENT, HEAD, LOCK, PREVIOUS
from search_index.searching import Searcher, commit_stamps, open_searcher, thread_searcher
from search_index.writing import apply_update, write_generation

_GENERATION = re.compile(r"^gen-([0-9]+)$")


class IndexNotFound(RuntimeError):
    """Raised when no generation has been built yet."""


class VerificationError(RuntimeError):
    """Raised when a freshly written generation does not hold the expected documents."""


class IndexHome:
    """A directory of index generations, shared by every process of one deployment."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = os.path.abspath(os.fspath(root))
        os.makedirs(self.root, exist_ok=True)
        self._local = threading.local()

    # -- paths and pointers -------------------------------------------------------------
    def path(self, name: str) -> str:
        return os.path.join(self.root, name)

    def current_name(self) -> str | None:
        """Name of the live generation, or None before the first rebuild."""
        return storage.read_text(self.path(CURRENT)) or None

    def live_stamp(self) -> tuple | None:
        """Identity of the commit a reader opens now: the live generation and the file
        versions of CURRENT and of its HEAD, which every switch and commit replace. Cheap (one
        small read, two stats): what a cache of answers keys on. None without an index."""
        name = self.current_name()
        return (name, *commit_stamps(self, name)) if name else None

    def require_current(self) -> str:
        """Name of the live generation; IndexNotFound when there is none on disk."""
        name = self.current_name()
        if not name or not os.path.isdir(self.path(name)):
            raise IndexNotFound(f"no index generation in {self.root}; run a rebuild first")
        return name

    def _generation_numbers(self) -> list[int]:
        found = (_GENERATION.match(entry) for entry in os.listdir(self.root))
        return sorted(int(match.group(1)) for match in found if match)

    def _switch(self, name: str) -> None:
        previous = self.current_name()
        if previous and previous != name:
            storage.write_atomic(self.path(PREVIOUS), previous + "\n")
        storage.write_atomic(self.path(CURRENT), name + "\n")

    def _prune(self) -> None:
        """Delete every generation except the live one and the one before it."""
        keep = {self.current_name(), storage.read_text(self.path(PREVIOUS))}
        for number in self._generation_numbers():
            name = f"gen-{number}"
            if name not in keep:
                shutil.rmtree(self.path(name), ignore_errors=True)

    # -- lifecycle ----------------------------------------------------------------------
    def rebuild(
        self,
        documents: Iterable[IndexDocument],
        expected_ids: set[str] | int | None = None,
        progress: Callable[[int], None] | None = None,
        position: int | None = None,
        processes: int = 0,
    ) -> GenerationInfo:
        """Write a complete new generation, verify it, then make it the live one. `position`
        is the source position the documents reflect (recorded with the generation);
        `processes` helper processes analyse names meanwhile (converting.py)."""
        with storage.exclusive_lock(self.path(LOCK)):
            numbers = self._generation_numbers()  # before pruning: names are never reused
            name = f"gen-{(numbers[-1] + 1) if numbers else 1}"
            self._prune()  # half-written generations of killed rebuilds go first
            target = self.path(name)
            os.mkdir(target)
            try:
                commit = write_generation(target, documents, progress, position, processes)
                count = _verify(target, commit, expected_ids)
                storage.write_atomic(os.path.join(target, HEAD), f"{commit}\n")
                built = {"built_at": datetime.now(UTC).isoformat(), "doc_count": count}
                storage.write_atomic(os.path.join(target, COMPLETE), json.dumps(built))
                storage.fsync_tree(target)
            except BaseException:
                shutil.rmtree(target, ignore_errors=True)
                raise
            self._switch(name)
            self._prune()
        return self.status()

    def rollback(self) -> GenerationInfo:
        """Make the previous generation live again (incremental updates since are lost)."""
        with storage.exclusive_lock(self.path(LOCK)):
            previous = storage.read_text(self.path(PREVIOUS))
            if not previous or not os.path.isdir(self.path(previous)):
                raise IndexNotFound("no previous generation to roll back to")
            self._switch(previous)
        return self.status()

    def update(
        self,
        upserts: Iterable[IndexDocument],
        deletions: Iterable[str] = (),
        *,
        position: int | None = None,
        unless_reached: bool = False,
    ) -> bool:
        """Apply added/changed documents and withdrawn ids to the live generation; True when
        the index changed.

        `position` is the source position these changes bring the index to; it is recorded
        with the commit and never goes back (None keeps the recorded one). With
        `unless_reached`, nothing is written when the index already records `position` or a
        later one: the changes were applied before (by another process, say).
        """
        upserts = list(upserts)
        deletions = set(deletions)
        if not upserts and not deletions and position is None:
            return False
        with storage.exclusive_lock(self.path(LOCK)):
            target = self.path(self.require_current())
            latest, recorded = positions.latest(target)
            if unless_reached and _reached(recorded, position):
                return False
            new_position = positions.later(recorded, position)
            if not upserts and not deletions:
                if new_position != recorded:  # the same documents, now known to be current
                    positions.write(target, latest, new_position)
                return False
            columns = Columns.load(columns_path(target, latest))
            commit = apply_update(target, upserts, deletions, columns, new_position)
            storage.write_atomic(os.path.join(target, HEAD), f"{commit}\n")
            _drop_old_columns(target, keep_from=commit - 1)
            positions.drop_older(target, keep_from=commit - 1)
        return True

    def position(self) -> int | None:
        """The source position recorded with the live generation's latest commit (None when
        there is no generation, or it was written without one)."""
        name = self.current_name()
        if not name or not os.path.isdir(self.path(name)):
            return None
        return positions.latest(self.path(name))[1]

    def check(self, expected: Mapping[str, str] | set[str] | Iterable[str]) -> Drift:
        """Compare the live index with the database: ids missing, extra, or with stale tokens."""
        target = self.path(self.require_current())
        ix = whoosh_index.open_dir(target, readonly=True)
        with ix.reader() as reader:
            # Deleted documents stay in their segment until a merge: they are not "extra".
            whoosh_ids = {
                entity_id
                for number, entity_id in enumerate(indexed_ids(reader))
                if not reader.is_deleted(number)
            }
            commit = commit_of(reader, ix)
        columns = Columns.load(columns_path(target, commit))
        column_ids = set(columns.rows.column("entity_id"))
        tokens = expected if isinstance(expected, Mapping) else None
        wanted = set(expected)
        present = whoosh_ids & column_ids
        stale = set()
        if tokens is not None:
            stale = {
                row.entity_id
                for row in columns.rows
                if row.entity_id in wanted and row.token != tokens[row.entity_id]
            }
        return Drift(
            missing=frozenset(wanted - present),
            extra=frozenset((whoosh_ids | column_ids) - wanted),
            stale=frozenset(stale),
        )

    def status(self) -> GenerationInfo:
        """The live generation: name, documents, bytes on disk, when it was built."""
        name = self.require_current()
        target = self.path(name)
        built = json.loads(storage.read_text(os.path.join(target, COMPLETE)) or "{}")
        ix = whoosh_index.open_dir(target, readonly=True)
        built_at = built.get("built_at")
        return GenerationInfo(
            name=name,
            doc_count=ix.doc_count(),
            size_bytes=storage.tree_size(target),
            built_at=datetime.fromisoformat(built_at) if built_at else None,
            path=target,
            position=positions.latest(target)[1],
        )

    def preload(self) -> None:
        """Load the live commit's column snapshot into this process now (what the first search
        would do), keeping no searcher for the calling thread: that thread may never search
        again, and its searcher would hold an old snapshot after the next switch."""
        open_searcher(self).close()

    def searcher(self) -> Searcher:
        """This thread's searcher, reopened when the live generation or its content changed."""
        return thread_searcher(self, self._local)

    def answering_stamp(self) -> tuple:
        """The live_stamp() of the commit this thread's searcher answers from: the live one,
        or while another thread reads the live one's snapshot, the one before (see
        thread_searcher)."""
        searcher = self.searcher()
        return (searcher.generation, *searcher.stamps)


def _verify(target: str, commit: int, expected_ids: set[str] | int | None) -> int:
    ix = whoosh_index.open_dir(target, readonly=True)
    with ix.reader() as reader:
        if commit_of(reader, ix) != commit:
            raise VerificationError(f"expected commit {commit}, found {commit_of(reader, ix)}")
        ids = indexed_ids(reader)
        count = reader.doc_count()
    columns = Columns.load(columns_path(target, commit))
    if count != len(ids) or set(ids) != set(columns.rows.column("entity_id")):
        raise VerificationError("Whoosh documents and column rows disagree")
    if isinstance(expected_ids, int) and not isinstance(expected_ids, bool):
        if count != expected_ids:
            raise VerificationError(f"index holds {count} documents, expected {expected_ids}")
    elif expected_ids is not None:
        missing = set(expected_ids) - set(ids)
        extra = set(ids) - set(expected_ids)
        if missing or extra:
            raise VerificationError(
                f"index differs from expected ids: {len(missing)} missing "
                f"(e.g. {sorted(missing)[:3]}), {len(extra)} extra (e.g. {sorted(extra)[:3]})"
            )
    return count


def _reached(recorded: int | None, position: int | None) -> bool:
    return recorded is not None and position is not None and recorded >= position


def _drop_old_columns(target: str, keep_from: int) -> None:
    """Delete column files of commits older than `keep_from` (readers may still load that one)."""
    for entry in os.listdir(target):
        match = re.match(r"^columns-([0-9]+)\.pickle(\.names)?$", entry)
        if match and int(match.group(1)) < keep_from:
            os.remove(os.path.join(target, entry))
