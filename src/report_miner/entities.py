"""Named entities of a text (ORG, PER, LOC): natasha's spans with its systematic errors fixed.

The spans are names as the factRuEval-2016 ``org_name``/``loc_name`` annotation draws them
(the naeval convention): a quoted name without its descriptor or legal form ("ОАО «Газпром»" →
"Газпром"), the full name and the abbreviation in brackets as two names ("Комитет защиты
журналистов (КЗЖ)"), a geographic adjective in front kept ("японского МИДа"), the "при …" /
"по …" tail of a body's name kept ("Совет при Президенте РФ по развитию ..."). They feed the
records: ``extractors.organisations`` builds full organisation mentions (legal form, quotes,
district tails) around the ORG names, the people and places extractors read PER and LOC.

Every step works on token spans of the shared ``Doc`` and keeps the result flat (no overlaps).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .grammars import organisations as g
from .grammars.organisations import (
    BODY_HEAD_LEMMAS, FORCED_TYPES, NAME_DESCRIPTOR_LEMMAS, NOT_ORG_LEMMAS, PLACE_UNIT_LEMMAS,
    VEHICLE_LEMMAS, is_legal_form,
)
from .morph import parses
from .nlp import line_break

OPEN_QUOTES = frozenset("«„“\"")
CLOSE_QUOTES = frozenset("»“”\"")
# descriptors dropped before an unquoted Latin name: "агентство France-Presse", "ИА Regnum"
LATIN_NAME_DESCRIPTORS = frozenset({"иа", "риа", "агентство", "агенство", "концерн", "компания",
                                    "корпорация"})
# prepositions natasha sometimes takes into a name at a sentence start
LEADING_PREPOSITIONS = frozenset({"в", "во", "на", "с", "со", "к", "ко", "о", "об", "по", "из", "у", "от", "для"})
MAX_TAIL_TOKENS = 8
MAX_NAME_TOKENS = 12
# never inside a name: list bullets, and for people and places commas too
LIST_SEPARATORS = frozenset({"•", "·", ";", "|", "▪", "●"})
PARTNER_CUE_LEMMAS = frozenset({"поддержка", "участие", "содействие", "партнёрство", "партнерство", "помощь"})


@dataclass(frozen=True)
class Entity:
    """A token span ``[start, end)`` of a Doc with its type."""

    start: int
    end: int
    type: str


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` character spans of the ORG, PER and LOC names in ``text``."""
    from .nlp import parse

    doc = parse(text)
    return [(doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1]), e.type)
            for e in document_entities(doc)]


def document_entities(doc: Doc) -> list[Entity]:
    """The corrected entities of an analysed text, in text order."""
    entities = [Entity(e.start, e.end, e.label_) for e in doc.ents]
    entities = [part for e in entities for part in split_at_separators(doc, e)]
    entities = [fixed for e in entities for fixed in split_brackets(doc, e)]
    entities = [fixed for e in entities for fixed in split_quoted_name(doc, trim_edges(doc, e))]
    entities = [retype(doc, e) for e in entities if e is not None]
    entities = [e for e in entities if e is not None and e.end > e.start]
    entities = [extend_org(doc, e) for e in entities]
    entities = drop_vehicle_names(doc, entities)
    entities = drop_term_abbreviations(doc, entities)
    entities = add_bracketed_names(doc, entities)
    entities = add_repeated_names(doc, entities)
    return flat(entities)


# ------------------------------------------------------------------ token tests and phrases
# (shared with extractors.organisations)

def lower(token: Token) -> str:
    return token.text.lower()


def lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def case_of(token: Token) -> str | None:
    values = token.morph.get("Case")
    return values[0] if values else None


def is_space(token: Token) -> bool:
    return token.pos_ == "SPACE"


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)


def is_latin(token: Token) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in token.text)


