"""Participant counts: "более 100 участников из 22 регионов", "45 команд, 225 участников".

One ``Count`` per number that counts people, teams, organisations, regions, speakers or
countries, with its approx ("более" → more_than, "около"/"почти" → about) and its evidence
(from the approx word to the head noun). Two readings:

* prose: a number (digits or a number word, "5,8 тысячи", "тысячи") followed, after at most a
  few adjectives or participles, by a head noun whose lemma or animacy gives the unit;
* tables: a bare number in a cell (tab-separated or "| a | b |") under a header that says
  what it counts ("Количество зарегистрированных" → people).

Numbers that name ("№ 36"), years, ages, grades and counts of things (материалы, вебинары)
have no such head noun and give nothing. Which event a count belongs to is for the events step.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..grammars import counts as g
from ..layout import post_end
from ..morph import parses
from ..nlp import text_of
from ..records import Count

DIGITS_RE = re.compile(r"\d+")
DECIMAL_RE = re.compile(r"\d+,\d+")


def find_counts(doc: Doc) -> list[Count]:
    text = text_of(doc)
    end = post_end(text)
    counts = counts_in_prose(doc) + counts_in_tables(text)
    counts = [c for c in counts if c.evidence[0][0] < end and not poll_result(text, c.evidence[0][0])]
    counts.sort(key=lambda c: c.evidence[0])
    return counts


# ---------- prose ----------

class Words:
    """The Doc's tokens without whitespace, with the sentence each one belongs to."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.items = [t for t in doc if t.pos_ != "SPACE"]
        sentence_of = {}
        for number, sent in enumerate(doc.sents):
            for token in sent:
                sentence_of[token.i] = number
        self.sentence = [sentence_of.get(t.i, -1) for t in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.items) and self.sentence[i] == self.sentence[j]

    def gap(self, i: int) -> str:
        """The text between word ``i`` and the next one."""
        a, b = self.items[i], self.items[i + 1]
        return self.text[a.idx + len(a.text):b.idx]


def poll_result(text: str, offset: int) -> bool:
    """A site's poll widget: a short line ("Всего 5 человек") right under a question line
    ("Пользуетесь ли вы мобильным приложением?") counts voters, not participants."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line.strip()) > g.MAX_POLL_LINE_CHARS:
        return False
    previous = text[:line_start].rstrip()
    previous_line = previous[previous.rfind("\n") + 1:]
    return previous_line.endswith("?")


def counts_in_prose(doc: Doc) -> list[Count]:
    words = Words(doc)
    population = {words.sentence[i] for i, w in enumerate(words.items) if counts_no_event(w)}
    counts = []
    i = 0
    while i < len(words):
        read = read_number(words, i)
        if read is None or is_label(words, i) or not_a_count_here(words, i):
            i += 1
            continue
        value, last = read
        found = head_unit(words, i, last, value) or unit_before(words, i)
        if found is not None and words.sentence[i] in population \
                and words.items[found[1]].lemma_ not in g.EVENT_PARTICIPANT_LEMMAS:
            found = None
        if found is not None and found[0] in g.PLACE_UNITS and not taking_part(words, i):
            found = None
        if found is not None:
            unit, head = found
            approx, first = approx_before(words, i)
            start = words.items[min(first, head)].idx
            end = max(words.items[head].idx + len(words.items[head].text),
                      words.items[last].idx + len(words.items[last].text))
            counts.extend(listed_before(words, i, unit))
            counts.append(Count(int(round(value)), unit, approx, [(start, end)]))
        i = last + 1
    return counts


def listed_before(words: Words, i: int, unit: str) -> list[Count]:
    """The figures of a list whose last item alone names the unit: "английский язык – 104,
    страноведение Японии – 74, русский язык – 79 человек" gives 104 and 74 people too. Each
    item is "name – number" closed by a comma or "и"."""
    found = []
    j = i - 1
    while j >= 1 and words.same_sentence(i, j) and i - j <= g.MAX_LIST_SPAN:
        token = words.items[j]
        if token.pos_ in ("VERB", "AUX") or token.text in (":", ";"):
            break
        closed = j + 1 < len(words) and words.items[j + 1].text in (",", "и")
        if closed and words.items[j - 1].text in g.DASHES and DIGITS_RE.fullmatch(token.text):
            found.append(Count(int(token.text), unit, "exact", [(token.idx, token.idx + len(token.text))]))
        j -= 1
    return found[::-1]


def counts_no_event(token: Token) -> bool:
    """A word that makes its sentence's counts a standing population, not an event's."""
    if token.lemma_ in g.NOT_EVENT_SENTENCE_LEMMAS:
        return True
    if token.lemma_ not in g.NOT_EVENT_FINITE_VERB_LEMMAS:
        return False
    if token.morph.get("VerbForm") == ["Fin"]:
        return True
    return token.morph.get("VerbForm") == ["Inf"] and predicate_infinitive(token)


def predicate_infinitive(token: Token) -> bool:
    """"будут обучаться", "планируют обучаться": an infinitive after a finite verb is the
    sentence's predicate ("планирующих учиться" is not)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and (before.pos_ == "AUX" or before.morph.get("VerbForm") == ["Fin"])


