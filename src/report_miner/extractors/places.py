"""Where and how an event took place: the city (nominative) and the format (online/offline/hybrid).

Locations come from natasha's LOC spans, from names after a settlement word ("г. Шахты",
"в селе Сулейманово") and from city adjectives ("Казанский федеральный университет" → Казань).
Each mention is put in the nominative with pymorphy3 and gets a ``kind``, in the order the
events step should prefer them:

* "place": written as the place of something ("в Казани", "в г. Советске", "под Калугой");
* "org": inside an organisation's name ("гимназия № 32 г. Калининграда");
* "adjective": a city adjective ("Петербургский образовательный форум");
* "region": a region, whatever the syntax ("в Калининградской области", "Саргатском районе");
* "other": named in passing ("юбилей Томска");
* "origin": where participants came from ("из 22 регионов", "школьники из Уфы") — never the place;
* "dateline": a news agency's "УФА, 5 мая. /ТАСС/" — not the place by itself.

``cue`` holds the words that made the kind ("в", "в г.", "из", "на базе", ...), and ``venue``
says whether they mark the name as where something is held: a city adjective or an
organisation's town after "на базе" is as good as "в Казани", one in a speaker's position is
not. Countries and parts of the world are no locations (SCHEMA: a city, or a region) and are
left out.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..grammars import places as g
from ..morph import PymorphyParse, parses
from ..nlp import text_of


@dataclass
class LocationMention:
    name: str              # nominative: "Калининград"
    span: tuple[int, int]
    kind: str              # "place", "org", "adjective", "region", "other", "origin", "dateline"
    cue: str | None = None
    # the words around mark it as where something is held: "в Казани", "на базе … г. Калининграда",
    # "в МБОУ «Гимназия №10» г. Шахты", "в Московском дворце пионеров"
    venue: bool = False


@dataclass
class FormatMention:
    format: str            # "online" | "offline" | "hybrid"
    span: tuple[int, int]
    cue: str | None = None  # the words as written: "в режиме видеоконференцсвязи"


CASE_GRAMMEMES = {
    "Nom": {"nomn"}, "Gen": {"gent", "gen1", "gen2"}, "Dat": {"datv"}, "Acc": {"accs", "acc2"},
    "Ins": {"ablt"}, "Loc": {"loct", "loc1", "loc2"},
}
LATIN_LOOKALIKES = str.maketrans("ACEHKMOPTXaceopxy", "АСЕНКМОРТХасеорху")


# ---------- locations ----------

def find_locations(doc: Doc) -> list[LocationMention]:
    candidates = place_name_spans(doc)
    mentions = []
    for span in candidates:
        mention = location_of_span(doc, span)
        if mention is not None:
            mentions.append(mention)
    mentions += adjective_mentions(doc, candidates)
    mentions += dateline_mentions(doc)
    mentions.sort(key=lambda m: m.span)
    inherit_along_lists(text_of(doc), mentions)
    for mention in mentions:
        mention.venue = mention.kind not in ("origin", "dateline", "other") and is_venue_cue(mention.cue)
    return mentions


def is_venue_cue(cue: str | None) -> bool:
    return bool(cue) and (g.HOST_CUES_RE.fullmatch(cue) is not None or cue.split()[0] in g.PLACE_PREPOSITIONS)


def place_name_spans(doc: Doc) -> list[Span]:
    """natasha's LOC spans, plus names after settlement words ("г. Заречный") and known Geox
    nouns after "в" that natasha missed."""
    spans = [ent for ent in doc.ents if ent.label_ == "LOC"]
    covered = {i for span in spans for i in range(span.start, span.end)}
    for token in doc:
        if token.i in covered or not is_capitalised(token):
            continue
        before = previous_word(doc, token.i)
        if before is None:
            continue
        end = glued_end(doc, token.i)
        word = doc[token.i:end].text
        after_settlement = settlement_word_before(doc, token.i) is not None
        after_place_word = preposition(before) in g.PLACE_PREPOSITIONS and is_geox(word, known_only=True)
        if after_settlement or after_place_word:
            end = name_end(doc, token.i, end)
            spans.append(doc[token.i:end])
            covered.update(range(token.i, end))
    return spans


def glued_end(doc: Doc, start: int) -> int:
    """A word razdel cut where Latin look-alike letters meet Cyrillic ones ("Cанкт-Петербурге"
    with a Latin C) runs on over the tokens with no space between them."""
    end = start + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].pos_ not in ("PUNCT", "SPACE") \
            and has_mixed_script(doc[start:end + 1].text):
        end += 1
    return end


def name_end(doc: Doc, start: int, end: int) -> int:
    """A settlement name may have two words: "Нижний Новгород", "Старый Оскол"."""
    nxt = next_word(doc, end - 1)
    if nxt is not None and is_capitalised(nxt) and is_geox(nxt.text, known_only=True) and doc[start].pos_ == "ADJ":
        end = nxt.i + 1
    return end


def location_of_span(doc: Doc, span: Span) -> LocationMention | None:
    lemmas = [t.lemma_.lower() for t in span if t.pos_ != "PUNCT"]
    if not lemmas or any(lemma in g.NOT_A_LOCATION_LEMMAS for lemma in lemmas):
        return None
    if is_surname_of_named_person(doc, span) or names_a_person(doc, span.start):
        return None  # "Николаева Софья Павловна", "им. В.П. Чкалова": people natasha took for towns
    is_region = any(lemma in g.REGION_HEAD_LEMMAS for lemma in lemmas)
    # a name after "г." / "в селе" is a settlement even when the dictionary does not know it
    trusted = settlement_word_before(doc, span.start) is not None
    name = canonical_name(span, is_region, trusted)
    if name is None:
        return None
    if is_region:
        name = g.MUNICIPAL_DISTRICT_RE.sub("", name)
    if not is_region and (name in g.REGION_NAMES.values() or name in g.REGION_ADJECTIVES.values()):
        is_region = True
    kind, cue = kind_of(doc, span)
    if is_region and kind not in ("origin", "dateline"):
        kind = "region"
    return LocationMention(name, (span.start_char, span.end_char), kind, cue)


def names_a_person(doc: Doc, start: int) -> bool:
    """Initials ("В.П.") or "им."/"имени" right before the name."""
    before = previous_word(doc, start)
    if before is None:
        return False
    if before.text == ".":
        initial = previous_word(doc, before.i)
        return initial is not None and (re.fullmatch(r"[А-ЯЁ]", initial.text) is not None
                                        or initial.text.lower() == "им")
    return before.text.lower() in ("имени", "им") or re.fullmatch(r"(?:[А-ЯЁ]\.){1,2}", before.text) is not None


def canonical_name(span: Span, is_region: bool, trusted: bool) -> str | None:
    """The span's name in the nominative, or None when it names no known place."""
    words = [t for t in span if t.pos_ != "PUNCT" or t.text in ("(", ")")]
    if has_mixed_script(span.text) and " " not in span.text:
        return nominative_word(span.text)
    if len(words) == 1:
        lemma = geox_lemma(words[0].text) or words[0].lemma_.lower()
        if lemma in g.CANONICAL_NAMES:
            return g.CANONICAL_NAMES[lemma]
        if lemma in g.REGION_NAMES:
            return g.REGION_NAMES[lemma]
        if words[0].lemma_.lower() in g.REGION_ADJECTIVES:  # natasha's LOC on "Сахалинском (университете)"
            return g.REGION_ADJECTIVES[words[0].lemma_.lower()]
    if not (trusted or is_region or any(is_geox(t.text, known_only=t.text.isupper()) for t in words)):
        return None  # natasha's LOC on a surname or a street ("Африкантова", "Руставели")
    if trusted and len(words) == 1 and is_unknown_word(words[0].text):
        return words[0].text  # "в селе Мехельта": a village unknown to the dictionary stays as written
    return nominative(span)