def looks_like_name(tokens) -> bool:
    """A capitalised word or an abbreviation starts it: a name rather than a descriptor."""
    words = [t for t in tokens if is_word(t)]
    return bool(words) and (words[0].text[:1].isupper() or words[0].text[:1].isdigit())


def lemma_key(tokens) -> tuple[str, ...]:
    return tuple(lemma(t) for t in tokens if is_word(t))


def is_adjective(token: Token) -> bool:
    """An adjective by UD or by pymorphy3 (the tagger takes "Воркутинского" for a name), not a
    pronoun ("который", "этот") nor a number."""
    if not token.text[:1].isalpha() or token.pos_ in ("DET", "PRON", "NUM"):
        return False
    found = parses(token.text.lower())[:2]
    if any({"Apro", "Anum"} & p.tag.grammemes for p in found):
        return False
    return token.pos_ == "ADJ" or any("ADJF" in p.tag.grammemes for p in found) \
        or ADJECTIVE_RE.search(token.text.lower()) is not None


ADJECTIVE_RE = re.compile(r"[сц]к(?:ий|ой|ая|ое|ие|ого|ому|ом|ую|их|им|ими|ых)$")


def genitive_chain_end(doc: Doc, i: int, allow_po: bool = False, join_first: bool = False) -> int:
    """After noun groups in the genitive at ``i`` ("образования и науки Дагестана"), joined
    by "и" inside the chain (at ``i`` itself only with ``join_first``: after a head, "и" more
    often joins another organisation); with ``allow_po`` also "по …" in the dative ("по
    образованию и науке", "по делам молодёжи")."""
    end = i
    while end < len(doc) and end - i < MAX_NAME_TOKENS:
        at = skip_wrap(doc, end)
        if at >= len(doc):
            break
        joined = lower(doc[at]) == "и" and (at > i or join_first)
        po = allow_po and lower(doc[at]) == "по"
        start = skip_wrap(doc, at + 1) if joined or po else at
        group = noun_group(doc, start)
        if po and start < len(doc) and lower(doc[start]) in g.PO_STOP_FORMS:
            break
        if po and group is not None and lemma(doc[group[1] - 1]) in g.PO_PLACE_LEMMAS:
            break       # "по Тобольскому району": a place tail, read by the organisations extractor
        if group is None or lower(doc[group[1] - 1]) in ("им", "имени") \
                or lemma(doc[group[1] - 1]) in g.CHAIN_STOP_LEMMAS:
            break
        if joined and lemma(doc[group[1] - 1]) in g.INSTITUTION_HEAD_LEMMAS:
            break
        group_case = case_of(doc[group[1] - 1])
        if group_case != "Gen" and not po and not (joined and can_stand_in(doc[group[1] - 1], case_of(doc[end - 1]))):
            break
        if doc[group[1] - 1].ent_type_ == "PER":
            break
        end = group[1]
    return end


def joins_partner(doc: Doc, i: int) -> bool:
    """"при поддержке", "при участии", "при содействии" at ``i``: the name ends before it."""
    return lower(doc[i]) == "при" and i + 1 < len(doc) and lemma(doc[i + 1]) in PARTNER_CUE_LEMMAS


def skip_wrap(doc: Doc, i: int) -> int:
    """After a hard wrap at ``i`` (a name runs on over it), else ``i``."""
    while i < len(doc) and is_space(doc[i]) and "\t" not in doc[i].text and not line_break(doc[i]):
        i += 1
    return i


UD_TO_PYMORPHY_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def can_stand_in(token: Token, case: str | None) -> bool:
    """Can the word be in the UD ``case`` (the tagger picks one reading of "области")?"""
    if case is None or case_of(token) == case:
        return case is not None
    grammeme = UD_TO_PYMORPHY_CASE.get(case)
    return any(grammeme in p.tag.grammemes for p in parses(token.text.lower()))


