"""Organisation resolution: which mentions name the same organisation.

Works on organisation *name strings* only (no NLP pipeline): ``org_signature`` reads a name into
its parts (legal form, kind, number, core name words, acronyms, city), ``same_organisation``
compares two signatures with a few explicit rules, and ``Resolver`` keeps canonical entries and
links each new name to one of them (or adds a new entry).

Rules of ``same_organisation`` (in this order):

1. numbers: both numbered and different → different; exactly one numbered → different
   ("Инженерно-технологическая школа" of Ломоносовский район is not ИТШ №777);
2. kinds must be compatible: equal or one unknown (школа ~ СОШ ~ "средняя общеобразовательная
   школа"; лицей ≠ гимназия ≠ школа);
3. cities must agree when both are known (compared by stem: "г.Казани" = "Казань"); failing
   cities, the districts and regions ("Невского района", "РТ" = Татарстан) must share one when
   both sides name some;
4. both numbered (and equal) → same; the legal form never decides (texts mix МАОУ/МБОУ for one
   school);
5. unnumbered: an acronym of one side equals the initials of the other's name words
   (ИТШ ↔ Инженерно-технологическая школа, hyphenated parts counted; the capitals of a
   mixed-case acronym: СПбГУ ↔ СПГУ, where the letters of a federal city may open the acronym;
   "госуниверситет" gives ГУ), or the core words of one side are all found among the other's
   (stems, small typos tolerated, but not in acronyms).
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

# the consortium's members, shipped in the package (corpora/org_registry/build.py writes it)
REGISTRY = "members.tsv"

# Latin letters that look Cyrillic, seen in all-caps abbreviations ("MAOY")
_LOOKALIKE = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")
_QUOTES_RE = re.compile(r"[«»\"“”„‟'‘’`]")
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-+][A-Za-zА-Яа-яЁё0-9]+)*")
_NUMBER_RE = re.compile(r"№\s*(\d+)|\b(?:школ\w*|лице\w*|гимнази\w*|сад\w*|СОШ|ООШ|ДОУ)\s+(\d{1,4})\b",
                        re.IGNORECASE)
_LONG_FORM_RE = re.compile(
    r"((?:[А-ЯЁа-яё]+(?:ое|ее)\s+){1,4})учреждени[еяи]\w*"
    r"(\s+(?:высшего|дополнительного)\s+(?:профессионального\s+|педагогического\s+)?образования(?:\s+детей)?)?",
    re.IGNORECASE)
_SHORT_FORMS = {"АО", "ООО", "ЗАО", "ПАО", "ОАО", "АНО", "ГК", "ГУО", "ГО"}
_SHORT_FORM_RE = re.compile(r"^(?:ФГ|Ф|Г|М|О|Ч|Н|Б|А)[А-Я]{0,3}[ОБКА]У$|^ЧОУ$")
_QUALIFIERS = {"ВО", "ДО", "ДПО", "ДППО", "ВПО", "СПО", "РД", "ДОД"}

# kind name → pattern over the lower-cased name; the earliest match gives the kind
_KINDS: list[tuple[str, str]] = [
    ("школа", r"(?:средн|основн)\w*\s+(?:общеобразовательн\w*\s+)?школ\w*|\bсош\b|\bоош\b|\bшкол\w*"),
    ("лицей", r"\bлице[йяюем]\w*"),
    ("гимназия", r"\bгимнази\w*"),
    ("центр образования", r"\bцентр\w*\s+образовани\w*|\bцо\b"),
    ("детский сад", r"\bдетск\w*\s+сад\w*|\bдоу\b"),
    ("колледж", r"\bколледж\w*"),
    ("техникум", r"\bтехникум\w*"),
    ("училище", r"\bучилищ\w*"),
    ("университет", r"\b(?:гос)?(?:пед)?университет\w*"),
    ("институт", r"\bинститут\w*"),
    ("академия", r"\bакадеми\w*"),
    ("дом культуры", r"\b(?:дом\w*|двор\w*)\s+культуры\b|\bдк\b"),
    ("центр", r"\bцентр\w*"),
    ("министерство", r"\bминистерств\w*"),
    ("администрация", r"\bадминистраци\w*"),
    ("комитет", r"\bкомитет\w*"),
    ("консорциум", r"\bконсорциум\w*"),
]
KIND_RES = [(kind, re.compile(p)) for kind, p in _KINDS]
# a bare acronym's last letter names its kind when the name has no kind word ("ИТШ", "ВГЛ", "ДГУ")
_ACRONYM_KIND = {"Ш": "школа", "Л": "лицей", "Г": "гимназия", "У": "университет", "К": "колледж"}

_CITY_RE = re.compile(
    r"(?:\bг\.\s*|\bг\s+|\bгород[а-я]*\s+|\bпгт\.?\s+|\bпос[её]лк?[а-я]*\s+)"
    r"([А-ЯЁ][а-яё]+(?:-[а-яёА-ЯЁ]+)*)")
_FEDERAL_RE = re.compile(r"\b(Санкт-Петербург|Москв|Севастопол)[а-яё]*")
_FEDERAL = {"санкт-петербург": "Санкт-Петербург", "москв": "Москва", "севастопол": "Севастополь"}

_PLACE_STEMS = {"район", "р-н", "област", "кра", "округ", "республик", "муниципальн", "городск", "автоном",
                "автономн", "федераци"}
_DISTRICT_STEMS = {"район", "р-н", "муниципальн"}
# a name opening with one of these names a part of another organisation
_UNIT_STEMS = ("кафедр", "факультет", "лаборатор")
_ADJECTIVE_RE = re.compile(r"(?:ого|его|ой|ий|ый|ая|яя|ое|ее|ск)$")
_FUNCTION = {"и", "в", "на", "по", "для", "с", "со", "при", "им", "имени", "имен", "г", "пгт", "город", "года"}
# not distinctive (left out of the core words) but counted in initials ("ДГУ")
_GENERIC = {"рф", "филиал", "общеобразовательн", "образовательн", "учреждени", "государственн", "бюджетн",
            "казенн", "федеральн", "национальн"}
_COMPOUND_RE = re.compile(r"(гос|пед)(?=университет|институт|академи|пед)")
_CITY_LETTERS = {"Санкт-Петербург": ("СПБ", "СП"), "Москва": ("М",), "Севастополь": ("С",)}
_ENDINGS = sorted(
    "ского ской ская ский ское ских ским ского ному ного ными ыми ими ого его ому ему ой ый ий ая яя ое ее "  # noqa: SIM905
    "ые ие ых их ую юю ам ям ах ях ов ев ей ом ем ы и а я о е у ю ь".split(), key=len, reverse=True)


@dataclass(frozen=True)
class OrgSignature:
    name: str
    legal_form: str | None = None       # "ГБОУ", "МАОУ", ...
    kind: str | None = None             # "школа", "лицей", "гимназия", "университет", ...
    number: str | None = None           # "777"
    core: frozenset[str] = frozenset()  # stems of the distinctive name words
    initials: str = ""                  # initials of the name words (kind included): "ИТШ"
    acronyms: frozenset[str] = frozenset()  # all-caps words of the name: "ИТШ", "КНИТУ"
    # the capitals of a mixed-case acronym: "СПбГУ" → СПГУ, "КНиИТ" → КНИТ (to spell initials exactly)
    capitals: frozenset[str] = frozenset()
    city: str | None = None             # nominative: "Санкт-Петербург"
    kinds: frozenset[str] = frozenset()  # every kind word ("Гимназия №8-Центр образования")
    places: frozenset[str] = frozenset()  # stems of district/region names ("Невского района")
    districts: frozenset[str] = frozenset()  # those of districts alone ("Зеленодольского района")
    unit: str | None = None             # the part of an organisation it names: "кафедр", "факультет"

    @property
    def city_key(self) -> str | None:
        return _stem(self.city.lower()) if self.city else None


def stem(word: str) -> str:
    return _stem(word.lower().replace("ё", "е"))


def _stem(word: str) -> str:
    if "-" in word:
        return "-".join(_stem(part) for part in word.split("-"))
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


# a region's acronym stands for its name among the places ("РТ" ~ "Республики Татарстан")
_REGION_ACRONYMS = {acronym: stem(region) for acronym, region in {
    "РФ": "Российской", "РТ": "Татарстан", "РБ": "Башкортостан", "РД": "Дагестан", "ДНР": "Донецкой",
    "ЛНР": "Луганской"}.items()}


def _city_nominative(word: str) -> str:
    federal = _FEDERAL_RE.match(word)
    if federal:
        return _FEDERAL[federal.group(1).lower()]
    try:
        from .morph import parses  # pymorphy3 only: no NLP pipeline
        geo = [p for p in parses(word) if "Geox" in p.tag]
        normal = geo[0].normal_form if geo else word.lower()
    except ImportError:  # pragma: no cover - morphology missing
        normal = word.lower()
    return "-".join(part if part in ("на", "в") else part.capitalize() for part in normal.split("-"))


def is_legal_form(token: str) -> bool:
    return token in _SHORT_FORMS or (token != "ДОУ" and bool(_SHORT_FORM_RE.match(token)))


def _acronym(token: str) -> str | None:
    """An all-caps (or mostly capitals, "УлГТУ") word of 2–7 letters, upper-cased; else None."""
    letters = token.replace("-", "")
    if not (2 <= len(letters) <= 7) or not letters.isalpha():
        return None
    upper = sum(c.isupper() for c in letters)
    if upper == len(letters) or (upper >= 3 and upper / len(letters) >= 0.6):
        return letters.upper().translate(_LOOKALIKE)
    return None


@lru_cache(maxsize=100_000)
def org_signature(name: str) -> OrgSignature:
    text = _QUOTES_RE.sub(" ", name).replace("ё", "е").replace("Ё", "Е")
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)  # "Инженерно- технологическая", "Ростов-на- Дону"
    text = re.sub(r"\s+-\s*|\s*-\s+|\s*[–—]\s*", " - ", text)
    legal_form = None
    long_form = _LONG_FORM_RE.search(text)
    if long_form:
        legal_form = "".join(w[0].upper() for w in long_form.group(1).split()) + "У"
        if long_form.group(2):
            legal_form += " " + "".join(w[0].upper() for w in long_form.group(2).split() if w != "детей")
        text = text[: long_form.start()] + " " + text[long_form.end():]

    city = None
    city_match = _CITY_RE.search(text)
    federal = _FEDERAL_RE.search(text)
    if city_match:
        city = _city_nominative(city_match.group(1))
        text = text[: city_match.start()] + " " + text[city_match.end():]
    elif federal:
        city = _FEDERAL[federal.group(1).lower()]
    text = _FEDERAL_RE.sub(" ", text)

    number = None
    number_match = _NUMBER_RE.search(text)
    if number_match:
        number = (number_match.group(1) or number_match.group(2)).lstrip("0") or "0"

    lower = text.lower()
    kind, kind_at, kind_spans, kinds = None, len(lower) + 1, [], set()
    for k, pattern in KIND_RES:
        for m in pattern.finditer(lower):
            kind_spans.append((m.start(), m.end()))
            kinds.add(k)
            if m.start() < kind_at:
                kind, kind_at = k, m.start()

    tokens = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    kept: list[tuple[str, str | None]] = []  # (name word, its core stem or None), in order
    acronyms: set[str] = set()
    capitals: set[str] = set()
    places: set[str] = set()
    districts: set[str] = set()
    skip_next_capital = False
    for token, start, _end in tokens:
        upper = token.translate(_LOOKALIKE) if token.isupper() else token
        if is_legal_form(upper):
            if legal_form is None:
                legal_form = upper
            continue
        if upper in _QUALIFIERS or token.isdigit():
            continue
        st = stem(token)
        if st in _PLACE_STEMS or st.split("-")[0] in _PLACE_STEMS:
            # "Невского района", "Ханты-Мансийского автономного округа": the adjectives go too
            for _ in range(2):
                if kept and kept[-1][0][:1].isupper() and _ADJECTIVE_RE.search(kept[-1][0].lower()):
                    place = stem(kept.pop()[0])
                    places.add(place)
                    if st in _DISTRICT_STEMS:
                        districts.add(place)
            skip_next_capital = st.startswith("республик")
            continue
        if skip_next_capital and token[:1].isupper():
            skip_next_capital = False
            places.add(st)
            continue
        skip_next_capital = False
        if upper in _REGION_ACRONYMS:  # "Министерство образования и науки РТ" is Татарстан's
            places.add(_REGION_ACRONYMS[upper])
            continue
        in_kind = any(s <= start < e for s, e in kind_spans)
        acronym = None if in_kind else _acronym(token)
        if acronym:
            acronyms.add(acronym)
            letters = "".join(c for c in token if c.isupper()).translate(_LOOKALIKE)
            if len(letters) >= 2 and letters != acronym:
                capitals.add(letters)
        if st in _FUNCTION or (len(token) == 1 and not in_kind):
            if st in ("им", "имени", "имен", "при"):
                kept.append(("|", None))  # initials stop here
            continue
        generic = in_kind or st in _GENERIC or st + "н" in _GENERIC  # "государственного" → "государствен"
        kept.append((token, None if generic else (acronym.lower() if acronym else st)))
    words = [w for w, _ in kept]
    core = {part for _, c in kept if c for part in c.split("-") if part}

    name_words: list[str] = []
    for w in words:
        if w == "|":
            break
        name_words.append(w)
    initials = "".join(_initials(part) for w in name_words if not _acronym(w) for part in w.split("-") if part)
    if kind is None:
        for acronym in acronyms:
            if acronym[-1] in _ACRONYM_KIND and acronym not in _SHORT_FORMS:
                kind = _ACRONYM_KIND[acronym[-1]]
                break
    first = next((stem(t) for t, _, _ in tokens if not is_legal_form(t)), "")
    unit = next((u for u in _UNIT_STEMS if first.startswith(u)), None)
    return OrgSignature(name=name, legal_form=legal_form, kind=kind, number=number, core=frozenset(core),
                        initials=initials, acronyms=frozenset(acronyms), capitals=frozenset(capitals), city=city,
                        kinds=frozenset(kinds), places=frozenset(places), districts=frozenset(districts),
                        unit=unit)


def _bare_acronym(sig: OrgSignature) -> bool:
    """A name that is an acronym alone ("ФИТ", "КНиИТ"): it may stand for a faculty too."""
    return bool(sig.acronyms or sig.capitals) and len(sig.name.split()) == 1


def _kinds_compatible(sa: OrgSignature, sb: OrgSignature) -> bool:
    a, b = sa.kind, sb.kind
    if a is None or b is None or a == b or a in sb.kinds or b in sa.kinds:
        return True
    # "центр образования" is a centre; a bare "центр" may be any centre
    return {a, b} == {"центр", "центр образования"}


def _word_in(word: str, others: frozenset[str]) -> bool:
    if word in others:
        return True
    if len(word) >= 5:
        return any(len(o) >= 5 and difflib.SequenceMatcher(None, word, o).ratio() >= 0.8 for o in others)
    return False


def _initials(word: str) -> str:
    """A word's initial; a compound of "гос"/"пед" gives two: "госуниверситет" → ГУ."""
    compound = _COMPOUND_RE.match(word.lower())
    if compound:
        return compound.group(1)[0].upper() + _initials(word[compound.end():])
    return word[0].upper()


