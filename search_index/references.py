"""Notice numbers and UN references typed into the name box: the notice itself, nothing else."""

from __future__ import annotations

import re

from search_index.columns import Columns
from search_index.textfold import fold_code

# 1996/78696 and 1996-78696 (the year, then the number); QDe.001 / QDi.123 (UN sanctions).
_NOTICE_NUMBER = re.compile(r"^\s*(\d{4})\s*[/\-]\s*(\d{1,9})\s*$")
_UN_REFERENCE = re.compile(r"^\s*[A-Za-z]{2,4}\s*\.\s*\d{1,6}\s*$")
WHY = "notice number or UN reference {text}"


def looks_like_reference(text: str) -> bool:
    """True when `text` is shaped like a notice number or a UN reference."""
    return bool(_NOTICE_NUMBER.match(text) or _UN_REFERENCE.match(text))


def reference_rows(columns: Columns, text: str) -> list[int] | None:
    """Rows of the notice whose number or UN reference `text` is (case-insensitive); None
    when `text` is shaped like neither, so that it is searched as a name."""
    number = _NOTICE_NUMBER.match(text)
    if number:
        year, serial = number.groups()
        found = (columns.row_number(f"{year}{sep}{serial}") for sep in "/-")
        rows = [row for row in found if row is not None]
        return rows or None
    if _UN_REFERENCE.match(text):
        return list(columns.references["un_reference"].get(fold_code(text), ())) or None
    return None
