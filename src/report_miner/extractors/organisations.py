"""Organisations tied to events: one ``Organisation`` per mention, with role, aliases, evidence.

``find_organisations`` reads four kinds of mention, longer ones first where they overlap:

1. a legal form and its name: ``МАОУ «Лицей № 10» города Советска``, ``ФГБОУ ВО МПГУ``,
   ``ГБОУ средняя общеобразовательная школа №525 … имени … Московского района Санкт-Петербурга``,
   ``АО «Экопэт»`` (nested and unbalanced quotes allowed);
2. an institution head and what names it: a number (``школы № 41``, ``Кемеровских школ №36, №85``
   → one mention per number), a quoted name (``лагерь «Сокол»``), a capitalised or place
   adjective (``Санкт-Петербургском государственном университете``, ``выборгской гимназии``),
   ``имени …``, a genitive complement for bodies and units (``управление образования
   администрации …``, ``кафедра теории и методики …``);
3. university-style abbreviations (``СПбГУ``, ``КНИТУ-КАИ``) and those defined in brackets;
4. natasha's ORG names from ``entities`` that none of the above covers.

Every mention ends with its place tail (``г. Калининграда``, ``Ново-Савинского района города
Казани``, ``городского округа город Уфа Республики Башкортостан``). Its name is the text with
the head's noun group in the nominative (``Инженерно-технологической школы № 777`` →
``Инженерно-технологическая школа № 777``); quoted names and tails stay as written. Aliases hold
the shorter spellings (without legal form or tail, the quoted name, the abbreviation in
brackets). Mentions naming only the source of the news are dropped. The role comes from the
cue words nearest before the mention in its sentence.

``merge_organisations`` folds the mentions of one organisation in one event into one record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..entities import (
    UD_TO_PYMORPHY_CASE, case_of, document_entities, genitive_chain_end, is_adjective, is_word, lemma,
    lower,
)
from ..grammars import organisations as g
from ..morph import PymorphyParse, inflect_word, match_case, parses
from ..nlp import line_break, text_of, unwrap
from ..records import Organisation

MAX_QUOTED_TOKENS = 40
UD_TO_PYMORPHY_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
ROLE_RANK = {"host": 6, "organizer": 5, "member": 4, "partner": 3, "authority": 3,
             "participant": 2, "other": 1}
# a Latin letter inside a Russian word: a typo natasha takes for a name ("Cанкт-Петербурге")
MIXED_SCRIPT_RE = re.compile(r"[A-Za-z][а-яё]|[а-яё][A-Za-z]")
# university-style abbreviations: СПбГУ, ТюмГУ, УГТУ, МПГУ, КНИТУ-КАИ, МФТИ, ЛЭТИ
UNIVERSITY_ABBR_RE = re.compile(
    r"(?:[А-ЯЁ][а-яё]{0,3})?[А-ЯЁ]{0,5}[А-ЯЁ](?:[а-яё][А-ЯЁ]+)?(?:ГУ|ТУ|ПУ|ФУ|ЭУ|АУ|МУ|ИУ|ТИ|ФИ|ГИ)"
    r"(?:-[А-ЯЁ]{2,5})?"
)
NUMBER_SIGNS = frozenset({"№", "N", "No"})


@dataclass
class Mention:
    """One mention: tokens ``[start, end)``, the name and shorter spellings, where its head is."""

    start: int
    end: int
    name: str
    kind: str                     # "legal", "head", "abbreviation", "name"
    head: int | None = None       # token of the head noun (or of the legal form)
    aliases: list[str] = field(default_factory=list)
    role: str = "other"
    group: int | None = None      # mentions of one enumeration share it (and may share a span)


# ============================================================== public API

def find_organisations(doc: Doc) -> list[Organisation]:
    """Every mention of an organisation in the text, one Organisation each, in text order."""
    names = [e for e in document_entities(doc) if e.type == "ORG"]
    mentions = add_free(legal_form_mentions(doc),
                        head_mentions(doc) + abbreviation_mentions(doc) + name_mentions(doc, names))
    mentions = sorted((m for m in mentions if not names_news_source(doc, m)), key=lambda m: m.start)
    abbreviations = {add_bracketed_abbreviation(doc, m) for m in mentions} - {None}
    orgs = []
    for mention in mentions:
        if (mention.start, mention.end) in abbreviations:
            continue
        mention.role = role_of(doc, mention)
        span = (doc[mention.start].idx, token_end_char(doc[mention.end - 1]))
        orgs.append(Organisation(unwrap(mention.name), mention.role,
                                 [unwrap(alias) for alias in unique_aliases(mention)], [span]))
    return complete_cut_name(doc, orgs)


def complete_cut_name(doc: Doc, orgs: list[Organisation]) -> list[Organisation]:
    """A text cut off inside a name ("… директор Подольского колледжа имени Никули") names an
    organisation named in full before: the cut mention takes that full name."""
    last = len(doc) - 1
    while last >= 0 and not is_word(doc[last]):
        last -= 1
    if not orgs or last < 0 or orgs[-1].evidence[-1][1] != token_end_char(doc[last]):
        return orgs
    cut = norm(orgs[-1].name)
    fuller = [o.name for o in orgs[:-1] for n in (norm(o.name), without_adjectives(o.name))
              if n.startswith(cut) and len(n) > len(cut)]
    if len(cut) < 8 or len({norm(n) for n in fuller}) != 1:
        return orgs
    cut_org = orgs[-1]
    completed = Organisation(fuller[0], cut_org.role, dedupe([cut_org.name, *cut_org.aliases]), cut_org.evidence)
    return [*orgs[:-1], completed]


def merge_organisations(orgs: list[Organisation]) -> list[Organisation]:
    """One record per organisation: mentions sharing a spelling, or an abbreviation and the
    full name it abbreviates, are one. The fullest name is the name, the other spellings are
    aliases, the evidence is the union, the role the strongest (host/organizer over member,
    partner and authority, over participant, over other). The inputs are not changed."""
    groups = group_same(orgs)
    merged = []
    for members in groups:
        names = [o.name for o in members]
        name = max(names, key=lambda n: (len(norm(n)), -names.index(n)))
        spellings = [n for o in members for n in [o.name, *o.aliases]]
        aliases = dedupe([s for s in spellings if norm(s) != norm(name)])
        role = max((o.role for o in members), key=lambda r: ROLE_RANK.get(r, 0))
        evidence = sorted({tuple(s) for o in members for s in o.evidence})
        merged.append(Organisation(name, role, aliases, evidence))
    return merged


# ============================================================== token helpers

def head_lemma(token: Token) -> str | None:
    """The institution head this token is ("лагере" → "лагерь" where the lemmatizer says "лагер")."""
    if lemma(token) in g.INSTITUTION_HEAD_LEMMAS:
        return lemma(token)
    return next((p.normal_form for p in parses(token.text.lower())[:4]
                 if p.normal_form in g.INSTITUTION_HEAD_LEMMAS and "NOUN" in p.tag.grammemes), None)


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def is_upper_abbreviation(token: Token) -> bool:
    letters = [ch for ch in token.text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2 and token.text[:1].isupper()


def token_end_char(token: Token) -> int:
    return token.idx + len(token.text)


def span_text(doc: Doc, start: int, end: int) -> str:
    return text_of(doc)[doc[start].idx:token_end_char(doc[end - 1])]


def sentence_end(doc: Doc, i: int) -> int:
    """Index after the last token of the sentence holding token ``i``."""
    return doc[i].sent.end


def sentence_start(doc: Doc, i: int) -> int:
    return doc[i].sent.start


def is_sentence_start(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and (doc[j].pos_ == "SPACE" and "\t" not in doc[j].text and not line_break(doc[j])
                      or doc[j].text in "«\"„“-–—•*("):
        j -= 1
    return j < 0 or doc[i].is_sent_start or doc[j].text in ".!?:>;" or line_break(doc[j]) or "\t" in doc[j].text


def space_before(doc: Doc, i: int) -> bool:
    return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].pos_ == "SPACE"


def space_after(doc: Doc, i: int) -> bool:
    return bool(doc[i].whitespace_) or i + 1 >= len(doc) or doc[i + 1].pos_ == "SPACE"


# ============================================================== quotes and numbers

OPENING = frozenset("«„")
CLOSING = frozenset("»”")
AMBIGUOUS = frozenset("\"“")


def quote_kind(doc: Doc, i: int) -> str | None:
    """"open", "close" or None; a straight quote opens after a space and before a word."""
    text = doc[i].text
    if text in OPENING:
        return "open"
    if text in CLOSING:
        return "close"
    if text in AMBIGUOUS:
        after_word = i + 1 < len(doc) and not space_after(doc, i) and is_word(doc[i + 1])
        return "open" if (space_before(doc, i) or doc[i - 1].text in OPENING | {"("}) and after_word \
            else "close"
    return None


def quoted_end(doc: Doc, i: int) -> int | None:
    """Index after the quote that closes the one opened at ``i``. Nested quotes count; when
    they never balance ("«ЦТРиГО «Перспектива»") the first closing one after a nested name ends it."""
    depth, fallback = 0, None
    limit = min(len(doc), i + MAX_QUOTED_TOKENS, sentence_end(doc, i) + 1)
    for j in range(i, limit):
        kind = quote_kind(doc, j)
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth <= 0:
                return j + 1
            if fallback is None:
                fallback = j + 1
                while fallback < limit and quote_kind(doc, fallback) == "close":
                    fallback += 1
    return fallback


def bare_number_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """``(end, digits)`` of a number written without "№" after a school ("школа 344"), not a
    year nor a count of something ("школы 5 классов")."""
    if i >= len(doc) or not re.fullmatch(r"\d{1,4}", doc[i].text) or int(doc[i].text) >= 1900:
        return None
    if i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "ADJ") and not is_capitalised(doc[i + 1]):
        return None
    return i + 1, doc[i].text


def number_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """``(end, digits)`` of "№ 32", "№32", "N 5" at ``i``."""
    if i < len(doc) and doc[i].text in NUMBER_SIGNS and i + 1 < len(doc) and digits(doc[i + 1]):
        return i + 2, digits(doc[i + 1])
    if i < len(doc) and doc[i].text.startswith("№") and digits(doc[i]):
        return i + 1, digits(doc[i])
    return None


def digits(token: Token) -> str:
    """The (first) number of a token: "32", "№36", "3," and "119,112," (razdel keeps commas)."""
    numbers = numbers_in(token)
    return numbers[0] if numbers else ""


def numbers_in(token: Token) -> list[str]:
    if not re.fullmatch(r"№?\d{1,4}(?:[-/]\d{1,3})?(?:,\d{1,4})*[,.]?", token.text):
        return []
    return re.findall(r"\d{1,4}(?:[-/]\d{1,3})?", token.text)


def enumeration(doc: Doc, i: int) -> list[tuple[int, int, str]]:
    """"№36, №85, №89", "№ 3, 8, 26", "№ 119,112, 140,369" at ``i``: ``(start, end, digits)``
    of each number (the numbers of one token share its span)."""
    first = number_at(doc, i)
    if first is None:
        return []
    j = first[0]
    items = [(i if n == 0 else j - 1, j, number) for n, number in enumerate(numbers_in(doc[j - 1]))]
    while j < len(doc):
        k = j + 1 if doc[j].text in (",", "и") else j if doc[j - 1].text.endswith(",") else None
        if k is None or k >= len(doc):
            break
        sign = number_at(doc, k)
        end = sign[0] if sign else k + 1
        found = numbers_in(doc[end - 1])
        if not found:
            break
        items += [(k, end, number) for number in found]
        j = end
    return items


# ============================================================== tails after a name

def tail_end(doc: Doc, i: int, quotes: bool = True) -> int:
    """After the tails that may follow a name at ``i``, in any order: a number, a quoted name
    (with ``quotes``), "имени …", "с углублённым изучением …", "при …", the abbreviation of the
    organisation it belongs to ("филиал ТюмГУ", "СУНЦ НГУ") and a place. A quote after "имени …"
    is the title of something else: "Дворца творчества им. В.П.Поляничко «Мы – дети твои…»"."""
    while True:
        named = named_after_end(doc, i)
        nxt = (number_end(doc, i) or quotes and quoted_tail_end(doc, i) or named
               or in_depth_end(doc, i) or attached_to_end(doc, i) or owner_end(doc, i)
               or place_end(doc, i) or po_place_end(doc, i))
        if not nxt or nxt <= i:
            return i
        quotes = quotes and not named
        i = nxt


def owner_end(doc: Doc, i: int) -> int | None:
    if i < len(doc) and is_org_abbreviation(doc[i]) and not g.is_legal_form(doc[i].text):
        return i + 1
    return None


def is_org_abbreviation(token: Token) -> bool:
    return is_upper_abbreviation(token) and not is_term_abbreviation(token.text) \
        and token.ent_type_ not in ("LOC", "PER")


def is_term_abbreviation(text: str) -> bool:
    """"ЕГЭ", "СПО", "ВУЗами", "СУЗах": an abbreviation of a thing, with its case ending."""
    stem = re.match(r"[A-ZА-ЯЁ]+", text)
    return text in g.NOT_ORG_ABBREVIATIONS or bool(stem) and stem.group() in g.NOT_ORG_ABBREVIATIONS


def number_end(doc: Doc, i: int) -> int | None:
    found = number_at(doc, i)
    return found[0] if found else None


def quoted_tail_end(doc: Doc, i: int) -> int | None:
    if i < len(doc) and quote_kind(doc, i) == "open":
        return quoted_end(doc, i)
    return None


def named_after_end(doc: Doc, i: int) -> int | None:
    """After "имени Иммануила Канта", "им. И.И.Воровича", "имени дважды Героя Советского Союза
    Г.М.Гречко", "им. Сирина Н.И.", "им. В.И. Ульянова (Ленина)": honorifics, then one person."""
    if i >= len(doc):
        return None
    if lower(doc[i]) == "имени":
        j = i + 1
    elif lower(doc[i]) == "им" and i + 1 < len(doc) and doc[i + 1].text == ".":
        j = i + 2
    else:
        return None
    while j < len(doc) and lower(doc[j]) in g.HONORIFIC_WORDS:
        j += 1
    person_end = initials_end(doc, j)
    if person_end > j:                                   # И.И. Воровича
        person_end = surname_end(doc, person_end, 1)
    else:                                                # Иммануила Канта, Сирина Н.И.
        person_end = surname_end(doc, j, 3)
        if person_end > j:
            person_end = initials_end(doc, person_end)
    if person_end == j and j == i + 1 + (lower(doc[i]) == "им"):
        return None
    if person_end + 2 < len(doc) and doc[person_end].text == "(" and is_capitalised(doc[person_end + 1]) \
            and doc[person_end + 2].text == ")":
        person_end += 3
    return person_end


