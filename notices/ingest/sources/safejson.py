"""Parse one untrusted JSON document: strict UTF-8, size and depth caps, no NaN, no duplicates."""

from __future__ import annotations

import codecs
import json
import re

from notices.ingest.sources.base import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# Strings (skipped whole, possessively so a long one is one match) and brackets, for the depth scan.
_STRUCTURE = re.compile(rb'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
# A \uD800-\uDFFF escape may be half of a valid pair; only then is the slower check needed.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class DocumentError(ReadError):
    """The bytes are not an acceptable JSON document; the message says why and where."""


def parse_document(data: bytes, *, max_bytes: int, max_depth: int) -> dict:
    """Return the JSON object in `data`, or raise DocumentError."""
    if len(data) > max_bytes:
        raise DocumentError(f"larger than the limit of {max_bytes} bytes")
    text = decode_utf8(data)
    check_depth(data, max_depth)
    try:
        document = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise DocumentError(_describe(error, text)) from None
    except RecursionError:
        # Belt and braces: check_depth should already have refused this document.
        raise DocumentError(f"nested deeper than {max_depth} levels") from None
    except ValueError as error:  # duplicate keys, NaN, integers with thousands of digits
        message = str(error)
        if "integer string conversion" in message:
            message = "a number has too many digits"
        raise DocumentError(message) from None
    if not isinstance(document, dict):
        raise DocumentError(f"top level is {_json_type(document)}, expected an object")
    if _SURROGATE_ESCAPE.search(data):
        _check_surrogates(document)
    return document


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 decoding; a UTF-8 byte order mark is dropped, UTF-16/32 ones are refused."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise DocumentError(f"not valid UTF-8 (starts with a {name} byte order mark)")
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(f"not valid UTF-8 at byte {offset + error.start}") from None


def check_depth(data: bytes, max_depth: int) -> None:
    """Refuse documents nested deeper than `max_depth`, without recursing."""
    if data.count(b"[") + data.count(b"{") <= max_depth:
        return  # cannot possibly be deeper: skip the scan for ordinary small documents
    depth = 0
    for match in _STRUCTURE.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > max_depth:
                raise DocumentError(f"nested deeper than {max_depth} levels")
        elif token in (b"]", b"}"):
            depth -= 1


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON documents")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    # Parsers disagree on which duplicate wins, so a document with one could show a screening
    # tool a different value than we index: refuse it rather than guess.
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key[:60]!r} in an object")
            seen.add(key)
    return document


def _check_surrogates(document: dict) -> None:
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError(
            "a string contains an unpaired surrogate escape (\\uD800-\\uDFFF)"
        ) from None


def _describe(error: json.JSONDecodeError, text: str) -> str:
    where = f"line {error.lineno} column {error.colno}"
    if not text.strip():
        return "empty document"
    if error.msg.startswith("Unterminated string"):
        return f"truncated JSON: the string begun at {where} never ends"
    if error.pos >= len(text.rstrip()):
        return f"truncated JSON: ends at {where} ({error.msg})"
    return f"invalid JSON at {where}: {error.msg}"


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
