"""JSON Schemas of the native API's documents (/api/v1), and the builders the OpenAPI
document uses for every schema.

Each object a client meets is a named schema (no inline objects, no nullable inline types), so
that client generators produce one typed model per shape with a stable name.
"""

from __future__ import annotations

from notices.contacts import NOTE_LANGUAGES
from notices.domain import KINDS

STR = {"type": "string"}
NSTR = {"type": ["string", "null"]}
INT = {"type": "integer"}
NNUM = {"type": ["number", "null"]}
URI = {"type": "string", "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}
MATCHED_NAME_TYPES = ["primary", "alias", "birth_name", "former_name", "original_script"]
FACET_NAMES = ("kind", "nationality", "wanted_by", "sex", "age_band")


def ref(name: str) -> dict:
    """A reference to a named schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: dict) -> dict:
    """A list of `items`."""
    return {"type": "array", "items": items}


def nullable(schema: dict) -> dict:
    """`schema` or null."""
    return {"oneOf": [schema, {"type": "null"}]}


def obj(
    properties: dict,
    required: list[str] | None = None,
    extra: bool = False,
    description: str | None = None,
) -> dict:
    """An object with these properties (all required unless said otherwise)."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": extra,
    }
    if description:
        schema["description"] = description
    return schema


def described(schema: dict, description: str) -> dict:
    """`schema` with a description."""
    return {**schema, "description": description}


IDS = {
    "entity_id": described(STR, "The notice's id as published: YYYY/NNNNN, e.g. 1996/78696"),
    "path_id": described(
        STR,
        "The same id in the form URLs use: YYYY-NNNNN, e.g. 1996-78696 "
        "(/api/v1/notices/{kind}/{path_id}, /notices/{kind}/{path_id})",
    ),
}
# UN documents, associates and addresses: members as published, those naming a country
# ("issuing_country", "country") as a Country.
FLAT = {"type": "object", "additionalProperties": {"anyOf": [STR, ref("Country")]}}