def initials_end(doc: Doc, j: int) -> int:
    """After initials at ``j``: "И.И.", "Н. И.", "В.П." (a capital letter and a dot, twice at most)."""
    count = 0
    while count < 2 and j + 1 < len(doc) and re.fullmatch(r"[А-ЯЁA-Z]", doc[j].text) and doc[j + 1].text == ".":
        j += 2
        count += 1
    return j


def surname_end(doc: Doc, j: int, most: int) -> int:
    """After at most ``most`` capitalised words at ``j`` in the same sentence."""
    start = j
    while j < len(doc) and j - start < most and is_capitalised(doc[j]) and len(doc[j].text) > 1 \
            and is_word(doc[j]) and not (j > start and doc[j].is_sent_start) \
            and not (doc[j].pos_ == "ADJ" and place_unit_end(doc, j)):
        j += 1
    return j


def in_depth_end(doc: Doc, i: int) -> int | None:
    """"с углублённым изучением английского языка", "… отдельных предметов"."""
    words = [lower(t) for t in doc[i:i + 3]]
    if len(words) < 3 or words[0] != "с" or not words[1].startswith("углубл") or not words[2].startswith("изучени"):
        return None
    return genitive_chain_end(doc, i + 3)


def attached_to_end(doc: Doc, i: int) -> int | None:
    """"при ДГУ", "при УлГТУ": a name attached to another organisation."""
    if i + 1 < len(doc) and lower(doc[i]) == "при" and is_upper_abbreviation(doc[i + 1]):
        return i + 2
    return None