def _acronym_matches(a: OrgSignature, b: OrgSignature) -> bool:
    """An acronym of ``a`` spells the initials of ``b``'s name words; the letters of ``b``'s
    federal city may open it ("СПбГУ" ~ "Санкт-Петербургский государственный университет", whose
    city adjective is read as the city and so is not among the initials)."""
    if not b.initials or len(b.initials) < 2:
        return False
    acronyms = set(a.acronyms)
    for prefix in _CITY_LETTERS.get(b.city or "", ()):
        acronyms |= {acr[len(prefix):] for acr in a.acronyms if acr.startswith(prefix) and len(acr) > len(prefix)}
    return b.initials in a.capitals or any(
        acr == b.initials or (len(acr) >= 3 and acr == b.initials[: len(acr)] and len(b.initials) - len(acr) <= 1)
        for acr in acronyms)


def parts_agree(a: OrgSignature, b: OrgSignature) -> bool:
    """Rules 1–3 (and the places): nothing in the two names' parts says they differ."""
    if (a.number is None) != (b.number is None):
        return False
    if a.number is not None and a.number != b.number:
        return False
    if not _kinds_compatible(a, b):
        return False
    if (a.unit is None) != (b.unit is None) and not (_bare_acronym(a) or _bare_acronym(b)):
        return False    # "кафедра общей физики Тверского университета" is no "Тверской университет"
    if a.city_key and b.city_key and a.city_key != b.city_key:
        return False
    for one, other in ((a, b), (b, a)):
        # a city against a district: the same place only when the district is named after the
        # city ("г. Томска" ≠ "Зеленодольского района"; a region may hold the city, so it decides nothing)
        if one.city_key and not other.city_key and other.districts \
                and not any(_word_in(d, frozenset({one.city_key})) for d in other.districts):
            return False
    # places only when the cities do not decide: "... Запорожской области" ≠ "... Российской Федерации"
    return bool(a.city_key and b.city_key) or not (a.places and b.places) or \
        any(_word_in(p, b.places) for p in a.places)