def is_unknown_word(word: str) -> bool:
    """pymorphy3 knows no form of the word: any case ending it finds is a guess, and a name
    after "в селе" is mostly written in the nominative anyway."""
    return not any(p.is_known for p in parses(word.lower()))


def nominative_word(word: str) -> str:
    """One word with Latin look-alike letters ("Cанкт-Петербурге") read as Cyrillic, in the nominative."""
    clean = word.translate(LATIN_LOOKALIKES)
    geox = [p for p in parses(clean.lower()) if "Geox" in p.tag]
    if not geox:
        return clean
    return restore_case(inflected(geox[0], {"nomn"}), clean)


def nominative(span: Span) -> str:
    """"Нижнем Новгороде" → "Нижний Новгород", "Республике Башкортостан" → "Республика
    Башкортостан": words up to the head noun go to the nominative, agreeing with it; words
    after the head (appositions, genitives) stay as written."""
    tokens = list(span)
    head = next((i for i, t in enumerate(tokens) if is_noun(t)), len(tokens) - 1)
    head_parse = best_parse(tokens[head], prefer_geox=True)
    head_form = inflected(head_parse, {"nomn"}) if head_parse else None
    out = []
    for i, token in enumerate(tokens):
        if i < head:
            form = agreeing_adjective(token, head_parse)
        elif i == head:
            form = head_form
        else:
            form = None
        like = written_case(token, first=i == 0)
        word = restore_case(form, like) if form else like
        out.append(word + token.whitespace_)
    return "".join(out).strip()


