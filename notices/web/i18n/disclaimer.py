"""The disclaimer shown on every page with notice data and returned by every API response."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext

from notices.web.i18n.cache import per_locale

# Our own wording. Order matters: purpose, legal standing, use, what to do.
DISCLAIMER_SENTENCES = (
    lazy_gettext("Notices are published to ask for the public's help in finding people."),
    lazy_gettext("A red notice is not an arrest warrant."),
    lazy_gettext("Every person named here is presumed innocent until proven guilty."),
    lazy_gettext(
        "This information may be used only to help find the persons concerned, "
        "and for no other purpose."
    ),
    lazy_gettext("If you recognise someone, do not approach them: contact your local police."),
)

# Full-width sentence ends (Chinese, Japanese) carry their own spacing: no space after them.
FULL_WIDTH_ENDS = ("。", "！", "？")


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences as one paragraph, spaced as their script spaces sentences."""
    text = ""
    for sentence in sentences:
        if text and not text.endswith(FULL_WIDTH_ENDS):
            text += " "
        text += sentence
    return text


# Every page and API answer carries it: translated and joined once per language.
@per_locale
def _translated() -> tuple[tuple[str, ...], str]:
    sentences = tuple(str(sentence) for sentence in DISCLAIMER_SENTENCES)
    return sentences, join_sentences(sentences)


def disclaimer_sentences() -> list[str]:
    """The disclaimer as translated sentences (templates show them as short paragraphs)."""
    return list(_translated()[0])


def disclaimer_text() -> str:
    """The disclaimer as one string: the page's paragraph and the APIs' `disclaimer` field."""
    return _translated()[1]
