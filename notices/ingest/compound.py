"""List and object converters of ingest: code lists, warrants, aliases, UN objects, date lists."""

from __future__ import annotations

from notices.ingest import fields
from notices.ingest.fields import LIST_MAX, CodeSet, Converter, Problems, expect
from notices.ingest.record import WarrantRecord

_OBJECT_MAX_KEYS = 30
_KEY_MAX = 100
# A lone string where a list of objects is expected becomes {"text": ...}.
TEXT_KEY = "text"


def member(path: str, key: str) -> str:
    """JSONPath of a member, bracketed when the key is not a plain name."""
    if key.isidentifier() and key.isascii():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


def as_list(value: object, path: str, problems: Problems, *, lone_string: bool) -> list | None:
    """The items of a list field; a lone string is one item where allowed; None after a problem."""
    if isinstance(value, list):
        if len(value) > LIST_MAX:
            problems.append((path, f"list longer than {LIST_MAX} items"))
            return None
        return value
    if lone_string and isinstance(value, str):
        return [value]
    expect("a list", value, path, problems)
    return None


def code_list(codes: CodeSet) -> Converter:
    """Converter for a list of codes: normalised, blanks dropped, duplicates dropped."""

    def convert(value: object, path: str, problems: Problems) -> list[str]:
        out: list[str] = []
        for index, item in enumerate(as_list(value, path, problems, lone_string=True) or ()):
            if isinstance(item, str):
                code = codes.normalise(item)
                if code is None:
                    problems.append((f"{path}[{index}]", codes.unknown(item)))
                elif code and code not in out:
                    out.append(code)
            elif item is not None:
                expect("a string", item, f"{path}[{index}]", problems)
        return out

    return convert


def optional(convert: Converter, raw: object, path: str, problems: Problems) -> object:
    """Convert a value that may be null (null stays None)."""
    return None if raw is None else convert(raw, path, problems)


_WARRANT_FIELDS = (
    ("issuing_country_id", fields.code_field(fields.WANTED_BY)),
    ("charge", fields.block),
    ("charge_translation", fields.block),
)


def warrants(value: object, path: str, problems: Problems) -> list[WarrantRecord]:
    """Arrest warrants of a red notice; entries with nothing in them are dropped."""
    out: list[WarrantRecord] = []
    for index, item in enumerate(as_list(value, path, problems, lone_string=False) or ()):
        if item is None:
            continue
        here = f"{path}[{index}]"
        if not isinstance(item, dict):
            expect("an object", item, here, problems)
            continue
        values = [
            optional(convert, item.get(key), f"{here}.{key}", problems)
            for key, convert in _WARRANT_FIELDS
        ]
        if any(values):
            out.append(WarrantRecord(*values))
    return out


def aliases(value: object, path: str, problems: Problems) -> list[str]:
    """UN aliases as "FORENAME NAME" strings; items may be strings or name objects."""
    out: list[str] = []
    for index, item in enumerate(as_list(value, path, problems, lone_string=True) or ()):
        here = f"{path}[{index}]"
        if isinstance(item, str):
            alias = fields.name(item, here, problems)
        elif isinstance(item, dict):
            alias = _alias_object(item, here, problems)
        else:
            if item is not None:
                expect("a string or an object", item, here, problems)
            continue
        if alias and alias not in out:
            out.append(alias)
    return out


_ALIAS_PARTS = ("forename", "name")


def _alias_object(item: dict, path: str, problems: Problems) -> str | None:
    if not any(key in item for key in _ALIAS_PARTS):
        problems.append((path, "an alias object needs a name or a forename"))
        return None
    parts = []
    for key in _ALIAS_PARTS:
        raw = item.get(key)
        part = optional(fields.name, raw, f"{path}.{key}", problems)
        if part:
            parts.append(part)
    return " ".join(parts) or None


def objects(value: object, path: str, problems: Problems) -> list[dict]:
    """UN identity documents, associates, addresses: flat objects of strings."""
    out: list[dict] = []
    for index, item in enumerate(as_list(value, path, problems, lone_string=False) or ()):
        here = f"{path}[{index}]"
        if isinstance(item, dict):
            flat = _flat_object(item, here, problems)
        elif isinstance(item, str):
            text = fields.line(item, here, problems)
            flat = {TEXT_KEY: text} if text else None
        else:
            if item is not None:
                expect("an object", item, here, problems)
            continue
        if flat:
            out.append(flat)
    return out


def _flat_object(item: dict, path: str, problems: Problems) -> dict | None:
    if len(item) > _OBJECT_MAX_KEYS:
        problems.append((path, f"object with more than {_OBJECT_MAX_KEYS} members"))
        return None
    flat = {}
    for key, raw in item.items():
        if raw is None:
            continue
        if len(key) > _KEY_MAX:
            problems.append((path, f"member name longer than {_KEY_MAX} characters"))
            continue
        here = member(path, key)
        key = fields.clean_line(key)  # keys are stored too: no controls, no lone surrogates
        if not key:
            problems.append((here, "blank member name"))
            continue
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            flat[key] = str(raw)  # e.g. a document number published as a number
        else:
            text = fields.line(raw, here, problems)
            if text:
                flat[key] = text
    return flat


def separated_names(value: object, path: str, problems: Problems) -> list[str]:
    """UN entity names given as one ";"-separated string, or as a list of strings."""
    if isinstance(value, str):
        if len(value) > fields.TEXT_MAX:
            fields.too_long(fields.TEXT_MAX, path, problems)
            return []
        items = value.split(";")
        if len(items) > LIST_MAX:
            problems.append((path, f"more than {LIST_MAX} names"))
            return []
        paths = [path] * len(items)
    else:
        items = as_list(value, path, problems, lone_string=False) or []
        paths = [f"{path}[{index}]" for index in range(len(items))]
    out: list[str] = []
    for item, here in zip(items, paths, strict=True):
        text = optional(fields.entity_name, item, here, problems)
        if text and text not in out:
            out.append(text)
    return out


def dates_first(value: object, path: str, problems: Problems) -> str | None:
    """A date, or a list of dates of which the first known one is kept (all are checked)."""
    if not isinstance(value, list):
        return fields.date(value, path, problems)
    first = None
    for index, item in enumerate(as_list(value, path, problems, lone_string=False) or ()):
        iso = optional(fields.date, item, f"{path}[{index}]", problems)
        first = first or iso
    return first