def place_end(doc: Doc, i: int) -> int | None:
    """After one place of a tail: "г. Калининграда", "города Советска", "Красносельского района",
    "Калининградской области", "Республики Башкортостан", "Санкт-Петербурга", ", г.Кемерово"."""
    if i >= len(doc):
        return None
    if doc[i].text == "," and i + 1 < len(doc) and (doc[i + 1].text in g.CITY_WORDS or place_unit_end(doc, i + 1)
                                                    or is_city_in_nominative(doc[i + 1])):
        return place_end(doc, i + 1)
    token = doc[i]
    if token.text in g.CITY_WORDS:
        j = i + 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
        elif len(token.text) == 1:
            return None
        k = j
        while k < len(doc) and is_capitalised(doc[k]) and len(doc[k].text) > 1 and is_word(doc[k]) \
                and k - j < 3 and not (k > j and place_unit_end(doc, k)):
            k += 1
        return k if k > j else None
    unit = place_unit_end(doc, i)
    if unit:
        return unit
    if token.ent_type_ == "LOC" and is_capitalised(token) \
            and (case_of(token) in ("Gen", None) or i > 0 and lemma(doc[i - 1]) == "республика"):
        j = i
        while j < len(doc) and doc[j].ent_type_ == "LOC" and is_word(doc[j]):
            j += 1
        return j
    return None


def po_place_end(doc: Doc, i: int) -> int | None:
    """After "по Тобольскому муниципальному району", "по городу Майкопу", "по Республике Коми",
    "по Санкт-Петербургу": the area a body serves."""
    if i + 1 >= len(doc) or lower(doc[i]) != "по":
        return None
    j = i + 1
    if lemma(doc[j]) == "город" and not is_capitalised(doc[j]):
        end = surname_end(doc, j + 1, 3)
        return end if end > j + 1 else None
    unit = place_unit_end(doc, j)
    if unit and case_of(doc[unit - 1]) == "Dat" and lemma(doc[unit - 1]) in g.PO_PLACE_LEMMAS:
        return unit
    end = j
    while end < len(doc) and doc[end].ent_type_ == "LOC" and is_capitalised(doc[end]) and case_of(doc[end]) == "Dat":
        end += 1
    return end if end > j else None


def is_city_in_nominative(token: Token) -> bool:
    """", Санкт-Петербург" after a name is its place; ", Санкт-Петербурга и …" is a list."""
    return token.ent_type_ == "LOC" and case_of(token) == "Nom" and is_capitalised(token)


def place_unit_end(doc: Doc, i: int) -> int | None:
    """A place unit with its adjectives: "Ханты-Мансийского автономного округа", "Республики
    Дагестан"; a generic one only with the name after it: "городского округа город Уфа",
    "муниципального образования город Ноябрьск"."""
    j = i
    while j < len(doc) and j - i < 3 and (doc[j].pos_ == "ADJ" or "-" in doc[j].text and is_capitalised(doc[j])):
        j += 1
    if j >= len(doc) or not is_place_unit(doc[j]):
        return None
    if any(is_capitalised(t) for t in doc[i:j]):
        return j + 1
    if j == i and not (lemma(doc[j]) == "республика" and is_capitalised(doc[j])):
        return None
    k = j + 1
    if k < len(doc) and doc[k].text in ("город", "г"):
        k += 2 if k + 1 < len(doc) and doc[k + 1].text == "." else 1
    name_end = k
    while name_end < len(doc) and is_capitalised(doc[name_end]) and is_word(doc[name_end]) \
            and doc[name_end].ent_type_ != "PER" and name_end - k < 3:
        name_end += 1
    return name_end if name_end > k else None


def is_place_unit(token: Token) -> bool:
    return lemma(token) in g.PLACE_UNIT_LEMMAS or lower(token) in ("р-на", "р-н")


# ============================================================== 1. legal forms

def legal_form_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    i = 0
    while i < len(doc):
        found = legal_mentions_at(doc, i) if g.is_legal_form(doc[i].text) else []
        found = [m for m in found if not is_shouted(doc, m.start, m.end)]
        if found:
            mentions += [with_unit_in_front(doc, m) for m in found]
            i = found[-1].end
        else:
            i += 1
    return mentions


def legal_mentions_at(doc: Doc, i: int) -> list[Mention]:
    """"МАОУ гимназия № 32 г. Калининграда", "ГБУ ДО «…»", "ФГБОУ ВО МПГУ", "ДОУ № 3, 8, 26"."""
    j = i + 1
    while j < len(doc) and (doc[j].text in g.LEGAL_FORM_TAILS or g.is_legal_form(doc[j].text)):
        j += 1
    prefix_end = j
    j = place_end(doc, j) or j          # "БОУ ДО г. Омска «…»", "МАОУ города Новосибирска «…»"
    if j < len(doc) and quote_kind(doc, j) == "open":
        body_end = quoted_end(doc, j)
        if body_end is None:
            return []
        return [legal_mention(doc, i, prefix_end, None, tail_end(doc, body_end))]
    j = prefix_end
    numbers = enumeration(doc, j)
    if len(numbers) > 1:
        form = span_text(doc, i, prefix_end)
        return [Mention(i if n == 0 else start, end, f"{form} № {number}", "legal", i, [], group=i)
                for n, (start, end, number) in enumerate(numbers)]
    if numbers:
        return [legal_mention(doc, i, prefix_end, None, tail_end(doc, j))]
    head = institution_head_after(doc, j)
    if head is not None:
        end = head_end(doc, head)
        if end == head + 1 and head == j and not is_capitalised(doc[head]):
            return []
        return [legal_mention(doc, i, prefix_end, (j, head + 1), end)]
    if j < len(doc) and is_upper_abbreviation(doc[j]) and not g.is_legal_form(doc[j].text):
        head = institution_head_after(doc, j + 1)          # "МБОУ СОШ Школа будущего"
        end = head_end(doc, head) if head is not None and is_capitalised(doc[j + 1]) else tail_end(doc, j + 1)
        return [legal_mention(doc, i, prefix_end, None, end)]
    return []


def with_unit_in_front(doc: Doc, mention: Mention) -> Mention:
    """"в филиале ФБУ «Рослесозащита»" → "филиал ФБУ «Рослесозащита»"."""
    unit = mention.start - 1
    if unit < 0 or lemma(doc[unit]) not in g.UNIT_HEAD_LEMMAS:
        return mention
    name = nominative_group(doc, unit, unit + 1, "sing") + " " + mention.name
    return Mention(unit, mention.end, name, "legal", mention.head, [mention.name, *mention.aliases])


def institution_head_after(doc: Doc, j: int) -> int | None:
    """The head noun of "средняя общеобразовательная школа", "детского сада", "СОШ" at ``j``."""
    k = j
    while k < len(doc) and doc[k].pos_ == "ADJ" and k - j < 4:
        k += 1
    if k < len(doc) and (head_lemma(doc[k]) or doc[k].text in ("СОШ", "ООШ", "НОШ")):
        return k
    return None


def legal_mention(doc: Doc, start: int, prefix_end: int, head_group: tuple[int, int] | None,
                  end: int) -> Mention:
    name = written_with_nominative(doc, start, end, head_group)
    aliases = [span_text(doc, start, end)]
    core_end = core_end_of(doc, prefix_end, end)
    aliases.append(written_with_nominative(doc, prefix_end, end, head_group))
    aliases.append(written_with_nominative(doc, start, core_end, head_group))
    aliases.append(written_with_nominative(doc, prefix_end, core_end, head_group))
    aliases += quoted_cores(doc, prefix_end, end)
    head = head_group[1] - 1 if head_group else start
    return Mention(start, end, name, "legal", head, [a for a in aliases if a])


def core_end_of(doc: Doc, start: int, end: int) -> int:
    """Where the place tail of a name begins (the name without "г. Калининграда")."""
    i = start
    while i < end:
        quoted = quoted_tail_end(doc, i)
        if quoted:
            i = quoted
            continue
        if place_end(doc, i) and i > start:
            return i
        i += 1
    return end


def quoted_cores(doc: Doc, start: int, end: int) -> list[str]:
    """The names inside the outer quotes between ``start`` and ``end``: "Лицей №10"."""
    cores = []
    i = start
    while i < end:
        if quote_kind(doc, i) == "open":
            close = quoted_end(doc, i) or end
            inner_end = close - 1 if quote_kind(doc, close - 1) == "close" else close
            while inner_end > i + 1 and quote_kind(doc, inner_end - 1) == "close" \
                    and not opens_between(doc, i + 1, inner_end - 1):
                inner_end -= 1
            if inner_end > i + 1:
                cores.append(span_text(doc, i + 1, inner_end))
            i = close
        else:
            i += 1
    return cores


