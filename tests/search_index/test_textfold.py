"""Folding and tokenising of keyword text: table of input -> terms."""

from __future__ import annotations

import pytest

from search_index.textfold import fold, fold_code, query_terms, text_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MÜLLER Straße", "muller strasse"),
        ("Ünïcödé", "unicode"),
        ("ＦＵＬＬ", "full"),  # full-width forms
        ("Ёлка", "елка"),
        ("مُحَمَّد", "محمد"),  # Arabic vowel marks dropped
        ("ســلام", "سلام"),  # tatweel dropped
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fraud, money-laundering!", ["fraud", "money", "laundering"]),
        ("ESCROQUERIE en bande organisée", ["escroquerie", "en", "bande", "organisee"]),
        ("мошенничество", ["мошенничество"]),
        ("洗钱诈骗", ["洗钱", "钱诈", "诈骗"]),
        ("涉嫌洗钱 fraud", ["涉嫌", "嫌洗", "洗钱", "fraud"]),
        ("罪", ["罪"]),
        ("snake_case", ["snakecase"]),
        ("🙂 \u0301 ^.{5}$", ["5"]),
        ("", []),
    ],
)
def test_text_terms(text, expected):
    assert text_terms(text) == expected


def test_query_terms_are_distinct_and_capped():
    assert query_terms("fraud FRAUD fraud") == ["fraud"]
    assert len(query_terms(" ".join(f"w{i}" for i in range(500)))) == 16
    assert max(map(len, query_terms("x" * 10_000))) == 40


def test_fold_code_ignores_case_and_spaces():
    assert fold_code(" QDi. 430 ") == fold_code("qdi.430") == "qdi.430"
    assert fold_code(None) == ""
