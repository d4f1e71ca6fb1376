"""Source: a compatible notices web service, pulled with partitioned list queries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from functools import partial
from urllib.parse import urlencode, urljoin, urlsplit

from notices.domain import KIND_PATHS, KINDS, InvalidEntityId, parse_entity_id, url_entity_id
from notices.ingest.record import PictureSource
from notices.ingest.sources import layout, partition
from notices.ingest.sources.base import (
    FetchOptions,
    ReadError,
    SourceError,
    SourceItem,
    rejected,
)
from notices.ingest.sources.fetch import FetchError, HttpClient

log = logging.getLogger(__name__)
API_PATH = "/notices/v1"


class WebServiceSource:
    """Every notice of the queried kinds; kinds_present() is those kinds, known at once."""

    def __init__(
        self,
        base_url: str,
        *,
        kinds: set[str],
        options: FetchOptions,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = _service_root(base_url)
        self.api = self.base_url + API_PATH
        self.description = base_url
        self.demo = False  # only a directory extract carries the demo marker
        self.complete = True
        self._kinds = [kind for kind in KINDS if kind in kinds]
        self._options = options
        self.client = HttpClient(self.base_url, options, sleep=sleep)
        self._probe()

    def kinds_present(self) -> set[str]:
        """The kinds queried."""
        return set(self._kinds)

    def __iter__(self) -> Iterator[SourceItem]:
        return self._items()

    def _probe(self) -> None:
        kind = self._kinds[0] if self._kinds else "red"
        try:
            self._list_page(kind, {}, 1, per_page=1)
        except ReadError as error:
            url = getattr(error, "url", self.api)
            raise SourceError(f"cannot use the notices service at {url}: {error}") from None

    def _items(self) -> Iterator[SourceItem]:
        self.client.open()
        try:
            for kind in self._kinds:
                yield from self._kind_items(kind)
        finally:
            self.client.close()

    def _kind_items(self, kind: str) -> Iterator[SourceItem]:
        dimensions = (
            partition.entity_dimensions() if kind == "un-entity" else partition.person_dimensions()
        )
        crawler = partition.Crawler(
            partial(self._list_page, kind), cap=self._options.query_cap, dimensions=dimensions
        )
        for found in crawler.crawl():
            yield from self._notice(kind, found)
        for problem in crawler.problems:
            yield rejected(problem.origin, problem.reason, kind=kind, json_path=problem.json_path)
        if not crawler.complete:
            self.complete = False

    def _list_page(self, kind: str, query: dict, number: int, per_page: int | None = None):
        parameters = {"page": number, "resultPerPage": per_page or self._options.page_size}
        url = f"{self.api}/{KIND_PATHS[kind]}?{urlencode({**parameters, **query})}"
        document = self.client.get_json(url)
        total = document.get("total")
        if not isinstance(total, int) or isinstance(total, bool) or total < 0:
            raise FetchError("list document without a valid total", url=url)
        embedded = document.get("_embedded")
        items = embedded.get("notices") if isinstance(embedded, dict) else None
        if items is None and total == 0:
            items = []
        if not isinstance(items, list):
            raise FetchError("list document without _embedded.notices", url=url)
        return partition.ListPage(url, total, items)

    def _notice(self, kind: str, found: partition.Found) -> Iterator[SourceItem]:
        canonical = f"{self.api}/{KIND_PATHS[kind]}/{url_entity_id(found.entity_id)}"
        url = self._link(found.item, "self", found.page_url, canonical)
        try:
            document = self.client.get_json(url)
            _check_same_notice(document, found.entity_id)
            images_url = self._link(document, "images", url, canonical + "/images")
            pictures, problems = self._pictures(images_url, canonical + "/images")
        except ReadError as error:
            yield rejected(url, str(error), kind=kind, entity_id=found.entity_id)
            return
        yield SourceItem(url, kind, document, None, pictures, found.entity_id)
        for origin, reason in problems:
            yield rejected(origin, reason, kind=kind, entity_id=found.entity_id)

    def _pictures(self, url: str, canonical: str) -> tuple[list[PictureSource], list]:
        try:
            document = self.client.get_json(url)
        except FetchError as error:
            if error.status == 404:
                return [], []  # no images list published: no pictures
            raise
        embedded = document.get("_embedded")
        images = embedded.get("images") if isinstance(embedded, dict) else None
        if not isinstance(images, list):
            raise FetchError("images list without _embedded.images", url=url)
        pictures, problems, seen = [], [], set()
        for index, image in enumerate(images):
            picture_id = (
                layout.picture_id_of(image.get("picture_id")) if isinstance(image, dict) else None
            )
            if picture_id is None:
                reason = f"_embedded.images[{index}].picture_id is not a digit string"
                problems.append((url, reason))
                continue
            if picture_id in seen:
                continue
            seen.add(picture_id)
            href = self._link(image, "self", url, f"{canonical}/{picture_id}")
            read = partial(self._read_picture, href)
            pictures.append(PictureSource(picture_id, href, read))
        return pictures, problems

    def _read_picture(self, url: str) -> bytes:
        return self.client.get_bytes(url, self._options.max_picture_bytes)

    def _link(self, document: dict, rel: str, base: str, fallback: str) -> str:
        """The document's link `rel` if it stays on the service, else the canonical URL."""
        links = document.get("_links") if isinstance(document, dict) else None
        link = links.get(rel) if isinstance(links, dict) else None
        href = link.get("href") if isinstance(link, dict) else None
        if not isinstance(href, str) or not href:
            return fallback
        url = urljoin(base, href)
        if self.client.allowed(url):
            return url
        log.warning("not following link to another site: %s (using %s)", url[:200], fallback)
        return fallback


def _check_same_notice(document: dict, entity_id: str) -> None:
    """A detail must be the notice its list item announced (a stray link could swap them)."""
    try:
        found = parse_entity_id(document.get("entity_id"))
    except InvalidEntityId:
        return  # the normaliser reports a missing or malformed id
    if found != entity_id:
        raise ReadError(f"the document is notice {found}, the list announced {entity_id}")


def _service_root(base_url: str) -> str:
    """Validate the base URL; accept it with or without the /notices/v1 suffix."""
    parts = urlsplit(base_url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SourceError(f"{base_url} is not an http:// or https:// URL")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SourceError(f"{base_url}: give the service's base URL without query or credentials")
    root = base_url.rstrip("/")
    return root.removesuffix(API_PATH)
