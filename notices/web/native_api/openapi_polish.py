"""What every operation of the OpenAPI document has in common, added in one pass: an
operationId and tags, the 304 and 429 answers, typed enums, and the servers list."""

from __future__ import annotations

import re

NOT_MODIFIED = {
    "description": "Not modified: the client's copy (If-None-Match / If-Modified-Since) is current",
    "headers": {"ETag": {"schema": {"type": "string"}}},
}
TOO_MANY = {
    "description": "Too many requests from this client: wait as long as Retry-After says",
    "headers": {
        "Retry-After": {"schema": {"type": "integer", "minimum": 1}},
        "X-RateLimit-Limit": {"schema": {"type": "integer"}},
        "X-RateLimit-Remaining": {"schema": {"type": "integer"}},
        "X-RateLimit-Reset": {"schema": {"type": "integer"}},
    },
}
TAGS = [
    {"name": "native", "description": "Scored search, explanations, facets, every field"},
    {"name": "compatible", "description": "The public notices web service's paths and shapes"},
    {"name": "meta", "description": "This description"},
]


def polish(document: dict) -> dict:
    """Add operationIds, tags, 304/429 answers, enum types and servers (in place)."""
    seen: set[str] = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            operation["operationId"] = _operation_id(method, path, seen)
            operation["tags"] = [_tag(path)]
            responses = operation["responses"]
            if "200" in responses:
                responses.setdefault("304", NOT_MODIFIED)
            responses.setdefault("429", TOO_MANY)
    document["tags"] = TAGS
    document["servers"] = [{"url": "/", "description": "This service"}]
    _type_enums(document)
    return document


def _tag(path: str) -> str:
    if path.endswith("openapi.json"):
        return "meta"
    return "native" if path.startswith("/api/") else "compatible"


def _operation_id(method: str, path: str, seen: set[str]) -> str:
    """getApiV1Search, getNoticesV1UnPersonsEntityIdImages ...: stable and unique."""
    words = re.findall(r"[A-Za-z0-9]+", path.replace("openapi.json", "openapi"))
    name = method + "".join(word[:1].upper() + word[1:] for word in words)
    while name in seen:
        name += "_"
    seen.add(name)
    return name


def _type_enums(node: object) -> None:
    """Every enum says its type (string, integer, or either with null), as generators want."""
    if isinstance(node, dict):
        if "enum" in node and "type" not in node:
            node["type"] = _enum_type(node["enum"])
        for value in node.values():
            _type_enums(value)
    elif isinstance(node, list):
        for value in node:
            _type_enums(value)


def _enum_type(values: list) -> str | list[str]:
    kinds = {"null" if v is None else "integer" if isinstance(v, int) else "string" for v in values}
    ordered = sorted(kinds - {"null"}) + (["null"] if "null" in kinds else [])
    return ordered[0] if len(ordered) == 1 else ordered
