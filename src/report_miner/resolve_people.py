"""Person resolution: which person mentions name the same person.

Works on name strings and position texts only (no NLP pipeline), like ``report_miner.resolve``.
``parse_name`` reads a name as the extractor writes it, surname first ("Князева Вера
Владимировна", "Князева В. В.", "Сапелкин Никита"; "Юрий Львович" has no surname), or as a
reviewer may type it ("Князева В.В.", "В.В. Князева", "Вера Владимировна Князева"), into
surname, first name and patronymic (an initial keeps its dot). ``position_organisations`` finds
the organisations a position names. ``PersonResolver`` keeps canonical people and links each
mention to one of them or adds one.

Two mentions may be one person (``PersonResolver.compatible``) when

1. the surnames are equal (case and ё/е aside; Иванов and Иванова are two people); a name
   without a surname only when the other has none either and both first name and patronymic
   are written in full and equal;
2. the first names are compatible: equal, one the initial of the other, or one missing; the
   patronymics likewise;
3. the organisations are compatible: unknown on either side, or one of each side's is the same
   organisation (``resolve.same_organisation``, or both spellings match one organisation entry).

A mention joins the one compatible person. Of several, it joins the only one sharing a known
organisation with it, failing that the only one with the identical name; else none: an
ambiguous mention ("Иванова Е. П." when two Ивановы Елены Петровны of two schools are known)
becomes a person of its own rather than a guess, so it never glues two people together.

A person's organisations come from their position ("директор ГБОУ «ИТШ № 777»"), never from
the event's host: a speaker at a school's seminar is as often a guest from a ministry or a
university as one of the school's teachers, and a wrong organisation would keep one person
apart from themself for good.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .resolve import KIND_RES, Resolver, is_legal_form, org_signature, same_organisation
from .store.keys import name_key

_INITIAL_RE = re.compile(r"^(?:[А-ЯЁA-Z]|Дж)\.?$")
_INITIALS_GLUED_RE = re.compile(r"((?:[А-ЯЁA-Z]|Дж)\.)(?=\S)")  # "В.В.Князева" → "В. В. Князева"
_PATRONYMIC_RE = re.compile(r"(?:вич|ьич|вна|ична|инична)$")  # in the nominative

# a position cut into its parts: at commas and semicolons outside «quotes»
_SEGMENT_RE = re.compile(r"[,;]\s*(?![^«»]*»)")
_CITY_SEGMENT_RE = re.compile(r"^(?:г\.|город\b|пгт\b|Санкт-Петербург|Москва|Севастополь)")
_POSITION_WORD_RE = re.compile(r"[«\"„]?([A-Za-zА-Яа-яЁё][\w.-]*)")
# capitals that are no organisation: school subjects, work areas, the country and its republics
_NOT_ORGANISATIONS = {"УВР", "ВР", "НМР", "УР", "ИКТ", "ОБЖ", "ИЗО", "МХК", "РФ", "РТ", "РД", "РБ", "ДНР",
                      "ЛНР", "РАО", "РАН"}

# bodies whose officers hold their posts beside their own organisation's ("заместитель президента
# Консорциума" is a member school's director): they tell nothing about where a person works
_UMBRELLAS = {"консорциум"}


@dataclass(frozen=True)
class PersonName:
    surname: str | None
    first: str | None        # a full first name or an initial "В."
    patronymic: str | None   # likewise

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.surname, self.first, self.patronymic) if p)

    @property
    def key(self) -> tuple[str | None, ...]:
        return tuple(_norm(p) if p else None for p in (self.surname, self.first, self.patronymic))

    def merged(self, other: PersonName) -> PersonName:
        """Both names' parts, the full word over the initial ("Князева В. В." + "Князева Вера
        Владимировна" → "Князева Вера Владимировна")."""
        return PersonName(_fuller(self.surname, other.surname), _fuller(self.first, other.first),
                          _fuller(self.patronymic, other.patronymic))


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _is_initial(word: str) -> bool:
    return bool(_INITIAL_RE.match(word))


def _initial(word: str) -> str:
    return word if word.endswith(".") else word + "."


def _fuller(a: str | None, b: str | None) -> str | None:
    if a is None or (a.endswith(".") and b is not None and not b.endswith(".")):
        return b
    return a


@lru_cache(maxsize=100_000)
def parse_name(name: str) -> PersonName:
    words = _INITIALS_GLUED_RE.sub(r"\1 ", name.strip()).split()[:3]
    if not words:
        return PersonName(None, None, None)
    parts = [_initial(w) if _is_initial(w) else w for w in words]
    if _is_initial(words[0]) and not _is_initial(words[-1]):      # "В. В. Князева"
        return PersonName(parts[-1], *(parts[:-1] + [None])[:2])
    patronymic = [not _is_initial(w) and bool(_PATRONYMIC_RE.search(_norm(w))) for w in words]
    if len(words) == 2 and patronymic[1]:                         # "Юрий Львович"
        return PersonName(None, parts[0], parts[1])
    if len(words) == 3 and patronymic[1] and not patronymic[2]:   # "Вера Владимировна Князева"
        return PersonName(parts[2], parts[0], parts[1])
    parts += [None] * (3 - len(parts))
    return PersonName(parts[0], parts[1], parts[2])


def _parts_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a, b = _norm(a), _norm(b)
    if a == b:
        return True
    short, long = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return (a.endswith(".") or b.endswith(".")) and long.startswith(short)


def same_name(a: PersonName, b: PersonName) -> bool:
    """Rules 1 and 2: the names may be one person's."""
    if a.surname is None or b.surname is None:
        full = a.first is not None and a.patronymic is not None and "." not in a.first + a.patronymic
        return a.surname is None and b.surname is None and full and a.key == b.key
    return _norm(a.surname) == _norm(b.surname) and _parts_compatible(a.first, b.first) \
        and _parts_compatible(a.patronymic, b.patronymic)


