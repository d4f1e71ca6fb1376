"""Where things live in an extract tree (red/<id>.json, red/<id>/images/<n>.jpg, ...)."""

from __future__ import annotations

import re
from typing import NamedTuple

from notices.domain import KIND_PATHS, KINDS, PATH_KINDS

DETAIL = "detail"
IMAGES_LIST = "images_list"
PICTURE = "picture"
STRAY = "stray"  # looks like a notice file but is not one: reported
IGNORED = "ignored"  # README, .DS_Store, unrelated directories: silently skipped

_DASH_ID = re.compile(r"^([0-9]{4})-([0-9]{1,7})$")
_PICTURE_ID = re.compile(r"^[0-9]{1,18}$")
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"}
_DRIVE = re.compile(r"^[A-Za-z]:")
TOP_DIRS = ("red", "yellow", "un")


class Place(NamedTuple):
    """What a relative path means in the layout (a tuple: made once per file of a tree, and a
    frozen dataclass cost 2.6 times as much to make)."""

    role: str
    kind: str | None = None
    entity_id: str | None = None  # canonical slash form
    picture_id: str | None = None
    reason: str | None = None  # for STRAY


def entity_from_name(name: str) -> str | None:
    """Canonical entity id of a file or directory name in dash form, else None."""
    match = _DASH_ID.match(name)
    return f"{match.group(1)}/{match.group(2)}" if match else None


def split_kind(path: str) -> tuple[str | None, list[str]]:
    """The kind whose directory holds `path`, and the path parts below that directory."""
    parts = path.split("/")
    kind = PATH_KINDS.get(parts[0])
    if kind and len(parts) > 1:
        return kind, parts[1:]
    if len(parts) > 2 and (kind := PATH_KINDS.get(f"{parts[0]}/{parts[1]}")):
        return kind, parts[2:]  # un/persons/..., un/entities/...
    return None, parts


def classify(path: str) -> Place:
    """Classify a '/'-separated path relative to the tree root."""
    kind, rest = split_kind(path)
    # A part below the kind's directory starting with "." (the kind's own never does).
    if kind is None or "/." in path:
        return Place(IGNORED)
    name = rest[-1]
    stem, dot, suffix = name.rpartition(".")
    if len(rest) == 1:
        if not dot or suffix.lower() != "json":
            return Place(IGNORED, kind)
        entity_id = entity_from_name(stem)
        if entity_id is None:
            return Place(STRAY, kind, reason="file name is not a notice id (YYYY-NNNNN.json)")
        return Place(DETAIL, kind, entity_id)
    entity_id = entity_from_name(rest[0])
    if entity_id is None:
        return Place(IGNORED, kind)
    if rest[1:] == ["images.json"]:
        return Place(IMAGES_LIST, kind, entity_id)
    if len(rest) == 3 and rest[1] == "images":
        if dot and _PICTURE_ID.match(stem):
            return Place(PICTURE, kind, entity_id, picture_id=stem)
        if dot and "." + suffix.lower() in _IMAGE_SUFFIXES:
            return Place(STRAY, kind, entity_id, reason="picture file name is not a number")
    return Place(IGNORED, kind, entity_id)


DIRECTORY_IN_PLACE = "a directory where a file was expected"


def directory_problem(path: str) -> str | None:
    """Why a directory at `path` is reported rather than skipped: it is named like a notice
    file, so skipping it silently would lose that notice (and a full load would withdraw it)."""
    if classify(path.rstrip("/")).role in (DETAIL, IMAGES_LIST, PICTURE):
        return DIRECTORY_IN_PLACE
    return None


def picture_id_of(value: object) -> str | None:
    """A picture id from a JSON value: a digit string (or an int), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)
    if isinstance(value, str) and _PICTURE_ID.match(value):
        return value
    return None


def entity_hint(path: str) -> tuple[str | None, str | None]:
    """(kind, entity id) that a path names, if any, for rejections of unreadable entries."""
    kind, rest = split_kind(path)
    if kind is None:
        return None, None
    name = rest[0].removesuffix(".json") if len(rest) == 1 else rest[0]
    return kind, entity_from_name(name)


def unsafe_member_name(name: str) -> str | None:
    """Why an archive member name must not be used, or None when it is a plain relative path."""
    if not name:
        return "empty member name"
    if "\\" in name:
        return "member name contains a backslash"
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        return "member name contains control characters"
    if name.startswith("/"):
        return "member name is an absolute path"
    if _DRIVE.match(name):
        return "member name starts with a drive letter"
    if name in (".", "./"):
        return None  # the root directory itself, as `tar -C dir .` stores it
    parts = strip_dot_prefix(name).rstrip("/").split("/")
    if ".." in parts:
        return "member name contains '..'"
    if any(part in ("", ".") for part in parts):
        return "member name contains an empty or '.' component"
    return None


def strip_dot_prefix(name: str) -> str:
    """'./red/x.json' -> 'red/x.json' (tar files made with `tar -C dir .` look like that)."""
    while name.startswith("./"):
        name = name[2:]
    return name


def wrapper_prefix(paths: list[str]) -> str:
    """The single top directory wrapping a tree ('extract/red/...'), or '' when there is none."""
    tops = {path.split("/", 1)[0] for path in paths if path}
    if not tops or tops & set(TOP_DIRS) or len(tops) != 1:
        return ""
    top = tops.pop()
    below = [path.split("/", 1)[1] for path in paths if "/" in path]
    if not {path.split("/", 1)[0] for path in below} & set(TOP_DIRS):
        return ""
    return top + "/"


def kinds_in(paths: list[str], wanted: set[str]) -> set[str]:
    """Kinds whose directory appears among `paths` (a kind directory may be empty)."""
    found = set()
    for path in paths:
        parts = path.rstrip("/").split("/")
        for kind in wanted:
            kind_parts = KIND_PATHS[kind].split("/")
            if parts[: len(kind_parts)] == kind_parts:
                found.add(kind)
    return found


def kind_order(kind: str | None) -> int:
    """Position of a kind in KINDS, for sorting."""
    return KINDS.index(kind) if kind in KINDS else len(KINDS)
