"""A fake public notices web service over real HTTP on 127.0.0.1, serving an extract tree.

    with FakeNoticeService(tmp_path / "tree") as service:
        open_source(service.base_url, ...)

It implements the list endpoints with the public parameters (forename, name, nationality, ageMin,
ageMax, sexId, arrestWarrantCountryId, page, resultPerPage) and *enforces* the result cap of the
real service: pages past the cap clamp to the last reachable page. Detail, images list and image
endpoints serve the tree's files. Faults can be injected per path; every request is logged.
The name filters match a prefix of any word of the field (case-insensitive).
"""

from __future__ import annotations

import json
import math
import re
import socket
import threading
from collections import deque
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from notices.domain import KIND_PATHS, PartialDate

API = "/notices/v1"
_DASH_ID = re.compile(r"^[0-9]{4}-[0-9]{1,7}$")
_LIST_FIELDS = ("entity_id", "name", "forename", "date_of_birth", "nationalities")


def notice_document(kind: str, number: int, *, year: int = 2024, **fields) -> dict:
    """A fictitious detail document; keyword arguments add or override fields."""
    document = {"entity_id": f"{year}/{number:05d}", "name": f"TESTNAME-{number}"}
    if kind != "un-entity":
        document.update(
            forename="TESTFORENAME", sex_id="M", date_of_birth="1980/05/17", nationalities=["FR"]
        )
    if kind == "red":
        document["arrest_warrants"] = [
            {"issuing_country_id": "FR", "charge": "Test charge", "charge_translation": None}
        ]
    document.update(fields)
    return document


def write_notice(root: Path, kind: str, document: dict, pictures: dict | None = None) -> Path:
    """Write one detail document (and its pictures {picture_id: bytes}) into a tree at root."""
    directory = root / KIND_PATHS[kind]
    dash = document["entity_id"].replace("/", "-")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{dash}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for picture_id, data in (pictures or {}).items():
        images = directory / dash / "images"
        images.mkdir(parents=True, exist_ok=True)
        (images / f"{picture_id}.jpg").write_bytes(data)
    return path


def sample_tree(root: Path) -> Path:
    """A small tree with every kind, pictures and an unrelated README."""
    write_notice(root, "red", notice_document("red", 2), {"1": b"red-2-pic-1", "2": b"red-2-pic-2"})
    write_notice(root, "red", notice_document("red", 10))
    write_notice(root, "yellow", notice_document("yellow", 3, year=2023), {"7": b"yellow-pic"})
    write_notice(root, "un-person", notice_document("un-person", 4, year=2019))
    write_notice(root, "un-entity", notice_document("un-entity", 5, year=2018))
    (root / "README.txt").write_text("About this extract.\n")
    return root


class _QuietServer(ThreadingHTTPServer):
    """A client killed mid-request (the loader under SIGKILL) resets its connection; the
    standard server prints that traceback to stderr, where it lands in whatever a test is
    capturing at that moment."""

    def handle_error(self, request, client_address):
        pass


class _Notice:
    def __init__(self, kind: str, dash: str, raw: bytes, document: dict | None, pictures: dict):
        self.kind, self.dash, self.raw, self.document, self.pictures = (
            kind,
            dash,
            raw,
            document or {},
            pictures,
        )


