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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from search_index import bitsets
from search_index.ages import ymd
from search_index.documents import IndexDocument
from search_index.interning import Interner
from search_index.names.table import NameTable
from search_index.range_keys import RangeKey  # also where older column files find it
from search_index.row_table import Row, RowTable  # Row: also where older files find it
from search_index.textfold import fold_code

FORMAT = 1
_DIGITS = re.compile(r"[0-9]+")


def columns_path(generation_path: str, commit: int) -> str:
    """The column file that belongs to one Whoosh commit (TOC generation) of a generation."""
    return os.path.join(generation_path, f"columns-{commit}.pickle")


# Row fields not worth sharing: (nearly) unique to their row (numbers are kept in arrays).
_OWN_ROW_FIELDS = frozenset(("entity_id", "un_reference", "token"))


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

    rows: RowTable
    everything: int
    facets: dict[str, dict[str, int]]  # kind / sex / nationality / wanted_by / picture
    references: dict[str, dict[str, list[int]]]  # un_reference / un_resolution -> rows
    name_order: array  # rows sorted by (sort_name, entity_id)
    dob_latest: RangeKey
    dob_earliest: RangeKey
    prepared_offsets: array  # row r's pickled prepared names: blob[offsets[r]:offsets[r + 1]]
    # Every row's prepared names, interned for re-scoring (built from the blob if absent).
    names: NameTable | None = field(default=None, repr=False)
    blob: bytes | mmap.mmap = field(default=b"", repr=False)
    # Rows by last change, latest first (ties newest first); None in files written before it.
    updated_order: array | None = None
    # Rows by entity id, for finding one row (a dict of every id held ~6 MB per process at
    # 100k notices); None in files written before it.
    id_order: array | None = None

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
        # From here on the table holds the rows, repeated values shared, without their pickled
        # names (the blob holds them): a caller that handed the rows over (writing._taken)
        # frees them now, not after the build.
        table = RowTable.from_rows(ordered, Interner(), _OWN_ROW_FIELDS)
        del ordered
        groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        references: dict[str, dict[str, list[int]]] = {"un_reference": {}, "un_resolution": {}}
        latest, earliest = [], []
        for number, row in enumerate(table):
            _group_row(groups, references, number, row)
            if row.dob_hi:
                latest.append((row.dob_hi, number))
                earliest.append((row.dob_lo, number))
        facets = {
            name: {value: bitsets.from_rows(members, nbits) for value, members in by_value.items()}
            for name, by_value in groups.items()
        }
        sort_names, entity_ids = table.column("sort_name"), table.column("entity_id")
        names = sorted(range(nbits), key=lambda n: (sort_names[n], entity_ids[n]))
        columns = cls(
            rows=table,
            everything=bitsets.full(nbits),
            facets=facets,
            references=references,
            name_order=array("l", names),
            dob_latest=RangeKey.build(latest, nbits),
            dob_earliest=RangeKey.build(earliest, nbits),
            prepared_offsets=offsets,
            blob=blob,
        )
        del groups, latest, earliest
        columns.id_order = columns.by_id()
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
        old_rows = previous.rows_by_id() if old_table else {}
        mapping: dict[int, tuple] = {}
        entity_ids = self.rows.column("entity_id")
        for row in range(self.size):
            raw = self.raw_prepared(row)
            old = old_rows.get(entity_ids[row])
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
        updated = self.rows.column("updated")
        return array("l", sorted(range(self.size), key=lambda n: (-updated[n], n)))

    def rows_by_id(self) -> dict[str, int]:
        """entity id -> row number of every row, for looking many up at once."""
        return {entity_id: number for number, entity_id in enumerate(self.rows.column("entity_id"))}

    def by_id(self) -> array:
        """Row numbers in entity id order."""
        entity_ids = self.rows.column("entity_id")
        return array("l", sorted(range(self.size), key=entity_ids.__getitem__))

    def row_number(self, entity_id: str) -> int | None:
        """The row of a notice, None when it has none."""
        entity_ids = self.rows.column("entity_id")
        order = self.id_order
        at = bisect_left(order, entity_id, key=entity_ids.__getitem__)
        if at < len(order) and entity_ids[order[at]] == entity_id:
            return order[at]
        return None

    def save(self, path: str) -> None:
        """Write `path` and `path`.names atomically; the names file first."""
        _write_atomic(names_path(path), lambda handle: handle.write(self.blob))
        # From now on the written file holds the blob, as for loaded columns: a rebuild's
        # copy in memory (~65 MB at 100k notices) is freed before the pickling needs memory.
        self.blob = _mapped_blob(names_path(path)) or self.blob
        skip = ("blob", "_name_rank")
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
        if not isinstance(state["rows"], RowTable):  # written when rows were kept as Rows
            state["rows"] = RowTable.from_rows(state["rows"])
        columns = cls(**state)
        columns.blob = _mapped_blob(names_path(path)) or b""
        if columns.names is None:  # written before the table was saved with the columns
            columns.names = columns.name_table()
        if columns.updated_order is None:  # written before rows knew their last change
            columns.updated_order = columns.by_update()
        if columns.id_order is None:  # written before rows were found by bisection
            columns.id_order = columns.by_id()
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


# The facets a result page counts (the picture facet only filters), each with the Row field
# holding its values and whether that field holds several: facet_values groups a row the same
# way, and facets.py counts a result set's rows by these columns.
FACET_COLUMNS = (
    ("kind", "kind", False),
    ("nationality", "nationalities", True),
    ("wanted_by", "wanted_by", True),
    ("sex", "sex", False),  # "" (none recorded) is no value
)
FACETS_COUNTED = tuple(facet for facet, _, _ in FACET_COLUMNS)


def facet_values(
    kind: str, sex: str, nationalities: tuple, wanted_by: tuple, has_picture: bool
) -> Iterator[tuple[str, str]]:
    """The (facet, value) pairs a row with these values is grouped under, for building the
    facet bitsets (FACET_COLUMNS says the same for the facets counted)."""
    yield "kind", kind
    if sex:
        yield "sex", sex
    for code in nationalities:
        yield "nationality", code
    for code in wanted_by:
        yield "wanted_by", code
    yield "picture", "yes" if has_picture else "no"


FACET_FIELDS = ("kind", "sex", "nationalities", "wanted_by", "has_picture")


def _group_row(
    groups: dict[str, dict[str, list[int]]],
    references: dict[str, dict[str, list[int]]],
    number: int,
    row: Row,
) -> None:
    for facet, value in facet_values(*(getattr(row, name) for name in FACET_FIELDS)):
        groups[facet][value].append(number)
    if row.un_reference:
        references["un_reference"].setdefault(row.un_reference, []).append(number)
    if row.un_resolution:
        references["un_resolution"].setdefault(row.un_resolution, []).append(number)
