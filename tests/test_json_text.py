"""Compact JSON text: byte for byte what the standard library writes, however it is made."""

from __future__ import annotations

import json
import math

import pytest

from notices.json_text import compact


def standard(value: dict, sort_keys: bool = False) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return text.encode()


VALUES = [
    {"height": 1.78, "weight": 79.0, "name": "JÖRG", "aliases": ["Ünal", "محمد", "张伟"]},
    {"height": 0.00001, "weight": 1e-07},  # written in exponent form by the standard library
    {"height": 1e16, "weight": 123456789012345678.0, "zero": 0.0, "minus": -0.0},
    {"height": math.nan, "weight": math.inf},
    {"count": 2**70},  # beyond 64 bits
    {"text": "".join(map(chr, range(0x80))) + "\u2028\u2029\ufeff\x85😀"},
    {"nested": [{"b": 1, "a": [None, True, False, "x\ty"]}], "z": {}, "a": []},
    {1: "a key that is not a string"},
]


@pytest.mark.parametrize("sort_keys", [False, True])
@pytest.mark.parametrize("value", VALUES)
def test_compact_text_is_what_the_standard_library_writes(value, sort_keys):
    assert compact(value, sort_keys=sort_keys) == standard(value, sort_keys)


def test_a_lone_surrogate_fails_as_the_standard_library_fails():
    with pytest.raises(UnicodeEncodeError):
        standard({"name": "\ud800"})
    with pytest.raises(UnicodeEncodeError):
        compact({"name": "\ud800"})