def opens_between(doc: Doc, start: int, end: int) -> bool:
    return any(quote_kind(doc, k) == "open" for k in range(start, end))


# ============================================================== 2. institution heads

def head_mentions(doc: Doc) -> list[Mention]:
    mentions = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        if head_lemma(token):
            mentions += mentions_of_head(doc, token.i)
        elif lemma(token) in g.POSITION_BODIES:
            mentions += body_of_position(doc, token.i)
    return mentions


def mentions_of_head(doc: Doc, head: int) -> list[Mention]:
    start = adjectives_start(doc, head)
    numbers = enumeration(doc, head + 1)
    if len(numbers) > 1:
        return [numbered_mention(doc, start, head, item) for item in numbers]
    numbered = bool(numbers) or has_bare_number(doc, head)
    end = head_end(doc, head)
    coordinated = coordinated_adjective_start(doc, start)
    if coordinated is not None:
        return [single_of_coordinated(doc, adjectives, head, end)
                for adjectives in ((coordinated, start - 1), (start, head))]
    ordinal = ordinal_before(doc, start, head)
    if ordinal is not None:
        return [ordinal_mention(doc, start, head, end, ordinal)]
    if not is_named(doc, start, head, end):
        return []
    name = written_with_nominative(doc, start, end, (start, head + 1))
    aliases = [span_text(doc, start, end), *quoted_cores(doc, head + 1, end)]
    core = core_end_of(doc, head + 1, end)
    if core < end:
        aliases.append(written_with_nominative(doc, start, core, (start, head + 1)))
    if start < head and numbered:
        aliases.append(written_with_nominative(doc, head, core, (head, head + 1)))
    return [Mention(start, end, name, "head", head, aliases)]


def ordinal_before(doc: Doc, start: int, head: int) -> str | None:
    """The number of "63-й гимназии", "239-го физико-математического лицея": a school named by
    an ordinal in city news."""
    if start == 0 or (head_lemma(doc[head]) or "") not in g.NUMBERED_HEAD_LEMMAS \
            or doc[head].morph.get("Number") == ["Plur"]:
        return None
    found = ORDINAL_RE.fullmatch(doc[start - 1].text)
    return found.group(1) if found else None


ORDINAL_RE = re.compile(r"(\d{1,4})-(?:й|я|е|го|му|м|ой|ю|ая|ое|ий|ым|ом)")
ORDINAL_ENDINGS = {"masc": "й", "femn": "я", "neut": "е"}


def ordinal_mention(doc: Doc, start: int, head: int, end: int, number: str) -> Mention:
    """"63-й гимназии" → "63-я гимназия", also "гимназия № 63" (as a numbered school)."""
    ending = ORDINAL_ENDINGS[noun_gender(doc[head].text) or "masc"]
    rest = text_of(doc)[token_end_char(doc[head]):token_end_char(doc[end - 1])]
    name = f"{number}-{ending} {nominative_group(doc, start, head + 1, 'sing')}{rest}"
    numbered = f"{nominative_group(doc, head, head + 1, 'sing')} № {number}"
    return Mention(start - 1, end, name, "head", head, [span_text(doc, start - 1, end), numbered])


def coordinated_adjective_start(doc: Doc, start: int) -> int | None:
    """"Воркутинского и Усинского филиалов": start of the adjectives before "и"."""
    if start < 2 or lower(doc[start - 1]) != "и" or not is_adjective(doc[start - 2]) \
            or not is_capitalised(doc[start]) or not is_capitalised(doc[start - 2]):
        return None
    first = start - 2
    while first > 0 and is_adjective(doc[first - 1]):
        first -= 1
    return first


def single_of_coordinated(doc: Doc, adjectives: tuple[int, int], head: int, end: int) -> Mention:
    """One of "Воркутинского и Усинского филиалов УГТУ": "Воркутинский филиал УГТУ". The first
    one's evidence is its adjectives, so that the two mentions do not overlap."""
    words = [inflect(t.text, {"nomn", "sing", noun_gender(doc[head].text) or "masc"}, set())
             for t in doc[adjectives[0]:adjectives[1]] if t.text != "и"]
    rest = text_of(doc)[doc[head].idx + len(doc[head].text):token_end_char(doc[end - 1])]
    name = " ".join(words + [inflect_head(doc[head].text, {"nomn", "sing"}, set())]) + rest
    span_end = end if adjectives[1] == head else adjectives[1]
    return Mention(adjectives[0], span_end, name, "head", head, [])


def body_of_position(doc: Doc, i: int) -> list[Mention]:
    """"министр образования Иркутской области" → "министерство образования Иркутской области"."""
    end = genitive_chain_end(doc, i + 1, allow_po=True)
    if end == i + 1 or is_capitalised(doc[i + 1]) or doc[i + 1].pos_ not in ("NOUN", "ADJ"):
        return []
    end = tail_end(doc, end, quotes=False)
    body = g.POSITION_BODIES[lemma(doc[i])]
    body = body.capitalize() if is_capitalised(doc[i]) else body
    name = body + text_of(doc)[token_end_char(doc[i]):token_end_char(doc[end - 1])]
    return [Mention(i, end, name, "head", i, [])]


def head_end(doc: Doc, head: int) -> int:
    """End of a head's name: its genitive complement ("по …" for bodies) unless a number, a
    quote or "имени" follows at once, then the tails."""
    end = head + 1
    head_word = head_lemma(doc[head]) or lemma(doc[head])
    if not number_end(doc, end) and not quoted_tail_end(doc, end) and not named_after_end(doc, end):
        end = genitive_chain_end(doc, end, allow_po=head_word in g.PO_HEAD_LEMMAS)
    if has_bare_number(doc, head) and end == head + 1:
        end += 1
    if follows_po_delam(doc, head):     # "по делам несовершеннолетних": a noun the tagger may read as ADJ
        end = words_end(doc, max(end, head + 4), g.JUVENILE_COMMISSION_TAIL)
    return tail_end(doc, end, quotes=head_word not in g.AUTHORITY_HEAD_LEMMAS)


def follows_po_delam(doc: Doc, head: int) -> bool:
    """"комиссия по делам несовершеннолетних", "комитет по делам молодёжи": a body's name."""
    return head + 3 < len(doc) and (lower(doc[head + 1]), lower(doc[head + 2])) == g.PO_DELAM_FORMS


def words_end(doc: Doc, i: int, words: tuple[str, ...]) -> int:
    """After ``words`` (lower case) at ``i``, else ``i``."""
    found = [lower(t) for t in doc[i:i + len(words)] if is_word(t)]
    return i + len(words) if tuple(found) == words else i


def has_bare_number(doc: Doc, head: int) -> bool:
    return (head_lemma(doc[head]) or "") in g.NUMBERED_HEAD_LEMMAS and bare_number_at(doc, head + 1) is not None


def numbered_mention(doc: Doc, start: int, head: int, item: tuple[int, int, str]) -> Mention:
    """One school of "Кемеровских школ №36, №85, №89": "Кемеровская школа № 36"."""
    words = nominative_group(doc, start, head + 1, number="sing")
    number = item[2]
    name = f"{words} № {number}"
    core = f"{nominative_group(doc, head, head + 1, number='sing')} № {number}"
    span_start = start if item[0] == head + 1 else item[0]
    written = span_text(doc, span_start, item[1])
    aliases = [core, written] if re.findall(r"\d+", written) == [number] else [core]
    return Mention(span_start, item[1], name, "head", head, aliases, group=head)


def adjectives_start(doc: Doc, head: int) -> int:
    """Start of the adjectives agreeing with the head ("Санкт-Петербургском государственном")."""
    start = head
    case = UD_TO_PYMORPHY_CASE.get(case_of(doc[head]) or "")
    while start > 0 and is_adjective(doc[start - 1]) and head - start < 5 and can_agree(doc[start - 1], case):
        start -= 1
    return start


def can_agree(adjective: Token, case: str | None) -> bool:
    """Can the adjective stand in ``case`` (UD's tag may pick another reading: "Муниципальное")?"""
    if case is None or UD_TO_PYMORPHY_CASE.get(case_of(adjective) or "") == case:
        return True
    return any(case in p.tag.grammemes for p in parses(adjective.text.lower()))


