"""Chinese characters typed in the search box are exact: one different character is another
name (小平 is not a misspelling of 小明), while the same characters, or the same name in
Latin letters with a typo, still match."""

import pytest

from search_index.names import PersonName, match_name, prepare_names, query_name_keys


def _band(query):
    names = [PersonName("XIAOMING", "WANG"), PersonName("小明", "王", kind="original_script")]
    return match_name(query_name_keys(query), prepare_names(names)).band


@pytest.mark.parametrize("query", ["王小平", "王小清", "黄小明"])
def test_one_other_character_is_someone_else(query):
    assert _band(query) in ("weak", None)


@pytest.mark.parametrize(
    "query", ["王小明", "小明 王", "Wang Xiaoming", "Wang Xiaomnig", "xiaoming wang"]
)
def test_the_same_name_still_matches(query):
    assert _band(query) == "strong"