def noun_group(doc: Doc, i: int) -> tuple[int, int] | None:
    """Adjectives and a noun at ``i``: ``(start, end)``. The adjectives may be listed:
    "начального, основного и среднего общего образования"."""
    j = i
    while j < len(doc) and is_adjective(doc[j]):
        j += 1
        if j + 1 < len(doc) and doc[j].text in (",", "и") and is_adjective(doc[j + 1]):
            j += 1
    if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].text[:1].isalpha():
        return i, j + 1
    return None


# --------------------------------------------------------------------- fixes

def trim_edges(doc: Doc, ent: Entity) -> Entity | None:
    """Drop punctuation at the edges, quotes without their pair inside the span and a
    preposition in front of two words or more ("В Омском педуниверситете" at a sentence start;
    "В Контакте" is a name)."""
    start, end = ent.start, ent.end
    while start < end and (is_space(doc[start]) or not is_word(doc[start]) and not
                           (doc[start].text in OPEN_QUOTES and closes_inside(doc, start, end))
                           or doc[start].pos_ == "ADP" and lower(doc[start]) in LEADING_PREPOSITIONS
                           and end - start > 2):
        start += 1
    while end > start and (is_space(doc[end - 1]) or not is_word(doc[end - 1]) and not
                           (doc[end - 1].text in CLOSE_QUOTES and opens_inside(doc, start, end - 1))):
        end -= 1
    return Entity(start, end, ent.type) if end > start else None


def closes_inside(doc: Doc, open_at: int, end: int) -> bool:
    return any(doc[i].text in CLOSE_QUOTES for i in range(open_at + 1, end))


def opens_inside(doc: Doc, start: int, close_at: int) -> bool:
    return any(doc[i].text in OPEN_QUOTES for i in range(start, close_at))


def split_at_separators(doc: Doc, ent: Entity) -> list[Entity]:
    """"Бахрейн • Барбадос • Бермуды" → three places; no name runs over a line break."""
    parts, start = [], ent.start
    for i in range(ent.start, ent.end):
        text = doc[i].text
        if text in LIST_SEPARATORS or line_break(doc[i]) or (text == "," and ent.type != "ORG"):
            parts.append(Entity(start, i, ent.type))
            start = i + 1
    parts.append(Entity(start, ent.end, ent.type))
    return [p for p in parts if any(is_word(t) for t in doc[p.start:p.end])]


def split_brackets(doc: Doc, ent: Entity) -> list[Entity]:
    """"Комитет защиты журналистов (КЗЖ)" → the name and the bracketed name, each of its own;
    "ПАСЕ (" → "ПАСЕ"."""
    opens = [i for i in range(ent.start, ent.end) if doc[i].text == "("]
    if not opens:
        return [ent]
    first = opens[0]
    parts = [Entity(ent.start, first, ent.type)]
    closing = next((i for i in range(first + 1, ent.end) if doc[i].text == ")"), ent.end)
    inside = Entity(first + 1, closing, ent.type)
    if ent.type == "ORG" and looks_like_name(doc[inside.start:inside.end]):
        parts.append(inside)
    return [p for p in parts if p.end > p.start]


def split_quoted_name(doc: Doc, ent: Entity | None) -> list[Entity]:
    """"ОАО «Газпром»" → "Газпром"; "Русской службе «Голоса Америки»" → both names."""
    if ent is None or ent.type != "ORG":
        return [ent] if ent else []
    tokens = doc[ent.start:ent.end]
    open_at = next((t.i for t in tokens if t.text in OPEN_QUOTES), None)
    if open_at is None or open_at == ent.start:
        return [ent]
    inner_end = next((t.i for t in doc[open_at + 1:ent.end] if t.text in CLOSE_QUOTES), ent.end)
    inner = Entity(open_at + 1, inner_end, "ORG")
    prefix = [t for t in doc[ent.start:open_at] if is_word(t)]
    if all(is_descriptor(t) for t in prefix):
        return [inner]
    return [Entity(ent.start, open_at, "ORG"), inner]