def written_case(token: Token, first: bool) -> str:
    """The token as it would be written in running text: a heading in capitals
    ("НОВОСИБИРСКОЙ ОБЛАСТИ") keeps capitals only on the first word and on names."""
    text = token.text
    if len(text) <= 4 or not text.isupper():
        return text
    return text.title() if first or is_geox(text, known_only=True) else text.lower()


def is_noun(token: Token) -> bool:
    """natasha says noun and pymorphy3 agrees it can be one (natasha calls "Чувашской" PROPN)."""
    return token.pos_ in ("NOUN", "PROPN") and any(p.tag.POS == "NOUN" for p in parses(token.text.lower()))


def agreeing_adjective(token: Token, head_parse) -> str | None:
    parse = best_parse(token, prefer_geox=False, prefer_pos="ADJF")
    if parse is None or head_parse is None:
        return None
    number = head_parse.tag.number or "sing"
    grams = {"nomn", number}
    if number == "sing" and head_parse.tag.gender:
        grams.add(head_parse.tag.gender)
    return inflected(parse, grams)


def best_parse(token: Token, prefer_geox: bool, prefer_pos: str | None = None):
    """The pymorphy3 parse of ``token`` that fits natasha's case, Geox parses (or parses of
    ``prefer_pos``) first."""
    word = token.text.translate(LATIN_LOOKALIKES) if has_mixed_script(token.text) else token.text
    candidates = list(parses(word.lower()))
    if not candidates:
        return None
    case = CASE_GRAMMEMES.get((token.morph.get("Case") or [""])[0], set())

    def score(parse) -> tuple[int, int, int, float]:
        return (int(prefer_geox and "Geox" in parse.tag), int(prefer_pos is not None and parse.tag.POS == prefer_pos),
                int(bool(case & parse.tag.grammemes)), parse.score)
    return max(candidates, key=score)


def inflected(parse, grams: set[str]) -> str:
    form = PymorphyParse.inflect(parse, grams)
    return form.word if form is not None else parse.word


def restore_case(new: str, like: str) -> str:
    """Give ``new`` the capitals of ``like``, hyphen part by hyphen part ("Ростов-на-Дону")."""
    if like.isupper() and len(like) > 1 and "-" not in like:
        return like if new.lower() == like.lower() and len(like) <= 4 else new[:1].upper() + new[1:]
    new_parts, old_parts = new.split("-"), like.split("-")
    if len(new_parts) != len(old_parts):
        return new[:1].upper() + new[1:] if like[:1].isupper() else new
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for n, o in zip(new_parts, old_parts))