NATIVE_SCHEMAS = {
    "Error": obj(
        {
            "error": obj({"code": STR, "message": STR, "parameter": NSTR}),
            "disclaimer": STR,
        }
    ),
    "Kind": {"type": "string", "enum": list(KINDS)},
    "Coded": obj(
        {"code": STR, "label": STR},
        description="A code (sex, eye or hair colour, language) with its label in the "
        "response's language",
    ),
    "Country": obj(
        {
            "code": described(
                STR, "ISO 3166 alpha-2, or a court: 914, 916, 922, UNK (Kosovo, UNMIK)"
            ),
            "label": described(STR, "Its name in the response's language (CLDR)"),
        },
        description="Every country in the native API has this shape",
    ),
    "Age": obj({"min": INT, "max": INT}, description="Possible ages today"),
    "Names": obj(
        {
            "family_name": NSTR,
            "forename": NSTR,
            "family_name_original": NSTR,
            "forename_original": NSTR,
            "birth_name": NSTR,
            "aliases": array(STR),
            "formerly_known_as": array(STR),
        }
    ),
    "Band": {"type": "string", "enum": ["strong", "possible", "weak"]},
    "MatchedName": obj(
        {"name": STR, "type": {"type": "string", "enum": MATCHED_NAME_TYPES}},
        description="Which of the notice's names the query matched",
    ),
    "Reason": obj({"code": STR, "query": STR, "name": STR}),
    "ResultLinks": obj(
        {
            "self": described(URI, "This notice's native API document"),
            "html": described(URI, "This notice's page"),
            "thumbnail": described(URI, "Thumbnail of its first picture (when it has one)"),
        },
        required=["self", "html"],
    ),
    "SearchResult": obj(
        {
            **IDS,
            "kind": ref("Kind"),
            "names": ref("Names"),
            "sex": nullable(ref("Coded")),
            "date_of_birth": NSTR,
            "age": nullable(ref("Age")),
            "nationalities": array(ref("Country")),
            "wanted_by": described(
                array(ref("Country")), "Issuing countries (or courts) of its warrants"
            ),
            "has_picture": {"type": "boolean"},
            "score": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "band": nullable(ref("Band")),
            "why": NSTR,
            "reasons": array(ref("Reason")),
            "matched_name": described(
                nullable(ref("MatchedName")),
                "Which of the notice's names the query matched (null when the search had no "
                "name, or found the notice by its number or UN reference).",
            ),
            "first_published": DATE_TIME,
            "last_changed": DATE_TIME,
            "links": ref("ResultLinks"),
        }
    ),
    "FacetValue": obj(
        {
            "value": described(STR, "What the filter parameter takes (a code, an age band)"),
            "label": described(STR, "Readable, in the response's language"),
            "count": described(INT, "Results with this value under the current filters"),
        }
    ),
    "Facets": obj(
        {name: array(ref("FacetValue")) for name in FACET_NAMES},
        description="Per facet, its values, most frequent first (age bands youngest first)",
    ),
    "SearchLinks": obj(
        {name: URI for name in ("self", "first", "last", "prev", "next")},
        required=["self", "first", "last"],
    ),
    "SearchResponse": obj(
        {
            "links": ref("SearchLinks"),
            "total": INT,
            "page": INT,
            "per_page": INT,
            "pages": INT,
            "results": array(ref("SearchResult")),
            "facets": ref("Facets"),
            "suggestions": described(
                array(ref("Suggestion")),
                "Other searches that find notices, offered only when this one found nothing or "
                "at most 3 weak matches (empty otherwise): another spelling of the name from the "
                "names in the index (spelling), one part of a several-part name alone (partial), "
                "both with the same filters, or the name without any filter (unfiltered).",
            ),
            "filters_match_nothing": described(
                {"type": "boolean"},
                "True when the filters alone, whatever the name, leave no notice: remove some "
                "filters rather than change the name.",
            ),
            "disclaimer": STR,
        }
    ),
    "SuggestionLinks": obj({"self": described(URI, "The suggested search in this API")}),
    "Suggestion": obj(
        {
            "q": described(STR, "The name to search for"),
            "count": described({**INT, "minimum": 1}, "Notices that search finds"),
            "kind": {"type": "string", "enum": ["spelling", "partial", "unfiltered"]},
            "links": ref("SuggestionLinks"),
        }
    ),
    "Warrant": obj(
        {"issuing_country": nullable(ref("Country")), "charge": NSTR, "charge_translation": NSTR}
    ),
    "Parent": obj({"family_name": NSTR, "forename": NSTR}),
    "Disappearance": obj(
        {
            "date": NSTR,
            "place": NSTR,
            "country": nullable(ref("Country")),
            "countries_likely_visited": array(ref("Country")),
            "father": ref("Parent"),
            "mother": ref("Parent"),
        },
        description="Yellow notices only",
    ),
    "UnSection": obj(
        {
            "reference": NSTR,
            "reference_date": NSTR,
            "resolution": NSTR,
            "summary": NSTR,
            "identity_documents": array(FLAT),
            "associates": array(FLAT),
            "addresses": array(FLAT),
            "main_activity": NSTR,
            "legal_form": NSTR,
        },
        description="UN Security Council special notices only",
    ),
    "PictureLinks": obj({"image": URI, "thumbnail": URI}),
    "Picture": obj({"picture_id": STR, "width": INT, "height": INT, "links": ref("PictureLinks")}),
    "NoticeLinks": obj(
        {
            "self": described(URI, "This document"),
            "html": described(URI, "The notice's page"),
            "compatible": described(URI, "The same notice in the compatible API (/notices/v1)"),
            "thumbnail": described(URI, "Thumbnail of its first picture (when it has one)"),
        },
        required=["self", "html", "compatible"],
    ),
    "Contact": obj(
        {
            "country": ref("Country"),
            "name": STR,
            "phone": NSTR,
            "email": NSTR,
            "url": NSTR,
            "note": NSTR,
            "note_language": {"type": ["string", "null"], "enum": [*NOTE_LANGUAGES, None]},
        }
    ),
    "OperatorContact": obj({"email": NSTR, "url": NSTR}),
    "Notice": obj(
        {
            **IDS,
            "kind": ref("Kind"),
            "names": ref("Names"),
            "sex": nullable(ref("Coded")),
            "date_of_birth": NSTR,
            "age": nullable(ref("Age")),
            "place_of_birth": NSTR,
            "country_of_birth": nullable(ref("Country")),
            "nationalities": array(ref("Country")),
            "height": NNUM,
            "weight": NNUM,
            "eye_colors": array(ref("Coded")),
            "hair_colors": array(ref("Coded")),
            "languages": array(ref("Coded")),
            "distinguishing_marks": NSTR,
            "warrants": array(ref("Warrant")),
            "disappearance": nullable(ref("Disappearance")),
            "un": nullable(ref("UnSection")),
            "pictures": array(ref("Picture")),
            "contacts": described(
                array(ref("Contact")),
                "Whom to tell what one knows: the operator's contact for each wanted-by or "
                "disappearance country (empty when the directory has none)",
            ),
            "operator_contact": nullable(ref("OperatorContact")),
            "contact_advice": described(STR, "What to do with information, in words"),
            "first_published": DATE_TIME,
            "last_changed": DATE_TIME,
            "links": ref("NoticeLinks"),
            "disclaimer": STR,
        }
    ),
}
