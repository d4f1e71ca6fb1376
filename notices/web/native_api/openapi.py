"""The OpenAPI 3.1 document of the native and compatible APIs (a static description)."""

from __future__ import annotations

import copy

from notices.domain import KIND_PATHS, KINDS
from notices.web.common.query_args import COMPAT_MAX_PER_PAGE, MAX_AGE, MAX_PER_PAGE
from notices.web.native_api.openapi_polish import polish

STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer"}
NNUM = {"type": ["number", "null"]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


def _nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def _object(properties: dict, required: list[str] | None = None, extra: bool = False) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": extra,
    }


def _query(name: str, schema: dict, description: str, repeat: bool = False) -> dict:
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": _array(schema) if repeat else schema,
    }
    if repeat:
        parameter.update(style="form", explode=True)
    return parameter


def _path(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


def _json(schema_name: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(schema_name)}},
    }


ERRORS = {
    "400": _json("Error", "A parameter has a value that cannot be used"),
    "404": _json("Error", "No such notice"),
    "410": _json("Error", "The notice has been withdrawn"),
    "503": _json("Error", "The search index is not available"),
}
ENTITY = _path(
    "entity_id",
    {"type": "string", "pattern": "^[0-9]{4}-[0-9]{1,7}$"},
    "Notice id in dash form, e.g. 2024-12345",
)
CODED = _object({"code": STR, "label": STR})
LINK = _object({"href": {"type": "string", "format": "uri"}})
COUNTS = {"type": "object", "additionalProperties": INT}

SCHEMAS = {
    "Error": _object(
        {
            "error": _object({"code": STR, "message": STR, "parameter": NSTR}),
            "disclaimer": STR,
        }
    ),
    "Coded": CODED,
    "Age": _nullable(_object({"min": INT, "max": INT})),
    "Names": _object(
        {
            "family_name": NSTR,
            "forename": NSTR,
            "family_name_original": NSTR,
            "forename_original": NSTR,
            "birth_name": NSTR,
            "aliases": _array(STR),
            "formerly_known_as": _array(STR),
        }
    ),
    "SearchResult": _object(
        {
            "entity_id": STR,
            "kind": {"enum": list(KINDS)},
            "names": _ref("Names"),
            "sex": NSTR,
            "date_of_birth": NSTR,
            "age": _ref("Age"),
            "nationalities": _array(STR),
            "wanted_by": _array(STR),
            "has_picture": {"type": "boolean"},
            "thumbnail_url": NSTR,
            "score": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "band": {"enum": ["strong", "possible", "weak", None]},
            "why": NSTR,
            "reasons": _array(_object({"code": STR, "query": STR, "name": STR})),
            "matched_name": {
                "oneOf": [
                    _object(
                        {
                            "name": STR,
                            "type": {
                                "type": "string",
                                "enum": [
                                    "primary",
                                    "alias",
                                    "birth_name",
                                    "former_name",
                                    "original_script",
                                ],
                            },
                        }
                    ),
                    {"type": "null"},
                ],
                "description": "Which of the notice's names the query matched (null when the "
                "search had no name, or found the notice by its number or UN reference).",
            },
            "first_published": {"type": "string", "format": "date-time"},
            "last_changed": {"type": "string", "format": "date-time"},
            "url": STR,
            "api_url": STR,
        }
    ),
    "SearchResponse": _object(
        {
            "links": _object(
                {name: STR for name in ("self", "first", "last", "prev", "next")},
                required=["self", "first", "last"],
            ),
            "total": INT,
            "page": INT,
            "per_page": INT,
            "pages": INT,
            "results": _array(_ref("SearchResult")),
            "facets": _object(
                {key: COUNTS for key in ("kind", "nationality", "wanted_by", "sex", "age_band")}
            ),
            "suggestions": {
                **_array(_ref("Suggestion")),
                "description": "Other searches that find notices, offered only when this one "
                "found nothing or at most 3 weak matches (empty otherwise): another spelling of "
                "the name from the names in the index (spelling), one part of a several-part "
                "name alone (partial), both with the same filters, or the name without any "
                "filter (unfiltered).",
            },
            "filters_match_nothing": {
                "type": "boolean",
                "description": "True when the filters alone, whatever the name, leave no "
                "notice: remove some filters rather than change the name.",
            },
            "disclaimer": STR,
        }
    ),
    "Suggestion": _object(
        {
            "q": {**STR, "description": "The name to search for"},
            "count": {**INT, "minimum": 1, "description": "Notices that search finds"},
            "kind": {"enum": ["spelling", "partial", "unfiltered"]},
            "links": _object({"self": {"type": "string", "format": "uri"}}),
        }
    ),
    "Notice": _object(
        {
            "entity_id": STR,
            "kind": {"enum": list(KINDS)},
            "names": _ref("Names"),
            "sex": _nullable(CODED),
            "date_of_birth": NSTR,
            "age": _ref("Age"),
            "place_of_birth": NSTR,
            "country_of_birth": _nullable(CODED),
            "nationalities": _array(CODED),
            "height": NNUM,
            "weight": NNUM,
            "eye_colors": _array(CODED),
            "hair_colors": _array(CODED),
            "languages": _array(CODED),
            "distinguishing_marks": NSTR,
            "warrants": _array(
                _object(
                    {
                        "issuing_country": _nullable(CODED),
                        "charge": NSTR,
                        "charge_translation": NSTR,
                    }
                )
            ),
            "disappearance": {"type": ["object", "null"]},
            "un": {"type": ["object", "null"]},
            "pictures": _array(
                _object(
                    {
                        "picture_id": STR,
                        "url": STR,
                        "thumbnail_url": STR,
                        "width": INT,
                        "height": INT,
                    }
                )
            ),
            "first_published": {"type": "string", "format": "date-time"},
            "last_changed": {"type": "string", "format": "date-time"},
            "_links": _object({"self": STR, "page": STR, "compatible": STR}),
            "disclaimer": STR,
        }
    ),
    "Link": LINK,
    "NoticeLinks": _object(
        {"self": LINK, "images": LINK, "thumbnail": LINK}, required=["self", "images"]
    ),
    "CompatListItem": _object(
        {
            "entity_id": STR,
            "name": NSTR,
            "forename": NSTR,
            "date_of_birth": NSTR,
            "nationalities": _nullable(_array(STR)),
            "_links": _ref("NoticeLinks"),
        },
        required=["entity_id", "name", "_links"],
    ),
    "CompatList": _object(
        {
            "total": INT,
            "query": {"type": "object"},
            "_embedded": _object({"notices": _array(_ref("CompatListItem"))}),
            "_links": _object(
                {rel: LINK for rel in ("self", "first", "previous", "next", "last")},
                required=["self", "first", "last"],
            ),
            "disclaimer": STR,
        }
    ),
    "CompatDetail": _object(
        {
            "entity_id": STR,
            "_embedded": {"type": "object"},
            "_links": _ref("NoticeLinks"),
            "disclaimer": STR,
        },
        extra=True,
    ),
    "CompatImages": _object(
        {
            "_embedded": _object(
                {
                    "images": _array(
                        _object(
                            {
                                "picture_id": {"type": "string", "pattern": "^[0-9]+$"},
                                "_links": _object({"self": LINK}),
                            }
                        )
                    )
                }
            ),
            "_links": _object(
                {"self": LINK, "notice": LINK, "thumbnail": LINK}, required=["self", "notice"]
            ),
            "disclaimer": STR,
        }
    ),
}