def position_organisations(position: str | None) -> list[str]:
    """The organisations a position names, one per comma-separated part: from the part's first
    legal form, kind word ("школы", "министерства") or capitalised word after the job, to its
    end; a part that is only a city ("г. Новосибирск") goes with the one before. Kept only when
    it reads as an organisation (a kind, a legal form or an acronym), tells which one (a name
    word, number, acronym or place) and is no umbrella body (``_UMBRELLAS``)."""
    found: list[str] = []
    for segment in _SEGMENT_RE.split(position or ""):
        segment = segment.strip(" .")
        if found and _CITY_SEGMENT_RE.match(segment):
            found[-1] = f"{found[-1]}, {segment}"
            continue
        start = _organisation_start(segment)
        if start is None:
            continue
        name = segment[start:].strip(" .")
        sig = org_signature(name)
        acronyms = sig.acronyms - _NOT_ORGANISATIONS
        organisation = sig.kind or sig.legal_form or acronyms
        distinctive = sig.core or sig.number or acronyms or sig.city or sig.places  # not "нашего детского сада"
        if organisation and distinctive and sig.kind not in _UMBRELLAS:
            found.append(name)
    return found


def _organisation_start(segment: str) -> int | None:
    starts = []
    for i, m in enumerate(_POSITION_WORD_RE.finditer(segment)):
        word = m.group(1).rstrip(".")
        if is_legal_form(word):
            return m.start()
        if i and word[:1].isupper() and word not in _NOT_ORGANISATIONS and "." not in word \
                and not _is_initial(word):  # not "И.И.Воровича"
            starts.append(m.start())
            break
    lower = segment.lower()
    starts += [m.start() for _, pattern in KIND_RES if (m := pattern.search(lower))]
    return min(starts, default=None)


@dataclass
class PersonEntry:
    id: object
    name: str
    parts: PersonName
    organisations: list[str] = field(default_factory=list)
    keys: set[tuple[str | None, ...]] = field(default_factory=set)  # every name seen, normalised


class PersonResolver:
    """Canonical people; ``resolve`` links a mention (name and organisation names) to one.

    ``fit``/``add`` load people (stored rows), ``match`` only looks up, ``resolve`` links or adds
    and makes the entry's name the fullest seen. ``orgs`` (an organisation ``Resolver``, e.g. the
    registry and the stored organisations) lets two spellings of one organisation agree even when
    ``same_organisation`` cannot tell ("СПбГЭТУ «ЛЭТИ»" and its full name).
    """

    def __init__(self, orgs: Resolver | None = None) -> None:
        self.orgs = orgs
        self.entries: dict[object, PersonEntry] = {}
        self._next = 1

    def add(self, name: str, id: object = None, organisations: Iterable[str] = ()) -> object:
        if id is None:
            while self._next in self.entries:
                self._next += 1
            id = self._next
        parts = parse_name(name)
        self.entries[id] = PersonEntry(id, name, parts, list(dict.fromkeys(organisations)), {parts.key})
        return id

    def fit(self, rows: Iterable[tuple[object, str, Iterable[str]]]) -> PersonResolver:
        for id, name, organisations in rows:
            self.add(name, id, organisations)
        return self

    def same_organisation(self, a: str, b: str) -> bool:
        if name_key(a) == name_key(b) or same_organisation(org_signature(a), org_signature(b)):
            return True
        entry = self.orgs.match(a) if self.orgs is not None else None
        return entry is not None and entry == self.orgs.match(b)

    def _shares_organisation(self, ours: list[str], theirs: list[str]) -> bool:
        return any(self.same_organisation(a, b) for a in ours for b in theirs)

    def _organisations_compatible(self, ours: list[str], theirs: list[str]) -> bool:
        return not ours or not theirs or self._shares_organisation(ours, theirs)

    def compatible(self, entry: PersonEntry, name: PersonName, organisations: list[str]) -> bool:
        return same_name(entry.parts, name) and self._organisations_compatible(entry.organisations, organisations)

    def same_person(self, a: str, a_organisations: Iterable[str], b: str, b_organisations: Iterable[str]) -> bool:
        """Rules 1–3 for two mentions: the pairwise decision ``resolve`` links by."""
        return same_name(parse_name(a), parse_name(b)) and \
            self._organisations_compatible(list(a_organisations), list(b_organisations))

    def match(self, name: str, organisations: Iterable[str] = ()) -> object | None:
        """The one person the mention is (see the module's rules), else None."""
        parts, organisations = parse_name(name), list(organisations)
        pool = [e for e in self.entries.values() if self.compatible(e, parts, organisations)]
        for narrower in (lambda e: self._shares_organisation(e.organisations, organisations), lambda e: parts.key in e.keys):
            if len(pool) <= 1:
                break
            narrowed = [e for e in pool if narrower(e)]
            pool = narrowed or pool
        return pool[0].id if len(pool) == 1 else None

    def resolve(self, name: str, organisations: Iterable[str] = ()) -> object:
        """The id of the person the mention is, a new one when none (or several) match; the
        person's name becomes the fuller of the two and their organisations gain the mention's."""
        organisations = list(organisations)
        id = self.match(name, organisations)
        if id is None:
            return self.add(name, organisations=organisations)
        entry, parts = self.entries[id], parse_name(name)
        fuller = entry.parts.merged(parts)
        if fuller != entry.parts:
            entry.name, entry.parts = fuller.full, fuller
        entry.keys.add(parts.key)
        entry.organisations = list(dict.fromkeys([*entry.organisations, *organisations]))
        return id