def kind_of(doc: Doc, span: Span) -> tuple[str, str | None]:
    """``(kind, cue)`` of a place name from the words before it."""
    settlement = settlement_word_before(doc, span.start)
    anchor = settlement if settlement is not None else doc[span.start]
    before = previous_word(doc, anchor.i)
    # "в подмосковном городе Долгопрудный", "в нашем Выгоничском районе"
    for _ in range(g.MAX_WORDS_BEFORE_PLACE_NAME):
        if before is None or before.pos_ not in ("ADJ", "DET") or not before.text.islower():
            break
        before = previous_word(doc, before.i)
    settlement_cue = cue_of_settlement_word(settlement)
    word = preposition(before)
    if word in g.ORIGIN_PREPOSITIONS:
        return "origin", word + settlement_cue
    if word in g.PLACE_PREPOSITIONS:
        return "place", word + settlement_cue
    origin = origin_word_before_noun_phrase(doc, anchor)
    if origin is not None and host_cue(doc, anchor) is None:  # "на базе одной из школ района" hosts
        return "origin", origin  # "из 20 муниципалитетов Вологодской области"
    if in_organisation_name(doc, anchor):
        return "org", host_cue(doc, anchor) or venue_preposition(doc, anchor) or "org"
    return "other", settlement_cue.strip() or None


def origin_word_before_noun_phrase(doc: Doc, token: Token) -> str | None:
    """The origin preposition or noun that a place in the genitive hangs from, back over a few
    nouns, numbers and adjectives: "из 20 муниципалитетов | Вологодской области", "представители
    | Херсонской области". None when another word stops the walk first."""
    before = previous_word(doc, token.i)
    for _ in range(g.NOUN_PHRASE_WINDOW_WORDS):
        if before is None:
            return None
        if before.lemma_.lower() in g.ORIGIN_NOUN_LEMMAS or preposition(before) in g.ORIGIN_PREPOSITIONS:
            return before.text.lower()
        if before.pos_ not in ("NOUN", "ADJ", "NUM", "CCONJ") or before.pos_ == "NOUN" and is_capitalised(before):
            return None
        before = previous_word(doc, before.i)
    return None


def cue_of_settlement_word(settlement: Token | None) -> str:
    if settlement is None:
        return ""
    return f" {settlement.text}." if settlement.text in g.SETTLEMENT_ABBREVIATIONS else f" {settlement.text}"


def in_organisation_name(doc: Doc, token: Token) -> bool:
    """A place in the genitive right after an organisation's name or head word."""
    if token.ent_type_ == "ORG":
        return True
    sent_start = token.sent.start
    for i in range(token.i - 1, max(sent_start, token.i - g.ORG_WINDOW_TOKENS) - 1, -1):
        other = doc[i]
        if other.pos_ == "VERB" and other.morph.get("VerbForm") != ["Part"]:
            return False
        if other.lemma_.lower() in g.ORG_HEAD_LEMMAS or other.text in ("»", "\""):
            return True
        if other.ent_type_ == "ORG":
            return True
    return False


def venue_preposition(doc: Doc, token: Token) -> str | None:
    """"в МБОУ «Гимназия №10» г. Шахты прошло": the organisation holding the place name is
    itself where something happens. The nearest preposition before it, if it is a place one
    standing right before the organisation's name ("в гимназии", "в МБОУ", "в новом кампусе")."""
    for i in range(token.i - 1, max(token.sent.start, token.i - g.ORG_WINDOW_TOKENS) - 1, -1):
        other = doc[i]
        if other.pos_ == "VERB" and other.morph.get("VerbForm") != ["Part"]:
            return None
        if other.pos_ == "ADP":
            word = preposition(other)
            return word if word in g.PLACE_PREPOSITIONS and opens_organisation_name(doc, i) else None
    return None


def opens_organisation_name(doc: Doc, i: int) -> bool:
    """An organisation's head word or name within the three words after word ``i``."""
    j = i
    for _ in range(3):
        nxt = next_word(doc, j)
        if nxt is None:
            return False
        if nxt.ent_type_ == "ORG" or nxt.lemma_.lower() in g.ORG_HEAD_LEMMAS:
            return True
        j = nxt.i
    return False


