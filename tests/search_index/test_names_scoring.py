"""Batch re-scoring (NameTable, NameScorer) gives match_name's score; pre-filters lose nothing."""

import pickle
import random

import pytest

from search_index import IndexDocument, IndexHome, SearchQuery, names, search
from search_index.names import (
    NameScorer,
    NameTable,
    PersonName,
    match_name,
    prepare_names,
    query_name_keys,
)
from search_index.names.prefilter import GoodPairFilter
from search_index.names.similarity import GOOD_PAIR_SCORE, pair_score
from tests.search_index.name_eval import read_pairs

FLOOR = 50
# Fictitious name material: particles, initials, hyphens, apostrophes, gendered forms,
# curated variants, and other scripts, so that every branch of the aligner is met.
FORENAMES = (
    "Mohamed",
    "Muhammad",
    "Ali",
    "Alina",
    "J.",
    "Karim",
    "Farid",
    "Farida",
    "Sergei",
    "Yusuf",
    "Anna",
    "Abd al-Rahman",
    "Li",
    "Quill",
    "Maren",
    "Tomasz",
    "Ömer",
    "Jo",
)
FAMILIES = (
    "al-Rashid",
    "Rashidi",
    "van der Berg",
    "Berger",
    "Ivanova",
    "Ivanov",
    "O'Neill",
    "Nabeksa",
    "Vawen",
    "Vawon",
    "Abu Bakr",
    "Abubakr",
    "Müller",
    "Mueller",
    "Kowalski",
    "Kowalska",
    "Haddad",
    "de la Cruz",
    "Smirnov-Petrov",
    "Ng",
    "Lorvik",
    "Zubek",
)
SCRIPTS = (("Сергей", "Иванов"), ("محمد", "الرشيد"), ("小明", "王"), ("Γιώργος", "Παπαδάκης"))


def _typo(rnd: random.Random, word: str) -> str:
    if len(word) < 3 or rnd.random() < 0.5:
        return word
    i = rnd.randrange(len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _random_names(rnd: random.Random) -> list[PersonName]:
    found = [PersonName(rnd.choice(FORENAMES + ("",)) or None, rnd.choice(FAMILIES))]
    if rnd.random() < 0.3:
        found.append(PersonName(*rnd.choice(SCRIPTS)))
    if rnd.random() < 0.2:
        found.append(PersonName(None, f"{rnd.choice(FORENAMES)} {rnd.choice(FAMILIES)}"))
    return found


def _random_query(rnd: random.Random) -> dict:
    kind = rnd.random()
    family = _typo(rnd, rnd.choice(FAMILIES).split()[-1])
    if kind < 0.4:  # one word: the scorer's closed form
        return {"text": rnd.choice((family, _typo(rnd, rnd.choice(FORENAMES))))}
    if kind < 0.55:
        return {"family": family}
    if kind < 0.65:
        return {"text": rnd.choice(rnd.choice(SCRIPTS))}
    return {"text": f"{_typo(rnd, rnd.choice(FORENAMES))} {rnd.choice(FAMILIES)}"}


@pytest.fixture(scope="module")
def corpus():
    rnd = random.Random(5)
    table = NameTable()
    prepared = []
    for _ in range(400):
        names = prepare_names(_random_names(rnd))
        table.add(names)
        prepared.append(names)
    queries = [_random_query(rnd) for _ in range(120)]
    return table, prepared, queries


def test_table_rebuilds_each_rows_prepared_names_and_survives_pickling(corpus):
    table, prepared, _ = corpus
    restored = pickle.loads(pickle.dumps(table))
    assert [restored.prepared(row) for row in range(len(prepared))] == prepared
    assert len(restored.units) < sum(len(units) for name in prepared for units, *_ in name)


@pytest.mark.parametrize("floor", [0, FLOOR])
def test_scorer_gives_match_names_score(corpus, floor):
    table, prepared, queries = corpus
    rows = list(range(len(prepared)))
    compared = 0
    for query in queries:
        scores = NameScorer(query_name_keys(**query), table, floor=floor).score_rows(rows)
        reference = query_name_keys(**query)  # its own pair cache: nothing shared
        for row, score in zip(rows, scores, strict=True):
            expected = match_name(reference, prepared[row]).score
            if floor and expected < floor:
                assert score < floor, (query, row)
            else:
                assert score == expected, (query, row)
                compared += expected >= FLOOR
    assert compared > 500  # enough matches above the floor to mean something


def test_single_rows_and_batches_agree(corpus):
    table, prepared, queries = corpus
    keys = query_name_keys("Vawon")
    batch = NameScorer(keys, table, floor=FLOOR).score_rows(list(range(len(prepared))))
    one = NameScorer(query_name_keys("Vawon"), table, floor=FLOOR)
    assert [one.score(row) for row in range(len(prepared))] == batch
    assert max(batch) >= FLOOR


def _units_of(names: list[PersonName]) -> list[tuple]:
    return [unit for units, *_ in prepare_names(names) for unit in units]


def _check_prefilter(query_texts: list[str], table: NameTable) -> None:
    uids = list(range(len(table.units)))
    features = table.features()
    good = kept = 0
    for text in query_texts:
        for query_unit in query_name_keys(text).analysis[0]:
            passed = GoodPairFilter(query_unit).select(uids, features)
            for uid in uids:
                if pair_score(query_unit, table.units[uid])[0] >= GOOD_PAIR_SCORE:
                    good += 1
                    kept += uid in passed
            assert len(passed) < len(uids)  # it does filter
    assert good > 2 * len(query_texts)
    assert kept == good


@pytest.fixture(scope="module")
def eval_units(corpus):
    """Every name unit of the evaluation set's targets and of the random corpus, in a table."""
    pairs = read_pairs()
    table = NameTable()
    for p in pairs:
        table.add(
            prepare_names(
                [
                    PersonName(p.target[0] or None, p.target[1] or None),
                    PersonName(p.target[2] or None, p.target[3] or None),
                ]
            )
        )
    for prepared in corpus[1]:
        table.add(prepared)
    return pairs, table


def test_prefilter_keeps_every_good_pair_of_a_sample(corpus, eval_units):
    pairs, table = eval_units
    texts = [p.query for p in pairs[::25]] + [" ".join(q.values()) for q in corpus[2][::6]]
    _check_prefilter(texts, table)


@pytest.mark.slow
def test_prefilter_keeps_every_good_pair_of_a_third_of_the_evaluation_set(corpus, eval_units):
    pairs, table = eval_units  # all of it (~15 s) passed when the filter was written
    texts = [p.query for p in pairs[1::3]] + [" ".join(q.values()) for q in corpus[2][1::2]]
    _check_prefilter(texts, table)


SYLLABLES = ("ka", "ri", "mo", "tan", "el", "va", "sun", "dor", "li", "wen", "is", "ba", "zu")


def _notices(count: int) -> list[IndexDocument]:
    """Fictitious notices: the name material above plus dense syllable names (many near
    neighbours, as in the benchmark that this pruning was made for)."""
    rnd = random.Random(9)
    docs = []
    for number in range(count):
        if rnd.random() < 0.5:
            people = _random_names(rnd)
        else:
            family = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3)))
            people = [PersonName(rnd.choice(FORENAMES), family.upper())]
        docs.append(
            IndexDocument(
                entity_id=f"2021/{number:05d}",
                kind="red",
                names=people,
                sort_name=people[0].family.lower(),
            )
        )
    return docs