def is_named(doc: Doc, start: int, head: int, end: int) -> bool:
    """Does something name this head: a number, quotes, "имени", a capital or a place adjective,
    an abbreviation or name after it, or a complement of a body or unit?"""
    head_word = head_lemma(doc[head]) or lemma(doc[head])
    tokens = doc[start:end]
    if inside_title(doc, start):
        return False
    if doc[head].morph.get("Number") == ["Plur"] and not is_capitalised(doc[head]):
        return False        # "профильных факультетов и институтов МГУ": no one organisation
    if head_word == "организация" and start == head and not quote_kind(doc, head + 1) == "open":
        return False        # "организация ЕГЭ", "«Организация проектной деятельности»": organising
    if is_meeting_council(doc, start, head):
        return False
    if any(number_at(doc, t.i) for t in tokens) or any(quote_kind(doc, t.i) == "open" for t in tokens) \
            or has_bare_number(doc, head) and end > head + 1:
        return True
    if start == head and end == head + 1:
        return quote_kind(doc, head - 1) == "open" and head + 1 < len(doc) and quote_kind(doc, head + 1) == "close"
    if head_word in g.BUILDING_HEAD_LEMMAS and end == head + 1:
        return False        # "Генеральский дом", "Центральный парк": a building, a park
    if head_word in g.NAMED_BY_ADJECTIVE_HEAD_LEMMAS and any(
            is_adjective(t) and lemma(t) not in g.NON_NAMING_ADJECTIVE_LEMMAS for t in doc[start:head]):
        return True
    if any(lower(t) in ("имени", "им") for t in doc[head + 1:end]):
        return True
    if follows_po_delam(doc, head) and end > head + 3:
        return True
    own = [t for t in doc[start:head + 1] if not is_sentence_start(doc, t.i)]
    if any(is_capitalised(t) for t in own) and not is_shouted(doc, start, end):
        return True
    if head_word not in g.WEAK_HEAD_LEMMAS and any(is_place_adjective(t) for t in doc[start:head]):
        return True
    if head_word in g.AUTHORITY_HEAD_LEMMAS | g.LEVEL_NAMED_HEAD_LEMMAS \
            and any(lemma(t) in g.LEVEL_ADJECTIVE_LEMMAS for t in doc[start:head]):
        return True
    after = doc[head + 1:end]
    if any(is_upper_abbreviation(t) or t.ent_type_ == "ORG" for t in after):
        return True
    complement = end > head + 1 and any(t.pos_ in ("NOUN", "PROPN") for t in after) \
        and all(parses(t.text.lower())[0].is_known for t in after if t.text.isalpha())
    return complement and head_word in g.AUTHORITY_HEAD_LEMMAS | g.UNIT_HEAD_LEMMAS


def inside_title(doc: Doc, start: int) -> bool:
    """Inside the quoted title of an event or a theme: по теме «Управление качеством …»."""
    for j in range(start - 1, max(-1, start - MAX_QUOTED_TOKENS), -1):
        kind = quote_kind(doc, j)
        if kind == "close" or doc[j].is_sent_start and kind != "open":
            return False
        if kind == "open":
            k = j - 1
            while k >= 0 and not is_word(doc[k]):
                k -= 1
            return k >= 0 and lemma(doc[k]) in g.NON_ORG_DESCRIPTOR_LEMMAS
    return False


def is_shouted(doc: Doc, start: int, end: int) -> bool:
    """A heading in capitals ("ФИНАНСОВАЯ КОМИССИЯ"), not a name."""
    words = [t.text for t in doc[start:end] if t.text.isalpha()]
    return bool(words) and all(w.isupper() for w in words) and any(
        len(w) >= 6 and parses(w.lower())[0].is_known and "Abbr" not in parses(w.lower())[0].tag.grammemes
        for w in words)


def is_place_adjective(token: Token) -> bool:
    """"выборгской", "зареченском": an adjective made from a place name (pymorphy3's Geox)."""
    word = lemma(token)
    if token.pos_ != "ADJ" or not word.endswith(("ский", "цкий")) or word in g.GENERIC_ADJECTIVE_LEMMAS:
        return False
    stem = word[:-4]
    return any("Geox" in p.tag.grammemes for candidate in (stem, stem + "ск", stem + "ь", stem + "а")
               for p in parses(candidate) if p.is_known)


# ============================================================== 3. abbreviations

def abbreviation_mentions(doc: Doc) -> list[Mention]:
    """University-style abbreviations ("СПбГУ", "КНИТУ-КАИ") and any abbreviation with a number
    ("ОДОД № 12", "ДЮСШ № 3", "ЦДТ № 2")."""
    mentions = []
    for token in doc:
        if token.text in g.SCHOOL_ABBREVIATION_GENDERS:
            mentions += school_abbreviation_mentions(doc, token.i)
            continue
        if g.is_legal_form(token.text) or is_term_abbreviation(token.text):
            continue
        if is_upper_abbreviation(token) and number_at(doc, token.i + 1):
            end = tail_end(doc, token.i + 1)
            mentions.append(Mention(token.i, end, span_text(doc, token.i, end), "abbreviation", token.i, []))
        elif UNIVERSITY_ABBR_RE.fullmatch(token.text) and not is_shouted_word(token.text):
            end = tail_end(doc, token.i + 1, quotes=False)
            mentions.append(Mention(token.i, end, span_text(doc, token.i, end), "abbreviation", token.i,
                                    [token.text]))
    return mentions


def school_abbreviation_mentions(doc: Doc, i: int) -> list[Mention]:
    """"СОШ № 5", "(Ибрагимовская СОШ)", "Краснооктябрьской СОШ": a school abbreviation named by
    a number or by a capitalised adjective in front (a plain "СОШ" names no one school)."""
    start = adjectives_start(doc, i)
    if start == i and i > 0 and is_capitalised(doc[i - 1]) and any("ADJF" in p.tag.grammemes
                                                                    for p in parses(lower(doc[i - 1]))):
        start = i - 1       # "Новосимбирская СОШ": the tagger may read the adjective as a name
    named_by_adjective = any(is_capitalised(t) and not is_sentence_start(doc, t.i) or is_place_adjective(t)
                             for t in doc[start:i])
    if not number_at(doc, i + 1) and not named_by_adjective:
        return []
    end = tail_end(doc, i + 1)
    grams = {"nomn", "sing", g.SCHOOL_ABBREVIATION_GENDERS[doc[i].text]}
    adjectives = "".join(inflect(t.text, grams, set()) + t.whitespace_ for t in doc[start:i])
    name = adjectives + span_text(doc, i, end)
    return [Mention(start, end, name, "abbreviation", i, [span_text(doc, start, end)])]


# ============================================================== 4. natasha's names

def name_mentions(doc: Doc, names) -> list[Mention]:
    mentions = []
    for ent in names:
        ent_start = work_area_skipped(doc, ent.start, ent.end)
        ent_end = before_initials(doc, ent_start, ent.end)
        while ent_end > ent_start + 1 and is_adjective(doc[ent_end - 1]) and doc[ent_end - 1].text.islower():
            ent_end -= 1
        if ent_start >= ent_end or is_event_or_thing(doc, ent_start, ent_end) \
                or not is_org_name(doc, ent_start, ent_end) or doc[ent_end - 1].text in g.SCHOOL_ABBREVIATION_GENDERS \
                and school_abbreviation_mentions(doc, ent_end - 1):
            continue        # "Краснооктябрьской СОШ" is read by school_abbreviation_mentions
        start = descriptor_start(doc, plural_head_skipped(doc, ent_start, ent_end))
        end = tail_end(doc, closing_quote_end(doc, ent.start, ent_end), quotes=False)
        head_group = first_noun_group(doc, start, end)
        name = written_with_nominative(doc, start, end, head_group)
        aliases = [span_text(doc, start, end), span_text(doc, ent_start, ent_end)]
        if g.is_legal_form(doc[start].text) and end > start + 1:
            aliases.append(span_text(doc, start + 1, end))      # "МБОУДОД ДПШ" → "ДПШ"
        if start < ent_start or quote_kind(doc, ent_start - 1) == "open":
            aliases.append(written_with_nominative(doc, ent_start, ent_end, first_noun_group(doc, ent_start, ent_end)))
        mentions.append(Mention(start, end, name, "name", head_group[1] - 1 if head_group else None, aliases))
    return mentions


def work_area_skipped(doc: Doc, start: int, end: int) -> int:
    """"(методист по) ВР РМЦ УО" names РМЦ УО: "ВР" after "по" is an area of work."""
    while start < end and doc[start].text in g.WORK_AREA_ABBREVIATIONS and start > 0 \
            and lower(doc[start - 1]) == "по":
        start += 1
    return start


