"""The OpenAPI 3.1 document of the native and compatible APIs (a static description)."""

from __future__ import annotations

import copy

from notices.domain import KIND_PATHS, KINDS
from notices.web.common.query_args import COMPAT_MAX_PER_PAGE, MAX_AGE, MAX_PER_PAGE
from notices.web.native_api.openapi_polish import polish
from notices.web.native_api.openapi_schemas import (
    INT,
    NATIVE_SCHEMAS,
    NSTR,
    STR,
    array,
    nullable,
    obj,
    ref,
)


def _query(name: str, schema: dict, description: str, repeat: bool = False) -> dict:
    parameter = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": array(schema) if repeat else schema,
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
        "content": {"application/json": {"schema": ref(schema_name)}},
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
NATIVE_ENTITY = _path(
    "entity_id",
    {"type": "string", "pattern": "^[0-9]{4}[-/][0-9]{1,7}$"},
    "The notice's path_id (2024-12345) or its entity_id as published (2024/12345, escaped "
    "in the path as 2024%2F12345)",
)
LINK = ref("Link")

SCHEMAS = {
    **NATIVE_SCHEMAS,
    "Link": obj({"href": {"type": "string", "format": "uri"}}),
    "CompatNoticeLinks": obj(
        {"self": LINK, "images": LINK, "thumbnail": LINK}, required=["self", "images"]
    ),
    "CompatListItem": obj(
        {
            "entity_id": STR,
            "name": NSTR,
            "forename": NSTR,
            "date_of_birth": NSTR,
            "nationalities": nullable(array(STR)),
            "_links": ref("CompatNoticeLinks"),
        },
        required=["entity_id", "name", "_links"],
    ),
    "CompatList": obj(
        {
            "total": INT,
            "query": {"type": "object"},
            "_embedded": obj({"notices": array(ref("CompatListItem"))}),
            "_links": obj(
                {rel: LINK for rel in ("self", "first", "previous", "next", "last")},
                required=["self", "first", "last"],
            ),
            "disclaimer": STR,
        }
    ),
    "CompatDetail": obj(
        {
            "entity_id": STR,
            "_embedded": {"type": "object"},
            "_links": ref("CompatNoticeLinks"),
            "disclaimer": STR,
        },
        extra=True,
    ),
    "CompatImages": obj(
        {
            "_embedded": obj(
                {
                    "images": array(
                        obj(
                            {
                                "picture_id": {"type": "string", "pattern": "^[0-9]+$"},
                                "_links": obj({"self": LINK}),
                            }
                        )
                    )
                }
            ),
            "_links": obj(
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
            "Shapes of the native API: every country (nationalities, wanted_by, "
            "country_of_birth, a warrant's issuing_country, a disappearance's countries) is "
            "{code, label}, and so are sex, colours and languages; each facet is a list of "
            "{value, label, count}; a notice carries its id as published (entity_id, "
            "2024/12345) and in the form paths use (path_id, 2024-12345), and the detail path "
            "takes either; every URL a document gives is absolute and in its `links` object "
            "(self: the API document, html: the page, thumbnail, compatible; each picture's "
            "image and thumbnail). "
            "Scores and bands: a name search gives each result a score from 0 to 100 and a "
            "band. strong (score >= 85): every typed part is a part of this name, spelled the "
            "same or in an accepted other way (accents, another script or romanisation, a known "
            "variant, written together, one typing error), and a family name agrees. possible "
            "(65-84): could be this person; parts may be missing or plausibly but not surely "
            "spelled (a short form such as Sasha for Aleksandr, a name that only sounds alike). "
            "One similarity alone (same consonants, a shared particle, the same given name) "
            "stays weak, and so do the male and female forms of one name (Daniel and Daniela, "
            "Ivanov and Ivanova). weak (50-64): some likeness only. `reasons` say why each part "
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
                "parameters": [_path("kind", ref("Kind"), "Notice kind"), NATIVE_ENTITY],
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