SEARCH_PARAMETERS = [
    _query("q", STR, "One name box: any spelling, order or script"),
    _query("forename", STR, "Forename"),
    _query("name", STR, "Family name"),
    _query("kind", {"enum": [*KINDS, "un"]}, "Notice kinds (un = both UN kinds)", repeat=True),
    _query("nationality", STR, "ISO 3166 alpha-2 codes (any of)", repeat=True),
    _query("wanted_by", STR, "Issuing country codes or 914, 916, 922, UNK (any of)", repeat=True),
    _query("sex", {"enum": ["M", "F", "U"]}, "Sex"),
    _query("age_min", {"type": "integer", "minimum": 0, "maximum": MAX_AGE}, "Youngest age"),
    _query("age_max", {"type": "integer", "minimum": 0, "maximum": MAX_AGE}, "Oldest age"),
    _query("has_picture", {"type": "boolean"}, "Only notices with (or without) a picture"),
    _query("keywords", STR, "Words that must all occur in charges, marks or places"),
    _query("un_reference", STR, "UN reference"),
    _query("un_resolution", STR, "UN Security Council resolution"),
    _query("sort", {"enum": ["relevance", "name", "newest"]}, "Order of results"),
    _query("page", {"type": "integer", "minimum": 1}, "Page number"),
    _query(
        "per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}, "Results per page"
    ),
]