class FakeNoticeService:
    """Serves `root` (layout red/<id>.json, red/<id>/images/<n>.jpg, ...) like the web service."""

    def __init__(
        self, root: Path, *, cap: int = 160, max_per_page: int = 160, today: date = date(2025, 6, 1)
    ):
        self.root, self.cap, self.max_per_page, self.today = Path(root), cap, max_per_page, today
        self.requests: list[str] = []  # path?query of every request, in arrival order
        self.self_links: dict[str, str] = {}  # entity id -> href put in list items
        self.image_links: dict[tuple[str, str], str] = {}  # (entity id, picture id) -> href
        self.redirects: dict[str, str] = {}  # path -> Location answered with 302
        self._faults: dict[str, deque] = {}
        self._lock = threading.Lock()
        self._notices: dict[str, dict[str, _Notice]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def __enter__(self) -> FakeNoticeService:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self.reload()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def reload(self) -> None:
        """Read the tree again (after tests changed it)."""
        self._notices = {kind: self._read_kind(kind) for kind in KIND_PATHS}

    # -- test controls ----------------------------------------------------------------------
    def fail(self, path: str, statuses: list[int], retry_after: str | None = None) -> None:
        """Answer the next requests to `path` (no query) with these statuses, in order."""
        with self._lock:
            queue = self._faults.setdefault(path, deque())
            queue.extend((status, retry_after) for status in statuses)

    def requested(self, prefix: str) -> list[str]:
        with self._lock:
            return [request for request in self.requests if request.startswith(prefix)]

    # -- the service ------------------------------------------------------------------------
    def _read_kind(self, kind: str) -> dict[str, _Notice]:
        directory = self.root / KIND_PATHS[kind]
        notices = {}
        if not directory.is_dir():
            return notices
        for path in sorted(directory.glob("*.json")):
            dash = path.stem
            if not _DASH_ID.match(dash):
                continue
            raw = path.read_bytes()
            try:
                document = json.loads(raw)
            except ValueError:
                document = None
            images = directory / dash / "images"
            pictures = {p.stem: p for p in sorted(images.glob("*")) if p.stem.isdigit()}
            notices[dash] = _Notice(kind, dash, raw, document, pictures)
        return notices

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, dict, bytes]:
        """(status, headers, body) for one GET."""
        with self._lock:
            queue = self._faults.get(path)
            fault = queue.popleft() if queue else None
        if fault is not None:
            status, retry_after = fault
            headers = {"Retry-After": retry_after} if retry_after is not None else {}
            return status, headers, b'{"error": "injected fault"}'
        if path in self.redirects:
            return 302, {"Location": self.redirects[path]}, b""
        route = self._route(path)
        if route is None:
            return 404, {}, b'{"error": "not found"}'
        kind, dash, rest = route
        if dash is None:
            return self._json(self._list(kind, query))
        notice = self._notices[kind].get(dash)
        if notice is None:
            return 404, {}, b'{"error": "not found"}'
        if not rest:
            return 200, {"Content-Type": "application/json"}, notice.raw
        if rest == ["images"]:
            return self._json(self._images(notice))
        if len(rest) == 2 and rest[0] == "images" and rest[1] in notice.pictures:
            return 200, {"Content-Type": "image/jpeg"}, notice.pictures[rest[1]].read_bytes()
        return 404, {}, b'{"error": "not found"}'

    def _route(self, path: str):
        if not path.startswith(API + "/"):
            return None
        parts = path[len(API) + 1 :].split("/")
        for kind, kind_path in KIND_PATHS.items():
            depth = kind_path.count("/") + 1
            if "/".join(parts[:depth]) == kind_path:
                rest = parts[depth:]
                if not rest:
                    return kind, None, []
                return kind, rest[0], rest[1:]
        return None

    def _json(self, document: dict) -> tuple[int, dict, bytes]:
        return 200, {"Content-Type": "application/json"}, json.dumps(document).encode()

    def _url(self, kind: str, tail: str = "") -> str:
        return f"{self.base_url}{API}/{KIND_PATHS[kind]}{tail}"

    def _list(self, kind: str, query: dict[str, str]) -> dict:
        matches = [n for n in self._notices[kind].values() if self._matches(n.document, query)]
        matches.sort(key=lambda n: tuple(int(x) for x in n.dash.split("-")))
        per_page = max(1, min(_int(query.get("resultPerPage"), 20), self.max_per_page))
        reachable = matches[: self.cap]
        last = max(1, math.ceil(len(reachable) / per_page))
        page = min(max(1, _int(query.get("page"), 1)), last)  # clamp, as the real service does
        shown = reachable[(page - 1) * per_page : page * per_page]
        filters = {k: v for k, v in query.items() if k not in ("page", "resultPerPage")}

        def link(number: int) -> dict:
            params = "&".join(f"{k}={v}" for k, v in filters.items())
            return {
                "href": self._url(
                    kind,
                    f"?page={number}&resultPerPage={per_page}" + (f"&{params}" if params else ""),
                )
            }

        links = {"self": link(page), "first": link(1), "last": link(last)}
        if page < last:
            links["next"] = link(page + 1)
        return {
            "total": len(matches),
            "query": {**filters, "page": page, "resultPerPage": per_page},
            "_embedded": {"notices": [self._list_item(n) for n in shown]},
            "_links": links,
        }

    def _list_item(self, notice: _Notice) -> dict:
        item = {key: notice.document.get(key) for key in _LIST_FIELDS}
        entity_id = notice.dash.replace("-", "/")
        item["entity_id"] = notice.document.get("entity_id", entity_id)
        detail = self._url(notice.kind, f"/{notice.dash}")
        item["_links"] = {
            "self": {"href": self.self_links.get(entity_id, detail)},
            "images": {"href": detail + "/images"},
        }
        return item

    def _images(self, notice: _Notice) -> dict:
        entity_id = notice.dash.replace("-", "/")
        detail = self._url(notice.kind, f"/{notice.dash}")
        images = [
            {
                "picture_id": picture_id,
                "_links": {
                    "self": {
                        "href": self.image_links.get(
                            (entity_id, picture_id), f"{detail}/images/{picture_id}"
                        )
                    }
                },
            }
            for picture_id in notice.pictures
        ]
        return {
            "_embedded": {"images": images},
            "_links": {"self": {"href": detail + "/images"}, "notice": {"href": detail}},
        }

    def _matches(self, document: dict, query: dict[str, str]) -> bool:
        for key, field in (("name", "name"), ("forename", "forename")):
            if key in query and not _word_prefix(document.get(field), query[key]):
                return False
        if "nationality" in query and query["nationality"] not in (
            document.get("nationalities") or []
        ):
            return False
        if "sexId" in query and document.get("sex_id") != query["sexId"]:
            return False
        if "arrestWarrantCountryId" in query:
            countries = {w.get("issuing_country_id") for w in document.get("arrest_warrants") or []}
            if query["arrestWarrantCountryId"] not in countries:
                return False
        if "ageMin" in query or "ageMax" in query:
            return self._age_matches(document.get("date_of_birth"), query)
        return True

    def _age_matches(self, text, query: dict[str, str]) -> bool:
        born = _partial_date(text)
        if born is None:
            return False
        youngest, oldest = born.age_range(self.today)
        low, high = _int(query.get("ageMin"), 0), _int(query.get("ageMax"), 999)
        return youngest <= high and oldest >= low


def _handler(service: FakeNoticeService):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            # Headers and body go out in two writes; without this, Nagle's algorithm and
            # delayed ACKs add ~40 ms to every keep-alive request.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self):  # noqa: N802 - the name http.server dispatches to
            with service._lock:
                service.requests.append(self.path)
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            status, headers, body = service.answer(parts.path, query)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep test output quiet
            pass

    return Handler


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _word_prefix(value, prefix: str) -> bool:
    if not isinstance(value, str):
        return False
    return any(word.startswith(prefix.upper()) for word in value.upper().split())


def _partial_date(text) -> PartialDate | None:
    """'1980/05/17', '1980/05', '1980' or UN style '1975/00/00'; None when unknown."""
    if not isinstance(text, str):
        return None
    numbers = [int(part) for part in text.split("/") if part.isdigit()]
    known = []
    for number in numbers[:3]:
        if number == 0:
            break
        known.append(number)
    try:
        return PartialDate(*known) if known else None
    except ValueError:
        return None
