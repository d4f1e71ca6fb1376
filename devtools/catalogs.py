"""Message catalogues (developer tooling): extract, update, compile and check with Babel's API.

translations/messages.pot and translations/<locale>/LC_MESSAGES/messages.po are sources and
committed; the compiled messages.mo next to each .po is build output (`compile` writes it).
English is the source language: it needs no catalogue.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from notices.web.i18n.locale import DEFAULT_LOCALE, LOCALES, TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[1]  # the checkout: babel.cfg paths start here
MAPPING = ROOT / "babel.cfg"
TEMPLATE = TRANSLATIONS_DIR / "messages.pot"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2),
}
COMMENT_TAGS = ("TRANSLATORS:",)
SOURCE_DIRS = ("notices",)  # the directory babel.cfg maps (templates live inside it)
TRANSLATED = tuple(code for code in LOCALES if code != DEFAULT_LOCALE)
HEADER_COMMENT = (
    "# Translations template for Public Notices Search.\n"
    "# This file is distributed under the same license as the project."
)
PO_OPTIONS = {"width": 100, "include_lineno": False, "sort_by_file": True}


def po_path(locale: str) -> Path:
    return TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"


def mo_path(locale: str) -> Path:
    return po_path(locale).with_suffix(".mo")


def _source_directory(path: str) -> bool:
    # Walk only where babel.cfg looks: never the virtualenv, node_modules or demo extracts.
    parts = Path(path).relative_to(ROOT).parts
    return parts[0] in SOURCE_DIRS and not any(p.startswith((".", "__")) for p in parts)


def extract() -> Catalog:
    """Every marked message of the Python sources and templates, as babel.cfg maps them."""
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    catalog = Catalog(
        project="Public Notices Search",
        version="0.1",
        charset="utf-8",
        copyright_holder="Public Notices Search contributors",
        header_comment=HEADER_COMMENT,
    )
    found = extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=_source_directory,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write_atomically(path: Path, write, catalog: Catalog, **options) -> None:
    # Several test processes may compile at once: readers must never see half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        write(handle, catalog, **options)
    os.replace(handle.name, path)


def write_template() -> Catalog:
    """Extract and write messages.pot; returns the catalogue."""
    catalog = extract()
    _write_atomically(TEMPLATE, write_po, catalog, **PO_OPTIONS)
    return catalog


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def update() -> list[str]:
    """Merge messages.pot into every locale's .po (creating missing ones); returns the locales.

    New messages arrive untranslated and near matches fuzzy, so `check` fails until a
    translator has dealt with each."""
    template = read_catalog(TEMPLATE)
    for locale in TRANSLATED:
        path = po_path(locale)
        if path.exists():
            catalog = read_catalog(path, locale)
        else:
            catalog = Catalog(locale=locale, charset="utf-8", project=template.project)
        catalog.update(template)
        _write_atomically(path, write_po, catalog, ignore_obsolete=True, **PO_OPTIONS)
    return list(TRANSLATED)


def compile_catalogs(force: bool = False) -> list[str]:
    """Compile each .po whose .mo is missing or older; returns the locales compiled."""
    compiled = []
    for locale in TRANSLATED:
        po, mo = po_path(locale), mo_path(locale)
        if not force and mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            continue
        _write_atomically(mo, write_mo, read_catalog(po, locale))
        compiled.append(locale)
    return compiled


def _keys(catalog: Catalog) -> set:
    return {
        message.id if message.context is None else (message.id, message.context)
        for message in catalog
        if message.id
    }


def template_problems() -> list[str]:
    """Differences between messages.pot and what the sources mark today."""
    committed, current = _keys(read_catalog(TEMPLATE)), _keys(extract())
    return [
        f"messages.pot lacks {key!r} (run scripts/i18n extract)" for key in current - committed
    ] + [
        f"messages.pot has {key!r} that no source uses (run scripts/i18n extract)"
        for key in committed - current
    ]


def _message_problems(locale: str, message) -> list[str]:
    problems = []
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(strings):
        problems.append(f"{locale}: untranslated {message.id!r}")
    if message.fuzzy:
        problems.append(f"{locale}: fuzzy {message.id!r}")
    return problems


def catalog_problems(
    locale: str, path: Path | None = None, template_path: Path = TEMPLATE
) -> list[str]:
    """Missing, extra, untranslated and fuzzy messages and format errors of one .po."""
    path = path or po_path(locale)
    if not path.exists():
        return [f"{locale}: {path} does not exist (run scripts/i18n update)"]
    catalog, template = read_catalog(path, locale), read_catalog(template_path)
    have, want = _keys(catalog), _keys(template)
    problems = [f"{locale}: missing {key!r}" for key in want - have]
    problems += [f"{locale}: obsolete {key!r}" for key in have - want]
    if catalog.fuzzy:
        problems.append(f"{locale}: the whole catalogue is marked fuzzy")
    for message in catalog:
        if message.id:
            problems += _message_problems(locale, message)
    for message, errors in catalog.check():
        problems += [f"{locale}: {message.id!r}: {error}" for error in errors]
    return problems


def problems() -> list[str]:
    """Everything `check` reports: an up-to-date template and complete, clean catalogues."""
    found = template_problems()
    for locale in TRANSLATED:
        found += catalog_problems(locale)
    return found
