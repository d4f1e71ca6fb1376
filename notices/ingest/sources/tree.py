"""Turn the entries of an extract tree (directory or archive) into SourceItems, one per notice."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from notices.domain import KIND_PATHS
from notices.ingest.memo import file_key, input_digest
from notices.ingest.record import PictureSource
from notices.ingest.sources import layout
from notices.ingest.sources.base import FetchOptions, ReadError, SourceItem, rejected
from notices.ingest.sources.safejson import parse_document


@dataclass
class Entry:
    """One file of a tree; `read(limit)` returns at most `limit` bytes or raises ReadError."""

    path: str  # relative to the tree root, '/'-separated
    origin: str  # what the operator sees in reports
    read: Callable[[int], bytes] | None = None
    problem: str | None = None  # refused outright: link, device, unsafe name, duplicate
    position: int = 0  # order inside the container (used for tar archives)
    file: File | None = None  # a file of a directory, whose identity can be known


class File(Protocol):
    """A file whose identity (notices.ingest.memo.file_key) the source can tell: None when it
    cannot be trusted. Each method reads at most `limit` bytes or raises ReadError."""

    def signature(self, limit: int) -> str | None:
        """The file's identity, without reading it."""

    def signed_read(self, limit: int) -> tuple[bytes, str | None]:
        """The file's bytes and its identity before they were read."""


@dataclass
class _Group:
    kind: str
    entity_id: str
    details: list[Entry] = field(default_factory=list)  # more than one: all are refused
    images_list: Entry | None = None
    pictures: dict[str, list[Entry]] = field(default_factory=dict)
    problems: list[SourceItem] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    picture_positions: list[int] = field(default_factory=list)


def assemble(
    entries: Iterable[Entry],
    *,
    kinds: set[str],
    options: FetchOptions,
    by_position: bool = False,
) -> Iterator[SourceItem]:
    """Yield each notice's item (then its rejections), sorted by kind and id or by position."""
    groups: dict[tuple[str, str], _Group] = {}
    loose: list[tuple[Entry, SourceItem]] = []
    for entry in entries:
        _sort_in(entry, kinds, groups, loose)
    units: list[tuple[tuple, Callable[[], Iterator[SourceItem]]]] = []
    for entry, item in loose:
        key = (entry.position, entry.path) if by_position else (-1, entry.path)
        units.append((key, partial(iter, [item])))
    for group in groups.values():
        key = _position_key(group) if by_position else _entity_key(group)
        units.append((key, partial(_emit, group, options)))
    units.sort(key=lambda unit: unit[0])
    for _, emit in units:
        yield from emit()


def _sort_in(
    entry: Entry,
    kinds: set[str],
    groups: dict[tuple[str, str], _Group],
    loose: list[tuple[Entry, SourceItem]],
) -> None:
    if entry.problem:
        kind, entity_id = layout.entity_hint(entry.path)
        if kind is not None and kind not in kinds:
            return
        item = rejected(entry.origin, entry.problem, kind=kind, entity_id=entity_id)
        if entity_id:
            _group_of(groups, kind, entity_id, entry).problems.append(item)
        else:
            loose.append((entry, item))
        return
    place = layout.classify(entry.path)
    if place.role == layout.IGNORED or place.kind not in kinds:
        return
    if place.role == layout.STRAY:
        item = rejected(entry.origin, place.reason, kind=place.kind, entity_id=place.entity_id)
        if place.entity_id:
            _group_of(groups, place.kind, place.entity_id, entry).problems.append(item)
        else:
            loose.append((entry, item))
        return
    group = _group_of(groups, place.kind, place.entity_id, entry)
    if place.role == layout.DETAIL:
        group.details.append(entry)  # several: "./red/x.json" and "red/x.json", or x.JSON
    elif place.role == layout.IMAGES_LIST:
        group.images_list = entry
    else:
        group.pictures.setdefault(place.picture_id, []).append(entry)
        group.picture_positions.append(entry.position)


def _group_of(
    groups: dict[tuple[str, str], _Group], kind: str, entity_id: str, entry: Entry
) -> _Group:
    """The group of notice (kind, entity_id), made on its first entry, with `entry` noted."""
    group = groups.get((kind, entity_id))
    if group is None:
        group = groups[kind, entity_id] = _Group(kind, entity_id)
    group.positions.append(entry.position)
    return group


def _entity_key(group: _Group) -> tuple:
    year, number = group.entity_id.split("/")
    return (0, layout.kind_order(group.kind), int(year), int(number), group.entity_id)


def _position_key(group: _Group) -> tuple:
    # Tar archives: pictures are read in stream order, so order notices by their pictures.
    return (min(group.picture_positions or group.positions), group.kind, group.entity_id)


def _emit(group: _Group, options: FetchOptions) -> Iterator[SourceItem]:
    if len(group.details) != 1:
        yield from _without_document(group)
        return
    detail = group.details[0]
    keyed = detail.file is not None and options.known_file is not None
    # A file's key covers its picture ids, so list them first; archives read the document
    # first, in the order of their members.
    pictures, extra = _pictures(group, options) if keyed else (None, [])
    item = _known_file(group, detail, pictures, options) if keyed else None
    if item is None:
        try:
            data, signature = _read_signed(detail, options.max_json_bytes)
            if pictures is None:
                pictures, extra = _pictures(group, options)
            item = _read_item(group, detail, data, signature, pictures, options)
        except ReadError as error:
            yield from _unreadable(group, detail, error)
            return
    yield item
    yield from extra
    yield from group.problems


