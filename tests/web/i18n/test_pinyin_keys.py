"""Chinese pages sort their lists from saved Pinyin keys, equal to pypinyin's, not pypinyin."""

from __future__ import annotations

from babel import Locale

from notices.web.i18n import collation, labels, pinyin_source
from notices.web.i18n.locale import ENV_LOCALE
from notices.web.i18n.pinyin_keys import KEYS


def test_saved_keys_equal_what_the_installed_pypinyin_gives():
    # Fails after a Babel, catalogue or pypinyin change: run pinyin_source.py again.
    assert pinyin_source.derive() == KEYS


def test_chinese_country_and_authority_lists_need_no_pypinyin(bare_app, monkeypatch):
    computed: list[str] = []
    compute = collation.computed_pinyin_key

    def noting(text: str) -> tuple[str, ...]:
        computed.append(text)
        return compute(text)

    monkeypatch.setattr(collation, "computed_pinyin_key", noting)
    with bare_app.test_request_context(environ_base={ENV_LOCALE: "zh"}):
        choices = labels._sorted_choices.__wrapped__("zh", True)  # not the per-process cache
        names = [name for _code, name in choices]
        assert "国际刑事法院" in names  # the International Criminal Court, in Chinese
        assert labels.sorted_names(["德国", "巴西"], Locale.parse("zh")) == ["巴西", "德国"]
    assert computed == []
    # A text without a saved key is still sorted by its Pinyin.
    assert collation.pinyin_key("张三") == ("zhang", "san")
    assert computed == ["张三"]