COMPAT_PARAMETERS = [
    _query("forename", STR, "Forename"),
    _query("name", STR, "Family name (or entity name)"),
    _query("nationality", STR, "ISO 3166 alpha-2 code"),
    _query("ageMin", {"type": "integer", "minimum": 0}, "Youngest age"),
    _query("ageMax", {"type": "integer", "minimum": 0}, "Oldest age"),
    _query("sexId", {"enum": ["M", "F", "U"]}, "Sex"),
    _query("arrestWarrantCountryId", STR, "Issuing country of a warrant (red notices)"),
    _query("freeText", STR, "Words that must occur in charges, marks or places"),
    _query("page", {"type": "integer", "minimum": 1}, "Page number; every page is served"),
    _query(
        "resultPerPage",
        {"type": "integer", "minimum": 1, "maximum": COMPAT_MAX_PER_PAGE},
        "Results per page",
    ),
]


def _compat_paths() -> dict:
    paths = {}
    for kind, path in KIND_PATHS.items():
        base = f"/notices/v1/{path}"
        paths[base] = {
            "get": {
                "summary": f"Search {kind} notices (compatible list document)",
                "parameters": COMPAT_PARAMETERS,
                "responses": {
                    "200": _json("CompatList", "One page of notices"),
                    "400": ERRORS["400"],
                    "503": ERRORS["503"],
                },
            }
        }
        paths[base + "/{entity_id}"] = {
            "get": {
                "summary": f"One {kind} notice (published detail document)",
                "parameters": [ENTITY],
                "responses": {
                    "200": _json("CompatDetail", "The notice"),
                    "404": ERRORS["404"],
                    "410": ERRORS["410"],
                },
            }
        }
        paths[base + "/{entity_id}/images"] = {
            "get": {
                "summary": f"Pictures of a {kind} notice",
                "parameters": [ENTITY],
                "responses": {
                    "200": _json("CompatImages", "The notice's pictures"),
                    "404": ERRORS["404"],
                    "410": ERRORS["410"],
                },
            }
        }
        paths[base + "/{entity_id}/images/{picture_id}"] = {
            "get": {
                "summary": f"One picture of a {kind} notice",
                "parameters": [ENTITY, _path("picture_id", {"type": "string"}, "Picture id")],
                "responses": {
                    "200": {
                        "description": "The picture",
                        "content": {
                            "image/jpeg": {"schema": {"type": "string", "format": "binary"}}
                        },
                    },
                    "404": ERRORS["404"],
                    "410": ERRORS["410"],
                },
            }
        }
    return paths


DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Public notices search API",
        "version": "1",
        "description": (
            "Search published extracts of international police notices and UN Security Council "
            "special notices. /api/v1 is the native API (scores, explanations, facets); "
            "/notices/v1 answers like the public notices web service, but serves every page "
            "of results. Every answer carries a disclaimer: notices are published to seek the "
            "public's help, a red notice is not an arrest warrant, every person is presumed "
            "innocent, and the data may be used for no other purpose. Error messages, the "
            "disclaimer and code labels follow Accept-Language (ar, en, es, fr, ru, zh; "
            "English otherwise), or a language prefix on any path (/fr/api/v1/search); "
            "field names and codes never change. "
            "Scores and bands: a name search gives each result a score from 0 to 100 and a "
            "band. strong (score >= 85): every typed part is a part of this name, spelled the "
            "same or in an accepted other way (accents, another script, a known variant or short "
            "form, written together, one typing error), and a family name agrees. possible "
            "(65-84): could be this person; parts may be missing or plausibly but not surely "
            "spelled. One similarity alone (same consonants, a shared particle, the same given "
            "name) stays weak. weak (50-64): some likeness only. `reasons` say why each part "
            "matched (codes: exact, folded, translit, joined, variant, cognate, nickname, gender, "
            "phonetic, skeleton, fuzzy, initial, mismatch, missing, reference) and `matched_name` "
            "which of the notice's names matched. A notice number or UN reference typed as `q` "
            "finds that notice. A match is never proof of identity: different people share "
            "names."
        ),
    },
    "paths": {
        "/api/v1/search": {
            "get": {
                "summary": "Search notices of every kind",
                "parameters": SEARCH_PARAMETERS,
                "responses": {
                    "200": _json("SearchResponse", "One page of results with facets"),
                    "400": ERRORS["400"],
                    "503": ERRORS["503"],
                },
            }
        },
        "/api/v1/notices/{kind}/{entity_id}": {
            "get": {
                "summary": "One notice with every field",
                "parameters": [_path("kind", {"enum": list(KINDS)}, "Notice kind"), ENTITY],
                "responses": {
                    "200": _json("Notice", "The notice"),
                    "404": ERRORS["404"],
                    "410": ERRORS["410"],
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This document",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1 document",
                        "content": {"application/json": {"schema": {}}},
                    }
                },
            }
        },
        **_compat_paths(),
    },
    "components": {"schemas": SCHEMAS},
}


def openapi_document() -> dict:
    """A copy of the document (callers may change it freely)."""
    return polish(copy.deepcopy(DOCUMENT))