def host_cue(doc: Doc, token: Token) -> str | None:
    window = doc[max(token.sent.start, token.i - g.HOST_CUE_WINDOW_TOKENS):token.i].text
    found = list(g.HOST_CUES_RE.finditer(window))
    return re.sub(r"\s+", " ", found[-1].group().lower()) if found else None


def settlement_word_before(doc: Doc, i: int) -> Token | None:
    """"г." / "города" / "селе" right before word ``i``. Abbreviations are lower case, and a
    one-letter one needs its dot ("с. Раевский", never the preposition in "С РУКОВОДИТЕЛЯМИ")."""
    before = previous_word(doc, i)
    dotted = before is not None and before.text == "."
    if dotted:
        before = previous_word(doc, before.i)
    if before is None:
        return None
    word = before.text
    if word in g.SETTLEMENT_ABBREVIATIONS:
        return before if dotted or len(word) > 1 and word != "с" else None
    return before if word.lower() in g.SETTLEMENT_WORDS else None


def preposition(token: Token | None) -> str:
    """The word in lower case, or "" when it is no word or an abbreviation in capitals
    ("ФГБОУ ВО" is no "во")."""
    if token is None or (len(token.text) > 1 and token.text.isupper()):
        return ""
    return token.text.lower()


def previous_word(doc: Doc, i: int) -> Token | None:
    """The nearest non-space token before ``i`` in the same sentence."""
    j = i
    while j > 0 and not doc[j].is_sent_start:
        j -= 1
        if doc[j].pos_ != "SPACE":
            return doc[j]
    return None


def next_word(doc: Doc, i: int) -> Token | None:
    """The nearest non-space token after ``i`` in the same sentence."""
    j = i + 1
    while j < len(doc) and not doc[j].is_sent_start:
        if doc[j].pos_ != "SPACE":
            return doc[j]
        j += 1
    return None


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def has_mixed_script(word: str) -> bool:
    return bool(re.search(r"[A-Za-z]", word)) and bool(re.search(r"[А-Яа-яЁё]", word))


@lru_cache(maxsize=20000)
def geox_lemma(word: str, known_only: bool = False) -> str | None:
    """The Geox lemma of ``word``; with ``known_only`` only from pymorphy3's dictionary, not
    guessed from the ending (which makes "технологическ" a town)."""
    clean = word.translate(LATIN_LOOKALIKES) if has_mixed_script(word) else word
    for parse in parses(clean.lower()):
        if "Geox" in parse.tag and "NOUN" in parse.tag and (parse.is_known or not known_only):
            return parse.normal_form
    return None


def is_geox(word: str, known_only: bool = False) -> bool:
    return geox_lemma(word, known_only) is not None


def is_person_name(token: Token | None) -> bool:
    return token is not None and is_capitalised(token) and any(
        {"Name", "Patr"} & p.tag.grammemes for p in parses(token.text.lower()))


def is_surname_of_named_person(doc: Doc, span: Span) -> bool:
    """One word that can be a surname, next to a first name or patronymic."""
    if len(span) != 1 or not any("Surn" in p.tag for p in parses(span.text.lower())):
        return False
    return is_person_name(next_word(doc, span.start)) or is_person_name(previous_word(doc, span.start))


# ---------- city adjectives ----------

def adjective_mentions(doc: Doc, name_spans: list[Span]) -> list[LocationMention]:
    """"Казанский федеральный университет" → Казань: city adjectives in the name of a host or an
    event, never inside a place name already found."""
    covered = {i for span in name_spans for i in range(span.start, span.end)}
    mentions = []
    for token in doc:
        if token.pos_ != "ADJ" or token.i in covered:
            continue
        lemma = token.lemma_.lower()
        region = g.REGION_ADJECTIVES.get(lemma)
        place = region or city_of_adjective(lemma) or local_settlement_of_adjective(doc, token)
        if place is None or not names_organisation_or_event(doc, token):
            continue
        kind, cue = adjective_kind(doc, token)
        if region and kind == "adjective":
            kind = "region"
        mentions.append(LocationMention(place, (token.idx, token.idx + len(token.text)), kind, cue))
    return mentions