def before_initials(doc: Doc, start: int, end: int) -> int:
    """"Отдела образования Т.А. Леонова": a name natasha ran on into the initials of a person."""
    for j in range(start + 1, end):
        if initials_end(doc, j) > j:
            return j
    return end


def plural_head_skipped(doc: Doc, start: int, end: int) -> int:
    """"институтов МГУ им. Н. П. Огарева" names МГУ: skip a lower-case plural head in front."""
    group = first_noun_group(doc, start, end)
    if group and group[1] < end and doc[group[1] - 1].morph.get("Number") == ["Plur"] \
            and not any(is_capitalised(t) for t in doc[group[0]:group[1]]):
        return group[1]
    return start


def is_org_name(doc: Doc, start: int, end: int) -> bool:
    """Not a lone adjective ("Всероссийское"), a hashtag, a social network, a word of the
    language at the start of a line ("Фото"), an abbreviation of a term, a generic body."""
    tokens = [t for t in doc[start:end] if is_word(t)]
    if not tokens or all(t.pos_ == "ADJ" for t in tokens):
        return False
    text = span_text(doc, start, end)
    if g.WEB_DOMAIN_RE.match(text_of(doc)[token_end_char(doc[end - 1]):token_end_char(doc[end - 1]) + 8]):
        return False        # "Schools.by": a site
    if "_" in text or text.startswith("#") or lower(tokens[0]) in g.NOT_ORG_NAMES \
            or is_term_abbreviation(text) or "\t" in text or any(line_break(t) for t in doc[start:end]) \
            or g.WEB_DOMAIN_RE.search(text):
        return False
    if all(g.is_legal_form(t.text) or t.text in g.LEGAL_FORM_TAILS for t in tokens):
        return False
    if not any(sum(ch.isalpha() for ch in t.text) >= 2 for t in tokens) or is_shouted(doc, start, end):
        return False
    if MIXED_SCRIPT_RE.search(text) or lemma(tokens[-1]) in g.PLACE_UNIT_LEMMAS:
        return False
    if names_study_group(doc, start) or len(tokens) == 1 and is_shouted_word(tokens[0].text):
        return False
    quoted = start > 0 and quote_kind(doc, start - 1) == "open"
    if len(tokens) == 1 and (is_common_word(tokens[0]) or is_place_name(tokens[0]) and not quoted):
        return False
    group = first_noun_group(doc, start, end)
    if group and (is_building_or_landmark(doc, group[1] - 1, end) or is_meeting_council(doc, group[0], group[1] - 1)):
        return False
    head = next((t for t in tokens if lemma(t) in g.INSTITUTION_HEAD_LEMMAS), None)
    if head is not None and not any(is_capitalised(t) or not t.text.isalpha() for t in tokens):
        return is_named(doc, adjectives_start(doc, head.i), head.i, end)
    return True


def is_meeting_council(doc: Doc, start: int, head: int) -> bool:
    """"Педагогический совет по итогам полугодия": a meeting, not a body."""
    return lemma(doc[head]) == "совет" and any(lemma(t) in g.MEETING_COUNCIL_ADJECTIVE_LEMMAS
                                              for t in doc[start:head])


def names_study_group(doc: Doc, start: int) -> bool:
    """"группы ПСО 21-4", "группа ТЭ 20-1": the code of a group of students."""
    before = start - 1
    while before >= 0 and not is_word(doc[before]):
        before -= 1
    return before >= 0 and is_upper_abbreviation(doc[start]) and doc[before].text.islower() \
        and lemma(doc[before]) in g.STUDY_GROUP_LEMMAS


def is_shouted_word(word: str) -> bool:
    """"ОБЛАСТИ" in a heading in capitals: a word of the language, not an abbreviation."""
    if not word.isupper() or len(word) < 5:
        return False
    best = parses(word.lower())[0]
    return best.is_known and "Abbr" not in best.tag.grammemes


def is_building_or_landmark(doc: Doc, noun: int, end: int) -> bool:
    """"Сквер Победы", "Свято-Михайловский собор", "Генеральский дом" (a building's head last)."""
    word = lemma(doc[noun])
    return word in g.LANDMARK_HEAD_LEMMAS or word in g.BUILDING_HEAD_LEMMAS and noun == end - 1


def is_common_word(token: Token) -> bool:
    """A capitalised word that is just a word of the language ("Фото", "Союз"), or two joined
    by a hyphen ("Блиц-опрос")."""
    if not is_capitalised(token) or token.text.isupper():
        return False
    word = token.text.lower()
    return is_plain_word(word) or "-" in word and all(is_plain_word(part) for part in word.split("-"))


def is_plain_word(word: str) -> bool:
    found = parses(word)
    return bool(found) and found[0].is_known and not any(
        {"Orgn", "Geox", "Name", "Surn", "Abbr", "Trad"} & p.tag.grammemes for p in found)


def is_place_name(token: Token) -> bool:
    """A lone town or region natasha took for an organisation ("Тюмень" in a site's header)."""
    found = parses(token.text.lower())
    return bool(found) and found[0].is_known and "Geox" in found[0].tag.grammemes \
        and not any("Orgn" in p.tag.grammemes for p in found)


def closing_quote_end(doc: Doc, start: int, end: int) -> int:
    """After the closing quote of a name that natasha took without it ("«Роскосмос")."""
    if start > 0 and quote_kind(doc, start - 1) == "open" and end < len(doc) and quote_kind(doc, end) == "close":
        return end + 1
    return end


def descriptor_start(doc: Doc, start: int) -> int:
    """"фонда «Талант и Успех»", "ГК «Роскосмос»": the descriptor before a quoted name."""
    if start >= 2 and quote_kind(doc, start - 1) == "open":
        prev = doc[start - 2]
        if g.is_legal_form(prev.text) or lemma(prev) in g.NAME_DESCRIPTOR_LEMMAS | g.INSTITUTION_HEAD_LEMMAS:
            return adjectives_start(doc, start - 2)
        return start - 1
    return start


def is_event_or_thing(doc: Doc, start: int, end: int) -> bool:
    """An event's or a project's name: "Всероссийской олимпиады", конкурс «Лидеры Отрасли»,
    программа Минсельхоза РФ "Агросмена" (the noun before the quote and the names after it)."""
    if any(set(lemma(t).split("-")) & g.EVENT_HEAD_LEMMAS for t in doc[start:end]):
        return True
    j = start - 1
    if j < 0 or quote_kind(doc, j) != "open":
        return False
    j -= 1
    while j >= 0 and start - j < 8:
        if lemma(doc[j]) in g.NON_ORG_DESCRIPTOR_LEMMAS:
            return True
        if not (doc[j].ent_type_ in ("ORG", "LOC") or not is_word(doc[j])
                or case_of(doc[j]) == "Gen" and doc[j].text.islower()):
            return False
        j -= 1
    return False


