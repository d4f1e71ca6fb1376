"""Reading a contact directory file: YAML or CSV (chosen by extension) to raw rows, each with
the line it starts on; a file that cannot be read or parsed as a whole is DirectoryUnreadable."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

FIELDS = ("country", "name", "phone", "email", "url", "notes")
MAX_FILE_BYTES = 5_000_000  # a directory of every country is some 50 kB


class DirectoryUnreadable(Exception):
    """The file cannot be read or parsed as a whole: nothing may change."""


def rows_of(path: Path) -> list[tuple[int, object]]:
    """(line, raw row) of every row of the file; DirectoryUnreadable when the file cannot be
    read or parsed as a whole."""
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise DirectoryUnreadable(f"{path}: expected a .yaml, .yml or .csv file")
    text = _read_text(path)
    try:
        return list(_csv_rows(text) if suffix == ".csv" else _yaml_rows(text))
    except DirectoryUnreadable as error:
        raise DirectoryUnreadable(f"{path}: {error}") from error


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DirectoryUnreadable(f"{path}: {error.strerror or error}") from error
    if len(data) > MAX_FILE_BYTES:
        raise DirectoryUnreadable(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        return data.decode("utf-8-sig")  # spreadsheets write a byte-order mark
    except UnicodeDecodeError as error:
        raise DirectoryUnreadable(f"{path}: not UTF-8 text (byte {error.start})") from error


def _yaml_rows(text: str) -> Iterator[tuple[int, object]]:
    import yaml

    try:
        # Parsed twice (both safe): the node tree knows each row's line, safe_load its values.
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DirectoryUnreadable(f"not valid YAML: {_one_line(error)}") from error
    if isinstance(document, dict) and set(document) == {"contacts"}:
        rows, tree = document["contacts"], tree.value[0][1]
    else:
        rows = document
    if not isinstance(rows, list) or not isinstance(tree, yaml.SequenceNode):
        raise DirectoryUnreadable("expected a mapping with one key, `contacts`, holding a list")
    for node, row in zip(tree.value, rows, strict=True):
        yield node.start_mark.line + 1, row


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _csv_rows(text: str) -> Iterator[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        columns = _check_header(header)
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, _csv_row(columns, cells)
            start = reader.line_num + 1
    except csv.Error as error:
        raise DirectoryUnreadable(f"not valid CSV at line {reader.line_num}: {error}") from error


def _check_header(header: list[str]) -> list[str]:
    if not header:
        raise DirectoryUnreadable("the CSV file is empty: its first line must name the columns")
    for column in header:
        if column not in FIELDS[:-1] and not column.startswith("note_"):
            raise DirectoryUnreadable(
                f"unknown CSV column {column!r}: columns are country, name, phone, email, url "
                "and note_<language> (note_en, note_fr, ...)"
            )
    missing = [column for column in ("country", "name") if column not in header]
    if missing:
        raise DirectoryUnreadable(f"the CSV header has no {' or '.join(missing)} column")
    if len(set(header)) != len(header):
        raise DirectoryUnreadable("the CSV header names a column twice")
    return header


def _csv_row(columns: list[str], cells: list[str]) -> dict:
    row: dict = {"notes": {}}
    if len(cells) > len(columns):
        row["_extra"] = True
    for column, cell in zip(columns, cells, strict=False):
        value = cell.strip() or None
        if column.startswith("note_"):
            if value is not None:
                row["notes"][column.removeprefix("note_")] = value
        else:
            row[column] = value
    return row
