"""Precision, recall and F1 of the "possible or better" band on tests/data/name_eval.tsv."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from search_index import IndexDocument, IndexHome, PersonName, SearchQuery, search
from search_index.textfold import fold

EVAL_FILE = Path(__file__).resolve().parent.parent / "data" / "name_eval.tsv"
POSITIVE = ("strong", "possible")


@dataclass(frozen=True)
class Pair:
    query: str
    target: tuple[str, str, str, str]  # forename, family, forename original, family original
    label: int
    category: str


def read_pairs(path: Path = EVAL_FILE) -> list[Pair]:
    """The labelled rows; fields are split on tabs only and never stripped (see the header)."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").split("\n")
        if line and not line.startswith("#")
    ]
    pairs = []
    for line in lines[1:]:  # the first non-comment line is the column header
        query, forename, family, forename_orig, family_orig, label, category = line.split("\t")
        pairs.append(
            Pair(query, (forename, family, forename_orig, family_orig), int(label), category)
        )
    return pairs


def target_document(number: int, target: tuple[str, str, str, str]) -> IndexDocument:
    forename, family, forename_orig, family_orig = target
    names = [PersonName(forename or None, family or None)]
    if forename_orig or family_orig:
        names.append(PersonName(forename_orig or None, family_orig or None))
    return IndexDocument(
        entity_id=f"2000/{number}",
        kind="red",
        names=names,
        sort_name=fold(f"{family} {forename}"),
        published=datetime(2020, 1, 1),
    )


def evaluate(index_dir: Path, pairs: list[Pair] | None = None) -> dict:
    """Index every distinct target, run every query, and score the bands of the row's target."""
    pairs = pairs or read_pairs()
    ids = {target: f"2000/{n}" for n, target in enumerate(sorted({p.target for p in pairs}), 1)}
    home = IndexHome(index_dir)
    home.rebuild(target_document(int(i.split("/")[1]), t) for t, i in ids.items())
    counts: Counter = Counter()
    per_category: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for pair in pairs:
        page = search(home, SearchQuery(text=pair.query, per_page=100))
        band = next((h.band for h in page.hits if h.entity_id == ids[pair.target]), None)
        predicted = band in POSITIVE
        outcome = {(1, True): "tp", (1, False): "fn", (0, True): "fp", (0, False): "tn"}[
            (pair.label, predicted)
        ]
        counts[outcome] += 1
        per_category[pair.category][outcome] += 1
        if outcome in ("fn", "fp"):
            misses.append((outcome, pair.category, pair.query, " ".join(pair.target[:2]), band))
    return {
        **scores(counts),
        "per_category": {c: scores(v) for c, v in per_category.items()},
        "misses": misses,
    }


def scores(counts: Counter) -> dict:
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        result = evaluate(Path(tmp))
    print(
        f"precision {result['precision']:.3f} recall {result['recall']:.3f} "
        f"F1 {result['f1']:.3f} ({result['tp']} tp, {result['fp']} fp, {result['fn']} fn, "
        f"{result['tn']} tn)"
    )
    for category, s in sorted(result["per_category"].items()):
        print(
            f"  {category:26} P {s['precision']:.2f} R {s['recall']:.2f} fp {s['fp']} fn {s['fn']}"
        )
    if "-v" in sys.argv:
        for miss in result["misses"]:
            print("  ", *miss, sep="\t")
