"""HTTP for the web service source: one origin only, bounded rate, retries, capped bodies."""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from notices.ingest.sources import budget
from notices.ingest.sources.base import FetchOptions, ReadError
from notices.ingest.sources.budget import FetchBudget
from notices.ingest.sources.safejson import parse_document

_DEFAULT_PORTS = {"http": 80, "https": 443}
_RETRYABLE = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)
_MAX_REDIRECTS = 5
_CHUNK = 16 * 1024  # small chunks bound what one compressed chunk can inflate to


class FetchError(ReadError):
    """A request failed for good (after retries, or with a status that retrying cannot fix)."""

    def __init__(self, reason: str, *, url: str, status: int | None = None):
        super().__init__(reason)
        self.url = url
        self.status = status


class RateLimiter:
    """Token bucket: on average `rate` acquisitions per second, bursts of at most `burst`."""

    def __init__(
        self,
        rate: float | None,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.rate, self.burst = rate, burst
        self._clock, self._sleep = clock, sleep
        self._tokens, self._last = burst, clock()
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Take one token, sleeping until it is available."""
        if not self.rate:
            return
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1  # may go negative: later callers wait for this one's debt too
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:
        port = -1
    return scheme, (parts.hostname or "").lower(), port


class HttpClient:
    """GETs under one base URL; anything pointing elsewhere is refused, never fetched."""

    def __init__(
        self, base_url: str, options: FetchOptions, *, sleep: Callable[[float], None] = time.sleep
    ):
        self.base_url = base_url.rstrip("/")
        self.options = options
        self._origin = origin(self.base_url)
        self._path_prefix = urlsplit(self.base_url).path.rstrip("/") + "/"
        self._sleep = sleep
        self._limiter = RateLimiter(options.rate_per_second, sleep=sleep)
        self.budget = FetchBudget(options.max_requests, options.max_seconds)
        self._session: requests.Session | None = None

    def open(self) -> None:
        """Keep one session (and its connections) until close()."""
        if self._session is None:
            self._session = self._new_session()

    def close(self) -> None:
        """Close the kept session; later requests use a short-lived one each."""
        if self._session is not None:
            self._session.close()
            self._session = None

    def allowed(self, url: str) -> bool:
        """True for URLs on the base URL's scheme, host and port, under its path."""
        parts = urlsplit(url)
        return (
            origin(url) == self._origin
            and parts.username is None
            and parts.password is None
            and (parts.path + "/").startswith(self._path_prefix)
        )

    def get_json(self, url: str) -> dict:
        """The JSON object at `url`, read with the JSON size and depth limits."""
        data = self.get_bytes(url, self.options.max_json_bytes)
        try:
            return parse_document(
                data, max_bytes=self.options.max_json_bytes, max_depth=self.options.max_json_depth
            )
        except ReadError as error:
            raise FetchError(str(error), url=url) from None

    def get_bytes(self, url: str, limit: int) -> bytes:
        """The body at `url` (at most `limit` bytes), retrying transient failures."""
        if not self.allowed(url):
            raise FetchError("not on the service's host; not followed", url=url)
        session = self._session
        if session is not None:
            return self._get(session, url, limit)
        with self._new_session() as temporary:
            return self._get(temporary, url, limit)

    def _new_session(self) -> requests.Session:
        session = requests.Session()
        session.headers.update(
            {"User-Agent": self.options.user_agent, "Accept": "application/json, */*;q=0.5"}
        )
        return session

    def _get(self, session: requests.Session, url: str, limit: int) -> bytes:
        attempt, redirects = 0, 0
        while True:
            self._limiter.acquire()
            self.budget.spend()
            try:
                outcome = budget.within(
                    self.options.timeout, partial(self._attempt, session, url, limit)
                )
            except budget.DeadlineExceeded as error:
                outcome = _Retry(str(error), None)
            except _RETRYABLE as error:
                outcome = _Retry(f"connection failed: {type(error).__name__}", None)
            except requests.RequestException as error:
                raise FetchError(f"request failed: {type(error).__name__}", url=url) from None
            if isinstance(outcome, bytes):
                return outcome
            if isinstance(outcome, str):  # a same-origin redirect
                redirects += 1
                if redirects > _MAX_REDIRECTS:
                    raise FetchError("too many redirects", url=url)
                url = outcome
                continue
            if attempt >= self.options.retries:
                reason = f"{outcome.reason} (gave up after {attempt + 1} attempts)"
                raise FetchError(reason, url=url, status=outcome.status)
            self._sleep(self._bounded(self._delay(attempt, outcome.retry_after)))
            attempt += 1

    def _bounded(self, delay: float) -> float:
        """A backoff never sleeps past the load's time budget (the next spend() stops it)."""
        left = self.budget.left()
        return delay if left is None else max(0.0, min(delay, left))

    def _attempt(self, session: requests.Session, url: str, limit: int, cancelled: threading.Event):
        """bytes on success, a redirect URL (str), or a _Retry; raises FetchError otherwise."""
        timeout = self.options.timeout
        with session.get(url, timeout=timeout, stream=True, allow_redirects=False) as response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308):
                target = urljoin(url, response.headers.get("Location", ""))
                if not self.allowed(target):
                    reason = "redirect to another site not followed"
                    raise FetchError(reason, url=url, status=status)
                return target
            if status == 429 or status >= 500:
                return _Retry(f"HTTP {status}", status, _retry_after(response.headers))
            if status != 200:
                raise FetchError(f"HTTP {status}", url=url, status=status)
            return _read_body(response, url, limit, cancelled)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.options.retry_after_max)
        backoff = min(self.options.backoff_max, self.options.backoff_base * 2**attempt)
        return backoff * random.uniform(0.5, 1.0)  # jitter: clients do not retry in lockstep


class _Retry:
    """A transient failure worth another attempt."""

    def __init__(self, reason: str, status: int | None, retry_after: float | None = None):
        self.reason, self.status, self.retry_after = reason, status, retry_after


def _read_body(
    response: requests.Response, url: str, limit: int, cancelled: threading.Event
) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"response larger than the limit of {limit} bytes", url=url)
    chunks, size = [], 0
    while not cancelled.is_set():
        # read1: whatever has arrived (at most _CHUNK decoded bytes), so a dripping server
        # cannot hold this thread past its deadline by more than one byte's wait.
        try:
            chunk = response.raw.read1(_CHUNK, decode_content=True)
        except urllib3.exceptions.DecodeError:
            raise FetchError("the response cannot be decompressed", url=url) from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.ReadTimeoutError) as error:
            raise requests.exceptions.ChunkedEncodingError(str(error)) from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response larger than the limit of {limit} bytes", url=url)
        chunks.append(chunk)
    raise FetchError("cancelled", url=url)  # nobody waits for this answer any more


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds asked for by a Retry-After header (seconds or an HTTP date), if any."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
