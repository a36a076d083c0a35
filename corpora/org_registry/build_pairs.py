"""Build pairs.tsv: labelled organisation-mention pairs (a, b, same) for benchmarks/resolve_eval.py.

Positives: a gold organisation's "name" with each of its "aliases" (shared/eval/dev/gold/*.json),
and each registry member's name with its Table 5 full name. Gold organisations sharing a spelling
across documents are one cluster (union-find over normalised spellings). Negatives: spellings of
two different clusters (or two different registry members) that are hard: the same number of
different kinds or in different cities, or the same kind in the same city with different numbers,
plus one numberless pair of the same kind per cluster. Run:
.venv/bin/python corpora/org_registry/build_pairs.py
"""
from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from report_miner.resolve import load_registry, org_signature
from report_miner.store.keys import name_key

HERE = Path(__file__).resolve().parent
GOLD = Path("/work/shared/eval/dev/gold")


def main() -> int:
    groups: list[list[str]] = []
    for path in sorted(GOLD.glob("*.json")):
        for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            for org in event.get("organisations", []):
                groups.append([org["name"], *org.get("aliases", [])])
    for m in load_registry():
        groups.append([m.name, *m.aliases])

    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for g in groups:
        for other in g[1:]:
            parent[find(name_key(other))] = find(name_key(g[0]))
    clusters: dict[str, list[str]] = {}
    for g in groups:
        for n in g:
            names = clusters.setdefault(find(name_key(g[0])), [])
            if n not in names:
                names.append(n)

    pairs: dict[tuple[str, str], int] = {}
    for g in groups:  # positives
        for other in g[1:]:
            if name_key(other) != name_key(g[0]):
                pairs.setdefault((g[0], other), 1)
    heads = [names[0] for names in clusters.values()]
    rng = random.Random(3)
    for a, b in itertools.combinations(heads, 2):  # hard negatives
        sa, sb = org_signature(a), org_signature(b)
        hard = (sa.number and sa.number == sb.number and (
                    (sa.kind and sb.kind and sa.kind != sb.kind)
                    or (sa.city_key and sb.city_key and sa.city_key != sb.city_key))) or \
               (sa.number and sb.number and sa.number != sb.number and sa.kind == sb.kind
                and sa.city_key and sa.city_key == sb.city_key)
        if hard:
            pairs.setdefault((a, b), 0)
    for a in heads:  # one same-kind numberless negative per cluster
        sa = org_signature(a)
        if sa.number or not sa.kind:
            continue
        others = [b for b in heads if b != a and not org_signature(b).number and org_signature(b).kind == sa.kind]
        if others:
            b = rng.choice(others)
            if (b, a) not in pairs:
                pairs.setdefault((a, b), 0)
    out = HERE / "pairs.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("a\tb\tsame\n")
        for (a, b), same in pairs.items():
            f.write(f"{a}\t{b}\t{same}\n")
    print(f"{len(pairs)} pairs: {sum(pairs.values())} same, {len(pairs) - sum(pairs.values())} different → {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