def _pages(home: IndexHome, queries: list[SearchQuery]) -> list:
    home.searcher().snapshot.cache.clear()  # no cached name results from another run
    found = []
    for query in queries:
        page = search(home, query)
        found.append((page.total, [(h.entity_id, h.score, h.band, h.why) for h in page.hits]))
    return found


def test_pruned_search_returns_what_exact_scoring_returns(tmp_path, monkeypatch):
    docs = _notices(3000)
    home = IndexHome(tmp_path / "index")
    home.rebuild(docs)
    rnd = random.Random(3)
    texts = [_typo(rnd, rnd.choice(rnd.choice(docs).names).family.split()[-1]) for _ in range(150)]
    texts += [" ".join(_random_query(rnd).values()) for _ in range(100)]
    queries = [SearchQuery(text=text, per_page=100) for text in texts]
    pruned = _pages(home, queries)
    exact_scorer = names.NameScorer
    monkeypatch.setattr(names, "NameScorer", lambda keys, table, floor=0: exact_scorer(keys, table))
    exact = _pages(home, queries)
    assert pruned == exact
    assert sum(total for total, _ in exact) > 5000


def test_names_carried_over_by_an_update_match_like_after_a_rebuild(tmp_path):
    docs = _notices(400)
    renamed = IndexDocument(
        entity_id=docs[5].entity_id,
        kind="red",
        names=[PersonName("Maren", "VAWENDOR")],
        sort_name="vawendor",
    )
    updated = IndexHome(tmp_path / "updated")
    updated.rebuild(docs)
    updated.update([renamed], [docs[6].entity_id])
    fresh = IndexHome(tmp_path / "fresh")
    fresh.rebuild(
        [
            renamed if d.entity_id == renamed.entity_id else d
            for d in docs
            if d.entity_id != docs[6].entity_id
        ]
    )
    queries = [
        SearchQuery(text=text, per_page=100)
        for text in ("Vawendor", "Maren Vawen", "Vawon", "al-Rashid", "Ivanova")
    ]
    assert _pages(updated, queries) == _pages(fresh, queries)
    assert _pages(updated, queries[:1])[0][1][0][0] == renamed.entity_id
