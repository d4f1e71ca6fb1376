"""The web layer's door to the search index: the app's IndexHome, searches, readiness."""

from __future__ import annotations

from flask import current_app
from werkzeug.exceptions import ServiceUnavailable


def home():
    """The application's IndexHome (one per directory and process, cached by notices.indexing)."""
    from notices.indexing import index_home

    return index_home(current_app.config["INDEX_DIR"])


def run_search(query):
    """One page of hits for a search_index.SearchQuery; 503 while no index is built."""
    from search_index import IndexNotFound, search

    try:
        return search(home(), query)
    except IndexNotFound as error:
        current_app.logger.error("search unavailable: %s", error)
        raise ServiceUnavailable() from error
    except Exception as error:
        # A damaged generation (files deleted or truncated under us) raises whatever the file
        # formats raise. The public gets a clear 503; staff get the traceback and the repair.
        current_app.logger.exception(
            "search failed; if the index is damaged, `notices index rebuild` repairs it")
        raise ServiceUnavailable() from error


def index_ready() -> bool:
    """True when a searcher on a live index generation can be opened."""
    try:
        home().searcher()
    except Exception:  # noqa: BLE001 - missing index, half-built generation, bad path...
        return False
    return True