def local_settlement_of_adjective(doc: Doc, token: Token) -> str | None:
    """"в кавалеровской школе №3" → Кавалерово: a village too small for the dictionary, named by
    a "-овский"/"-евский"/"-инский" adjective before a school or centre, the way local news
    names its own settlement's institutions: in lower case, or capitalised where the school is
    the venue ("в Карачинской средней школе" → Карачино). The "-ово"/"-ево"/"-ино" noun must at
    least be guessed as a place name."""
    lemma = token.lemma_.lower()
    if lemma in g.NOT_CITY_ADJECTIVES or not lemma.endswith(("овский", "евский", "инский")):
        return None
    venue = preposition(previous_word(doc, token.i)) in g.PLACE_PREPOSITIONS or host_cue(doc, token)
    if not token.text.islower() and not venue:
        return None     # "в Карачинской средней школе" (the venue) → Карачино
    nxt = next_word(doc, token.i)
    while nxt is not None and nxt.pos_ == "ADJ":
        nxt = next_word(doc, nxt.i)
    if nxt is None or nxt.lemma_.lower() not in g.ORG_HEAD_LEMMAS:
        return None
    village = lemma[:-4] + "о"
    return village.title() if geox_lemma(village) == village else None


def adjective_kind(doc: Doc, token: Token) -> tuple[str, str | None]:
    """"из Томского университета" and "профессор Новосибирского университета" (one person's
    affiliation) tell where people come from (origin), not where the event is; "студенты
    Томского университета" are often at home."""
    before = previous_word(doc, token.i)
    word = preposition(before)
    if word in g.ORIGIN_PREPOSITIONS:
        return "origin", word
    if before is not None and before.pos_ == "NOUN" and "Anim" in before.morph.get("Animacy") \
            and "Sing" in before.morph.get("Number"):
        return "origin", before.lemma_.lower()
    return "adjective", host_cue(doc, token) or (word if word in g.PLACE_PREPOSITIONS else None)


def names_organisation_or_event(doc: Doc, token: Token) -> bool:
    """The adjective is part of a host's or an event's name: its noun is an organisation or
    event word, or a quoted name follows ("калужский «Сокол»"). Not "Калининградской области",
    "Московского района" (regions), "«Михайловская дача»" (a place named after a person)."""
    j = token.i
    for _ in range(4):
        nxt = next_word(doc, j)
        if nxt is None:
            return False
        lemma = nxt.lemma_.lower()
        if lemma in g.ORG_HEAD_LEMMAS or lemma in g.EVENT_HEAD_LEMMAS or nxt.text in ("«", "\""):
            return True
        if nxt.pos_ != "ADJ" and not nxt.text == "-":
            return False
        j = nxt.i
    return False


@lru_cache(maxsize=5000)
def city_of_adjective(lemma: str) -> str | None:
    """The city an adjective is derived from: the listed ones, else the first stem + ending
    that pymorphy3 knows as a Geox noun ("калининградский" → Калининград)."""
    if lemma in g.CITY_ADJECTIVES:
        return g.CITY_ADJECTIVES[lemma]
    if lemma in g.NOT_CITY_ADJECTIVES or not lemma.endswith(g.CITY_ADJECTIVE_SUFFIXES):
        return None
    for candidate in stem_candidates(lemma):
        if candidate in g.NOT_A_LOCATION_LEMMAS or candidate in g.REGION_NAMES:
            return None
        if geox_lemma(candidate, known_only=True) == candidate:
            return g.CANONICAL_NAMES.get(candidate) or restore_case(candidate, candidate.title())
    return None