def _read_item(
    group: _Group,
    detail: Entry,
    data: bytes,
    signature: str | None,
    pictures: list[PictureSource],
    options: FetchOptions,
) -> SourceItem:
    """The notice's item from the bytes of its document (raises ReadError if they do not parse)."""
    kind, entity_id = group.kind, group.entity_id
    picture_ids = [picture.picture_id for picture in pictures]
    digest = input_digest(kind, data, picture_ids)
    item = SourceItem(detail.origin, kind, None, None, pictures, entity_id, digest)
    item.file_key = signature and file_key(kind, signature, picture_ids)
    if options.known_input is not None and options.known_input(entity_id, digest):
        # These bytes parsed and made a record before: parse only if the load needs them.
        item.parse = partial(parse_json, data, options)
    else:
        item.document = parse_json(data, options)
    return item


def _known_file(
    group: _Group, detail: Entry, pictures: list[PictureSource], options: FetchOptions
) -> SourceItem | None:
    """The notice's item without reading its document, when the memo knows the file unchanged
    (same identity, same pictures) since a committed load read it; else None."""
    known = options.known_file(group.entity_id)
    if known is None:
        return None
    signature = detail.file.signature(options.max_json_bytes)
    picture_ids = [picture.picture_id for picture in pictures]
    key, digest = signature and file_key(group.kind, signature, picture_ids), known[1]
    if key is None or key != known[0]:
        return None
    item = SourceItem(detail.origin, group.kind, None, None, pictures, group.entity_id, digest)
    item.file_key = key
    item.read_later = partial(_read_later, group.kind, detail, picture_ids, options)
    return item


def _read_later(
    kind: str, detail: Entry, picture_ids: list[str], options: FetchOptions
) -> tuple[object, str]:
    """The document of a file taken as known, and the input digest of the bytes read now."""
    data = detail.read(options.max_json_bytes)
    return parse_json(data, options), input_digest(kind, data, picture_ids)


def _read_signed(entry: Entry, limit: int) -> tuple[bytes, str | None]:
    if entry.file is not None:
        return entry.file.signed_read(limit)
    return entry.read(limit), None


def _unreadable(group: _Group, detail: Entry, error: ReadError) -> Iterator[SourceItem]:
    """The notice document cannot be read or parsed: that, and the group's other problems."""
    yield rejected(detail.origin, str(error), kind=group.kind, entity_id=group.entity_id)
    yield from group.problems


def _without_document(group: _Group) -> Iterator[SourceItem]:
    """Rejections of a notice with no document, or with several (which one is right?)."""
    kind, entity_id = group.kind, group.entity_id
    for detail in group.details:
        yield rejected(
            detail.origin, f"several files for notice {entity_id}", kind=kind, entity_id=entity_id
        )
    if not group.details and not group.problems:
        name = f"{KIND_PATHS[kind]}/{entity_id.replace('/', '-')}.json"
        origin = (group.images_list or next(iter(group.pictures.values()))[0]).origin
        yield rejected(
            origin, f"pictures without the notice document {name}", kind=kind, entity_id=entity_id
        )
    yield from group.problems


def read_json(entry: Entry, options: FetchOptions) -> dict:
    """Read and parse one JSON entry of the tree (raises ReadError)."""
    return parse_json(entry.read(options.max_json_bytes), options)


def parse_json(data: bytes, options: FetchOptions) -> dict:
    """Parse the bytes of one JSON entry within the size and depth limits (raises ReadError)."""
    return parse_document(data, max_bytes=options.max_json_bytes, max_depth=options.max_json_depth)


def _pictures(group: _Group, options: FetchOptions) -> tuple[list[PictureSource], list]:
    if not group.pictures and group.images_list is None:
        return [], []  # most notices have no pictures
    extra = []
    files: dict[str, Entry] = {}
    for picture_id, entries in group.pictures.items():
        if len(entries) > 1:
            extra.append(_reject(group, entries[0], f"several files for picture {picture_id}"))
        else:
            files[picture_id] = entries[0]
    order = sorted(files, key=lambda picture_id: (int(picture_id), picture_id))
    if group.images_list is not None:
        try:
            listed = _listed_ids(group.images_list, options)
        except ReadError as error:
            extra.append(_reject(group, group.images_list, str(error)))
        else:
            missing = [picture_id for picture_id in listed if picture_id not in files]
            if missing:
                text = ", ".join(missing[:10]) + (" ..." if len(missing) > 10 else "")
                extra.append(_reject(group, group.images_list, f"listed pictures missing: {text}"))
            order = [p for p in listed if p in files] + [p for p in order if p not in listed]
    limit = options.max_picture_bytes
    pictures = [
        PictureSource(pid, files[pid].origin, partial(_read, files[pid], limit)) for pid in order
    ]
    return pictures, extra


def _read(entry: Entry, limit: int) -> bytes:
    return entry.read(limit)


def _reject(group: _Group, entry: Entry, reason: str) -> SourceItem:
    return rejected(entry.origin, reason, kind=group.kind, entity_id=group.entity_id)


def _listed_ids(entry: Entry, options: FetchOptions) -> list[str]:
    """Picture ids of an images list document, in its order (raises ReadError)."""
    document = read_json(entry, options)
    embedded = document.get("_embedded")
    images = embedded.get("images") if isinstance(embedded, dict) else None
    if not isinstance(images, list):
        raise ReadError("images list without _embedded.images")
    listed = []
    for index, image in enumerate(images):
        picture_id = (
            layout.picture_id_of(image.get("picture_id")) if isinstance(image, dict) else None
        )
        if picture_id is None:
            raise ReadError(f"_embedded.images[{index}].picture_id is not a digit string")
        if picture_id not in listed:
            listed.append(picture_id)
    return listed
