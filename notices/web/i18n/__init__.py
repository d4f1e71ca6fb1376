"""Languages of the web layer: the one `_`, locale selection, labels, names, disclaimer.

UI code imports its message functions from here and nowhere else:
`from notices.web.i18n import _, ngettext, pgettext, lazy_gettext, lazy_pgettext`.
"""

from __future__ import annotations

from flask_babel import lazy_gettext, lazy_pgettext

from notices.web.i18n.catalog import gettext, ngettext, pgettext
from notices.web.i18n.locale import LOCALES

_ = gettext

__all__ = ["LOCALES", "_", "gettext", "lazy_gettext", "lazy_pgettext", "ngettext", "pgettext"]