def first_noun_group(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    j = start
    while j < end and doc[j].pos_ == "ADJ":
        j += 1
    if j < end and doc[j].pos_ in ("NOUN", "PROPN") and is_word(doc[j]):
        return start, j + 1
    return None


# ============================================================== overlaps and filters

def add_free(mentions: list[Mention], more: list[Mention]) -> list[Mention]:
    """``mentions`` and those of ``more`` that overlap none of them, longest first; the mentions
    of one enumeration go in or stay out together."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    blocks: dict[object, list[Mention]] = {}
    for n, mention in enumerate(more):
        blocks.setdefault(mention.group if mention.group is not None else ("single", n), []).append(mention)
    for block in sorted(blocks.values(), key=lambda b: (min(m.start for m in b) - max(m.end for m in b),
                                                        min(m.start for m in b))):
        span = {i for m in block for i in range(m.start, m.end)}
        if span & taken:
            continue
        out += block
        taken |= span
    return out


def names_news_source(doc: Doc, mention: Mention) -> bool:
    """Named only as the source of the news or a title: "/ТАСС/", "сообщили ТАСС", "рассказали в
    министерстве …", "по информации комитета …", "пресс-служба администрации …", "академик
    РАН", or in the page's metadata ("Фото: …/Министерство образования МО")."""
    words = {lemma(t) for t in doc[mention.start:mention.end] if is_word(t)}
    if words & g.NEWS_SOURCE_LEMMAS and mention.kind in ("name", "abbreviation", "legal"):
        return True
    if after_metadata_label(doc, mention.start) or followed_by_source_verb(doc, mention.end):
        return True
    before = [t for t in doc[max(0, mention.start - 4):mention.start] if is_word(t)]
    if len(before) >= 2 and lower(before[-2]) == "по" and lower(before[-1]) in g.SOURCE_NOUN_FORMS:
        return True
    while before and (lower(before[-1]) in ("в", "во", "у", "из", "данным", "информации", "по")
                      or lemma(before[-1]) in g.MEDIA_LEMMAS):    # "корреспонденту агентства «…»"
        before.pop()
    return bool(before) and lemma(before[-1]) in g.SOURCE_CONTEXT_LEMMAS | g.TITLE_LEMMAS


def followed_by_source_verb(doc: Doc, end: int) -> bool:
    """"«КП-Омск» писала, что …", "ТАСС сообщает": the name is the subject of a report (the verb
    right after it; "артистов краевого театра, сообщает корреспондент" is another clause)."""
    return end < len(doc) and doc[end].pos_ == "VERB" and lemma(doc[end]) in g.SOURCE_VERB_AFTER_LEMMAS


def after_metadata_label(doc: Doc, start: int) -> bool:
    """Is there a label with a colon ("Фото:", "Источник:", "Категория:") before ``start`` on
    its line? A caption ("На фото: начальник отдела образования …") is no label. The scan stops
    at the line's start."""
    for j in range(start - 1, 0, -1):
        token = doc[j]
        if "\n" in token.text:
            return False
        if token.text == ":" and lower(doc[j - 1]) in g.METADATA_LABELS \
                and not (j > 1 and doc[j - 2].pos_ == "ADP"):
            return True
    return False


# ============================================================== names in the nominative

def written_with_nominative(doc: Doc, start: int, end: int, group: tuple[int, int] | None) -> str:
    """The text of ``[start, end)`` with the noun group ``group`` put into the nominative."""
    if group is None or not (start <= group[0] < group[1] <= end) or case_of(doc[group[1] - 1]) in ("Nom", None):
        return span_text(doc, start, end)
    number = "plur" if doc[group[1] - 1].morph.get("Number") == ["Plur"] else "sing"
    before = text_of(doc)[doc[start].idx:doc[group[0]].idx]
    after = text_of(doc)[token_end_char(doc[group[1] - 1]):token_end_char(doc[end - 1])]
    return before + nominative_group(doc, group[0], group[1], number) + after


def nominative_group(doc: Doc, start: int, end: int, number: str) -> str:
    """Adjectives and their head noun ``[start, end)`` in the nominative, agreeing with the head."""
    head = doc[end - 1]
    case = UD_TO_PYMORPHY_CASE.get(case_of(head) or "", None)
    prefer = {case} if case else set()
    head_form = inflect_head(head.text, {"nomn", number}, prefer)
    grams = {"nomn", number}
    gender = noun_gender(head.text) or UD_TO_PYMORPHY_GENDER.get((head.morph.get("Gender") or [""])[0])
    if number == "sing" and gender:
        grams.add(gender)
    words = [inflect(t.text, grams, prefer) if t.pos_ == "ADJ" else t.text for t in doc[start:end - 1]]
    out = ""
    for token, word in zip(doc[start:end - 1], words):
        out += word + token.whitespace_
    return out + head_form


def noun_gender(word: str) -> str | None:
    """The gender of a noun by pymorphy3, an institution reading first ("госуниверситете": masc);
    of a school abbreviation, the gender of its word ("СОШ": школа)."""
    if word in g.SCHOOL_ABBREVIATION_GENDERS:
        return g.SCHOOL_ABBREVIATION_GENDERS[word]
    nouns = [p for p in parses(word.lower()) if "NOUN" in p.tag.grammemes]
    nouns.sort(key=lambda p: p.normal_form not in g.INSTITUTION_HEAD_LEMMAS)
    return next((gr for p in nouns[:1] for gr in ("masc", "femn", "neut") if gr in p.tag.grammemes), None)


def inflect_head(word: str, grams: set[str], prefer: set[str]) -> str:
    """The head noun in ``grams``, read as the institution word where pymorphy3 has doubts
    ("лагере" is "лагерь", not "лагер")."""
    heads = [p for p in parses(word.lower()) if p.normal_form in g.INSTITUTION_HEAD_LEMMAS]
    for parse in sorted(heads, key=lambda p: not prefer <= p.tag.grammemes):
        form = PymorphyParse.inflect(parse, grams)
        if form is not None:
            return match_case(form.word, word)
    return inflect(word, grams, prefer)


def inflect(word: str, grams: set[str], prefer: set[str]) -> str:
    """``word`` in ``grams``, with each hyphen part keeping its capitals ("Санкт-Петербургский")."""
    if not re.search(r"[а-яё]", word, re.IGNORECASE) or sum(ch.isupper() for ch in word) > 1 \
            and "-" not in word:
        return word
    form = inflect_word(word, grams, prefer=prefer)
    parts, like = form.split("-"), word.split("-")
    if len(parts) == len(like):
        form = "-".join(p[:1].upper() + p[1:] if l[:1].isupper() else p for p, l in zip(parts, like))
    return form


# ============================================================== aliases and roles

def add_bracketed_abbreviation(doc: Doc, mention: Mention) -> tuple[int, int] | None:
    """"Балтийский федеральный университет имени Иммануила Канта (БФУ)": БФУ is an alias, not a
    mention of its own; its token span is returned."""
    end = mention.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and is_upper_abbreviation(doc[end + 1]):
        mention.aliases.append(doc[end + 1].text)
        return end + 1, end + 2
    return None


def unique_aliases(mention: Mention) -> list[str]:
    aliases = [unquoted(a.strip(" ,;:")) for a in mention.aliases]
    return [a for a in dedupe(aliases) if norm(a) != norm(mention.name)]


def unquoted(name: str) -> str:
    """A name wholly in quotes without them: «Гимназия №10» → Гимназия №10; the outer quote only
    of «ЦТРиГО «Перспектива»."""
    if len(name) < 3 or name[0] not in OPENING | AMBIGUOUS or name[-1] not in CLOSING | AMBIGUOUS:
        return name
    opens = sum(name.count(q) for q in OPENING) + name.count('"') // 2
    closes = sum(name.count(q) for q in CLOSING) + (name.count('"') + 1) // 2
    return name[1:-1] if opens == closes else name[1:]


def role_of(doc: Doc, mention: Mention) -> str:
    """The role from the nearest cue before the mention in its sentence, else from its head."""
    head_word = lemma(doc[mention.head]) if mention.head is not None else ""
    head_word = g.POSITION_BODIES.get(head_word, head_word)
    authority = head_word in g.AUTHORITY_HEAD_LEMMAS
    if is_host_place(doc, mention):
        return "host"
    cue = nearest_cue(doc, mention)
    if cue == "participant" and authority and after_head_of_body(doc, mention.start):
        return "authority"
    if cue:
        return cue
    return "authority" if authority else "other"


def after_head_of_body(doc: Doc, start: int) -> bool:
    """"начальник отдела образования", "заместитель министра …": a body named by its official."""
    before = [t for t in doc[max(0, start - 2):start] if is_word(t)]
    return any(lemma(t) in g.BODY_OFFICIAL_LEMMAS for t in before) or lemma(doc[start]) in g.POSITION_BODIES


def is_host_place(doc: Doc, mention: Mention) -> bool:
    """"на базе X", "в стенах X", "на площадке X"; "в X состоялось/прошло …"."""
    before = [t for t in doc[max(0, mention.start - 4):mention.start] if is_word(t)]
    if before and lemma(before[-1]) in g.HOST_PLACE_LEMMAS \
            and any(lower(t) in ("в", "во", "на") for t in before[:-1]):
        return True
    if not before or lower(before[-1]) not in ("в", "во", "на"):
        return False
    head = doc[mention.head] if mention.head is not None else doc[mention.start]
    if case_of(head) not in ("Loc", None) and not is_upper_abbreviation(head):
        return False
    sentence = doc[sentence_start(doc, mention.start):sentence_end(doc, mention.start)]
    return any(lemma(t) in g.HAPPEN_VERB_LEMMAS for t in sentence)


def nearest_cue(doc: Doc, mention: Mention) -> str | None:
    """The role of the cue word nearest before the mention in its sentence (or just after it:
    "Академия … провела")."""
    first = sentence_start(doc, mention.start)
    for i in range(mention.start - 1, first - 1, -1):
        role = cue_role(doc, i)
        if role:
            return role
    last = min(sentence_end(doc, mention.start), mention.end + 3)
    for i in range(mention.end, last):
        if lemma(doc[i]) in g.ORGANIZER_LEMMAS:
            return "organizer"
    return None


def cue_role(doc: Doc, i: int) -> str | None:
    word = lemma(doc[i])
    prev = lemma(doc[i - 1]) if i > 0 else ""
    if word == "база" and prev == "на" or word in ("стена", "площадка") and prev in ("в", "на"):
        return "host"
    if word in ("поддержка", "содействие") and prev == "при" or word in g.PARTNER_LEMMAS:
        return "partner"
    if word in g.ORGANIZER_LEMMAS or word == "организация" and prev == "при":
        return "organizer"
    if word in ("вступить", "присоединиться") or word in ("участник", "член") and prev == "новый" \
            or word == "состав" and prev == "в" and any(lemma(t) in g.JOIN_VERB_LEMMAS for t in doc[max(0, i - 3):i + 4]):
        return "member"
    if word in g.PARTICIPANT_LEMMAS:
        return "participant"
    return None


# ============================================================== merging

def norm(text: str) -> str:
    """Lower case, ё → е, no quotes or punctuation, "№ 5" → "№5" (as the scorer compares)."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[«»\"'“”„‘’`]", " ", text)
    text = re.sub(r"№\s*", "№", text)
    text = re.sub(r"[^\w№\- ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        key = norm(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def group_same(orgs: list[Organisation]) -> list[list[Organisation]]:
    """Groups of mentions of one organisation (union of shared spellings and abbreviations)."""
    parent = list(range(len(orgs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for i, org in enumerate(orgs):
        for key in merge_keys(org):
            if key in by_key:
                parent[find(i)] = find(by_key[key])
            else:
                by_key[key] = i
    for i, org in enumerate(orgs):
        for j, other in enumerate(orgs):
            if i != j and find(i) != find(j) and abbreviates(org, other):
                parent[find(i)] = find(j)
    for i, j in bare_re_mentions(orgs):
        parent[find(i)] = find(j)
    groups: dict[int, list[Organisation]] = {}
    for i, org in enumerate(orgs):
        groups.setdefault(find(i), []).append(org)
    return list(groups.values())


# "Краснооктябрьская СОШ" is "Краснооктябрьская школа" (keys are normalised: lower case)
SCHOOL_ABBREVIATION_RE = re.compile(r"(?<=ая )(?:сош|оош|нош|сш)\b")


def merge_keys(org: Organisation) -> set[str]:
    """Spellings that make two mentions one: each spelling normalised, also without the
    country ("Минсельхоз России" = "Минсельхоз РФ"), and the kind and number of a numbered
    school or kindergarten ("ГБДОУ детский сад № 32" = "ДОУ № 32", "СОШ №17" = "школа №17"), a
    school's abbreviation after its adjective as "школа"."""
    keys = set()
    for spelling in [org.name, *org.aliases]:
        key = re.sub(r"\bимени\b", "им", norm(spelling))
        keys.add(key)
        keys.add(COUNTRY_TAIL_RE.sub("", key))
        numbered = numbered_key(key)
        if numbered:
            keys.add(numbered)
        keys.add(SCHOOL_ABBREVIATION_RE.sub("школа", key))
    keys.discard("")
    return keys


def bare_re_mentions(orgs: list[Organisation]) -> list[tuple[int, int]]:
    """``(i, j)``: ``orgs[i]`` names ``orgs[j]`` again without its adjectives ("Дворец творчества
    детей и молодежи" after "Оренбургский областной Дворец творчества детей и молодежи"). Only
    where one full name fits: "Дом культуры" beside a "районный" and a "сельский" one stays apart."""
    fuller: dict[str, set[str]] = {}
    where: dict[str, int] = {}
    for j, org in enumerate(orgs):
        core = without_adjectives(org.name)
        if core != norm(org.name) and len(core.split()) >= 2:
            fuller.setdefault(core, set()).add(norm(org.name))
            where.setdefault(core, j)
    return [(i, where[norm(org.name)]) for i, org in enumerate(orgs)
            if len(fuller.get(norm(org.name), ())) == 1]


def without_adjectives(name: str) -> str:
    """The normalised name without the adjectives in front of its head noun."""
    words = norm(name).split()
    k = 0
    while k < len(words) - 1 and is_adjective_word(words[k]):
        k += 1
    return " ".join(words[k:])


def is_adjective_word(word: str) -> bool:
    found = parses(word)
    return bool(found) and "ADJF" in found[0].tag.grammemes


COUNTRY_TAIL_RE = re.compile(r" (россии|рф|российской федерации)$")
INSTITUTION_KINDS = (
    ("доу", r"доу|детский сад|детского сада|детском саду"),
    ("школа", r"сош|оош|школа|школы|школе|средняя общеобразовательная школа"),
    ("гимназия", r"гимназия|гимназии"),
    ("лицей", r"лицей|лицея|лицее"),
    ("колледж", r"колледж|колледжа"),
)


def numbered_key(key: str) -> str | None:
    """"kind#number" of "гбдоу детский сад №32", "мбоу сош №17" (the first kind named wins)."""
    number = re.search(r"№(\d+)", key)
    if not number or key[number.end():].strip():
        return None
    before = key[:number.start()]
    for kind, pattern in INSTITUTION_KINDS:
        if re.search(rf"(^|[^\w])({pattern})\s*$", before.strip() + " ") or re.search(rf"\b({pattern})\s*$", before.strip()):
            return f"{kind}#{number.group(1)}"
    return None


def abbreviates(short: Organisation, full: Organisation) -> bool:
    """Is one spelling of ``short`` an abbreviation of a spelling of ``full`` (СПбГУ of
    Санкт-Петербургский государственный университет, ТюмГУ, ДОННУЭТ)?"""
    for abbreviated in [short.name, *short.aliases]:
        head, abbreviation = split_abbreviation(NAMED_AFTER_TAIL_RE.sub("", abbreviated))
        if not abbreviation:
            continue
        for spelling in [full.name, *full.aliases]:
            if head and not spelling.lower().startswith(head.lower() + " "):
                continue
            rest = spelling[len(head):].strip() if head else spelling
            if len(rest) > len(abbreviation) + 3 and is_acronym(abbreviation, rest):
                return True
    return False


# "им. В.П.Поляничко" after an abbreviation: "ООДТДМ им.В.П.Поляничко" abbreviates the name before it
NAMED_AFTER_TAIL_RE = re.compile(r"\s+(?:им\.|имени\s).*$")


def split_abbreviation(spelling: str) -> tuple[str, str]:
    """("", "СПбГУ") of "СПбГУ", ("факультет", "КНиИТ") of "факультет КНиИТ", ("", "") otherwise."""
    match = re.fullmatch(r"(?:([а-яё]+) )?([А-ЯЁ][А-ЯЁа-яё]{1,9})", spelling)
    if not match or sum(ch.isupper() for ch in match.group(2)) < 2:
        return "", ""
    return match.group(1) or "", match.group(2)


STOP_WORDS = frozenset({"и", "по", "при", "в", "на", "для", "с", "of", "and"})


def is_acronym(abbreviation: str, name: str) -> bool:
    """Each word of the name (up to "имени" or a quote) gives the next one to four letters."""
    words = []
    for word in re.findall(r"[А-ЯЁа-яё]+", name.split("имени")[0].split(" им.")[0]):
        if word.lower() in STOP_WORDS:
            continue
        if re.match(r"(гос|пед|мед)(университет|академи|институт)", word.lower()):   # госуниверситет
            words += [word[:3], word[3:]]
        else:
            words.append(word)
    return bool(words) and consumes(abbreviation.lower(), [w.lower() for w in words])


def consumes(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters:
        return False
    word = words[0]
    if letters[0] != word[0]:
        return False
    taken = 1
    if consumes(letters[1:], words[1:]):
        return True
    position = 1
    while taken < 3 and taken < len(letters):
        position = word.find(letters[taken], position)
        if position < 0:
            return False
        taken += 1
        position += 1
        if consumes(letters[taken:], words[1:]):
            return True
    return False