def not_a_count_here(words: Words, i: int) -> bool:
    """A number that is a limit ("до 30 человек"), or a figure of another year or an average
    ("в прошлом году — 9142 учащихся", "в среднем 8 человек"), written in the same clause."""
    if i > 0 and words.same_sentence(i, i - 1) and words.items[i - 1].text.lower() in g.NOT_COUNT_BEFORE:
        return True
    token = words.items[i]
    sentence_start = words.items[i].sent.start_char
    before = words.text[max(sentence_start, token.idx - 80):token.idx]
    return g.OTHER_TIME_RE.search(before) is not None


def taking_part(words: Words, i: int) -> bool:
    """Organisations, regions, countries counted as taking part: after "из", "со всех", "среди";
    after a noun of people ("руководители 43 организаций"); or with no preposition before the
    number in a sentence with a word of taking part ("участвовали 12 школ")."""
    j = i - 1
    while j >= 0 and words.same_sentence(i, j) and words.items[j].text.lower() in g.ORIGIN_FILLERS:
        j -= 1
    if j < 0 or not words.same_sentence(i, j):
        return sentence_takes_part(words, i)
    before = words.items[j]
    if before.text.lower() in g.ORIGIN_PREPOSITIONS:
        return True
    if before.pos_ == "NOUN" and unit_of(before) in ("people", "teams"):
        return True
    return before.pos_ != "ADP" and sentence_takes_part(words, i)


def sentence_takes_part(words: Words, i: int) -> bool:
    sentence = words.items[i].sent
    return any(t.lemma_ in g.TAKING_PART_LEMMAS for t in sentence)


def token_number(token: Token) -> float | None:
    """The value a single token writes: "120", "120," (razdel keeps a comma), "пять", "5,8"."""
    text = token.text.rstrip(",.")
    if DIGITS_RE.fullmatch(text):
        return int(text)
    if DECIMAL_RE.fullmatch(text):
        return float(text.replace(",", "."))
    if text.isalpha() and token.lemma_ in g.NUMBER_WORDS:
        return g.NUMBER_WORDS[token.lemma_]
    return None


def read_number(words: Words, i: int) -> tuple[float, int] | None:
    """``(value, index of its last word)`` of the number starting at word ``i``."""
    token = words.items[i]
    value = token_number(token)
    if value is None:
        if token.lemma_ == "тысяча" and token.morph.get("Number") == ["Sing"]:
            return 1000, i  # "более тысячи делегатов"
        return None
    last = i
    if isinstance(value, int) and token.text.isdigit() and len(token.text) <= 3:
        # "1 200 участников": a thousands group written with a space
        nxt = last + 1
        if nxt < len(words) and words.gap(last) in (" ", "\u00a0") \
                and re.fullmatch(r"\d{3}", words.items[nxt].text):
            value = value * 1000 + int(words.items[nxt].text)
            last = nxt
    elif token.text.isalpha():
        value, last = add_number_words(words, value, last)
    nxt = last + 1
    if nxt < len(words) and words.same_sentence(i, nxt):
        multiplier = g.MULTIPLIER_LEMMAS.get(words.items[nxt].lemma_.rstrip("."))
        if multiplier:
            return add_remainder(words, value * multiplier, nxt, multiplier)
    if isinstance(value, float) and not value.is_integer():
        return None  # "5,8" without "тысячи" counts nobody
    return value, last


