"""Build the consortium's member registry from the annual report's member tables: the package
data src/report_miner/data/members.tsv (shipped with the package, read by ``resolve.load_registry``).

Source: shared/eval/dev/texts/002_a1dccfdb4618663c.txt (the consortium's 2022–23 report; the dev
set is not hidden). "Таблица 4" lists each member organisation (short names: МАОУ "Лицей №10",
г.Советск ...); "Таблица 5" the rating with full legal names (Муниципальное автономное
общеобразовательное учреждение ...). Each Table 4 row becomes a member; each Table 5 row is
linked to its Table 4 member by the resolver (and kept as that member's alias) or, when none
matches, becomes a member of its own. Run: .venv/bin/python corpora/org_registry/build.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from report_miner.resolve import Resolver, org_signature

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "report_miner" / "data" / "members.tsv"
SOURCE = Path("/work/shared/eval/dev/texts/002_a1dccfdb4618663c.txt")


def table_rows(lines: list[str], caption: str) -> list[str]:
    """First cells of the tab-separated rows after the line starting with ``caption``, up to the
    next "Таблица" caption or the first prose line (no tab) after the rows began."""
    start = next(i for i, line in enumerate(lines) if line.startswith(caption))
    names, header_seen = [], False
    for line in lines[start + 1:]:
        if line.startswith("Таблица"):
            break
        if not line.strip():
            continue
        if "\t" not in line:
            if names and len(line) > 60:
                break
            continue
        if not header_seen:  # the column header row
            header_seen = True
            continue
        cell = re.sub(r"^\d+\.\s*", "", line.split("\t")[0]).strip()
        if cell:
            names.append(cell)
    return names


def main(source: Path = SOURCE, out: Path = OUT) -> int:
    lines = source.read_text(encoding="utf-8").splitlines()
    members = table_rows(lines, "Таблица 4.")
    full_names = table_rows(lines, "Таблица 5.")
    resolver = Resolver()
    for i, name in enumerate(members, 1):
        resolver.add(name, f"m{i:03d}")
    for name in full_names:
        id = resolver.match(name)
        if id is None:
            resolver.add(name, f"m{len(resolver.entries) + 1:03d}")
        else:
            resolver.add_aliases(id, [name])
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(["id", "name", "city", "legal_form", "number", "kind", "aliases"]) + "\n")  # noqa: FLY002
        for id, entry in resolver.entries.items():
            sigs = [org_signature(n) for n in entry.names]
            city = next((s.city for s in sigs if s.city), "")
            legal = next((s.legal_form for s in sigs if s.legal_form), "")
            kind = next((s.kind for s in sigs if s.kind), "")
            row = [id, entry.name, city, legal, sigs[0].number or "", kind, " | ".join(entry.names[1:])]
            f.write("\t".join(row) + "\n")  # plain TSV: names hold no tabs; read with QUOTE_NONE
    print(f"{len(resolver.entries)} members ({len(members)} from Таблица 4, {len(full_names)} rows of Таблица 5)"
          f" → {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
