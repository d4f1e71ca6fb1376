"""Name keys: folding, transliteration, phonetic keys, skeletons and the index terms of names."""

import pytest

from search_index.names import NAME_KEY_FIELDS, PersonName, document_name_keys, query_name_keys
from search_index.names.folding import fold_word
from search_index.names.gender_forms import gender_stem
from search_index.names.parts import text_parts
from search_index.names.phonetic import phonetic_key
from search_index.names.skeleton import skeleton
from search_index.names.transliteration import romanize
from search_index.names.variants import abd_key


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Müller", ("muller", "mueller")),
        ("MUELLER", ("mueller",)),
        ("Đorđević", ("djordjevic", "dordevic")),
        ("Strauß", ("strauss",)),
        ("Søren", ("soren", "soeren")),
        ("Łukasz", ("lukasz",)),
        ("IŞIK", ("isik",)),
        ("Işık", ("isik",)),
        ("İbrahim", ("ibrahim",)),
        ("Ærø", ("aero", "eroe")),
        ("José", ("jose",)),
        ("---", ()),
    ],
)
def test_fold_word(word, expected):
    assert fold_word(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Алексей", "aleksey"),
        ("Навальный", "navalnyy"),  # the soft sign leaves no apostrophe inside the word
        ("Παπαδόπουλος", "papadopoulos"),  # ου is "ou", not "oy"
        ("Μπάμπης", "bambis"),  # μπ is "b" at the start, "mb" inside
        ("محمد", "mhmd"),
        ("أسامة", "smh"),  # vowel-less: matched by skeleton
    ],
)
def test_romanize(word, expected):
    assert romanize(word) == expected


@pytest.mark.parametrize(
    ("text", "role", "whole", "expected"),
    [
        ("王小明", 2, True, [("wang", 2), ("xiaoming", 1)]),  # surname first, given name joined
        ("欧阳小明", 2, True, [("ouyang", 2), ("xiaoming", 1)]),  # two-character surname
        ("小明", 1, False, [("xiaoming", 1)]),
        ("Смирнов-Петренко", 2, False, [("smirnov", 2), ("petrenko", 2)]),
        ("O'Brien", 2, False, [("o", 2), ("brien", 2)]),
        ("Jean-Luc", 1, False, [("jean", 1), ("luc", 1)]),
        ("عبد الرحمن", 1, False, [("abdulrahman", 1)]),  # an Abd compound is one name
        ("محمد", 1, False, [("muhammad", 1)]),  # curated: gets its usual Latin spelling
    ],
)
def test_text_parts(text, role, whole, expected):
    assert [(p[1][0], p[2]) for p in text_parts(text, role, whole)] == expected


@pytest.mark.parametrize(
    ("text", "role", "particles"),
    [
        ("van der Meer", 2, ["van", "der"]),
        ("Hassan bin Laden", 0, ["bin"]),
        ("al-Rashid", 2, ["al"]),
        ("de la Cruz", 2, ["de", "la"]),
        ("Ben Smith", 0, []),  # a given name when nothing precedes it
        ("Mohamed Ben Ali", 0, ["ben"]),
        ("Al", 2, []),  # a particle always precedes a name
    ],
)
def test_particles(text, role, particles):
    assert [p[1][0] for p in text_parts(text, role) if p[3] & 1] == particles


@pytest.mark.parametrize(
    "group",
    [
        ("aleksei", "alexey", "aleksey", "aleksej"),
        ("yevgeny", "evgeny", "evgenii", "evgeniy"),
        ("yuri", "yury", "iouri", "juri"),
        ("dmitri", "dmitry", "dmitrii"),
        ("usama", "osama", "usamah"),
        ("khalid", "khaled", "halid"),
        ("shcherbakov", "scherbakov"),
        ("shchurov", "schtschurow", "szczurow"),  # English, German, Polish
        ("vorobyov", "worobjow", "vorobev"),
        ("solovyova", "solowjowa"),
        ("djordjevich", "djordjevic"),
        ("smirnov", "smirnoff"),
        ("mohammed", "mohamed", "muhammad"),
    ],
)
def test_phonetic_key_unites_transliterations(group):
    assert len({phonetic_key(word) for word in group}) == 1


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("mohammed", "mahmoud"),
        ("maria", "mario"),
        ("sergei", "sergio"),
        ("ali", "alina"),
        ("ivanov", "ivanova"),
        ("smith", "brown"),
    ],
)
def test_phonetic_key_separates_look_alikes(left, right):
    assert phonetic_key(left) != phonetic_key(right)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("mohammed", "mhmd"),
        ("muhammad", "mhmd"),
        ("mohamed", "mhmd"),
        ("mhmd", "mhmd"),
        ("abdelrahman", "bdlrhmn"),
        ("abdalrahman", "bdlrhmn"),
        ("bdlrhmn", "bdlrhmn"),
        ("khalid", "hld"),
        ("khld", "hld"),
        ("ali", "l"),
    ],
)
def test_skeleton(token, expected):
    assert skeleton(token) == expected


