"""Per-generation column data: filters, facets and sorts answered from bitsets, not from Whoosh.

Rows are numbered in "newest first" order (published descending, ties by entity id descending
with its digit runs compared as numbers: 2024/120 is newer than 2024/99), so a browse page is
simply the n-th set bits of the filter bitset. The file is written beside the Whoosh
files of a generation, once per Whoosh commit, and loaded once per process and commit.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, NamedTuple

from search_index import bitsets
from search_index.ages import ymd
from search_index.documents import IndexDocument
from search_index.interning import Interner
from search_index.names.table import NameTable
from search_index.range_keys import RangeKey  # also where older column files find it
from search_index.textfold import fold_code

FORMAT = 1
_DIGITS = re.compile(r"[0-9]+")


def columns_path(generation_path: str, commit: int) -> str:
    """The column file that belongs to one Whoosh commit (TOC generation) of a generation."""
    return os.path.join(generation_path, f"columns-{commit}.pickle")


class Row(NamedTuple):
    """The column values of one notice (and its prepared names for re-scoring)."""

    entity_id: str
    kind: str
    sex: str
    nationalities: tuple[str, ...]
    wanted_by: tuple[str, ...]
    dob_lo: int  # YYYYMMDD of the earliest possible birth day, 0 if unknown
    dob_hi: int  # YYYYMMDD of the latest possible birth day, 0 if unknown
    published: float  # POSIX timestamp
    has_picture: bool
    sort_name: str
    un_reference: str  # folded
    un_resolution: str  # folded
    token: str | None
    prepared: bytes  # pickled names.prepare_names(); empty once moved to the .names file
    # Last; defaulted so that column files written before it existed still load.
    updated: float = 0.0  # POSIX timestamp of the last change, 0 if unknown


def _shared(rows: list[Row]) -> list[Row]:
    """The rows without their prepared names (they go to the blob), repeated values shared."""
    intern = Interner()
    shared = []
    for row in rows:
        values = intern.fields(row, _OWN_ROW_FIELDS)
        values[_PREPARED] = b""
        shared.append(Row._make(values))
    return shared


# Row fields not worth sharing: (nearly) unique to their row, or numbers, which pickle does
# not keep shared (each load makes its own int and float objects).
_OWN_ROW_FIELDS = frozenset(
    Row._fields.index(name)
    for name in ("entity_id", "un_reference", "token", "prepared")  # unique
    + ("dob_lo", "dob_hi", "published", "has_picture", "updated")  # numbers
)
_PREPARED = Row._fields.index("prepared")


def newest_first(rows: Iterable[Row]) -> list[Row]:
    """Rows newest first: later published first; ties by entity id, its digit runs compared
    as numbers, highest first (2024/120 before 2024/99); then by the id itself, descending."""
    # Two stable sorts: the second keeps the first's order among its own ties.
    ordered = sorted(rows, key=lambda row: row.entity_id, reverse=True)
    ordered.sort(key=_newest_key)
    return ordered


def _newest_key(row: Row) -> tuple:
    return (-row.published, tuple(-int(run) for run in _DIGITS.findall(row.entity_id)))


def row_from_document(doc: IndexDocument, prepared: bytes) -> Row:
    """The Row of one document; `prepared` is the pickled names.prepare_names(doc.names)."""
    return Row(
        entity_id=doc.entity_id,
        kind=doc.kind,
        sex=doc.sex or "",
        nationalities=tuple(dict.fromkeys(doc.nationalities)),
        wanted_by=tuple(dict.fromkeys(doc.wanted_by)),
        dob_lo=ymd(doc.dob_earliest or doc.dob_latest),
        dob_hi=ymd(doc.dob_latest or doc.dob_earliest),
        published=doc.published.timestamp(),
        has_picture=bool(doc.has_picture),
        sort_name=doc.sort_name,
        un_reference=fold_code(doc.un_reference),
        un_resolution=fold_code(doc.un_resolution),
        token=doc.token,
        prepared=prepared,
        updated=doc.updated.timestamp() if doc.updated else 0.0,
    )


@dataclass
class Columns:
    """Everything search needs besides Whoosh, for one Whoosh commit of one generation."""

    rows: list[Row]
    everything: int
    facets: dict[str, dict[str, int]]  # kind / sex / nationality / wanted_by / picture
    references: dict[str, dict[str, list[int]]]  # un_reference / un_resolution -> rows
    name_order: array  # rows sorted by (sort_name, entity_id)
    dob_latest: RangeKey
    dob_earliest: RangeKey
    prepared_offsets: array  # row r's pickled prepared names: blob[offsets[r]:offsets[r + 1]]
    # Every row's prepared names, interned for re-scoring (built from the blob if absent).
    names: NameTable | None = field(default=None, repr=False)
    row_of: dict[str, int] = field(default_factory=dict, repr=False)
    blob: bytes | mmap.mmap = field(default=b"", repr=False)
    # Rows by last change, latest first (ties newest first); None in files written before it.
    updated_order: array | None = None

    @classmethod
    def build(cls, rows: Iterable[Row], previous: Columns | None = None) -> Columns:
        """Derive all bitsets and orders from the rows (in any order); `previous`, the columns
        an update starts from, saves analysing the names of the rows it carries over."""
        ordered = newest_first(rows)
        nbits = len(ordered)
        offsets = array("q", [0])
        for row in ordered:
            offsets.append(offsets[-1] + len(row.prepared))
        blob = b"".join(row.prepared for row in ordered)
        # From here on without their pickled names (the blob holds them): a caller that
        # handed the rows over (writing._taken) frees them now, not after the build.
        ordered = _shared(ordered)
        groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        references: dict[str, dict[str, list[int]]] = {"un_reference": {}, "un_resolution": {}}
        latest, earliest = [], []
        for number, row in enumerate(ordered):
            _group_row(groups, references, number, row)
            if row.dob_hi:
                latest.append((row.dob_hi, number))
                earliest.append((row.dob_lo, number))
        facets = {
            name: {value: bitsets.from_rows(members, nbits) for value, members in by_value.items()}
            for name, by_value in groups.items()
        }
        names = sorted(range(nbits), key=lambda n: (ordered[n].sort_name, ordered[n].entity_id))
        columns = cls(
            rows=ordered,
            everything=bitsets.full(nbits),
            facets=facets,
            references=references,
            name_order=array("l", names),
            dob_latest=RangeKey.build(latest, nbits),
            dob_earliest=RangeKey.build(earliest, nbits),
            prepared_offsets=offsets,
            blob=blob,
        )
        columns.row_of = {row.entity_id: number for number, row in enumerate(ordered)}
        columns.names = columns.name_table(previous)
        columns.updated_order = columns.by_update()
        return columns

    @property
    def size(self) -> int:
        """Number of rows (live notices)."""
        return len(self.rows)

    def raw_prepared(self, row: int) -> bytes:
        """The pickled prepared names of a row (for match_name, and carried over by updates)."""
        offsets = self.prepared_offsets
        return bytes(self.blob[offsets[row] : offsets[row + 1]])

    def name_table(self, previous: Columns | None = None) -> NameTable:
        """The prepared names of every row, interned (~1 s at 100k notices); the rows whose
        prepared names `previous` holds unchanged are copied from its table instead."""
        table = NameTable()
        old_table = previous.names if previous is not None else None
        mapping: dict[int, tuple] = {}
        for row in range(self.size):
            raw = self.raw_prepared(row)
            old = previous.row_of.get(self.rows[row].entity_id) if old_table else None
            if old is not None and previous.raw_prepared(old) == raw:
                table.add_from(old_table, old, mapping)
            else:
                table.add(pickle.loads(raw) if raw else ())
        table.forget_shared()
        return table

    def name_rank(self) -> array:
        """row -> position in name order, computed once per Columns (a sort key for ties)."""
        rank = getattr(self, "_name_rank", None)
        if rank is None:
            rank = array("l", [0]) * self.size
            for position, row in enumerate(self.name_order):
                rank[row] = position
            self._name_rank = rank
        return rank

    def by_update(self) -> array:
        """Rows by last change, latest first; equal times keep the newest-first row order."""
        rows = self.rows
        return array("l", sorted(range(self.size), key=lambda n: (-rows[n].updated, n)))

    def save(self, path: str) -> None:
        """Write `path` and `path`.names atomically; the names file first."""
        _write_atomic(names_path(path), lambda handle: handle.write(self.blob))
        # From now on the written file holds the blob, as for loaded columns: a rebuild's
        # copy in memory (~65 MB at 100k notices) is freed before the pickling needs memory.
        self.blob = _mapped_blob(names_path(path)) or self.blob
        skip = ("row_of", "blob", "_name_rank")
        state = {"format": FORMAT, **{k: v for k, v in vars(self).items() if k not in skip}}
        _write_atomic(
            path, lambda handle: pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
        )

    @classmethod
    def load(cls, path: str) -> Columns:
        """Read files written by save() (our own index directory: pickle is trusted here).

        The pickled prepared names stay on disk, memory-mapped (updates carry them over); the
        interned NameTable that re-scoring reads comes with the column file.
        """
        with open(path, "rb") as handle:
            state = pickle.load(handle)
        if state.pop("format", None) != FORMAT:
            raise ValueError(f"{path}: unknown column file format")
        columns = cls(**state)
        columns.row_of = {row.entity_id: number for number, row in enumerate(columns.rows)}
        columns.blob = _mapped_blob(names_path(path)) or b""
        if columns.names is None:  # written before the table was saved with the columns
            columns.names = columns.name_table()
        if columns.updated_order is None:  # written before rows knew their last change
            columns.updated_order = columns.by_update()
        return columns


def names_path(path: str) -> str:
    """The file of pickled prepared names beside a column file."""
    return path + ".names"


def _mapped_blob(path: str) -> mmap.mmap | None:
    """The names file memory-mapped; None when it is empty (an empty file cannot be mapped)."""
    with open(path, "rb") as handle:
        if not os.fstat(handle.fileno()).st_size:
            return None
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _write_atomic(path: str, write: Callable[[BinaryIO], None]) -> None:
    temporary = f"{path}.tmp-{os.getpid()}"
    try:
        with open(temporary, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        # A full disk must not stay full of half-written column files.
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# The facets a result page counts (the picture facet only filters).
FACETS_COUNTED = ("kind", "nationality", "wanted_by", "sex")


def facet_values(row: Row) -> Iterator[tuple[str, str]]:
    """The (facet, value) pairs a row is grouped under: one place for building the facet
    bitsets and for counting a few rows (facets.py)."""
    yield "kind", row.kind
    if row.sex:
        yield "sex", row.sex
    for code in row.nationalities:
        yield "nationality", code
    for code in row.wanted_by:
        yield "wanted_by", code
    yield "picture", "yes" if row.has_picture else "no"


def _group_row(
    groups: dict[str, dict[str, list[int]]],
    references: dict[str, dict[str, list[int]]],
    number: int,
    row: Row,
) -> None:
    for facet, value in facet_values(row):
        groups[facet][value].append(number)
    if row.un_reference:
        references["un_reference"].setdefault(row.un_reference, []).append(number)
    if row.un_resolution:
        references["un_resolution"].setdefault(row.un_resolution, []).append(number)
