"""Names sort as readers of each UI language expect (CLDR's primary order, Pinyin for Chinese)."""

from __future__ import annotations

import pytest
from babel import Locale

from notices.web.i18n import labels
from notices.web.i18n.collation import sort_key


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ["Afghanistan", "Åland Islands", "albania", "Zambia"]),
        ("fr", ["Égypte", "Équateur", "Érythrée", "Espagne", "Estonie", "Eswatini"]),
        ("es", ["nata", "Nicaragua", "Níger", "nube", "ñandú", "oso"]),  # ñ after every n
        ("ru", ["Еда", "Ёж", "Жук", "Иран", "Италия", "Йемен", "Камбоджа"]),  # й after и, ё = е
        (
            "ar",
            ["إثيوبيا", "أفغانستان", "اليمن", "آيسلندا", "بلجيكا", "تونس"],
        ),  # hamza forms = alef
        (
            "zh",
            ["阿富汗", "埃及", "巴西", "德国", "中国"],
        ),  # a fu han, ai ji, ba xi, de guo, zhong guo
    ],
)
def test_names_sort_in_the_languages_order(language, expected):
    assert sorted(reversed(expected), key=sort_key(language)) == expected
    assert sorted(expected[::2] + expected[1::2], key=sort_key(language)) == expected


@pytest.mark.parametrize(
    "language, first",
    [
        ("zh", "阿"),
        ("ar", ("ا", "أ", "إ", "آ")),
        ("ru", "А"),
        ("fr", "A"),
        ("es", "A"),
    ],
)
def test_country_lists_start_at_the_start_of_the_alphabet(bare_app, language, first):
    with bare_app.test_request_context():
        names = [name for _code, name in labels.country_choices(Locale.parse(language))]
    assert names[0].startswith(first), names[:3]
    assert len(names) == len(set(names)) > 240


def test_chinese_countries_are_in_pinyin_order(bare_app):
    with bare_app.test_request_context():
        names = [name for _code, name in labels.country_choices(Locale.parse("zh"))]
    # 中国 (zhong) and 智利 (zhi) near the end, 巴西 (ba) before 德国 (de).
    assert names.index("巴西") < names.index("德国") < names.index("智利") < names.index("中国")
    assert names.index("中国") > len(names) * 0.9