@pytest.mark.parametrize(
    "form", ["abdelrahman", "abdulrahman", "abdurrahman", "abdalrahman", "abderrahmane"]
)
def test_abd_compounds_share_a_key(form):
    assert abd_key(form) == "abd+rhmn"


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("ivanova", ("ivanov", "f")),
        ("ivanov", ("ivanov", "m")),
        ("kowalska", ("kowalsk", "f")),
        ("kowalski", ("kowalsk", "m")),
        ("smith", ("", "")),
    ],
)
def test_gender_stem(form, expected):
    assert gender_stem(form) == expected


def keys_of(forename, family):
    return document_name_keys([PersonName(forename=forename, family=family)])


def test_document_keys_have_every_field():
    keys = keys_of("HANS", "MÜLLER")
    assert set(keys) == set(NAME_KEY_FIELDS)
    assert {"hans", "muller", "mueller"} <= set(keys["n_token"])
    assert {"^mu", "mul", "ler", "er$"} <= set(keys["n_ngram"])
    assert "muller" in keys["n_variant"]
    assert all(terms == sorted(terms) for terms in keys.values())


@pytest.mark.parametrize(
    ("forename", "family", "field", "expected"),
    [
        ("ABU BAKR", "AL-RASHID", "n_joined", {"abubakr", "alrashid"}),
        ("JAN", "VAN DER MEER", "n_joined", {"vandermeer", "vander", "dermeer"}),
        ("SEAN", "O'BRIEN", "n_joined", {"obrien"}),
        ("JEAN-LUC", "MARTIN", "n_joined", {"jeanluc"}),
        ("محمد", "حسن", "n_token", {"muhammad", "mhmd"}),
        ("محمد", "حسن", "n_skeleton", {"mhmd", "hsn"}),
        ("Алексей", "Смирнов", "n_token", {"aleksey", "smirnov"}),
        ("小明", "王", "n_token", {"wang", "xiaoming"}),
        ("MOHAMED", "KHAN", "n_variant", {"muhammad", "~muhammad"}),
        ("ABDEL RAHMAN", "ALI", "n_variant", {"abd+rhmn"}),
        ("ANNA", "IVANOVA", "n_variant", {"=ivanov"}),
    ],
)
def test_document_keys(forename, family, field, expected):
    assert expected <= set(keys_of(forename, family)[field])


def test_short_skeletons_are_no_keys():
    assert "l" not in keys_of("ALI", "HASSAN")["n_skeleton"]


def test_particles_get_no_fuzzy_keys():
    keys = keys_of("JAN", "VAN DER MEER")
    assert "van" in keys["n_token"]  # still findable as written
    assert not any(gram in keys["n_ngram"] for gram in ("^va", "van", "der"))


def test_no_first_letter_gate_in_keys():
    usama, osama = query_name_keys("Usama"), keys_of("OSAMA", "KHALIL")
    assert set(usama.terms["n_variant"]) & set(osama["n_variant"])
    assert set(usama.terms["n_phonetic"]) & set(osama["n_phonetic"])


def test_query_keys_look_up_joined_and_split_forms():
    query = query_name_keys("Abu Bakr")
    assert "abubakr" in query.terms["n_token"] and "abubakr" in query.terms["n_joined"]
    assert query.parts == ("abu", "bakr")
    assert query.fuzzy == ("bakr",)  # particles are not looked up fuzzily


def test_query_keys_with_separate_fields():
    query = query_name_keys(forename="Hans", family="Müller")
    assert query.forename_parts == ("hans",)
    assert query.family_parts == ("muller",)
    assert set(query.boosts) == set(query.terms)
    assert query.boosts["n_token"] > query.boosts["n_ngram"]


def test_empty_query_has_no_terms():
    query = query_name_keys("  - ")
    assert query.parts == () and query.terms == {} and query.fuzzy == ()
