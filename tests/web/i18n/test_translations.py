"""Everything user-visible is marked for translation, and every catalogue translates all of it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from devtools import catalogs

TEMPLATES = Path(__file__).resolve().parents[3] / "notices" / "templates"
# Attributes that people read or hear.
READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder", "aria-description")
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
LETTER = re.compile(r"[^\W\d_]")


class LiteralText(HTMLParser):
    """Text nodes and read attributes of a template with every Jinja construct blanked out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value and LETTER.search(value):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if LETTER.search(data):
            self.found.append(data.strip())


def literal_text(template: str) -> list[str]:
    """User-visible text written straight into a template instead of through _()."""
    parser = LiteralText()
    parser.feed(JINJA.sub(" ", template))
    parser.close()
    return parser.found


def test_templates_have_no_literal_text():
    for template in TEMPLATES.glob("*.html"):
        assert literal_text(template.read_text("utf-8")) == [], template.name


def test_the_literal_text_check_can_fail():
    assert literal_text('<p>{{ _("Fine") }} Not marked</p>') == ["Not marked"]
    assert literal_text('<img alt="A face" src="{{ url }}">') == ["<img alt='A face'>"]
    assert literal_text('<p title="{{ _("ok") }}">{% if x %}{{ y }}{% endif %} – 1</p>') == []


def test_catalogues_are_complete_and_the_template_is_current():
    """No stale messages.pot, and no missing, fuzzy, untranslated or malformed message."""
    assert catalogs.problems() == []


def test_the_catalogue_check_finds_untranslated_and_fuzzy_messages(tmp_path):
    template = Catalog(locale=None)
    for message in ("Search", "Next", "%(count)d more"):
        template.add(message)
    catalog = Catalog(locale="fr")
    catalog.add("Search", "Rechercher")
    catalog.add("Next", "")
    catalog.add("%(count)d more", "%(total)d de plus", flags=("fuzzy", "python-format"))
    catalog.add("Gone", "Parti")
    catalog.fuzzy = False
    paths = {}
    for name, value in (("messages.pot", template), ("fr.po", catalog)):
        paths[name] = tmp_path / name
        with paths[name].open("wb") as handle:
            write_po(handle, value)
    problems = catalogs.catalog_problems("fr", paths["fr.po"], paths["messages.pot"])
    assert "fr: untranslated 'Next'" in problems
    assert "fr: fuzzy '%(count)d more'" in problems
    assert "fr: obsolete 'Gone'" in problems
    assert any("placeholder" in problem and "total" in problem for problem in problems)


def test_compiled_catalogues_are_fresh():
    for locale in catalogs.TRANSLATED:
        mo, po = catalogs.mo_path(locale), catalogs.po_path(locale)
        assert mo.stat().st_mtime_ns >= po.stat().st_mtime_ns, locale