def add_remainder(words: Words, value: float, last: int, multiplier: int) -> tuple[float, int]:
    """"8 тыс. 248 школьников" is 8248."""
    nxt = last + 1
    if nxt < len(words) and words.items[nxt].text == "." and words.same_sentence(last, nxt):
        last = nxt  # the dot of "тыс."
        nxt += 1
    if nxt < len(words) and words.same_sentence(last, nxt):
        rest = words.items[nxt].text.rstrip(",.")
        if rest.isdigit() and int(rest) < multiplier:
            return value + int(rest), nxt
    return value, last


def add_number_words(words: Words, value: float, last: int) -> tuple[float, int]:
    """"двадцать пять", "сто двадцать": each next number word smaller than the sum so far."""
    while last + 1 < len(words) and words.same_sentence(last, last + 1):
        nxt = words.items[last + 1]
        part = g.NUMBER_WORDS.get(nxt.lemma_) if nxt.text.isalpha() else None
        if part is None or part >= value or part < 1:
            break
        value += part
        last += 1
    return value, last


def is_label(words: Words, i: int) -> bool:
    """"№ 36", "школа N 5": the number names something."""
    token = words.items[i]
    if "-" in token.text:
        return True
    return i > 0 and words.items[i - 1].text.lower() in g.LABEL_BEFORE


def approx_before(words: Words, i: int) -> tuple[str, int]:
    """``(approx, index of the first word of the count)`` from the words before the number."""
    for phrase, approx in g.APPROX_BEFORE:
        first = i - len(phrase)
        if first < 0 or not words.same_sentence(i, first):
            continue
        if tuple(w.text.lower() for w in words.items[first:i]) == phrase:
            return approx, first
    return "exact", i


def unit_of(token: Token) -> str | None:
    unit = g.UNIT_BY_LEMMA.get(token.lemma_)
    if unit:
        return unit
    if "-" in token.text:       # "команд-участников", "школ-участниц": the first part counts
        first = token.text.lower().split("-")[0]
        unit = next((g.UNIT_BY_LEMMA[p.normal_form] for p in parses(first)
                     if p.tag.POS == "NOUN" and p.normal_form in g.UNIT_BY_LEMMA), None)
        if unit:
            return unit
    if token.pos_ == "NOUN" and is_animate(token) and token.lemma_ not in g.NOT_PARTICIPANT_LEMMAS:
        return "people"
    return None


def is_animate(noun: Token) -> bool:
    """natasha's animacy, or pymorphy3's for words natasha's tagger does not know: it calls
    "юнармейцев" and "педагогов-организаторов" inanimate. A compound names people when every
    part does ("педагогов-организаторов", never "мастер-классов")."""
    if noun.morph.get("Animacy") == ["Anim"]:
        return True
    return all(is_animate_word(part) for part in noun.text.lower().split("-"))


def is_animate_word(word: str) -> bool:
    best = next((p for p in parses(word) if p.tag.POS == "NOUN"), None)
    return best is not None and "anim" in best.tag and not {"Name", "Surn", "Patr"} & best.tag.grammemes


def is_ordinal(token: Token) -> bool:
    return token.text.isalpha() and any("Anum" in p.tag for p in parses(token.text.lower()))


def is_modifier(token: Token) -> bool:
    return token.pos_ in ("ADJ", "DET") or token.morph.get("VerbForm") == ["Part"]


def agrees_with_number(value: float, noun: Token) -> bool:
    """A number ending in 0 or 5–9 (or 11–14) takes a plural noun: "413540 Саратовская
    область" is a postcode before an address, not a count of regions. pymorphy3 judges the
    noun's number: natasha calls "педагогов-организаторов" singular."""
    last, last_two = int(value) % 10, int(value) % 100
    if 1 <= last <= 4 and not 11 <= last_two <= 14:
        return True
    return any("plur" in p.tag or "Pltm" in p.tag for p in parses(noun.text.lower()))


