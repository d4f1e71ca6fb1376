"""Checking API answers against the schemas of the served OpenAPI document."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from notices.web.native_api.openapi import openapi_document

SPEC = openapi_document()


def check(document: dict, schema_name: str) -> dict:
    """Assert the document matches the named schema of the OpenAPI document."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": SPEC["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    return document
