"""Rendered search and notice answers, kept per worker under a key of everything they depend on.

A page or API answer depends on its URL (host, path and query), the language it is served in,
the data (`notices.data_version`: every load that adds, changes or withdraws a notice or
changes the demonstration state, and every contacts load, moves it), the index commit it was
made from (a follower or a load switching the index moves it; not in the key of a notice's own
answer, `cached_notice`, which does not read the index) and today's date (ages). All of them
are in the key, so an answer is never served after what it shows has changed: a withdrawal is
gone from the next request after its load commits, exactly as without the cache. Reading the
key costs one small SQL statement and a few file stats; rendering a results page costs several
milliseconds. Answers are kept gzip-compressed (level 1: ~0.3 ms to pack a results page once,
~0.1 ms to unpack it per hit), so the same memory holds five to seven times as many of them,
and a client that accepts gzip (every browser) gets the packed body as it is, six times fewer
bytes on its line (a representation of its own: `Vary: Accept-Encoding`, its own ETag). Only
complete 200 answers without cookies are kept. The index commit in the key is the one the
thread answers from (`IndexHome.answering_stamp`, the live one's `live_stamp` but while one
thread of a worker reads a new commit's snapshot: the others then answer from the commit
before, kept answers included). Headers
added to every response (security, CORS, rate limits, ETag checks) are added to a cached
answer as to a fresh one, because the cache sits inside the view.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import wraps
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, current_app, request
from sqlalchemy.exc import SQLAlchemyError

from notices.data_version import data_version
from notices.indexing import IndexUnavailable, index_errors
from notices.web.common.reading import services
from notices.web.i18n.locale import locale_code

if TYPE_CHECKING:
    from search_index import IndexHome

EXTENSION = "notices.response_cache"
_GZIP = 31  # zlib's wbits for the gzip format
_LEVEL = 1  # pages compress ~6x even at the fastest level; higher levels cost twice the time


@dataclass(frozen=True)
class Entry:
    """One kept answer: what the view returned, ETag included, before per-response headers;
    its body gzip-compressed."""

    packed: bytes
    status: int
    headers: tuple[tuple[str, str], ...]
    size: int  # of the body as served

    @classmethod
    def of(cls, body: bytes, status: int, headers: tuple[tuple[str, str], ...]) -> Entry:
        return cls(zlib.compress(body, _LEVEL, wbits=_GZIP), status, headers, len(body))

    def body(self) -> bytes:
        return zlib.decompress(self.packed, wbits=_GZIP)

    def response(self, packed: bool) -> Response:
        """The answer, its body gzip-encoded when `packed` (the client accepts gzip)."""
        if not packed:
            response = Response(self.body(), status=self.status, headers=list(self.headers))
        else:
            response = Response(self.packed, status=self.status, headers=list(self.headers))
            response.headers["Content-Encoding"] = "gzip"
            etag, weak = response.get_etag()
            response.set_etag(f"{etag}-gzip", weak=weak)  # another representation, another tag
        response.vary.add("Accept-Encoding")
        return response


class ResponseCache:
    """A thread-safe LRU of answers bounded by the total size of their packed bodies."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._bytes = 0
        self._served_bytes = 0  # the same answers unpacked
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: tuple, entry: Entry) -> None:
        if len(entry.packed) > self.max_bytes // 8:  # one huge answer must not evict the rest
            return
        with self._lock:
            self._forget(self._entries.pop(key, None))
            self._entries[key] = entry
            self._bytes += len(entry.packed)
            self._served_bytes += entry.size
            while self._bytes > self.max_bytes:
                self._forget(self._entries.popitem(last=False)[1])

    def _forget(self, entry: Entry | None) -> None:
        if entry is not None:
            self._bytes -= len(entry.packed)
            self._served_bytes -= entry.size

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "entries": len(self._entries),
                "megabytes": round(self._bytes / 2**20, 2),
                "unpacked_megabytes": round(self._served_bytes / 2**20, 2),
                "hits": self.hits,
                "misses": self.misses,
            }


def cached(view: Callable[..., Any]) -> Callable[..., Response]:
    """Serve the view's answer from the cache when everything it depends on is unchanged."""
    return _caching(view, _always)


def cached_notice(view: Callable[..., Any]) -> Callable[..., Response]:
    """`cached` for one notice's answer: it reads the database, and the index only to link the
    notice to the search it was opened from (`from`). Without that, its key leaves the index
    commit out, so the notice pages a worker keeps outlive an index switch (a rebuild, or a
    node's index catching up), and only a change of the data renders them again."""
    return _caching(view, _opened_from_a_search)


def _always() -> bool:
    return True


def _opened_from_a_search() -> bool:
    return "from" in request.args


def _caching(view: Callable[..., Any], reads_index: Callable[[], bool]) -> Callable[..., Response]:
    @wraps(view)
    def answer(*args: Any, **kwargs: Any) -> Response:
        cache: ResponseCache | None = current_app.extensions.get(EXTENSION)
        index = reads_index()
        key = _key(index) if cache is not None else None
        if key is None:
            return current_app.make_response(view(*args, **kwargs))
        entry = cache.get(key)
        if entry is None:
            response = current_app.make_response(view(*args, **kwargs))
            entry = _entry(response)
            if entry is None:
                return response
            cache.put(key, entry)
        return entry.response(packed=_accepts_gzip())

    return answer


def _key(index: bool) -> tuple | None:
    """Everything an answer depends on (the index commit when it reads the index), or None
    when the data's version cannot be read (the view then runs and reports the database's
    state as it always does)."""
    found = services()
    try:
        with found.engine.connect() as connection:
            version = data_version(connection)
    except SQLAlchemyError:
        return None
    stamp = _answering_stamp(found.index) if index else None
    return (request.url, locale_code(), version, stamp, _today())


def _answering_stamp(home: IndexHome) -> tuple | None:
    """The commit this thread answers from: the live one, or while a new one's snapshot is
    read, the one before, whose kept answers are then served as they were a moment before."""
    try:
        with index_errors(home, "opened"):
            return home.answering_stamp()
    except IndexUnavailable:
        return home.live_stamp()  # the view meets the error too, and its 503 is never kept


def _accepts_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0  # "gzip;q=0" refuses it


def _today() -> date:
    """The UTC date: ages and age filters move with it."""
    return datetime.now(UTC).date()


def _entry(response: Response) -> Entry | None:
    """The answer as kept, or None when it must not be kept (not a complete 200, or it sets a
    cookie, which belongs to one visitor)."""
    if response.status_code != 200 or response.is_streamed or response.direct_passthrough:
        return None
    if "Set-Cookie" in response.headers:
        return None
    if not response.get_etag()[0]:
        response.add_etag()  # computed once per kept answer, not on every hit
    return Entry.of(response.get_data(), response.status_code, tuple(response.headers.items()))


def init_app(app: Flask) -> None:
    """One cache per application (tests run several apps in one process), when enabled."""
    megabytes = app.config["RESPONSE_CACHE_MB"]
    if megabytes > 0:
        app.extensions[EXTENSION] = ResponseCache(int(megabytes * 2**20))


def cache_stats() -> dict[str, Any] | None:
    """Entries, size, hits and misses of this worker's cache (None when it is off)."""
    cache: ResponseCache | None = current_app.extensions.get(EXTENSION)
    return None if cache is None else cache.stats()
