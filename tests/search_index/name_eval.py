"""Precision, recall and F1 of the "possible or better" band on a labelled name-pair file."""

from __future__ import annotations

import unicodedata
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
    sex: str | None = None  # optional 8th column ("M"/"F"): the record's sex, if known


def read_pairs(path: Path = EVAL_FILE) -> list[Pair]:
    """The labelled rows; fields are split on tabs only and never stripped (see the header).
    Rows have 7 fields, or 8 when the record's sex is given (the frozen set has 7)."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").split("\n")
        if line and not line.startswith("#")
    ]
    pairs = []
    for line in lines[1:]:  # the first non-comment line is the column header
        fields = line.split("\t")
        query, forename, family, forename_orig, family_orig, label, category = fields[:7]
        sex = fields[7] if len(fields) > 7 and fields[7] else None
        pairs.append(
            Pair(query, (forename, family, forename_orig, family_orig), int(label), category, sex)
        )
    return pairs


def target_document(
    number: int, target: tuple[str, str, str, str], sex: str | None = None
) -> IndexDocument:
    forename, family, forename_orig, family_orig = target
    names = [PersonName(forename or None, family or None)]
    if forename_orig or family_orig:
        names.append(PersonName(forename_orig or None, family_orig or None, kind="original_script"))
    return IndexDocument(
        entity_id=f"2000/{number}",
        kind="red",
        names=names,
        sex=sex,
        sort_name=fold(f"{family} {forename}"),
        published=datetime(2020, 1, 1),
    )


def script_of_query(text: str) -> str:
    """Coarse script of a query for per-script figures: latin, arabic, cyrillic, han, ..."""
    for char in text:
        if char.isalpha() and not char.isascii():
            name = unicodedata.name(char, "")
            if name.startswith("LATIN"):
                continue
            if name.startswith("CJK") or name.startswith(("HIRAGANA", "KATAKANA")):
                return "cjk"
            return name.split()[0].lower()
    return "latin"


def evaluate(index_dir: Path, pairs: list[Pair] | None = None) -> dict:
    """Index every distinct target, run every query, and score the bands of the row's target."""
    pairs = pairs or read_pairs()
    sexes = {p.target: p.sex for p in pairs if p.sex}
    ids = {target: f"2000/{n}" for n, target in enumerate(sorted({p.target for p in pairs}), 1)}
    home = IndexHome(index_dir)
    home.rebuild(target_document(int(i.split("/")[1]), t, sexes.get(t)) for t, i in ids.items())
    counts: Counter = Counter()
    groups: dict[str, dict[str, Counter]] = {
        "category": defaultdict(Counter),
        "script": defaultdict(Counter),
    }
    misses = []
    for pair in pairs:
        page = search(home, SearchQuery(text=pair.query, per_page=100))
        band = next((h.band for h in page.hits if h.entity_id == ids[pair.target]), None)
        predicted = band in POSITIVE
        outcome = {(1, True): "tp", (1, False): "fn", (0, True): "fp", (0, False): "tn"}[
            (pair.label, predicted)
        ]
        strong = {(1, True): "strong_tp", (0, True): "strong_fp"}.get(
            (pair.label, band == "strong")
        )
        for counter in (
            counts,
            groups["category"][pair.category],
            groups["script"][script_of_query(pair.query)],
        ):
            counter[outcome] += 1
            if strong:
                counter[strong] += 1
        if outcome in ("fn", "fp") or strong == "strong_fp":
            misses.append((outcome, pair.category, pair.query, " ".join(pair.target[:2]), band))
    return {
        **scores(counts),
        "per_category": {c: scores(v) for c, v in groups["category"].items()},
        "per_script": {c: scores(v) for c, v in groups["script"].items()},
        "misses": misses,
    }


def scores(counts: Counter) -> dict:
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    strong = counts["strong_tp"] + counts["strong_fp"]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "strong_precision": counts["strong_tp"] / strong if strong else 1.0,
        "strong": strong,
        "strong_fp": counts["strong_fp"],
    }


def report(result: dict, verbose: bool = False) -> list[str]:
    """Printable lines: overall, per script, per category, then (verbose) every miss."""
    lines = [
        f"precision {result['precision']:.3f} recall {result['recall']:.3f} "
        f"F1 {result['f1']:.3f} ({result['tp']} tp, {result['fp']} fp, {result['fn']} fn, "
        f"{result['tn']} tn); strong precision {result['strong_precision']:.3f} "
        f"({result['strong']} strong, {result['strong_fp']} wrong)"
    ]
    for group in ("per_script", "per_category"):
        lines.append(f" {group.replace('_', ' ')}:")
        for name, s in sorted(result[group].items()):
            lines.append(
                f"  {name:26} P {s['precision']:.3f} R {s['recall']:.3f} "
                f"F1 {s['f1']:.3f} strongP {s['strong_precision']:.3f} "
                f"(n {s['tp'] + s['fp'] + s['fn'] + s['tn']}, fp {s['fp']}, "
                f"fn {s['fn']}, strong fp {s['strong_fp']})"
            )
    if verbose:
        lines.extend("  " + "\t".join(map(str, miss)) for miss in result["misses"])
    return lines


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(report(evaluate(Path(tmp)), "-v" in sys.argv)))
