"""Every name hit says which of the notice's names matched; primary names win ties."""

from search_index import IndexDocument, PersonName, SearchQuery, search
from search_index.names import NAME_KINDS, match_name, prepare_names, query_name_keys


def _doc(make_doc, number, names, **extra):
    return make_doc(number, names=names, **extra)


def test_a_hit_names_the_alias_it_matched(home, make_doc):
    home.rebuild(
        [
            _doc(
                make_doc,
                1,
                [PersonName("DAWID", "MAZURAK"), PersonName("MICHAL", "MAZURIK", kind="alias")],
            )
        ]
    )
    hit = search(home, SearchQuery(text="michal mazurik")).hits[0]
    assert hit.matched_name == ("MICHAL MAZURIK", "alias")


def test_a_hit_names_the_primary_name_it_matched(home, make_doc):
    home.rebuild(
        [
            _doc(
                make_doc,
                1,
                [PersonName("DAWID", "MAZURAK"), PersonName("MICHAL", "MAZURIK", kind="alias")],
            )
        ]
    )
    hit = search(home, SearchQuery(text="dawid mazurak")).hits[0]
    assert hit.matched_name == ("DAWID MAZURAK", "primary")


def test_equal_scores_rank_a_primary_name_before_an_alias_or_birth_name(home, make_doc):
    # Rows are numbered newest first and by name order otherwise: the alias holder is given
    # the earlier name and the later publication so that it would come first without the rule.
    docs = [
        _doc(
            make_doc,
            9,
            [PersonName("ADAM", "AARDVARK"), PersonName("PIOTR", "NOWAKOWSKI", kind="alias")],
            sort_name="aardvark adam",
        ),
        _doc(
            make_doc,
            8,
            [PersonName("ADAM", "ABBOT"), PersonName("PIOTR", "NOWAKOWSKI", kind="birth_name")],
            sort_name="abbot adam",
        ),
        _doc(make_doc, 1, [PersonName("PIOTR", "NOWAKOWSKI")], sort_name="nowakowski piotr"),
    ]
    home.rebuild(docs)
    hits = search(home, SearchQuery(text="Piotr Nowakowski")).hits
    assert len({hit.score for hit in hits}) == 1
    assert hits[0].entity_id == docs[2].entity_id
    assert hits[0].matched_name[1] == "primary"
    assert {hit.matched_name[1] for hit in hits[1:]} == {"alias", "birth_name"}


def test_the_same_name_as_primary_and_alias_is_reported_as_primary():
    prepared = prepare_names(
        [PersonName("ANNA", "NOWAK", kind="alias"), PersonName("ANNA", "NOWAK")]
    )
    assert match_name(query_name_keys("anna nowak"), prepared).matched_name == (
        "ANNA NOWAK",
        "primary",
    )


def test_an_unknown_kind_reads_as_alias_and_the_default_is_primary():
    assert PersonName("A", "B").kind == "primary" == NAME_KINDS[0]
    prepared = prepare_names([PersonName("ANNA", "NOWAK", kind="nickname?")])
    assert match_name(query_name_keys("anna nowak"), prepared).matched_name[1] == "alias"


def test_browsing_without_a_name_has_no_matched_name(home, make_doc):
    home.rebuild([make_doc(1)])
    assert search(home, SearchQuery()).hits[0].matched_name is None


def test_an_index_document_keeps_name_kinds():
    doc = IndexDocument("2020/1", "red", names=[PersonName("A", "B", kind="former_name")])
    assert doc.names[0].kind == "former_name"


def test_a_table_saved_before_name_kinds_loads_with_primary_names():
    from search_index.names import NameTable

    table = NameTable()
    table.add(prepare_names([PersonName("ANNA", "NOWAK")]))
    old_rows = [tuple(name[:3] for name in row) for row in table.rows]
    restored = NameTable.__new__(NameTable)
    restored.__setstate__({"units": table.units, "rows": old_rows})
    assert restored.rows[0][0][3:] == ("primary", "")
    assert match_name(query_name_keys("anna nowak"), restored.prepared(0)).score == 100
