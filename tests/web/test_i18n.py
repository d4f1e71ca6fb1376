"""Everything user-visible is marked for translation, and pages declare language and direction."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale

from notices.i18n import text_direction

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def untranslated_text(template: str) -> list[str]:
    """Text of a template outside Jinja tags and HTML markup: should be none at all."""
    text = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", template, flags=re.S)
    text = re.sub(r"<!doctype[^>]*>|<[^>]+>", " ", text, flags=re.S | re.I)
    text = re.sub(r"&[a-z]+;|[·–|]", " ", text)
    return [word for word in text.split() if re.search(r"[^\W\d_]", word)]


def test_templates_have_no_literal_text():
    for template in TEMPLATES.glob("*.html"):
        assert untranslated_text(template.read_text("utf-8")) == [], template.name


def test_attributes_people_read_are_translated_too():
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text("utf-8")
        for attribute in ("alt", "aria-label", "title", "placeholder"):
            for value in re.findall(rf'\s{attribute}="([^"]*)"', source):
                assert not value or "{{" in value, (template.name, attribute, value)


def test_pages_declare_their_language_and_direction(loaded_client):
    html = loaded_client.get("/about", headers={"Accept-Language": "de, en;q=0.5"}).get_data(
        as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert text_direction(Locale.parse("ar")) == "rtl"
    assert text_direction(Locale.parse("fr")) == "ltr"
