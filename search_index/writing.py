"""Writing documents into a generation: Whoosh first, then its column file, then the commit."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.writing import SegmentWriter

from search_index import positions
from search_index.columns import Columns, Row, columns_path, names_path
from search_index.convert import InvalidDocument, convert
from search_index.converting import convert_all, in_batches
from search_index.documents import IndexDocument
from search_index.fields import ID, build_schema
from search_index.postwriting import CompactSegmentWriter
from search_index.term_batches import term_batch

PROGRESS_EVERY = 1000


def _writer(ix: Index) -> SegmentWriter:
    """A single-process writer whose postings stay in memory and are written a block at a
    time (see postings.py and postwriting.py)."""
    return CompactSegmentWriter(ix)


def write_generation(
    target: str,
    documents: Iterable[IndexDocument],
    progress: Callable[[int], None] | None = None,
    position: int | None = None,
    processes: int = 0,
) -> int:
    """Index all documents into the empty directory `target`; return the Whoosh commit number.
    `position` is the caller's source position the documents reflect (see positions.py);
    `processes` helper processes convert documents ahead of the writer (converting.py)."""
    ix = whoosh_index.create_in(target, build_schema())
    # One writer, one segment, no merge: doc numbers follow the documents' order, which
    # candidate ties rely on. Helper processes prepare term batches and encode fields; only
    # this process writes.
    writer = _writer(ix)
    if isinstance(writer, CompactSegmentWriter):
        writer.helpers = processes  # the same helpers encode its fields at commit
    commit = writer.generation
    try:
        rows = _add_all(writer, documents, processes, progress)
        positions.write(target, commit, position)
        # Whoosh's commit comes before the column file here: the postings and the writer's
        # term lists are freed before the columns are built, instead of being held with them
        # (peak ~770 MB at 100k notices). No reader opens this generation before the caller
        # has verified it and made it live, and a rebuild killed before the column file is
        # written leaves a generation without COMPLETE, which the next rebuild removes.
        writer.commit()
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        raise
    del writer
    count = len(rows)
    # The columns take the rows over one by one, so that each row's pickled names can be
    # freed as soon as they are copied into the names blob.
    Columns.build(_taken(rows)).save(columns_path(target, commit))
    if progress and count % PROGRESS_EVERY:
        progress(count % PROGRESS_EVERY)
    return commit


def _taken(rows: dict[str, Row]) -> Iterator[Row]:
    """The rows, each removed from the dict as it is handed out."""
    while rows:
        yield rows.popitem()[1]  # the columns order rows by themselves


def _add_all(
    writer: SegmentWriter,
    documents: Iterable[IndexDocument],
    processes: int,
    progress: Callable[[int], None] | None,
) -> dict[str, Row]:
    """Add every document to the writer; their column rows by entity id."""
    rows: dict[str, Row] = {}
    for batch_rows in _appended(writer, documents, processes):
        before = len(rows)
        for row in batch_rows:
            if row.entity_id in rows:
                raise InvalidDocument(f"duplicate entity_id {row.entity_id}")
            rows[row.entity_id] = row
        if progress:
            for _ in range(len(rows) // PROGRESS_EVERY - before // PROGRESS_EVERY):
                progress(PROGRESS_EVERY)  # progress() takes the number newly done
    return rows


def _appended(
    writer: SegmentWriter, documents: Iterable[IndexDocument], processes: int
) -> Iterator[list[Row]]:
    """Add the documents a batch at a time; each batch's column rows once it is added. Our
    writer takes term batches counted beside it; any other takes add_document as usual."""
    if isinstance(writer, CompactSegmentWriter):
        for batch in in_batches(documents, term_batch, processes):
            writer.add_batch(batch)
            yield batch.rows
        return
    for batch in in_batches(documents, convert_all, processes):
        for values, _ in batch:
            writer.add_document(**values)
        yield [row for _, row in batch]


def apply_update(
    target: str,
    upserts: list[IndexDocument],
    deletions: set[str],
    columns: Columns,
    position: int | None = None,
) -> int:
    """Upsert and delete on the live generation `target`; return the new commit number.
    `position` is recorded with the new commit (see positions.py).

    An id both upserted and deleted in one call is deleted; of repeated upserts the last wins.
    """
    latest = {doc.entity_id: doc for doc in upserts if doc.entity_id not in deletions}
    rows = {
        row.entity_id: row._replace(prepared=columns.raw_prepared(number))
        for number, row in enumerate(columns.rows)
    }
    writer = _writer(whoosh_index.open_dir(target))
    commit = writer.generation
    saved = columns_path(target, commit)
    try:
        for doc in latest.values():
            values, row = convert(doc)
            writer.update_document(**values)
            rows[row.entity_id] = row
        for entity_id in deletions:
            writer.delete_by_term(ID, entity_id)
            rows.pop(entity_id, None)
        Columns.build(rows.values(), previous=columns).save(saved)
        positions.write(target, commit, position)
        writer.commit()
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        for path in (saved, names_path(saved)):
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        positions.discard(target, commit)
        raise
    return commit
