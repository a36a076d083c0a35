"""Precision and recall of the resolution decisions on labelled mention pairs: "same organisation"
(``same_organisation`` on corpora/org_registry/pairs.tsv) and "same person"
(``PersonResolver.same_person`` with the registry, organisations read from the positions, on
corpora/person_pairs/pairs.tsv; also by the pairs' source, and the gold pairs as
``PersonResolver.resolve`` links their mentions one after the other).

Run: .venv/bin/python benchmarks/resolve_eval.py [--errors]
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from report_miner.resolve import org_signature, registry_resolver, same_organisation
from report_miner.resolve_people import PersonResolver, position_organisations

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
ORG_PAIRS = CORPORA / "org_registry" / "pairs.tsv"
PERSON_PAIRS = CORPORA / "person_pairs" / "pairs.tsv"


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]


def report(title: str, decisions: Iterable[tuple[bool, bool, str]], errors: bool) -> None:
    """``decisions``: (said same, gold same, the pair as text)."""
    tp = fp = fn = tn = 0
    wrong = []
    for said, gold, pair in decisions:
        tp += said and gold
        fp += said and not gold
        fn += (not said) and gold
        tn += (not said) and not gold
        if said != gold:
            wrong.append(("FP" if said else "FN", pair))
    print(f"{title}: pairs {tp + fp + fn + tn} (same {tp + fn}, different {fp + tn})")
    if tp + fn and fp + tn:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    else:  # one class only: how many decisions are right
        print(f"  right {tp + tn} of {tp + fp + fn + tn}  (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    if errors:
        for kind, pair in wrong:
            print(f"  {kind}\t{pair}")


def main(argv: list[str]) -> int:
    errors = "--errors" in argv
    report("organisations", ((same_organisation(org_signature(a), org_signature(b)), gold == "1", f"{a}\t{b}")
                             for a, b, gold in rows(ORG_PAIRS)), errors)
    people = PersonResolver(registry_resolver())
    decisions = [(people.same_person(a, position_organisations(pa), b, position_organisations(pb)), gold == "1",
                  f"{a} ({pa})\t{b} ({pb})", source) for a, pa, b, pb, gold, source in rows(PERSON_PAIRS)]
    report("people", (d[:3] for d in decisions), errors)
    for source in dict.fromkeys(d[3] for d in decisions):
        report(f"people, {source}", (d[:3] for d in decisions if d[3] == source), False)
    # the gold pairs again, as the store links them: every mention resolved in turn (ambiguity included)
    gold = [r for r in rows(PERSON_PAIRS) if r[5] == "gold"]
    resolver, ids = PersonResolver(registry_resolver()), {}
    for a, pa, b, pb, _, _ in gold:
        for name, position in ((a, pa), (b, pb)):
            if (name, position) not in ids:
                ids[name, position] = resolver.resolve(name, position_organisations(position))
    report("people, gold, resolved in turn", ((ids[a, pa] == ids[b, pb], same == "1", f"{a} ({pa})\t{b} ({pb})")
                                              for a, pa, b, pb, same, _ in gold), errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
