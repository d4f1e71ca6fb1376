"""The name matcher keeps the quality measured on the labelled evaluation set."""

from tests.search_index.name_eval import EVAL_FILE, evaluate, read_pairs

# Measured when this test was written (see the issue note); raise it when quality improves.
MIN_F1 = 0.955  # measured 0.961 (P 0.950, R 0.972) on 1,117 pairs
MIN_STRONG_PRECISION = 0.99  # measured 0.996 (483 strong)


def test_eval_set_is_well_formed():
    pairs = read_pairs()
    assert len(pairs) >= 300
    assert {p.label for p in pairs} == {0, 1}
    assert len({(p.query, p.target) for p in pairs}) == len(pairs)


def test_f1_of_possible_or_better_does_not_drop(tmp_path):
    result = evaluate(tmp_path / "index")
    assert result["f1"] >= MIN_F1, result["misses"][:40]
    assert result["strong_precision"] >= MIN_STRONG_PRECISION, result["misses"][:40]


def test_reader_takes_seven_columns_and_an_optional_sex_column(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "# comment\nquery\tf\tF\tfo\tFo\tlabel\tcategory\n"
        "anna nowak\tANNA\tNOWAK\t\t\t1\texact\n"
        "jan nowak\tANNA\tNOWAK\t\t\t0\tnonmatch_sex\tF\n",
        encoding="utf-8",
    )
    first, second = read_pairs(path)
    assert (first.label, first.sex) == (1, None)
    assert (second.category, second.sex) == ("nonmatch_sex", "F")


# The frozen test set (tests/data/name_eval_frozen.tsv) was written by someone who never saw
# the matcher and is never tuned on. These floors are the figures measured once, when it was
# first run against the matcher (P 0.874, R 0.913, F1 0.893, strong precision 0.934; before
# the name-matching rework: P 0.864, R 0.883, F1 0.873). They may only go up. After the
# patronymic-order rule and exact Chinese characters: P 0.911, R 0.913, F1 0.912, strong
# precision 0.973. After the wider male/female forms (Simone/Simona, Greek, Baltic, Icelandic):
# P 0.923, R 0.912, F1 0.917, strong precision 0.981; with strong only when every part is an
# accepted spelling (bands.ACCEPTED_SPELLING): strong precision 0.988 (603 strong). With
# international nicknames and Pinyin / Wade-Giles readings: P 0.933, R 0.950, F1 0.941, strong
# precision 0.989 (619 strong). With Arabic-script skeletons keeping their leading ya/waw,
# German/Polish Slavic spellings and Greek/Slavic cognates: P 0.935, R 0.953, F1 0.944, strong
# precision 0.990 (618 strong).
FROZEN = EVAL_FILE.parent / "name_eval_frozen.tsv"
FROZEN_MIN_F1 = 0.94
FROZEN_MIN_RECALL = 0.95
FROZEN_MIN_STRONG_PRECISION = 0.985


def test_the_frozen_test_set_figures_do_not_drop(tmp_path):
    result = evaluate(tmp_path / "index", read_pairs(FROZEN))
    assert result["f1"] >= FROZEN_MIN_F1, result["f1"]
    assert result["recall"] >= FROZEN_MIN_RECALL, result["recall"]
    assert result["strong_precision"] >= FROZEN_MIN_STRONG_PRECISION, result["strong_precision"]
