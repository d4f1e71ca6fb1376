"""The saved syllable tables equal pypinyin's, and reading Latin names never loads pypinyin."""

from __future__ import annotations

import subprocess
import sys

from search_index.names import syllable_source
from search_index.names.romanisation import syllable_tables


def test_saved_tables_equal_what_the_installed_pypinyin_gives():
    # Fails after a pypinyin upgrade that changes a reading: regenerate syllable_data.py.
    assert syllable_tables() == syllable_source.derive()


def test_saved_module_is_what_the_generator_writes():
    expected = syllable_source.module_text(*syllable_source.derive())
    assert syllable_source.DATA_PATH.read_text(encoding="utf-8") == expected


def test_latin_names_are_read_as_chinese_without_pypinyin():
    # A worker answering Latin queries must not pay pypinyin's ~55 MB phrase dictionary.
    script = (
        "import sys\n"
        "from search_index.names import analyse_query\n"
        "from search_index.names.romanisation import reading_keys\n"
        "keys = reading_keys('chienkuo')\n"
        "assert '^chien-kuo' in keys and \"^ch'ien-kuo\" in keys, keys\n"
        "assert reading_keys('jianguo') == ('%chien-kuo',)\n"
        "analyse_query('Chien-kuo WANG')\n"
        "assert 'pypinyin' not in sys.modules\n"
        "analyse_query('王建国')\n"
        "assert 'pypinyin' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