def same_organisation(a: OrgSignature, b: OrgSignature) -> bool:
    if not parts_agree(a, b):
        return False
    if a.number is not None:
        return True
    if _acronym_matches(a, b) or _acronym_matches(b, a):
        return True
    small, large = sorted((a, b), key=lambda s: len(s.core))
    if not small.core:
        # nothing distinctive on one side: only the same kind in the same known city
        return bool(a.kind and a.kind == b.kind and a.city_key and a.city_key == b.city_key and not large.core)
    # an acronym has no typos: "КНиИТ" (a faculty) is not "КНИТУ"
    return all(w in large.core if w.upper() in small.acronyms else _word_in(w, large.core) for w in small.core)


def _score(a: OrgSignature, b: OrgSignature) -> float:
    """How strongly two matching signatures agree (to pick among several matching entries)."""
    score = 0.0
    if a.city_key and a.city_key == b.city_key:
        score += 2
    if a.kind and a.kind == b.kind:
        score += 1
    if a.legal_form and a.legal_form == b.legal_form:
        score += 0.5
    union = a.core | b.core
    if union:
        score += len(a.core & b.core) / len(union)
    return score


PARTS = ("legal_form", "kind", "number", "city")


@dataclass
class Entry:
    """A canonical organisation: its name, every spelling, and its parts (``PARTS``): given by
    the caller (a stored row's columns, a registry member) or else read from the first spelling
    that has them, so a city named by any spelling holds for the entry."""

    id: object
    name: str
    names: list[str] = field(default_factory=list)
    legal_form: str | None = None
    kind: str | None = None
    number: str | None = None
    city: str | None = None

    @property
    def signature(self) -> OrgSignature:
        sig = org_signature(self.name)
        parts = {p: getattr(self, p) or getattr(sig, p) for p in PARTS}
        return replace(sig, **parts, kinds=sig.kinds | ({self.kind} if self.kind else set()))

    def fill(self, parts: dict[str, str | None]) -> None:
        for part in PARTS:
            if getattr(self, part) is None and parts.get(part):
                setattr(self, part, parts[part])


