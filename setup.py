"""Build hook: compile the translation catalogues into the package, so a wheel serves every
language without the checkout (compiled .mo files are build output and never committed)."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).resolve().parent / "notices" / "translations"


def compile_catalogues() -> None:
    """Write messages.mo beside every messages.po (the .po files are the sources)."""
    for po_path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source, locale=po_path.parts[-3])
        with po_path.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)


class BuildWithCatalogues(build_py):
    """build_py that compiles the catalogues first, so package data includes the .mo files."""

    def run(self) -> None:
        compile_catalogues()
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