def stem_candidates(lemma: str) -> list[str]:
    """Town names an adjective may come from, most likely first: "томский" → "томск", "том",
    "томь"…; "раменский" → … "раменское"; "калужский" → … "калуга"."""
    stems = [lemma[:-4]]
    out = []
    if lemma.endswith("цкий"):
        # "донецкий" ← Донецк, "череповецкий" ← Череповец
        out = [lemma[:-2], lemma[:-3]]
        stems = [lemma[:-3]]
    for stem in stems:
        out += [stem + ending for ending in g.CITY_STEM_ENDINGS]
        if stem and stem[-1] in g.STEM_ALTERNATIONS:
            out.append(stem[:-1] + g.STEM_ALTERNATIONS[stem[-1]] + "а")
        if len(stem) > 4 and stem[-2] in "ео" and stem[-1] == "н" and stem[-3] not in "аеиоуыэюяё":
            # a fleeting vowel: "касторенский" ← Касторное
            out.append(stem[:-2] + "ное")
    return [c for c in out if len(c) > 2]


# ---------- datelines and lists ----------

def dateline_mentions(doc: Doc) -> list[LocationMention]:
    mentions = []
    for match in g.DATELINE_RE.finditer(text_of(doc)):
        raw = match["name"]
        lemma = geox_lemma(raw.title(), known_only=not raw.isupper()) or (raw.lower() if raw.isupper() else None)
        if lemma is None or lemma in g.NOT_A_LOCATION_LEMMAS:
            continue
        name = g.CANONICAL_NAMES.get(lemma) or restore_case(lemma, raw.title())
        mentions.append(LocationMention(name, match.span("name"), "dateline", None))
    return mentions


def inherit_along_lists(text: str, mentions: list[LocationMention]) -> None:
    """"из Москвы, Санкт-Петербурга, Казани": names listed after the first share its kind
    (origin or place), and a dateline's own name is no second mention."""
    kept: list[LocationMention] = []
    for mention in mentions:
        if kept and kept[-1].span == mention.span:
            if mention.kind == "dateline":
                kept[-1] = mention  # the dateline overrides natasha's span over the same name
            continue
        kept.append(mention)
    mentions[:] = kept
    for prev, mention in zip(mentions, mentions[1:]):
        if prev.kind not in ("origin", "place") or mention.kind in ("origin", "place", "dateline"):
            continue
        between = text[prev.span[1]:mention.span[0]]
        if re.fullmatch(r"(?:\s*(?:,|и|а\s+также|г\.|города|городов)\s*)+", between):
            mention.kind, mention.cue = prev.kind, prev.cue


# ---------- format ----------

FORMAT_RES = tuple((re.compile(pattern, re.IGNORECASE), fmt) for pattern, fmt in g.FORMAT_PATTERNS)


def find_formats(doc: Doc) -> list[FormatMention]:
    text = text_of(doc)
    mentions = format_cues(text)
    mentions = merge_mixed_sentences(doc, mentions)
    for match in g.HYBRID_PARTLY_ONLINE_RE.finditer(text):
        mentions = [m for m in mentions if not (match.start() <= m.span[0] < match.end())]
        mentions.append(FormatMention("hybrid", match.span(), "partly online"))
    mentions.sort(key=lambda m: m.span)
    return mentions


def format_cues(text: str) -> list[FormatMention]:
    taken: list[tuple[int, int]] = []
    mentions = []
    for pattern, fmt in FORMAT_RES:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            mentions.append(FormatMention(fmt, span, re.sub(r"\s+", " ", match.group().strip())))
    return mentions


def merge_mixed_sentences(doc: Doc, mentions: list[FormatMention]) -> list[FormatMention]:
    """A sentence with both an online cue and a plain in-person one ("очно", not "на базе",
    which webinars have too) is one hybrid mention."""
    by_sentence: dict[int, list[FormatMention]] = {}
    starts = [sent.start_char for sent in doc.sents]
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.span[0]) - 1
        by_sentence.setdefault(index, []).append(mention)
    merged = []
    for group in by_sentence.values():
        online = any(m.format == "online" for m in group)
        in_person = any(m.format == "offline" and g.STRONG_OFFLINE_RE.search(m.cue or "") for m in group)
        if online and in_person:
            start, end = min(m.span[0] for m in group), max(m.span[1] for m in group)
            merged.append(FormatMention("hybrid", (start, end), "; ".join(m.cue or "" for m in group)))
        else:
            merged += group
    return merged
