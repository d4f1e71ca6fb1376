"""Whatever JSON a source hands over, normalize_document answers and never raises."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notices.domain import KINDS, parse_entity_id
from notices.ingest import normalize as normalize_module
from notices.ingest.normalize import normalize_document

# Every key any kind reads, plus the ones that steer the kind.
KNOWN_KEYS = sorted(
    {spec[0] for specs in normalize_module._KIND_SPECS.values() for spec in specs}
    | {"entity_id", "kind", "_links"}
)

# Letters, digits, separators, controls and lone surrogates: the troublesome text.
text = st.text(
    st.characters(codec=None, categories=["Lu", "Ll", "Nd", "Zs", "Cc", "Cs", "Pd", "Po"]),
    max_size=12,
)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | text
codes = st.sampled_from(["FR", "fr", "914", "UNK", "ENG", "BRO", "YELB", "M", "1975/00/00"])
json_values = st.recursive(
    scalars | codes,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "forename", "charge", "href", "self"]) | text,
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(KNOWN_KEYS), json_values, max_size=10)
entity_ids = st.sampled_from(["2024/100", "2024-7", "x", ""]) | json_values


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents, entity_id=entity_ids, kind=st.none() | st.sampled_from(KINDS))
def test_any_json_yields_a_record_or_rejections(doc, entity_id, kind):
    doc["entity_id"] = entity_id
    record, rejections = normalize_document(doc, origin="fuzz", kind=kind)
    assert (record is None) != (rejections == [])
    for rejection in rejections:
        assert rejection.source == "fuzz"
        assert rejection.json_path.startswith("$")
        assert rejection.entity_id in (None, "2024/100", "2024/7")
        rejection.line().encode("utf-8")  # the load report can always be written
    if record is not None:
        assert record.entity_id == parse_entity_id(entity_id)
        record.content_hash()  # storable: everything is UTF-8 encodable
        json.dumps(record.stored_fields(), ensure_ascii=False).encode("utf-8")


TEXT_KEYS = [
    "name",
    "forename",
    "name_in_original_script",
    "forename_in_original_script",
    "birth_name",
    "place_of_birth",
    "distinguishing_marks",
    "summary",
    "un_reference",
]
text_documents = st.fixed_dictionaries(
    {},
    optional={
        **{key: text for key in TEXT_KEYS},
        "aliases": st.lists(text, max_size=3),
        "identity_documents": st.lists(st.dictionaries(text, text, max_size=3), max_size=2),
    },
)


@settings(max_examples=300, deadline=None)
@given(doc=text_documents)
def test_any_text_is_accepted_and_storable(doc):
    doc.update(entity_id="2024/100", kind="un-person")
    record, rejections = normalize_document(doc, origin="fuzz")
    assert [r.json_path for r in rejections if "blank member name" not in r.reason] == []
    if record is not None:
        record.content_hash()  # no control characters or lone surrogates survive
        for value in record.stored_fields().values():
            if isinstance(value, str):
                assert value == value.strip()
                assert not any(0xD800 <= ord(c) <= 0xDFFF or c in "\x00\r" for c in value)