def is_descriptor(token) -> bool:
    return is_legal_form(token.text) or token.lemma_.lower() in NAME_DESCRIPTOR_LEMMAS


def retype(doc: Doc, ent: Entity) -> Entity | None:
    """Known names natasha types wrongly (the EU as LOC, the ISS as ORG); no "СМИ"; no
    leading descriptor before a Latin name ("агентство France-Presse")."""
    tokens = doc[ent.start:ent.end]
    key = lemma_key(tokens)
    if key in FORCED_TYPES:
        return Entity(ent.start, ent.end, FORCED_TYPES[key])
    if ent.type == "ORG" and key and set(key) <= NOT_ORG_LEMMAS:
        return None
    if ent.type == "ORG" and len(tokens) > 1 and tokens[0].lemma_.lower() in LATIN_NAME_DESCRIPTORS \
            and is_latin(tokens[1]):
        return Entity(ent.start + 1, ent.end, ent.type)
    return ent


def extend_org(doc: Doc, ent: Entity) -> Entity:
    if ent.type != "ORG":
        return ent
    start = geo_adjective_start(doc, ent.start)
    end = body_tail_end(doc, ent)
    return Entity(start, end, ent.type)


def geo_adjective_start(doc: Doc, start: int) -> int:
    """"японского МИДа", "российского Минсельхоза": a lower-case adjective of place in front."""
    if start == 0:
        return start
    prev = doc[start - 1]
    lemma = prev.lemma_.lower()
    if prev.pos_ == "ADJ" and prev.text.islower() and lemma.endswith(("ский", "цкий")) \
            and prev.whitespace_:
        return start - 1
    return start


def body_tail_end(doc: Doc, ent: Entity) -> int:
    """Where a body's name ends when "при …" or "по …" goes on with it, also after a place:
    "Совет при Президенте РФ по развитию …", "Бюро США по патентам и товарным знакам"."""
    heads = {t.lemma_.lower() for t in doc[ent.start:ent.end]}
    if not heads & BODY_HEAD_LEMMAS:
        return ent.end
    end = ent.end
    while end - ent.end < MAX_TAIL_TOKENS:
        preposition = place_run_end(doc, end)
        if preposition >= len(doc) or lower(doc[preposition]) not in ("при", "по") \
                or joins_partner(doc, preposition):
            break
        phrase_end = noun_phrase_end(doc, preposition + 1)
        if phrase_end == preposition + 1 or lemma(doc[preposition + 1]) in g.CHAIN_STOP_LEMMAS:
            break
        if lower(doc[preposition]) == "по" and not doc[preposition + 1].text[:1].isupper() \
                and not doc[ent.start].text[:1].isupper():
            break
        end = phrase_end
        if lemma(doc[end - 1]) in g.PO_PLACE_LEMMAS:
            end = place_run_end(doc, end)       # "по Республике Коми", "по городу Майкопу"
    return end


def place_run_end(doc: Doc, i: int) -> int:
    """After at most two place names ("РФ", "России") starting at ``i``."""
    end = i
    while end < len(doc) and end - i < 2 and doc[end].ent_type_ == "LOC":
        end += 1
    return end


def noun_phrase_end(doc: Doc, i: int) -> int:
    """End of the noun phrase at ``i``: a noun group in any case, then its genitive chain."""
    group = noun_group(doc, i)
    return genitive_chain_end(doc, group[1], join_first=True) if group else i


def drop_vehicle_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """No ORG for a craft ("шаттл «Дискавери»", "корабля «Союз ТМА-11»"), nor for the same
    name anywhere else in the text ("после «Дискавери»")."""
    crafts = {doc[i].lemma_.lower() for i in range(1, len(doc))
              if doc[i].text[:1].isupper() and follows_vehicle_noun(doc, i)}
    return [e for e in entities
            if e.type != "ORG" or lemma_key(doc[e.start:e.end])[:1] not in {(c,) for c in crafts}]


