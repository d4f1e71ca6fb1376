"""Chinese names in Wade-Giles and Pinyin find each other both ways (Chang Wei-ming, WEIMING
ZHANG; Xu Zhixiong, CHIH-HSIUNG HSU), with or without apostrophes, hyphens and umlauts, while a
given name with another syllable stays another person."""

import pytest

from search_index.names import (
    PersonName,
    match_name,
    name_as_written,
    prepare_names,
    query_name_keys,
)
from search_index.names.romanisation import reading_keys, syllable_tables


def _band(query, forename, family, *original):
    names = [PersonName(forename, family)]
    if original:
        names.append(PersonName(*original, kind="original_script"))
    return match_name(query_name_keys(query), prepare_names(names)).band


@pytest.mark.parametrize(
    "query",
    ["Hsu Chih-hsiung", "Hsü Chih-hsiung", "hsu chih hsiung", "Chih-hsiung Hsu", "Hsu Chihhsiung"],
)
def test_wade_giles_query_finds_pinyin_record(query):
    assert _band(query, "ZHIXIONG", "XU") == "strong"


@pytest.mark.parametrize("query", ["Xu Zhixiong", "Zhixiong Xu", "徐志雄", "Xu Zhi Xiong"])
def test_pinyin_or_characters_find_wade_giles_record(query):
    assert _band(query, "CHIH-HSIUNG", "HSU") == "strong"


@pytest.mark.parametrize("query", ["Ts'ai Ying-wen", "Tsai Yingwen", "Chung Hao-hsüan"])
def test_apostrophes_and_umlauts(query):
    record = ("YINGWEN", "CAI") if "ai" in query.split()[0] else ("HAOXUAN", "ZHONG")
    assert _band(query, *record) == "strong"


def test_umlaut_written_yu_or_v():
    for query in ("Lyu Xiaofeng", "Lv Xiaofeng", "Lü Hsiao-feng"):
        assert _band(query, "XIAOFENG", "LYU", "晓峰", "吕") == "strong"


@pytest.mark.parametrize(
    ("query", "record"),
    [
        ("Hsu Chih-ming", ("ZHIXIONG", "XU")),  # one syllable of the given name differs
        ("Chou Kuo-hua", ("GUOHUA", "ZOU")),  # Chou is Zhou, not Zou (Tsou)
        ("Liu Jianguo", ("JIANHUA", "LIU")),
        ("Zhou Qingqing", ("JINGJING", "ZHOU")),  # neither is Wade-Giles: two Pinyin names
        ("徐志明", ("CHIH-HSIUNG", "HSU")),
    ],
)
def test_other_syllables_are_other_names(query, record):
    assert _band(query, *record) == "weak"


def test_pinyin_names_apart_only_in_an_aspirate_are_not_strong():
    # Pingping is Bingbing in Wade-Giles, or another Pinyin name: worth a look, no more.
    assert _band("Ding Bingbing", "PINGPING", "DING") == "possible"


def test_non_chinese_names_get_no_readings():
    assert reading_keys("kowalski") == ()
    assert _band("Tina Kowalski", "DINA", "KOWALSKI") != "strong"


def test_syllable_table_corrects_pypinyin_wade_giles_slips():
    pinyin, wade = syllable_tables()
    assert (pinyin["hai"], pinyin["huo"], pinyin["he"], pinyin["wei"]) == (
        "hai",
        "huo",
        "ho",
        "wei",
    )
    assert (pinyin["zhang"], pinyin["chang"]) == ("chang", "ch'ang")
    assert wade["hsu"] == ("hsv",) and set(wade["chang"]) == {"chang", "ch'ang"}


def test_characters_display_family_name_first():
    assert name_as_written("浩轩", "钟") == "钟浩轩"
    assert name_as_written("WEIMING", "ZHANG") == "WEIMING ZHANG"
    names = [PersonName("HAOXUAN", "ZHONG"), PersonName("浩轩", "钟", kind="original_script")]
    found = match_name(query_name_keys("钟浩轩"), prepare_names(names))
    assert found.matched_name == ("钟浩轩", "original_script")