def head_unit(words: Words, i: int, last: int, value: float) -> tuple[str, int] | None:
    """``(unit, index of the head noun)`` after the number ``value`` ending at word ``last``."""
    dash_allowed = subcount_lead(words, i)
    modifiers = 0
    j = last + 1
    if words.same_sentence(i, j) and is_ordinal(words.items[j]):
        return None  # "тридцать четвёртой школы" names a school, counts none
    while words.same_sentence(i, j):
        token = words.items[j]
        unit = unit_of(token)
        if unit:
            unit, head = noun_after_participle(words, j, unit)
            noun = words.items[head]
            # "во всех семи федеральных округах": where things happened, not who took part
            if noun.morph.get("Case") == ["Loc"] or not agrees_with_number(value, noun):
                return None
            return unit, head
        if token.text in ("–", "-", "—") and dash_allowed:
            dash_allowed = False
        elif is_modifier(token) and modifiers < g.MAX_MODIFIERS:
            modifiers += 1
        else:
            return None
        j += 1
    return None


def unit_before(words: Words, i: int) -> tuple[str, int] | None:
    """"количество команд-участников – 140": the unit named before the number, after
    "количество"/"число" and a dash."""
    if i < 3 or not words.same_sentence(i, i - 3) or words.items[i - 1].text not in g.DASHES \
            or words.items[i - 3].lemma_ not in g.AMOUNT_LEMMAS:
        return None
    unit = unit_of(words.items[i - 2])
    return (unit, i - 2) if unit else None


def noun_after_participle(words: Words, j: int, unit: str) -> tuple[str, int]:
    """"5 участвующих школ": a participle before its noun gives way to the noun's unit."""
    token = words.items[j]
    if token.pos_ == "NOUN" or not words.same_sentence(j, j + 1):
        return unit, j
    nxt = words.items[j + 1]
    noun_unit = unit_of(nxt) if nxt.pos_ == "NOUN" else None
    return (noun_unit, j + 1) if noun_unit else (unit, j)


def subcount_lead(words: Words, i: int) -> bool:
    """"из них 419 – участники": only after such a lead may a dash stand before the noun."""
    start = words.items[i].idx
    return bool(g.SUBCOUNT_LEAD_RE.search(words.text[max(0, start - 30):start]))


# ---------- tables ----------

def counts_in_tables(text: str) -> list[Count]:
    """Bare numbers in table cells (tab-separated, or "| a | b |" rows) under a header naming
    what is counted."""
    counts = []
    column_units: dict[int, str] = {}
    position = 0
    for line in text.split("\n"):
        cells = cells_of(line, position)
        if cells is None:
            if len(line.strip()) > g.TABLE_BREAK_CHARS or re.match(r"\s*Таблица\s*\d", line):
                column_units = {}
        else:
            header = header_units(cells)
            if header:
                column_units = header
            else:
                counts += counts_in_row(cells, column_units)
        position += len(line) + 1
    return counts


def cells_of(line: str, offset: int) -> list[tuple[str, int]] | None:
    """The cells of a table row with their offsets; None for a line that is no table row."""
    if "\t" in line:
        separator = "\t"
    elif line.count("|") >= 2:
        separator = "|"
    else:
        return None
    cells, start = [], 0
    for part in line.split(separator):
        cells.append((part, offset + start))
        start += len(part) + 1
    return cells


def header_units(cells: list[tuple[str, int]]) -> dict[int, str]:
    units = {}
    for column, (cell, _) in enumerate(cells):
        count_word = g.HEADER_COUNT_WORD_RE.search(cell)
        if not count_word:
            continue
        after = cell[count_word.end():count_word.end() + 40]
        for pattern, unit in g.HEADER_UNIT_RES:
            if pattern.search(after):
                units[column] = unit
                break
    return units


def counts_in_row(cells: list[tuple[str, int]], column_units: dict[int, str]) -> list[Count]:
    counts = []
    for column, (cell, offset) in enumerate(cells):
        unit = column_units.get(column)
        match = g.APPROX_CELL_RE.match(cell) if unit else None
        if not match:
            continue
        approx = g.APPROX_BY_WORD.get(re.sub(r"\s+", " ", (match["approx"] or "").lower()), "exact")
        start = offset + (match.start("approx") if match["approx"] else match.start("number"))
        counts.append(Count(int(match["number"]), unit, approx, [(start, offset + match.end("number"))]))
    return counts