def follows_vehicle_noun(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].text in OPEN_QUOTES:
        i -= 1
    return i >= 0 and doc[i].lemma_.lower() in VEHICLE_LEMMAS


def drop_term_abbreviations(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """An abbreviation in brackets after common words names a term, not an organisation:
    "приборно-агрегатного отсека (ПАО)"; none of its mentions is an ORG."""
    owner = {i for e in entities for i in range(e.start, e.end)}
    terms = {doc[i].text for i in range(2, len(doc) - 1)
             if doc[i].text.isupper() and len(doc[i].text) > 1 and doc[i - 1].text == "("
             and doc[i + 1].text == ")" and doc[i - 2].text.islower() and i - 2 not in owner}
    return [e for e in entities if not (e.type == "ORG" and doc[e.start:e.end].text in terms)]


def add_bracketed_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """The other spelling in brackets right after a name is a name of the same type:
    "Джошуа Вольфа (Joshua Wolf)", "Хмельницкой атомной электростанции (ХАЭС)"."""
    taken = {i for e in entities for i in range(e.start, e.end)}
    added = []
    for ent in entities:
        inner = bracketed_after(doc, ent.end)
        if inner is None or taken & set(range(*inner)):
            continue
        words = [t for t in doc[inner[0]:inner[1]] if is_word(t)]
        if not words or not all(t.text[:1].isupper() or not t.text[:1].isalpha() for t in words[:1]):
            continue
        latin = all(is_latin(t) for t in words)
        abbreviation = len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1
        if latin and ent.type in ("PER", "ORG", "LOC") or abbreviation and ent.type == "ORG":
            added.append(Entity(inner[0], inner[1], ent.type))
    return entities + added


def bracketed_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range inside "( … )" that starts right after ``end`` (at most six tokens)."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((i for i in range(end + 1, min(end + 8, len(doc))) if doc[i].text == ")"), None)
    if close is None or close == end + 1:
        return None
    return end + 1, close


def add_repeated_names(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A name found as an ORG once is an ORG wherever else the text repeats it, in any case
    form, also where natasha took a part of it for a place ("Голос Америки")."""
    keys = {lemma_key(doc[e.start:e.end]) for e in entities if e.type == "ORG"}
    keys = {k for k in keys if k and k[-1] not in PLACE_UNIT_LEMMAS}
    if not keys:
        return entities
    first_words = {k[0] for k in keys}
    owner = {i: e for e in entities for i in range(e.start, e.end)}
    added, replaced = [], set()
    i = 0
    while i < len(doc):
        if i in owner and owner[i].type != "LOC" or not doc[i].text[:1].isupper() \
                or doc[i].lemma_.lower() not in first_words:
            i += 1
            continue
        end = longest_key_match(doc, i, keys, owner)
        if end is None:
            i += 1
            continue
        added.append(Entity(i, end, "ORG"))
        replaced |= {owner[j] for j in range(i, end) if j in owner}
        i = end
    return [e for e in entities if e not in replaced] + added


def longest_key_match(doc: Doc, i: int, keys: set[tuple[str, ...]], owner: dict) -> int | None:
    """End of the longest name in ``keys`` at ``i`` that only swallows whole LOC spans."""
    for length in sorted({len(k) for k in keys}, reverse=True):
        end = i + length
        if end > len(doc) or not all(is_word(t) for t in doc[i:end]):
            continue
        inside = {owner[j] for j in range(i, end) if j in owner}
        if inside and length == 1 or any(e.type != "LOC" or e.start < i or e.end > end
                                          for e in inside):
            continue
        if lemma_key(doc[i:end]) in keys:
            return end
    return None


def flat(entities: list[Entity]) -> list[Entity]:
    """Sorted, without overlaps: of two overlapping spans the earlier (then the longer) stays."""
    out: list[Entity] = []
    for ent in sorted(set(entities), key=lambda e: (e.start, -e.end)):
        if out and ent.start < out[-1].end:
            continue
        out.append(ent)
    return out
