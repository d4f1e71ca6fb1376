"""Atom 1.0 (RFC 4287) documents from plain entries, written with ElementTree (escaped)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME = "application/atom+xml"
EPOCH = datetime(1970, 1, 1)
# Characters XML 1.0 cannot carry at all: a published name must not make the feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    """One notice in a feed."""

    id: str
    title: str
    link: str
    updated: datetime
    published: datetime
    summary: str
    category: str
    category_label: str


@dataclass(frozen=True)
class Feed:
    """A feed's own metadata; `subtitle` carries the disclaimer."""

    id: str
    title: str
    subtitle: str
    self_url: str
    html_url: str
    author: str
    lang: str


def urn(text: str) -> str:
    """A permanent id for a URL: the same notice or feed URL always gives the same urn."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, text)}"


def timestamp(moment: datetime) -> str:
    """A stored naive UTC time as an RFC 3339 date-time."""
    return moment.isoformat(timespec="seconds") + "Z"


def _add(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def document(feed: Feed, entries: Sequence[Entry]) -> bytes:
    """The feed as UTF-8 XML; its `updated` is its newest entry's (stable, so ETags are)."""
    # Unqualified names under a literal default namespace: ElementTree would otherwise
    # invent "ns0:" prefixes, which some feed readers mishandle.
    root = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: feed.lang})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "subtitle", feed.subtitle)
    _add(root, "rights", feed.subtitle)
    updated = max((entry.updated for entry in entries), default=EPOCH)
    _add(root, "updated", timestamp(updated))
    _add(_add(root, "author"), "name", feed.author)
    _add(root, "link", rel="self", type=MIME, href=feed.self_url)
    _add(root, "link", rel="alternate", type="text/html", href=feed.html_url)
    for entry in entries:
        element = _add(root, "entry")
        _add(element, "id", entry.id)
        _add(element, "title", entry.title)
        _add(element, "link", rel="alternate", type="text/html", href=entry.link)
        _add(element, "updated", timestamp(entry.updated))
        _add(element, "published", timestamp(entry.published))
        _add(element, "category", term=entry.category, label=entry.category_label)
        _add(element, "summary", entry.summary)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
