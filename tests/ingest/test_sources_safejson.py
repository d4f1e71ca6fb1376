"""The shared safe JSON reader and the request rate limiter."""

from __future__ import annotations

import pytest

from notices.ingest.sources.fetch import RateLimiter
from notices.ingest.sources.safejson import DocumentError, parse_document


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def parse(data: bytes, max_depth: int = 64):
    return parse_document(data, max_bytes=1_000_000, max_depth=max_depth)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"name": "TESTNAME-1"}', {"name": "TESTNAME-1"}),
        (b'\xef\xbb\xbf{"a": 1}', {"a": 1}),
        (b'{"a": "\\ud83d\\ude00 \\u00e9"}', {"a": "\U0001f600 \u00e9"}),  # a valid surrogate pair
        (b'{"s": "[[[[[[ {{{{ not structure"}', {"s": "[[[[[[ {{{{ not structure"}),
        (b'{"a": ' + b"[" * 63 + b"]" * 63 + b"}", {"a": nested(63)}),  # exactly 64 levels
    ],
)
def test_acceptable_documents(data, expected):
    assert parse(data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"a": "\\ud800"}', "unpaired surrogate"),
        (b'{"a": -Infinity}', "-Infinity is not allowed"),
        (b'{"a": Infinity}', "Infinity is not allowed"),
        (b'{"a": ' + b"9" * 5000 + b"}", "a number has too many digits"),
        (b'{"a": "x"} trailing', "invalid JSON at line 1 column 12: Extra data"),
        (b'{"a": ' + b"[" * 64 + b"]" * 64 + b"}", "nested deeper than 64 levels"),
        (b"\xff\xfe\x00\x00{", "UTF-32 byte order mark"),
        (b'"just a string"', "top level is a string"),
        (b"null", "top level is null"),
        (b"12", "top level is a number"),
        (b'{"a": 1}\n' * 2, "Extra data"),
    ],
)
def test_refused_documents(data, reason):
    with pytest.raises(DocumentError, match=reason):
        parse(data)


def test_nesting_inside_strings_does_not_count_towards_depth():
    data = b'{"a": "' + b"[" * 10_000 + b'", "b": [[1]]}'

    assert parse(data)["b"] == [[1]]


def test_the_rate_limiter_spaces_requests_after_a_burst():
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(round(seconds, 6))
        now[0] += seconds

    limiter = RateLimiter(5, burst=2, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        limiter.acquire()

    assert slept == [0.2, 0.2, 0.2]  # two at once (the burst), then one every 0.2 s


def test_an_unlimited_rate_never_sleeps():
    slept = []
    limiter = RateLimiter(None, sleep=slept.append)
    for _ in range(10):
        limiter.acquire()

    assert slept == []