class Resolver:
    """Canonical organisation entries; ``resolve`` links a name to one (adding one if none matches).

    ``fit`` loads entries (e.g. the consortium registry), ``predict`` / ``match`` only look up.
    Ids are the caller's (database ids, registry ids); new entries get the next free integer.
    A name matches an entry when it is one of its spellings (normalised), or when its parts agree
    with the entry's (``Entry.signature``) and it is ``same_organisation`` as one spelling; the
    best-scoring entry wins, except that a numbered name without a city that matches two entries
    matches none (which lyceum №10 is meant cannot be told). Matching one, it joins it: a bare
    "Лицей №10" in a post about another town joins Советск's lyceum, a known limit (the resolver
    knows names, not the town a text is about).
    """

    def __init__(self) -> None:
        self.entries: dict[object, Entry] = {}
        self._by_key: dict[str, object] = {}
        self._by_number: dict[str | None, list[object]] = {}
        self._next = 1

    # building -----------------------------------------------------------------------------
    def add(self, name: str, id: object = None, aliases: Iterable[str] = (), **parts: str | None) -> object:
        """Add an entry (or spellings to the entry ``id``); ``parts`` are known ``PARTS`` values."""
        if id is None:
            while self._next in self.entries:
                self._next += 1
            id = self._next
        entry = self.entries.get(id)
        if entry is None:
            entry = self.entries[id] = Entry(id, name)
        entry.fill(parts)
        self.add_aliases(id, [name, *aliases])
        return id

    def add_aliases(self, id: object, names: Iterable[str]) -> None:
        from .store.keys import name_key
        entry = self.entries[id]
        for name in names:
            if not name or name in entry.names:
                continue
            entry.names.append(name)
            self._by_key.setdefault(name_key(name), id)
            sig = org_signature(name)
            entry.fill({part: getattr(sig, part) for part in PARTS})
            number = sig.number
            ids = self._by_number.setdefault(number, [])
            if id not in ids:
                ids.append(id)

    def fit(self, rows: Iterable[tuple[object, str, Iterable[str]]]) -> Resolver:
        for id, name, aliases in rows:
            self.add(name, id, aliases)
        return self

    # looking up ---------------------------------------------------------------------------
    def match(self, name: str) -> object | None:
        from .store.keys import name_key
        key = name_key(name)
        if key in self._by_key:
            return self._by_key[key]
        sig = org_signature(name)
        scores: dict[object, float] = {}
        for id in self._by_number.get(sig.number, []):
            entry = self.entries[id]
            if not parts_agree(sig, entry.signature):
                continue  # "Лицей № 5 г. Северска" is not the "Лицей № 5" known to be in Томск
            for other in entry.names:
                osig = org_signature(other)
                if same_organisation(sig, osig):
                    scores[id] = max(scores.get(id, -1.0), _score(sig, osig))
        if sig.number is not None and sig.city is None and len(scores) > 1:
            return None  # a bare "Лицей №10" and two lyceums №10 (Советск, Казань): neither
        return max(scores, key=scores.get, default=None)

    def predict(self, names: Iterable[str]) -> list[object | None]:
        return [self.match(n) for n in names]

    def resolve(self, name: str, aliases: Iterable[str] = ()) -> object:
        """The id of the entry ``name`` belongs to (failing that, one of those of its ``aliases``
        that agree with ``name``); a new entry when none matches. ``name`` and the agreeing
        aliases are added to the entry's spellings."""
        sig = org_signature(name)
        aliases = [a for a in aliases if same_organisation(sig, org_signature(a))]
        id = self.match(name)
        for alias in aliases:
            if id is not None:
                break
            id = self.match(alias)
        if id is None:
            return self.add(name, aliases=aliases)
        self.add_aliases(id, [name, *aliases])
        return id

    def canonical(self, id: object) -> OrgSignature:
        return self.entries[id].signature


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    city: str | None
    legal_form: str | None
    number: str | None
    kind: str | None
    aliases: tuple[str, ...]

    @property
    def parts(self) -> dict[str, str | None]:
        return {part: getattr(self, part) for part in PARTS}


@lru_cache(maxsize=4)
def load_registry(path: Path | str | None = None) -> tuple[Member, ...]:
    """The consortium's members: the package's data/members.tsv, or the TSV file ``path``
    (empty when that file is absent)."""
    if path is None:
        text = resources.files("report_miner").joinpath("data", REGISTRY).read_text(encoding="utf-8")
    elif Path(path).exists():
        text = Path(path).read_text(encoding="utf-8")
    else:
        return ()
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(Member(r["id"], r["name"], r["city"] or None, r["legal_form"] or None, r["number"] or None,
                        r["kind"] or None, tuple(a for a in r["aliases"].split(" | ") if a)) for r in rows)


def registry_resolver(path: Path | str | None = None) -> Resolver:
    resolver = Resolver()
    for m in load_registry(path):
        resolver.add(m.name, m.id, m.aliases, **m.parts)
    return resolver
