"""Build pairs.tsv: labelled person-mention pairs for benchmarks/resolve_eval.py (see README.md).

Run: .venv/bin/python corpora/person_pairs/build.py
"""
from __future__ import annotations

import itertools
import json
import random
import sys
from pathlib import Path

from report_miner.resolve import org_signature, same_organisation
from report_miner.resolve_people import PersonName, parse_name, position_organisations

HERE = Path(__file__).resolve().parent
GOLD = [Path("/work/shared/eval/dev/gold"), HERE.parent / "check_news" / "gold"]

# Pairs of gold mentions whose label is not what the names say, checked by hand against the texts.
_MINAEVA, _PODOBAEVA = "Минаева Елена Владимировна", "Подобаева Ольга Георгиевна"
HAND_CHECKED = {
    # the consortium's vice-president is the director of a member school (report 002, two tables)
    frozenset({(_MINAEVA, "директор ЧОУ «Школа экономики и права» Санкт-Петербурга"),
               (_MINAEVA, ("заместитель президента Консорциума, председатель Комиссии по инновационной "
                           "деятельности и стратегическому развитию"))}): 1,
    # the director of a member centre chairs the consortium's media commission (report 002)
    frozenset({(_PODOBAEVA, ("директор ГБУ ДО Центр детского (юношеского) технического творчества "
                             '"Старт+" Невского района Санкт-Петербурга')),
               (_PODOBAEVA, "председатель комиссии по медиапродвижению деятельности Консорциума")}): 1,
}


def mentions() -> list[tuple[str, str, str]]:
    """(document, name, position) of every gold person mention, one per distinct name and position."""
    seen: dict[tuple[str, str], str] = {}
    for folder in GOLD:
        for path in sorted(folder.glob("*.json")):
            for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
                for person in event.get("people", []):
                    seen.setdefault((person["name"], person.get("position") or ""), path.stem)
    return [(doc, name, position) for (name, position), doc in seen.items()]


def _key(word: str | None) -> str | None:
    return word.lower().replace("ё", "е") if word else None


def gold_label(a: PersonName, b: PersonName) -> int:
    """Same surname, first name and patronymic (either may be missing, none an initial) → 1."""
    for x, y in ((a.surname, b.surname), (a.first, b.first), (a.patronymic, b.patronymic)):
        if x and y and _key(x) != _key(y):
            return 0
    return int(bool(a.surname and a.first and b.first))


def _initials(name: PersonName) -> str:
    return " ".join([name.surname, *(p[0] + "." for p in (name.first, name.patronymic) if p)])


def _other_gender(surname: str) -> str | None:
    for masculine in ("ов", "ев", "ин", "ын"):
        if surname.endswith(masculine):
            return surname + "а"
        if surname.endswith(masculine + "а"):
            return surname[:-1]
    return None


def _female(first: str) -> bool:
    return first[-1] in "ая"


def _organisations_differ(a: str, b: str) -> bool:
    ours, theirs = position_organisations(a), position_organisations(b)
    return bool(ours and theirs) and not any(
        same_organisation(org_signature(x), org_signature(y)) for x in ours for y in theirs)


def main(out: Path = HERE / "pairs.tsv") -> int:
    rng = random.Random(0)
    found = mentions()
    rows: list[tuple[str, str, str, str, int, str]] = []
    # real pairs: gold mentions sharing a surname
    for (_, name_a, pos_a), (_, name_b, pos_b) in itertools.combinations(found, 2):
        a, b = parse_name(name_a), parse_name(name_b)
        if not (a.surname and b.surname and _key(a.surname) == _key(b.surname)):
            continue
        label = HAND_CHECKED.get(frozenset({(name_a, pos_a), (name_b, pos_b)}), gold_label(a, b))
        rows.append((name_a, pos_a, name_b, pos_b, label, "gold"))
    people = [(n, p, parse_name(n)) for _, n, p in found if parse_name(n).surname and parse_name(n).first]
    firsts = sorted({x.first for _, _, x in people if not x.first.endswith(".")})
    positioned = [(n, p) for n, p, _ in people if position_organisations(p)]
    for name, position, parts in people:
        full = not parts.first.endswith(".")
        if full:  # the same person written with initials, without a position
            rows.append((name, position, _initials(parts), "", 1, "initials"))
        other = _other_gender(parts.surname)
        if other:  # Иванов / Иванова with the same initials
            rows.append((name, position, _initials(PersonName(other, parts.first, parts.patronymic)), "", 0,
                         "gender"))
        if full:  # the same surname with another first name of the same gender
            pool = [f for f in firsts if _female(f) == _female(parts.first) and _key(f) != _key(parts.first)]
            first = rng.choice(pool)
            rows.append((name, position, PersonName(parts.surname, first, parts.patronymic).full, position, 0,
                         "first name"))
        if full and parts.patronymic:  # the right first initial, another patronymic's
            letter = rng.choice([c for c in "АВГДЕИКМНОПРСФЮ" if c != parts.patronymic[0]])
            rows.append((name, position, f"{parts.surname} {parts.first[0]}. {letter}.", "", 0, "patronymic"))
        if full and parts.patronymic and position_organisations(position):
            # a namesake: the same full name working at another (known) organisation
            others = [p for n, p in positioned if n != name and _organisations_differ(position, p)]
            if others:
                rows.append((name, position, name, rng.choice(others), 0, "namesake"))
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("name_a\tposition_a\tname_b\tposition_b\tsame\tsource\n")
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")  # names and positions hold no tabs
    counts = {s: sum(r[5] == s for r in rows) for s in dict.fromkeys(r[5] for r in rows)}
    print(f"{len(rows)} pairs ({sum(r[4] for r in rows)} same) from {len(found)} mentions: {counts} → {out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
