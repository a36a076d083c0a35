"""Precision and recall of ``same_organisation`` on corpora/org_registry/pairs.tsv.

Run: .venv/bin/python benchmarks/resolve_eval.py [--errors]
"""
from __future__ import annotations

import sys
from pathlib import Path

from report_miner.resolve import org_signature, same_organisation

PAIRS = Path(__file__).resolve().parents[1] / "corpora" / "org_registry" / "pairs.tsv"


def main(argv: list[str]) -> int:
    tp = fp = fn = tn = 0
    errors = []
    lines = PAIRS.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        a, b, gold = line.split("\t")
        said = same_organisation(org_signature(a), org_signature(b))
        gold_same = gold == "1"
        tp += said and gold_same
        fp += said and not gold_same
        fn += (not said) and gold_same
        tn += (not said) and not gold_same
        if said != gold_same:
            errors.append(("FP" if said else "FN", a, b))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pairs {len(lines)} (same {tp + fn}, different {fp + tn})")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    if "--errors" in argv:
        for kind, a, b in errors:
            print(f"{kind}\t{a}\t{b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
