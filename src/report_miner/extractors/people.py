"""Named people with their positions and roles (speakers first of all).

``find_people`` returns one ``Person`` per mention of a name. The steps:

1. name parts: every capitalised word is read as a possible surname (S), first name (F),
   patronymic (P) or initial (I), from pymorphy3's dictionary (Surn/Name/Patr), word endings
   and natasha's PER spans;
2. names: runs of adjacent parts are cut into names by the templates of
   ``grammars.people.NAME_TEMPLATES`` ("SFP", "FS", "IIS"...); names inside the name of an
   organisation, a street or an award ("имени Иммануила Канта"), figures of the past
   ("со дня рождения М.В. Ломоносова", epigraphs), bylines and names the text is cut off in
   are dropped;
3. nominative: every part is put into the nominative from the (gender, case) reading its
   parts agree on ("Веры Владимировны Князевой" → "Князева Вера Владимировна");
4. one person, one name: mentions of the same person in the document are resolved to the
   fullest name written anywhere ("Князева", "Вера Владимировна", "Князева В.В." → "Князева
   Вера Владимировна"); a lone surname nobody else carries is dropped;
5. position: the apposition left or right of the name ("директор школы № 5 Иванова Анна",
   "Иванова Анна, директор школы № 5; ..."), else a plural head before a list of names
   ("учителя Иванова А.П. и Петрова Е.В.") or the header of the table column ("Наставник");
6. role: from cue words of the sentence, of the list the name stands in ("выступили:") or
   of its table column ("Ответственные").

``merge_people`` folds the mentions of one event into one Person per person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from spacy.tokens import Doc, Span, Token

from ..grammars import people as g
from ..morph import PymorphyParse, inflect_word, parses
from ..nlp import line_break, text_of, unwrap
from ..records import Person

# ============================================================== data of one mention


@dataclass
class NamePart:
    """One word (or initial) of a name: tokens ``[start, end)``, characters
    ``[char_start, char_end)``."""

    kind: str          # "S", "F", "P" or "I"
    start: int
    end: int
    char_start: int
    char_end: int
    word: str          # the word as written, without a leading dash or the initial's dot
    # (gender, case) → the nominative of the word read so
    readings: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class NameMention:
    parts: list[NamePart]
    gender: str | None = None
    case: str = "nomn"
    surname: str | None = None
    first: str | None = None          # a full first name or an initial "В."
    patronymic: str | None = None     # a full patronymic or an initial "В."
    position: str | None = None
    position_heads: list[str] = field(default_factory=list)  # lemmas of the position's heads
    shared_position: bool = False     # read off a plural head: "учителя школы Иванова и Петрова"
    position_start: int | None = None  # first token of a position written left of the name
    role: str = "other"

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def char_span(self) -> tuple[int, int]:
        return self.parts[0].char_start, self.parts[-1].char_end

    @property
    def kinds(self) -> str:
        return "".join(p.kind for p in self.parts)


# ============================================================== public API


def find_people(doc: Doc) -> list[Person]:
    """One Person per mention of a named person, its name resolved to the fullest form the
    document gives that person; evidence is the span of the name as written."""
    per_tokens = entity_tokens(doc, "PER")
    mentions = [m for m in name_mentions(doc, per_tokens) if not not_a_person(doc, m)]
    for mention in mentions:
        choose_reading(doc, mention)
    mentions = resolve_names(mentions)
    person_tokens = {i for m in mentions for i in range(m.start, m.end)}
    for mention in mentions:
        find_position(doc, mention, person_tokens)
    share_positions(doc, mentions)
    assign_roles(doc, mentions)
    return [
        Person(name=full_name(m), position=m.position, role=m.role, evidence=[m.char_span])
        for m in mentions
    ]


def merge_people(people: list[Person]) -> list[Person]:
    """Fold mentions of the same person into one Person: the fullest name, the longest
    position, the strongest role (speaker > organizer > winner > participant > other) and all
    the evidence. Two names are one person when their surnames are equal and their first
    names and patronymics do not contradict (a full name agrees with its initial)."""
    merged: list[Person] = []
    for person in people:
        target = next((m for m in merged if same_person(m.name, person.name)), None)
        if target is None:
            merged.append(Person(person.name, person.position, person.role, list(person.evidence)))
            continue
        target.name = fuller_name(target.name, person.name)
        if len(person.position or "") > len(target.position or ""):
            target.position = person.position
        target.role = stronger_role(target.role, person.role)
        target.evidence.extend(e for e in person.evidence if e not in target.evidence)
    return merged


# ============================================================== 1. name parts

def is_word(token: Token) -> bool:
    return any(char.isalpha() for char in token.text)


def is_space(token: Token) -> bool:
    return token.text.isspace()


def is_punct(token: Token) -> bool:
    return token.pos_ == "PUNCT"



def entity_tokens(doc: Doc, label: str) -> dict[int, int]:
    """Token index → index of the entity (of ``label``) that covers it."""
    covered = {}
    for number, ent in enumerate(e for e in doc.ents if e.label_ == label):
        for i in range(ent.start, ent.end):
            covered[i] = number
    return covered


def bare_word(token: Token) -> tuple[str, int]:
    """The token's text without a leading dash glued to it ("-Алексей"), and the dash's length."""
    text = token.text
    stripped = text.lstrip("-–—")
    return stripped, len(text) - len(stripped)


def is_initial(doc: Doc, i: int) -> bool:
    """"В" of "В.В. Князева", "Князева В.В." and "Кузягина Т.Н," (the last dot left out)."""
    word = doc[i].text
    if not g.INITIAL_RE.fullmatch(word):
        return False
    if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_:
        return True
    return i >= 2 and doc[i - 1].text == "." and g.INITIAL_RE.fullmatch(doc[i - 2].text) is not None


@lru_cache(maxsize=50000)
def known_parses(word: str, grammeme: str) -> tuple:
    """The dictionary parses of ``word`` carrying ``grammeme`` (Name, Surn, Patr); guesses of
    the predictor for unknown words left out."""
    return tuple(p for p in parses(word) if grammeme in p.tag and p.is_known)


@lru_cache(maxsize=50000)
def in_dictionary(word: str) -> bool:
    return any(p.is_known for p in parses(word))


def part_kinds(doc: Doc, i: int, per_tokens: dict[int, int]) -> str:
    """The kinds of name part token ``i`` may be: a subset of "SFPI", "" for none."""
    if is_initial(doc, i):
        return "I"
    word, _ = bare_word(doc[i])
    if not g.NAME_WORD_RE.fullmatch(word):
        return ""
    in_per = i in per_tokens
    if word.isupper() and not in_per:
        return ""        # СПбГУ, УГТУ, ДОННУЭТ: abbreviations, not surnames
    kinds = ""
    lower = word.lower()
    if doc[i].lemma_.lower() in g.POSITION_HEAD_LEMMAS and not known_parses(lower, "Surn") \
            and not known_parses(lower, "Name"):
        return ""        # "Министр Просвещения", capitalised and taken for a name by the tagger
    if known_parses(lower, "Patr") or patronymic_ending(lower):
        kinds += "P"
    if known_parses(lower, "Name"):
        kinds += "F"
    if kinds or in_per or known_parses(lower, "Surn") or not in_dictionary(lower) \
            or capitalised_common_word(doc, i):
        kinds += "S"     # a first name may be a surname too ("Н.В. Троян"), at a cost
    return kinds


def capitalised_common_word(doc: Doc, i: int) -> bool:
    """A dictionary word written with a capital inside a sentence, outside any organisation or
    place name: a surname like "Тишина" in "руководитель отдела Тишина Мария Михайловна"."""
    token = doc[i]
    if token.is_sent_start or token.ent_type_ in ("ORG", "LOC") or is_head_token(token):
        return False
    j = i - 1
    while j >= 0 and is_space(doc[j]) and not line_break(doc[j]):
        j -= 1
    return j >= 0 and is_word(doc[j])


def surname_cost(word: str) -> float:
    """How unlikely a word is a surname: a known first name or a patronymic costs."""
    lower = word.lower()
    if known_parses(lower, "Surn") or not in_dictionary(lower):
        return 0.0
    if known_parses(lower, "Patr") or patronymic_ending(lower):
        return 1.5
    if known_parses(lower, "Name"):
        return 0.75
    return 1.0          # a common word: "Тишина"


def patronymic_ending(word: str) -> bool:
    """Whether ``word`` ends like a patronymic in some case: -ович, -евна, -ичной, -ьичу..."""
    return g.PATRONYMIC_END_RE.search(word) is not None


# ============================================================== 2. names


def name_mentions(doc: Doc, per_tokens: dict[int, int]) -> list[NameMention]:
    mentions = []
    for run in part_runs(doc, per_tokens):
        mentions.extend(cut_run(doc, run, per_tokens))
    return mentions


def part_runs(doc: Doc, per_tokens: dict[int, int]) -> list[list[tuple[NamePart, str]]]:
    """Runs of adjacent possible name parts, each with the kinds it may be. Parts are adjacent
    when only one space (or the dot of an initial) stands between them, within one line."""
    runs, run = [], []
    i = 0
    while i < len(doc):
        kinds = part_kinds(doc, i, per_tokens)
        if not kinds:
            if run:
                runs.append(run)
                run = []
            i += 1
            continue
        part = make_part(doc, i)
        if run and not adjacent(doc, run[-1][0], part):
            runs.append(run)
            run = []
        run.append((part, kinds))
        i = part.end
    if run:
        runs.append(run)
    return runs


def make_part(doc: Doc, i: int) -> NamePart:
    token = doc[i]
    word, dash = bare_word(token)
    end = i + 1
    if g.INITIAL_RE.fullmatch(word) and end < len(doc) and doc[end].text == "." \
            and not token.whitespace_:
        end += 1       # the initial's dot
    last = doc[end - 1]
    return NamePart("", i, end, token.idx + dash, last.idx + len(last.text), word)


def adjacent(doc: Doc, left: NamePart, right: NamePart) -> bool:
    gap = text_of(doc)[left.char_end:right.char_start]
    return right.start == left.end and gap in ("", " ") and not doc[right.start].is_sent_start


def cut_run(doc: Doc, run: list[tuple[NamePart, str]],
            per_tokens: dict[int, int]) -> list[NameMention]:
    """The best cut of a run into names: most parts covered, names not straddling PER spans."""
    n = len(run)
    best: list[tuple[float, list[NameMention]]] = [(0.0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = best[i + 1]
        for template in g.NAME_TEMPLATES:
            k = len(template)
            if i + k > n or not all(kind in run[i + j][1] for j, kind in enumerate(template)):
                continue
            parts = [run[i + j][0] for j in range(k)]
            score = template_score(doc, template, parts, per_tokens)
            if score is None:
                continue
            total = score + best[i + k][0]
            if total > best[i][0]:
                kinds = "FS" if template == "SS" else template
                mention = NameMention([with_kind(p, kind) for p, kind in zip(parts, kinds)])
                best[i] = (total, [mention] + best[i + k][1])
    return best[0][1]


def with_kind(part: NamePart, kind: str) -> NamePart:
    return NamePart(kind, part.start, part.end, part.char_start, part.char_end, part.word)


def template_score(doc: Doc, template: str, parts: list[NamePart],
                   per_tokens: dict[int, int]) -> float | None:
    """How good a name ``parts`` read as ``template`` is; None when it is no name at all."""
    spans = {per_tokens.get(p.start) for p in parts}
    in_one_per = len(spans) == 1 and None not in spans
    if template in ("S", "SS") and not in_one_per:
        return None     # a lone surname or two unknown words: only where natasha saw a person
    if template == "SS" and any(p.word.isupper() for p in parts):
        return None
    if template.endswith("I") and glued_to_next_word(doc, parts[-1]):
        return None     # "р.п. Маслянино Н.Н.Житникова": the initials are Житникова's
    score = float(len(parts) ** 2)     # one long name beats two short ones
    if template == "S":
        score = 0.25    # kept to be resolved, never worth cutting a fuller name for
    score -= sum(surname_cost(p.word) for p, kind in zip(parts, template) if kind == "S")
    score -= sum(1.0 for p in parts if doc[p.start].ent_type_ in ("ORG", "LOC"))
    if in_one_per:
        score += 0.5
    elif len(spans) > 1 and None in spans:
        score -= 0.75   # partly inside a PER span, partly out
    if template == "SS":
        score -= 0.5
    if template.startswith("F"):
        score += 0.1    # news write "Вера Князева": of two equal cuts, the one in that order
    return score


def glued_to_next_word(doc: Doc, part: NamePart) -> bool:
    """An initial whose dot touches the next word ("Н.Н.Житникова"): it belongs to that word."""
    last = doc[part.end - 1]
    return not last.whitespace_ and part.end < len(doc) and is_word(doc[part.end])


# ---------------------------------------------------------------- names of things, not people


def not_a_person(doc: Doc, mention: NameMention) -> bool:
    """Names inside the name of an organisation, street or award, figures of the past the
    event is dedicated to, quoted sayings of the past, bylines, and a name the text is cut off
    in ("Далее Николай Ив")."""
    return (after_name_of_thing(doc, mention) or inside_quotes(doc, mention)
            or memorial(doc, mention) or historic_saying(doc, mention) or byline(doc, mention)
            or cut_off(doc, mention))


def cut_off(doc: Doc, mention: NameMention) -> bool:
    """The text is cut off inside the name: "Далее Николай Ив" (a short last word at its very
    end; not "... Григорьев Д.А." nor a caption "Губернатор области Андрей Клычков")."""
    last = mention.parts[-1]
    return last.kind != "I" and len(last.word) <= 3 and last.char_end == len(text_of(doc).rstrip())


def previous_words(doc: Doc, i: int, count: int) -> list[Token]:
    """Up to ``count`` word tokens before token ``i`` on its line, nearest first. (Lines, not
    sentences: razdel may end a sentence at "им." before the initials of a name.)"""
    words = []
    j = i - 1
    while j >= 0 and len(words) < count and not line_break(doc[j]):
        if is_word(doc[j]):
            words.append(doc[j])
        j -= 1
    return words


def after_name_of_thing(doc: Doc, mention: NameMention) -> bool:
    """"имени Иммануила Канта", "им. В.П. Неймышева", "дважды Героя Советского Союза
    Г.М. Гречко", "имени авиастроителя В.А. Окулова", "ул. Ленина": the word right before the
    name (titles and professions skipped) names a thing."""
    for word in previous_words(doc, mention.start, 6):
        lower = word.text.lower()
        if lower in g.NAME_OF_THING_LEMMAS or word.lemma_ in g.NAME_OF_THING_LEMMAS:
            return True
        profession = word.pos_ == "NOUN" and "Anim" in word.morph.get("Animacy") \
            and "Gen" in word.morph.get("Case")
        if lower not in g.HERO_TITLE_WORDS and not profession:
            return False
    return False


def inside_quotes(doc: Doc, mention: NameMention) -> bool:
    """Between an open quote and its closing one within the sentence: part of a title or of an
    organisation's name ("МАОУ «Гимназия имени Н.И. Кузнецова»")."""
    sent = doc[mention.start].sent
    depth = straight = 0
    for char in text_of(doc)[sent.start_char:mention.char_span[0]]:
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(0, depth - 1)
        elif char in "\"“”„":
            straight ^= 1
    after = text_of(doc)[mention.char_span[1]:sent.end_char]
    return depth > 0 and "»" in after or straight == 1 and any(c in after for c in "\"”")


def memorial(doc: Doc, mention: NameMention) -> bool:
    """"со дня рождения М.В. Ломоносова", "памяти В.А. Сухомлинского", "пьесу Островского"."""
    words = previous_words(doc, mention.start, 2)
    return any(w.lemma_ in g.MEMORIAL_LEMMAS or w.text.lower().startswith(g.MEMORIAL_STEMS)
               for w in words)


def historic_saying(doc: Doc, mention: NameMention) -> bool:
    """"как говорил А.С. Макаренко", "писал К.Д. Ушинский", and an epigraph: a quote with its
    author's name after it and nothing else ("«...» (А.С. Макаренко)")."""
    words = previous_words(doc, mention.start, 1)
    if any(w.lemma_ in g.HISTORIC_SAYING_LEMMAS and "Past" in w.morph.get("Tense")
           and "Imp" in w.morph.get("Aspect") for w in words):
        return True
    text = text_of(doc)
    start, end = mention.char_span
    after = text[end:doc[mention.end - 1].sent.end_char]
    if after.strip(" \t\n.,;)"):
        return False
    quote = g.EPIGRAPH_END_RE.search(text, max(0, start - 300), start)
    return quote is not None and bool(quote.group("stop") or quote.group("gap").strip(" ."))


def byline(doc: Doc, mention: NameMention) -> bool:
    """The author of the post: "Юлия СТАЦУРА." or a name alone on the last line; "Фото: Иван
    Петров", "Автор – ..."."""
    text = text_of(doc)
    start, end = mention.char_span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start].strip().lower()
    last_word = before.rstrip(" :–—-").rsplit(" ", 1)[-1]
    if before.startswith(tuple(g.CREDIT_WORDS)) or last_word in g.PHOTO_CREDIT_WORDS:
        return True     # "Фото: Иван Петров", "..., фото Никонова А."
    after = text[end:line_end].strip(" .,")
    if not before and after.lower().startswith(tuple(g.CREDIT_WORDS)):
        return True     # "Лаврентьева Е.В., фото Никонова А.": the author, then the photographer
    if before or after:
        return False
    shouted = any(p.word.isupper() and len(p.word) > 1 for p in mention.parts)
    return shouted or not text[line_end:].strip()


# ============================================================== 3. nominative


def choose_reading(doc: Doc, mention: NameMention) -> None:
    """Pick the gender and case the name's parts agree on, and put every part into the
    nominative of that gender."""
    for part in mention.parts:
        part.readings = part_readings(part)
    candidates = {(gender, case) for gender, case in product(("masc", "femn"), g.CASES)}
    gender, case = max(sorted(candidates), key=lambda gc: reading_score(doc, mention, gc))
    mention.gender, mention.case = gender, case
    for part in mention.parts:
        nominative = nominative_of(part, gender, case)
        if part.kind == "S":
            mention.surname = nominative
        elif part.kind == "F":
            mention.first = nominative
        elif part.kind == "P":
            mention.patronymic = nominative
        elif mention.first is None:
            mention.first = part.word + "."
        else:
            mention.patronymic = part.word + "."


def part_readings(part: NamePart) -> dict[tuple[str, str], str]:
    """(gender, case) → nominative, for every way the word can be read as its kind of part."""
    if part.kind == "I":
        return {(gender, case): part.word for gender in ("masc", "femn") for case in g.CASES}
    lower = part.word.lower()
    grammeme = {"S": "Surn", "F": "Name", "P": "Patr"}[part.kind]
    readings = dictionary_readings(lower, grammeme)
    table = g.PATRONYMIC_DECLENSIONS if part.kind == "P" else g.SURNAME_DECLENSIONS
    if not readings:
        readings = ending_readings(lower, table, part.kind)
    elif part.kind == "S" and not any(gender == "femn" for gender, _ in readings):
        # the dictionary knows only his forms of some surnames ("Хлебникова": his genitive);
        # her forms come from the endings, and the context decides
        for key, value in ending_readings(lower, table, part.kind).items():
            readings.setdefault(key, value)
    return {key: restore_case(value, part.word) for key, value in readings.items()}


def dictionary_readings(word: str, grammeme: str) -> dict[tuple[str, str], str]:
    readings = {}
    for parse in known_parses(word, grammeme):
        if "plur" in parse.tag:
            continue
        common = parse.tag.gender is None or "ms-f" in parse.tag
        genders = ("masc", "femn") if common else (str(parse.tag.gender),)
        for gender in genders:
            form = PymorphyParse.inflect(parse, {"nomn", "sing"} | (set() if common else {gender}))
            form = form or PymorphyParse.inflect(parse, {"nomn"})
            cases = (parse.tag.case,)
            if parse.tag.case in ("gen2", "acc2", "loc2", "voct"):
                cases = ({"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
                         [parse.tag.case],)
            for case in cases:
                readings.setdefault((gender, case), form.word if form else word)
    return readings


def ending_readings(word: str, table, kind: str) -> dict[tuple[str, str], str]:
    """Readings by the declension tables of ``grammars.people`` for words the dictionary does
    not know as names: "Агинея" → (masc, gent): "агиней"; "Шкондину" → (femn, accs): "шкондина".
    The longest matching ending wins; among equal ones, the first in the table."""
    readings: dict[tuple[str, str], str] = {}
    matched: dict[tuple[str, str], int] = {}
    if kind != "P" and g.CONSONANT_END_RE.search(word):
        readings.update({("femn", case): word for case in g.CASES})   # Гербер, Судибор (she)
        matched.update({("femn", case): 0 for case in g.CASES})
    for gender, nominative_ending, endings in table:
        for case, ending in endings.items():
            if not word.endswith(ending) or len(word) - len(ending) < 2:
                continue
            stem = word[:len(word) - len(ending)] if ending else word
            if nominative_ending == "" and not g.CONSONANT_END_RE.search(stem):
                continue
            if nominative_ending == "ь" and stem[-1:] in "аеиоуыэюяё":
                continue
            key = (gender, case)
            if len(ending) > matched.get(key, -1):
                readings[key] = stem + nominative_ending
                matched[key] = len(ending)
    if kind == "S" and matched.get(("femn", "nomn"), -1) > matched.get(("masc", "nomn"), 99):
        del readings[("masc", "nomn")]      # "Тржанова" is she (-ова), not he like "Никита"
    if kind != "P" and g.INDECLINABLE_RE.search(word):
        for key in product(("masc", "femn"), g.CASES):
            readings.setdefault(key, word)      # Голубенко, Черных, Гогебашвили
    return readings


def restore_case(form: str, like: str) -> str:
    """``form`` written like a name: Capitalised, each part of a hyphenated name too, and
    with "е" for "ё" where the text writes it so ("Семенов", not the dictionary's "Семёнов")."""
    if "ё" not in like.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    return "-".join(piece[:1].upper() + piece[1:] for piece in form.lower().split("-"))


NATASHA_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
                 "Loc": "loct"}
NATASHA_GENDERS = {"Masc": "masc", "Fem": "femn"}
POSITION_GENDERS = {**NATASHA_GENDERS, "Neut": "neut"}
WEIGHTS = {"F": 3.0, "P": 3.0, "S": 2.0, "I": 0.0}


def reading_score(doc: Doc, mention: NameMention, reading: tuple[str, str]) -> float:
    """How well (gender, case) fits the name's parts and its context."""
    gender, case = reading
    score = 0.0
    for part in mention.parts:
        if reading in part.readings:
            score += WEIGHTS[part.kind]
        if part.kind in "FP":
            token = doc[part.start]
            if NATASHA_CASES.get(first(token.morph.get("Case"))) == case:
                score += 0.5
            if NATASHA_GENDERS.get(first(token.morph.get("Gender"))) == gender:
                score += 0.25
    score += context_score(doc, mention, gender, case)
    return score


def first(values) -> str | None:
    return values[0] if values else None


def context_score(doc: Doc, mention: NameMention, gender: str, case: str) -> float:
    """Case and gender told by the words around the name, for names whose parts do not tell
    them ("Романова В.Е." is she in the nominative or he in the genitive?)."""
    score = 0.25 if case == "nomn" else 0.0
    head = apposition_head(doc, mention.start)
    if head is not None and NATASHA_CASES.get(first(head.morph.get("Case"))) == case:
        score += 1.5
    if head is not None and gender == "femn" and first(head.morph.get("Gender")) == "Fem":
        score += 1.0    # "ученица", "учительница": she (a masculine position word tells nothing)
    verb = agreeing_verb(doc, mention) if set(mention.kinds) <= {"S", "I"} else None
    if verb is not None and case == "nomn":
        verb_gender = NATASHA_GENDERS.get(first(verb.morph.get("Gender")))
        if verb_gender == gender:
            score += 1.0
    if gender == "femn" and case == "nomn" and head is None and clause_start(doc, mention.start):
        score += 0.25   # "Щербакова И.Е. и Никитина М.Н. выступили": she, not his genitive
    return score


def apposition_head(doc: Doc, start: int) -> Token | None:
    """The noun right before a name that the name stands in apposition to ("директора")."""
    j = start - 1
    while j >= 0 and is_space(doc[j]):
        j -= 1
    if j < 0 or doc[j].is_sent_end and j < start - 1:
        return None
    token = doc[j]
    if token.pos_ == "NOUN" and is_head_token(token):
        return governing_head(doc, token)
    return head_before_complement(doc, j)


def head_before_complement(doc: Doc, j: int, reach: int = 6) -> Token | None:
    """The position before a genitive complement that ends right before a name: "ученица
    городской школы Александра Шамарина" stands in apposition to "ученица"."""
    seen = 0
    while j >= 0 and seen < reach:
        token = doc[j]
        if is_space(token):
            if line_break(token):
                return None
        elif "Gen" in token.morph.get("Case") and token.pos_ in ("NOUN", "ADJ", "PROPN", "DET"):
            seen += 1
        elif token.pos_ == "NOUN" and is_head_token(token) and seen:
            return token
        else:
            return None
        j -= 1
    return None


def governing_head(doc: Doc, head: Token) -> Token:
    """The position the name stands in apposition to when the noun right before it is a
    genitive governed by another position word: "заместитель директора Юлия Титова",
    "заместители директора А.С. Хорина и Е.Б. Бельченко" name the deputies (in the case of
    "заместитель"), not the director."""
    if "Gen" not in head.morph.get("Case"):
        return head
    j = head.i - 1
    while j >= 0 and is_space(doc[j]) and not line_break(doc[j]):
        j -= 1
    if j < 0 or doc[j].is_sent_end:
        return head
    governor = doc[j]
    if governor.pos_ == "NOUN" and (is_head_token(governor) or is_plural_head(governor)) \
            and "Gen" not in governor.morph.get("Case"):
        return governor
    return head


def agreeing_verb(doc: Doc, mention: NameMention) -> Token | None:
    """The nearest past-tense singular verb of the sentence (the name's predicate, often)."""
    sent = doc[mention.start].sent
    verbs = [t for t in sent if t.pos_ == "VERB" and "Sing" in t.morph.get("Number")
             and "Past" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm")]
    if not verbs:
        return None
    return min(verbs, key=lambda v: min(abs(v.i - mention.start), abs(v.i - mention.end)))


def clause_start(doc: Doc, start: int) -> bool:
    """Nothing but a bullet, bracket or comma before the name in its sentence or line."""
    j = start - 1
    while j >= 0 and (is_space(doc[j]) or doc[j].text in "-–—•*(,;:|"):
        if line_break(doc[j]):
            return True
        j -= 1
    return j < 0 or doc[j + 1].is_sent_start or doc[j].is_sent_end


def nominative_of(part: NamePart, gender: str, case: str) -> str:
    """The part in the nominative of ``gender``: from the chosen reading, else any reading of
    that gender, else the word as written (an undeclined surname)."""
    if part.kind == "I":
        return part.word + "."
    if (gender, case) in part.readings:
        return part.readings[(gender, case)]
    for (reading_gender, reading_case), form in part.readings.items():
        if reading_gender == gender and reading_case == "nomn":
            return form
    return restore_case(part.word, part.word)


# ============================================================== 4. one person, one name


def full_name(mention: NameMention) -> str:
    parts = [mention.surname, mention.first, mention.patronymic]
    return " ".join(p for p in parts if p)


def name_key(name: str) -> tuple[str | None, str | None, str | None]:
    """(surname, first, patronymic) of a "Surname First Patronymic" string, lower case, ё→е;
    initials keep their dot. A name without a surname starts with its first name."""
    words = name.lower().replace("ё", "е").split()
    if len(words) == 2 and words[0][-1:] != "." and looks_like_patronymic(words[1]) \
            and known_parses(words[0], "Name"):
        return None, words[0], words[1]      # "Юрий Львович": named without the surname
    words += [None] * (3 - len(words))
    return words[0], words[1], words[2]


def looks_like_patronymic(word: str) -> bool:
    return word[-1:] != "." and patronymic_ending(word)


def compatible(a: str | None, b: str | None) -> bool:
    """Two first names (or patronymics) that may be the same: equal, one missing, or an initial
    and a name with that first letter."""
    if a is None or b is None or a == b:
        return True
    if a.endswith(".") or b.endswith("."):
        return a[0] == b[0]
    return False


def same_person(name_a: str, name_b: str) -> bool:
    surname_a, first_a, patr_a = name_key(name_a)
    surname_b, first_b, patr_b = name_key(name_b)
    if surname_a and surname_b and surname_a != surname_b:
        return False
    if not (surname_a and surname_b) and not (first_a and first_b and patr_a and patr_b) \
            and not (first_a and first_a == first_b and not first_a.endswith(".")):
        return False    # "Вера Владимировна" is "Князева Вера" or "Князева В.В."
    return compatible(first_a, first_b) and compatible(patr_a, patr_b)


def fuller_name(name_a: str, name_b: str) -> str:
    """The two names' parts combined, the full word over the initial."""
    surname_a, first_a, patr_a = name_key(name_a)
    surname_b, first_b, patr_b = name_key(name_b)
    words_a, words_b = name_words(name_a), name_words(name_b)
    surname = surname_a or surname_b
    chosen = [
        pick_word(words_a, words_b, surname_a, surname_b, 0),
        pick_word(words_a, words_b, first_a, first_b, 1),
        pick_word(words_a, words_b, patr_a, patr_b, 2),
    ]
    if surname is None:
        chosen[0] = None
    return " ".join(w for w in chosen if w)


def name_words(name: str) -> list[str | None]:
    """The written words of a name by slot: surname, first, patronymic."""
    words = name.split()
    surname, _, _ = name_key(name)
    if surname is None:
        words = [None] + words
    return words + [None] * (3 - len(words))


def pick_word(words_a, words_b, key_a, key_b, slot: int) -> str | None:
    if key_a and (not key_b or not key_a.endswith(".") or key_b.endswith(".")):
        return words_a[slot]
    return words_b[slot]


def resolve_names(mentions: list[NameMention]) -> list[NameMention]:
    """Give each mention the fullest name of its person in the document; drop lone surnames no
    fuller mention explains (a surname alone is too often a figure of the past or a work)."""
    clusters: list[str] = []
    order = sorted(range(len(mentions)), key=lambda i: -informativeness(mentions[i]))
    cluster_of: dict[int, int] = {}
    for i in order:
        name = full_name(mentions[i])
        matches = [c for c, known in enumerate(clusters) if same_person(known, name)]
        if len(matches) == 1:
            clusters[matches[0]] = fuller_name(clusters[matches[0]], name)
            cluster_of[i] = matches[0]
        elif not matches and mentions[i].kinds != "S":
            clusters.append(name)
            cluster_of[i] = len(clusters) - 1
    resolved = []
    for i, mention in enumerate(mentions):
        if i not in cluster_of:
            continue
        surname, first_name, patronymic = split_name(clusters[cluster_of[i]])
        mention.surname, mention.first, mention.patronymic = surname, first_name, patronymic
        resolved.append(mention)
    return resolved


def informativeness(mention: NameMention) -> float:
    score = 0.0
    for part in mention.parts:
        score += {"S": 3.0, "F": 2.0, "P": 2.0, "I": 0.5}[part.kind]
    return score


def split_name(name: str) -> tuple[str | None, str | None, str | None]:
    words = name_words(name)
    return words[0], words[1], words[2]


def stronger_role(a: str, b: str) -> str:
    return min(a, b, key=g.ROLE_ORDER.index)


# ============================================================== 5. position


def find_position(doc: Doc, mention: NameMention, person_tokens: set[int]) -> None:
    """The apposition on the left ("директор школы Иванова Анна") or, failing that, on the
    right ("Иванова Анна, директор школы; ...") of the name; failing both, a plural position
    before a list of names or the header of the table column the name stands in."""
    found = (left_position(doc, mention, person_tokens)
             or right_position(doc, mention, person_tokens)
             or shared_left_position(doc, mention, person_tokens)
             or column_position(doc, mention))
    if found:
        mention.position, mention.position_heads = found


def column_position(doc: Doc, mention: NameMention):
    """A name in a table cell under a header naming a position or role: "Наставник",
    "Ответственные", "Руководитель"."""
    header = header_cell(text_of(doc), *mention.char_span)
    if not header or len(header.split()) > 2:
        return None
    lemma = parses(header.split()[0].lower())[0].normal_form
    if lemma in g.COLUMN_ROLE_LEMMAS:
        return None, [lemma]        # a role, not a position: "Ответственные"
    if lemma in g.POSITION_HEAD_LEMMAS:
        return header.lower(), [lemma]
    return None


def header_cell(text: str, start: int, end: int) -> str | None:
    """The header of the table column the span ``[start, end)`` stands in: tables are lines
    of cells split by tabs or "|", the header is their first line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    separator = "\t" if "\t" in line else "|" if "|" in line else None
    if separator is None:
        return None
    column = text.count(separator, line_start, start)
    header = None
    row_end = line_start - 1
    for _ in range(g.MAX_TABLE_ROWS):
        if row_end < 0:
            break
        row_start = text.rfind("\n", 0, row_end) + 1
        row = text[row_start:row_end]
        if separator in row:
            header = row
        elif row.strip():
            break
        row_end = row_start - 1
    if header is None or re.search(r"\d", header):
        return None
    cells = header.split(separator)
    return cells[column].strip() if column < len(cells) else None


def share_positions(doc: Doc, mentions: list[NameMention]) -> None:
    """"первокурсников ФИТ Даниила Синицына, Андрея Карповского и Манаса Маулена": the names
    listed after the first share the position read off the plural head before it."""
    for before, after in zip(mentions, mentions[1:]):
        if before.shared_position and after.position is None and before.case == after.case \
                and enumeration_gap(doc, before.end, after.start):
            after.position, after.position_heads = before.position, before.position_heads
            after.shared_position = True


def is_head_token(token: Token) -> bool:
    """A word that heads a position: an animate singular noun, or a known position word."""
    lemma = token.lemma_.lower()
    if lemma in g.NOT_POSITION_LEMMAS:
        return False
    if indeclinable_head(token.text):
        return True
    if lemma in g.ACTING_LEMMAS:
        return "Part" in token.morph.get("VerbForm") and "Plur" not in token.morph.get("Number")
    if lemma in g.POSITION_HEAD_LEMMAS and token.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
        return "Plur" not in token.morph.get("Number")
    return (token.pos_ == "NOUN" and "Anim" in token.morph.get("Animacy")
            and "Sing" in token.morph.get("Number"))


@lru_cache(maxsize=5000)
def indeclinable_head(word: str) -> bool:
    """"врио", "и.о.", and "зам" glued to a head in the genitive ("замглавы", "замминистра")."""
    lower = word.lower()
    if lower in g.INDECLINABLE_HEADS:
        return True
    rest = lower[len(g.DEPUTY_PREFIX):]
    return lower.startswith(g.DEPUTY_PREFIX) and len(rest) > 3 and any(
        p.normal_form in g.POSITION_HEAD_LEMMAS and "gent" in p.tag for p in known_parses_of(rest))


@lru_cache(maxsize=50000)
def known_parses_of(word: str) -> tuple:
    return tuple(p for p in parses(word) if p.is_known)


def head_in_case(token: Token, case: str) -> bool:
    """A head of the name's case: by the tagger's reading, or, where the tagger read a known
    position word as plural ("учителя", "директора"), by a singular dictionary reading in
    that case."""
    if indeclinable_head(token.text):
        return True
    if is_head_token(token) and agrees_in_case(token, case):
        return True
    lemma = token.lemma_.lower()
    cases = {"gent", "accs"} if case in ("gent", "accs") else {case}
    return lemma in g.POSITION_HEAD_LEMMAS and any(
        p.normal_form == lemma and "NOUN" in p.tag and "sing" in p.tag and p.tag.case in cases
        for p in known_parses_of(token.text.lower()))


def agrees_in_case(token: Token, case: str) -> bool:
    """An apposition stands in its name's case; the tagger mixes up the genitive and the
    accusative of animate nouns ("директора"), so these two agree."""
    token_case = NATASHA_CASES.get(first(token.morph.get("Case")))
    if token_case is None or token_case == case:
        return True
    return {token_case, case} == {"gent", "accs"}


def is_modifier_token(token: Token) -> bool:
    return token.lemma_.lower() in g.POSITION_MODIFIER_LEMMAS or token.text.lower() in (
        "и.о.", "врио", "вице")


STOP_POS = frozenset({"AUX", "PRON", "SCONJ", "INTJ"})
STOP_PUNCT = frozenset({":", ";", "!", "?", "|", "…"})


def stops_position(token: Token, person_tokens: set[int]) -> bool:
    """Tokens a position never runs across: verbs, pronouns, clause punctuation, people."""
    if token.i in person_tokens or line_break(token) or "\t" in token.text:
        return True
    if token.i in abbreviation_tokens(token.doc) or token.text.lower() == "им":
        return False    # "к.п.н.", "им." (имени) are tagged as anything
    if token.pos_ == "VERB":
        return "Part" not in token.morph.get("VerbForm")
    if finite_verb_word(token.text):
        return True     # "Выступил" opening a sentence, tagged as an adjective
    if token.pos_ in STOP_POS:
        return True
    if token.pos_ == "ADV":
        return not is_modifier_token(token)
    return token.text in STOP_PUNCT or token.text in g.DASH_CHARS


@lru_cache(maxsize=50000)
def finite_verb_word(word: str) -> bool:
    """Every dictionary reading of the word is a finite verb form: "Выступил", "Отметила"."""
    readings = known_parses_of(word.lower())
    return bool(readings) and all("VERB" in p.tag for p in readings)


@dataclass
class Segment:
    """A comma-delimited piece of a position: tokens ``[start, end)`` and its head."""

    start: int
    end: int
    head: int | None
    stop: str       # what ended it: "comma", "sentence", "stop", "person"
    plural_head: int | None = None    # "первокурсников" of "первокурсников ФИТ Даниила Синицына"


def segment_left(doc: Doc, end: int, sent_start: int, case: str,
                 person_tokens: set[int]) -> Segment:
    """Walk left from token ``end`` (exclusive) to the start of a position segment: its head
    is the leftmost position word agreeing with the name's case ("первый заместитель министра
    образования ..." → "заместитель")."""
    abbreviations = abbreviation_tokens(doc)
    j = end - 1
    head = plural_head = None
    depth = 0
    stop = "sentence"
    while j >= sent_start:
        if end - j > g.MAX_POSITION_TOKENS:
            stop = "stop"
            break
        token = doc[j]
        text = token.text
        if text in "»”" or (text == '"' and depth == 0):
            depth += 1
        elif text in "«„“" or text == '"':
            depth = max(0, depth - 1)
        elif depth == 0:
            if text == ")":
                opening = bracket_opening(doc, j, sent_start)
                if opening is None:
                    stop = "stop"
                    break
                j = opening - 1        # "Народного собрания Республики Дагестан (РД)"
                continue
            if text == "," and not enumeration_comma(doc, j):
                stop = "comma"
                break
            if text == "(" or stops_position(token, person_tokens):
                stop = "person" if token.i in person_tokens else "stop"
                break
            if j in abbreviations:
                head = j = abbreviations[j]
            elif head_in_case(token, case) and not modifies_next_head(doc, j, end):
                head = j
            elif is_plural_head(token) and agrees_in_case(token, case):
                plural_head = j
        j -= 1
    if head is not None and plural_head is not None and governs(doc, plural_head, head):
        head = None     # "кандидатов на пост ректора ВГУ Аркадия Минакова": the plural heads it
    start = extend_modifiers(doc, head) if head is not None else j + 1
    return Segment(start, end, head, stop, plural_head)


def governs(doc: Doc, plural_head: int, head: int) -> bool:
    """A plural head a few words left of a singular one, a preposition between them and no
    conjunction: the singular one is its dependent ("кандидатов на пост ректора ВГУ"), not
    the position itself ("наши артисты певица Елена Воронцова", "учащиеся и их учитель")."""
    between = [t for t in doc[plural_head + 1:head] if not is_space(t)]
    return (plural_head < head and len(between) <= g.MAX_GOVERNED_GAP
            and any(t.pos_ == "ADP" for t in between)
            and not any(t.pos_ == "CCONJ" for t in between))


def is_plural_head(token: Token) -> bool:
    """"учителя", "первокурсников", "депутаты": a position shared by the names listed after it."""
    return (token.pos_ == "NOUN" and "Anim" in token.morph.get("Animacy")
            and "Plur" in token.morph.get("Number")
            and token.lemma_.lower() not in g.NOT_POSITION_LEMMAS)


def enumeration_comma(doc: Doc, j: int) -> bool:
    """A comma between words of one case inside a position: "комиссии по развитию
    дошкольного, школьного, среднего профессионального образования", "Института математики,
    механики и компьютерных наук", "комитета по образованию, социальным вопросам, охране
    здоровья, культуре": the word after the comma takes up the case of one of the two words
    before it, and heads no position of its own."""
    after = skip_space(doc, j + 1)
    if j < 1 or after >= len(doc):
        return False
    right = doc[after]
    if right.pos_ not in ("ADJ", "NOUN") or is_head_token(right) or is_plural_head(right):
        return False
    case = right.morph.get("Case")
    lefts = [t for t in doc[max(0, j - 2):j] if t.pos_ in ("ADJ", "NOUN")]
    return bool(case) and any(t.morph.get("Case") == case for t in lefts)


def bracket_opening(doc: Doc, close: int, sent_start: int) -> int | None:
    """The "(" of a short bracket (an abbreviation) closed at ``close``."""
    for j in range(close - 1, max(sent_start, close - 6) - 1, -1):
        if doc[j].text == "(":
            return j
    return None


ABBREVIATIONS_KEY = "report_miner.people.abbreviations"


def abbreviation_tokens(doc: Doc) -> dict[int, int]:
    """Token index → first token of the abbreviation heading a position it is part of: a
    degree ("к.п.н.", "д.т.н." are six tokens each) or "и.о." (four), tagged as anything."""
    found = doc.user_data.get(ABBREVIATIONS_KEY)
    if found is None:
        found = doc.user_data[ABBREVIATIONS_KEY] = {}
        text = text_of(doc)
        for match in [*g.DEGREE_RE.finditer(text), *g.ACTING_RE.finditer(text)]:
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            for i in range(span.start, span.end):
                found[i] = span.start
    return found


def extend_modifiers(doc: Doc, head: int) -> int:
    """Move a segment's start over the words in front of its head that belong to the position:
    "первый заместитель", "заслуженная деятель", "временно исполняющий обязанности ректора"."""
    start = head
    head_case = doc[head].morph.get("Case")
    j = head - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        token = doc[j]
        agreeing = token.pos_ in ("ADJ", "VERB") and token.morph.get("Case") == head_case \
            and "Part" in token.morph.get("VerbForm", ["Part"]) and bool(head_case) \
            and not finite_verb_word(token.text)
        if not (is_space(token) or is_modifier_token(token) or agreeing):
            break
        if not is_space(token):
            start = j
        j -= 1
    return start


def left_position(doc: Doc, mention: NameMention, person_tokens: set[int]):
    sent_start = doc[mention.start].sent.start

    def segment_before(end: int) -> Segment:
        return segment_left(doc, end, sent_start, mention.case, person_tokens)

    segment = segment_before(mention.start)
    segments = [segment] if segment.head is not None else []
    if not segments and segment.stop == "comma" and segment.start == mention.start:
        # "Экскурсовод, Юрий Львович, рассказал": a position, a comma, the name, at clause start
        before = segment_before(comma_index(doc, mention.start))
        if before.head is not None and before.stop == "sentence":
            segments = [before]
    while segments and segments[0].stop == "comma":
        before = segment_before(comma_index(doc, segments[0].start))
        if before.head is None or before.stop == "person":
            break
        segments.insert(0, before)
    if not segments:
        return None
    mention.position_start = segments[0].start
    return position_text(doc, segments, mention.case)


def shared_left_position(doc: Doc, mention: NameMention, person_tokens: set[int]):
    """"первокурсники физического факультета Даниил Синицын и ...": a plural head before the
    name, its position shared by the names listed after it (see ``share_positions``)."""
    sent_start = doc[mention.start].sent.start
    segment = segment_left(doc, mention.start, sent_start, mention.case, person_tokens)
    if segment.plural_head is None:
        return None
    start = extend_modifiers(doc, segment.plural_head)
    shared = Segment(start, segment.end, segment.plural_head, segment.stop)
    found = position_text(doc, [shared], mention.case, plural=True)
    mention.shared_position = found is not None
    return found


def comma_index(doc: Doc, start: int) -> int:
    """The index of the comma a segment starting at ``start`` stopped at."""
    j = start - 1
    while j >= 0 and doc[j].text != ",":
        j -= 1
    return max(j, 0)


def right_position(doc: Doc, mention: NameMention, person_tokens: set[int]):
    """"Вера Князева, президент Ассоциации, директор школы № 777;" up to the clause's end."""
    sent_end = doc[mention.end - 1].sent.end
    j = skip_space(doc, mention.end)
    if j < sent_end and (doc[j].text == "," or doc[j].text in g.DASH_CHARS):
        j = skip_space(doc, j + 1)
    elif not (j < sent_end and head_in_case(doc[j], mention.case)):
        return None     # "Вячеслав Пырков кандидат педагогических наук": no comma, same case
    segments = []
    while j < sent_end:
        segment = segment_right(doc, j, sent_end, person_tokens)
        if segment is None or runs_into_name(doc, segment):
            break
        segments.append(segment)
        if segment.stop != "comma":
            break
        j = skip_space(doc, segment.end + 1)
    if not segments:
        return None
    return position_text(doc, segments, mention.case)


def runs_into_name(doc: Doc, segment: Segment) -> bool:
    """The segment reaches the next name with no conjunction before it: it is that name's
    position, written on its left ("Дарью Капралову, учителя физики Кристину Савину")."""
    if segment.stop != "person":
        return False
    j = segment.end - 1
    while j > segment.start and is_space(doc[j]):
        j -= 1
    return doc[j].pos_ != "CCONJ"


def skip_space(doc: Doc, j: int) -> int:
    while j < len(doc) and is_space(doc[j]) and not line_break(doc[j]):
        j += 1
    return j


def modifies_next_head(doc: Doc, j: int, sent_end: int) -> bool:
    """A word that heads positions alone ("старший", "ответственный") but here stands before
    a noun head: "старшего (научного) сотрудника" is headed by "сотрудника"."""
    if doc[j].pos_ != "ADJ":
        return False
    following = skip_space(doc, j + 1)
    for _ in range(g.MAX_MODIFIERS_BEFORE_HEAD):
        if following >= sent_end or doc[following].pos_ != "ADJ":
            break
        following = skip_space(doc, following + 1)
    return following < sent_end and doc[following].pos_ == "NOUN" and is_head_token(doc[following])


def segment_right(doc: Doc, start: int, sent_end: int, person_tokens: set[int]) -> Segment | None:
    """A segment starting at ``start`` with a head (after its modifiers), up to a comma or stop."""
    j = start
    while j < sent_end and is_modifier_token(doc[j]) and (
            not is_head_token(doc[j]) or modifies_next_head(doc, j, sent_end)):
        j = skip_space(doc, j + 1)
    if j >= sent_end or not (is_head_token(doc[j]) or j in abbreviation_tokens(doc)
                             or doc[j].lemma_.lower() in g.TITLE_LEMMAS):
        return None
    head = j
    depth = brackets = 0
    stop = "sentence"
    while j < sent_end and j - start <= g.MAX_POSITION_TOKENS:
        token = doc[j]
        text = token.text
        if text in "«„“" or (text == '"' and depth == 0):
            depth += 1
        elif text in "»”" or text == '"':
            depth = max(0, depth - 1)
        elif text == "(":
            brackets += 1
        elif text == ")":
            if brackets == 0:
                stop = "stop"
                break
            brackets -= 1
        elif depth == 0:
            if text == "," and not enumeration_comma(doc, j):
                stop = "comma"
                break
            if stops_position(token, person_tokens) or token.is_sent_end and text == ".":
                stop = "person" if j in person_tokens else "stop"
                break
        j += 1
    return Segment(start, j, head, stop)


def position_text(doc: Doc, segments: list[Segment], case: str, plural: bool = False):
    """The position as written, from the first segment to the last, with each segment's head
    put into the nominative when the name is not ("директора школы" → "директор школы"), and
    into the singular when it is shared ("первокурсников ФИТ" → "первокурсник ФИТ")."""
    pieces = [segment_text(doc, segment, case, plural) for segment in segments]
    text = ", ".join(p for p in pieces if p)
    text = text.strip(" ,;–—-")
    if text.endswith(".") and not re.search(r"(?<![А-Яа-яЁё])[а-яё]{1,3}\.$", text):
        text = text[:-1]    # the sentence's full stop, not the dot of "г." or "им."
    heads = [doc[s.head].lemma_.lower() for s in segments if s.head is not None]
    return (text, heads) if text else None


def segment_text(doc: Doc, segment: Segment, case: str, plural: bool = False) -> str:
    words = []
    grams = {"nomn", "sing"} if plural else {"nomn"}
    modifier_prefer = {case} | head_gender(doc, segment)
    for token in doc[segment.start:segment.end]:
        text = token.text
        if (case != "nomn" or plural) and segment.head is not None and token.i <= segment.head \
                and declines_with_name(token, token.i == segment.head, case):
            prefer = {case} if token.i == segment.head else modifier_prefer
            text = inflect_word(text, grams, prefer=prefer)
        words.append(text + token.whitespace_)
    return unwrap("".join(words)).strip(" ,;–—-\n\t")


def head_gender(doc: Doc, segment: Segment) -> set[str]:
    """The gender of the segment's head noun, so that an ambiguous modifier ("старшего":
    masculine or neuter) goes into the nominative of the head's gender ("старший инспектор")."""
    if segment.head is None:
        return set()
    gender = first(doc[segment.head].morph.get("Gender"))
    return {POSITION_GENDERS[gender]} if gender in POSITION_GENDERS else set()


def declines_with_name(token: Token, is_head: bool, case: str) -> bool:
    """A word of a position standing in the name's case: the head and its modifiers."""
    if indeclinable_head(token.text) or token.pos_ not in ("NOUN", "ADJ", "VERB", "DET"):
        return False
    if is_head and head_in_case(token, case):
        return True
    return agrees_in_case(token, case) and bool(first(token.morph.get("Case")))


# ============================================================== 6. roles
#
# Each cue word of a sentence gives its role to the people it concerns: a verb to its subject
# (the nearest agreeing name in the nominative, or all of them for a plural verb), a noun to the
# nearest name and the names coordinated with it. A name also takes the role of the list it
# stands in ("На заседании выступили:" and the lines after it), and "speaker" when a quote
# follows it. The strongest role wins (grammars.people.ROLE_ORDER).


@dataclass
class Cue:
    token: Token
    role: str
    kind: str      # "verb": its subject; "noun": the nearest name and its coordinated names


def assign_roles(doc: Doc, mentions: list[NameMention]) -> None:
    by_sentence: dict[int, list[NameMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(doc[mention.start].sent.start, []).append(mention)
    list_role = None
    sentence_starts: list[int] = []
    for sent in doc.sents:
        here = by_sentence.get(sent.start, [])
        if not starts_item(doc, sent, here):
            list_role = None
        roles = {id(m): set(position_roles(m)) for m in here}
        speech_words: dict[int, set[str]] = {id(m): set() for m in here}
        for cue in sentence_cues(doc, sent):
            targets = cue_targets(doc, cue, here)
            for mention in targets:
                roles[id(mention)].add(cue.role)
                if cue.role == "speaker":
                    speech_words[id(mention)].add(cue.token.lemma_.lower())
            if not targets and cue.role == "speaker" and cue.kind == "verb":
                window_start = sentence_starts[-g.PRONOUN_SENTENCES] if len(
                    sentence_starts) >= g.PRONOUN_SENTENCES else 0
                antecedent = speaker_antecedent(doc, cue.token, mentions, window_start)
                if antecedent is not None and id(antecedent) in roles:
                    roles[id(antecedent)].add("speaker")
                elif antecedent is not None:
                    antecedent.role = strongest({antecedent.role, "speaker"})
        for mention in here:
            if quoted_after(doc, mention) or titled_talk(doc, mention) or met_with(doc, mention):
                roles[id(mention)].add("speaker")
                speech_words[id(mention)].add("")
            if under_leadership(doc, mention):
                roles[id(mention)].add("organizer")
            if list_role and (starts_item(doc, sent, [mention]) or line_item(doc, sent)):
                roles[id(mention)].add(list_role)
                speech_words[id(mention)].add("")
            if "winner" in roles[id(mention)] and mentored(doc, mention):
                roles[id(mention)].discard("winner")
            if contest_entry(roles[id(mention)], speech_words[id(mention)]):
                roles[id(mention)].discard("speaker")
            mention.role = strongest(roles[id(mention)])
        list_role = opened_list_role(doc, sent, here) or list_role
        sentence_starts.append(sent.start)


def contest_entry(roles: set[str], speech_words: set[str]) -> bool:
    """A winner whose only speech is the entry they won with: "выступила с темой ... и заняла
    второе место" is a contestant's performance, not a speech at the event."""
    return {"winner", "speaker"} <= roles and bool(speech_words) \
        and speech_words <= g.CONTEST_ENTRY_LEMMAS


def speaker_antecedent(doc: Doc, verb: Token, mentions: list[NameMention],
                       previous_start: int) -> NameMention | None:
    """The person a speech verb without a named subject refers back to: "Министр подчеркнул"
    → the last person whose position is headed by "министр"; "Она рассказала" → the last
    person of her gender named in this sentence or the few before (from ``previous_start``)."""
    subject = anaphoric_subject(doc, verb)
    if subject is None:
        return None
    earlier = [m for m in mentions if m.end <= subject.i]
    if subject.pos_ == "PRON":
        gender = NATASHA_GENDERS.get(first(subject.morph.get("Gender")))
        earlier = [m for m in earlier if m.start >= previous_start and m.gender == gender]
    else:
        earlier = [m for m in earlier if subject.lemma_.lower() in m.position_heads]
    return earlier[-1] if earlier else None


def anaphoric_subject(doc: Doc, verb: Token) -> Token | None:
    """The subject of ``verb`` when it is "он"/"она" or a position word standing alone
    ("Министр", "Глава города"): a singular nominative a few words before or after the verb,
    agreeing with it in gender where the verb shows one."""
    verb_gender = first(verb.morph.get("Gender"))
    sent = verb.sent
    start = max(sent.start, verb.i - g.ANAPHOR_WINDOW)
    end = min(sent.end, verb.i + g.ANAPHOR_WINDOW + 1)
    for token in sorted(doc[start:end], key=lambda t: abs(t.i - verb.i)):
        if "Nom" not in token.morph.get("Case") or "Sing" not in token.morph.get("Number"):
            continue
        pronoun = token.pos_ == "PRON" and token.text.lower() in g.PERSONAL_PRONOUNS
        position = token.pos_ == "NOUN" and token.lemma_.lower() in g.POSITION_HEAD_LEMMAS
        if not (pronoun or position):
            continue
        if pronoun and verb_gender and first(token.morph.get("Gender")) != verb_gender:
            continue
        return token
    return None


def strongest(roles: set[str]) -> str:
    return min(roles, key=g.ROLE_ORDER.index) if roles else "other"


# ---------------------------------------------------------------- cues of a sentence


def sentence_cues(doc: Doc, span: Span) -> list[Cue]:
    """The role cues among the words of ``span``."""
    cues = []
    giving = any(t.pos_ == "VERB" and t.lemma_ in g.GIVING_VERB_LEMMAS for t in span)
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
            if lemma in g.SPEECH_VERB_LEMMAS and not copular_use(span, token) \
                    and not representing(doc, token) and not reporter_teaser(span, token):
                cues.append(Cue(token, "speaker", "verb"))
            elif lemma in g.OPENING_VERB_LEMMAS and event_near(doc, token):
                cues.append(Cue(token, "speaker", "verb"))
            elif lemma in g.TEACHING_VERB_LEMMAS and teaching_object(doc, token):
                cues.append(Cue(token, "speaker", "verb"))
            if lemma in g.ORGANIZER_VERB_LEMMAS and event_near(doc, token):
                cues.append(Cue(token, "organizer", "verb"))
            if lemma in g.WINNER_VERB_LEMMAS or lemma == "занять" and any(
                    t.lemma_ == "место" for t in doc[token.i + 1:token.i + 5]):
                cues.append(Cue(token, "winner", "verb"))
        elif passive_speech(token):
            cues.append(Cue(token, "speaker", "agent"))
        elif token.pos_ == "NOUN" and lemma in g.SPEECH_NOUN_LEMMAS | g.SPEAKER_POSITION_LEMMAS \
                or substantive_host(doc, token):
            cues.append(Cue(token, "speaker", "noun"))
        elif opinion_word(token):
            cues.append(Cue(token, "speaker", "verb"))
        if lemma in g.ORGANIZER_NOUN_LEMMAS and token.pos_ == "NOUN":
            cues.append(Cue(token, "organizer", "noun"))
        if winner_word(doc, token):
            cues.append(Cue(token, "winner", "given" if giving else "noun"))
        if lemma in g.PARTICIPANT_LEMMAS:
            cues.append(Cue(token, "speaker" if in_discussion(doc, token) else "participant", "all"))
    return cues


def in_discussion(doc: Doc, token: Token) -> bool:
    """"В обсуждении приняли участие ...": who takes part in a discussion speaks at it."""
    words = [t for t in doc[max(token.sent.start, token.i - g.DISCUSSION_WINDOW):token.i] if is_word(t)]
    return any(t.lemma_.lower() in g.DISCUSSION_LEMMAS and words[k - 1].lower_ in ("в", "во")
               for k, t in enumerate(words) if k > 0)


def substantive_host(doc: Doc, token: Token) -> bool:
    """"ведущий" used as a noun, the host of the event ("Ведущим форума стал ..."), not as the
    modifier of the noun after it ("ведущий специалист")."""
    if token.pos_ != "ADJ" or token.lemma_.lower() not in g.SPEAKER_POSITION_LEMMAS:
        return False
    following = skip_space(doc, token.i + 1)
    if following >= len(doc) or doc[following].pos_ not in ("NOUN", "PROPN"):
        return True
    return first(doc[following].morph.get("Case")) != first(token.morph.get("Case"))


def passive_speech(token: Token) -> bool:
    """"Начальником отдела Ольгой Трубловской подведены итоги", "был представлен анализ": a
    short passive participle of a speech verb, its agent in the instrumental."""
    morph = token.morph
    return (token.lemma_.lower() in g.SPEECH_VERB_LEMMAS and "Part" in morph.get("VerbForm")
            and "Pass" in morph.get("Voice") and "Short" in morph.get("Variant"))


def reporter_teaser(span: Span, verb: Token) -> bool:
    """"Чем удивляли конкурсанты, расскажет Анастасия Николаева": a broadcast's reporter, named
    by a future speech verb closing a sentence that opens with a question word."""
    if "Fut" not in verb.morph.get("Tense"):
        return False
    opening = next((t for t in span if is_word(t)), None)
    return opening is not None and opening.i < verb.i \
        and opening.text.lower() in g.TEASER_OPENING_WORDS


def representing(doc: Doc, verb: Token) -> bool:
    """"будет представлять наш регион", "представила гимназию на конкурсе": to represent a
    place or a body, not to present a talk."""
    if verb.lemma_.lower() not in g.REPRESENTING_VERB_LEMMAS:
        return False
    after = [t for t in doc[verb.i + 1:verb.sent.end] if is_word(t)][:g.REPRESENTED_WINDOW]
    return any(t.lemma_.lower() in g.REPRESENTED_LEMMAS or t.ent_type_ in ("LOC", "ORG")
               for t in after if t.pos_ in ("NOUN", "PROPN"))


def teaching_object(doc: Doc, verb: Token) -> bool:
    """The verb leads a lesson, master class, lecture or excursion: "провела открытый урок",
    "показала мастер-класс", "Экскурсию провела ...", "урока ..., который провела ...";
    not a contest's task ("в рамках конкурса провела открытый урок")."""
    sent = verb.sent
    after = [t for t in doc[verb.i + 1:sent.end] if is_word(t)][:g.TEACHING_OBJECT_WINDOW]
    before = [t for t in doc[max(sent.start, verb.i - 8):verb.i] if is_word(t)][-g.TEACHING_OBJECT_WINDOW:]
    relative = next((t for t in reversed(before) if t.lemma_ in g.RELATIVE_PRONOUN_LEMMAS), None)
    if relative is not None:
        start = max(sent.start, relative.i - g.RELATIVE_ANTECEDENT_WINDOW)
        before = [t for t in doc[start:relative.i] if is_word(t)]
    if any(t.lemma_.lower() in g.CONTEST_LEMMAS for t in sent):
        return False
    return any(t.lemma_.lower() in g.TEACHING_EVENT_LEMMAS for t in [*before, *after])


def opinion_word(token: Token) -> bool:
    """"уверена", "убеждён": a short adjective that, like a speech verb, reports its subject's
    words ("Директор Светлана Кириллова уверена, что ...")."""
    return "Short" in token.morph.get("Variant") and token.text.lower().replace("ё", "е").startswith(
        g.OPINION_STEMS)


def event_near(doc: Doc, verb: Token) -> bool:
    """"Заседание открыла ...", "открыл конференцию", "Пленарную часть заседания открыл ..."."""
    start, end = max(0, verb.i - 4), min(len(doc), verb.i + 5)
    return any(t.lemma_ in g.EVENT_NOUN_LEMMAS for t in doc[start:end])


def copular_use(span: Span, verb: Token) -> bool:
    """"выступил организатором", "выступили в качестве экспертов": not a speech (while "по
    проблеме качества образования" or "организатор конкурса ... выступила" are)."""
    if verb.lemma_ not in ("выступить", "выступать"):
        return False
    doc = span.doc
    return any(
        t.lemma_ in g.ORGANIZER_NOUN_LEMMAS | {"партнёр", "партнер", "спонсор"}
        and "Ins" in t.morph.get("Case")
        or t.text.lower() == "качестве" and t.i > 0 and doc[t.i - 1].text.lower() == "в"
        for t in span)


def winner_word(doc: Doc, token: Token) -> bool:
    """"победителем", "ПОБЕДИТЕЛЬ", "лауреаты", "I место", "диплом II степени"."""
    lemma = token.lemma_.lower()
    if lemma in ("место", "степень"):
        return ordinal_before(doc, token.i)
    if lemma not in g.WINNER_NOUN_LEMMAS:
        return False
    return first(token.morph.get("Case")) in ("Nom", "Ins", "Acc", None) or token.text.isupper()


def ordinal_before(doc: Doc, i: int) -> bool:
    """"I место", "1 место", "первое место", "диплом II степени", "призовое место"."""
    j = i - 1
    while j >= 0 and is_space(doc[j]):
        j -= 1
    if j < 0:
        return False
    return bool(re.fullmatch(r"[IVX]+|\d+|\d+-?е", doc[j].text)) or doc[j].lemma_ in (
        "первый", "второй", "третий", "призовой")


# ---------------------------------------------------------------- whom a cue concerns


def cue_targets(doc: Doc, cue: Cue, here: list[NameMention]) -> list[NameMention]:
    if cue.kind == "all":           # "приняли участие ...", "с участием министра ..."
        if cue.token.lemma_ == "участие" and "Ins" in cue.token.morph.get("Case"):
            return [m for m in here if m.case == "gent" and cue.token.i < m.start
                    and distance(cue.token, m) <= 8]
        return [m for m in here if m.case == "nomn"]
    if cue.kind == "verb":
        return verb_subjects(cue.token, here)
    if cue.kind == "given":         # "наградила ... Ольгу Шкондину": the addressee won
        return [m for m in here if m.case in ("accs", "datv")]
    if cue.kind == "agent":         # "Начальником отдела Ольгой Трубловской подведены итоги"
        agents = [m for m in here if m.case == "ablt" and not after_preposition(doc, m)]
        if not agents:
            return []
        return coordinated_with(doc, min(agents, key=lambda m: distance(cue.token, m)), here)
    cases = ("nomn", "gent", "ablt", "datv") if cue.token.lemma_ == "слово" else ("nomn", "gent", "ablt")
    near = [m for m in here if m.case in cases and distance(cue.token, m) <= 12]
    if not near:
        return []
    nearest = min(near, key=lambda m: distance(cue.token, m))
    return coordinated_with(doc, nearest, here)


def phrase_opening(doc: Doc, mention: NameMention) -> Token | None:
    """The word before the noun phrase the name closes, its position words skipped: "с" of
    "с настоятелем Покровского храма, протоиереем Александром Добросельским"; None at the
    sentence's start."""
    sent_start = doc[mention.start].sent.start
    j = mention.start - 1
    while j >= sent_start:
        token = doc[j]
        if not (is_space(token) or token.text in ",«»\"№" or token.pos_ in ("NOUN", "ADJ", "PROPN",
                                                                           "NUM", "DET")):
            return token
        j -= 1
    return None


def after_preposition(doc: Doc, mention: NameMention) -> bool:
    opening = phrase_opening(doc, mention)
    return opening is not None and opening.pos_ == "ADP"


def met_with(doc: Doc, mention: NameMention) -> bool:
    """The guest of a meeting or talk: "встреча школьников с писателем Андреем Усачёвым",
    "За круглым столом с настоятелем храма, протоиереем ... педагоги обсудили", "ребята
    встретились с ветераном ...": they speak to those who came."""
    opening = phrase_opening(doc, mention)
    if mention.case != "ablt" or opening is None or opening.text.lower() not in ("с", "со"):
        return False
    for word in previous_words(doc, opening.i, g.MEETING_WITH_GAP):
        if word.lemma_.lower() in g.MEETING_WITH_LEMMAS:
            return True
        if word.pos_ in ("VERB", "AUX"):
            return False    # "На встрече директор поделился с коллегой ...": another verb's
    return False


def distance(token: Token, mention: NameMention) -> int:
    if token.i < mention.start:
        return mention.start - token.i
    return max(0, token.i - mention.end + 1)


def verb_subjects(verb: Token, here: list[NameMention]) -> list[NameMention]:
    """Names in the nominative that may be the verb's subject: all of them for a plural verb,
    the nearest one agreeing in gender for a singular one. A name right of the verb is its
    subject only in the verb's own clause ("— отметила директор Анна Иванова"), not past a
    comma or quote ("выступила с темой «...», научный руководитель Лескова Э.А.")."""
    subjects = [m for m in here if m.case == "nomn"]
    if "Plur" in verb.morph.get("Number"):
        return subjects
    verb_gender = NATASHA_GENDERS.get(first(verb.morph.get("Gender")))
    agreeing = [m for m in subjects if not (verb_gender and m.gender and m.gender != verb_gender)
                and not (m.start > verb.i and clause_break(verb, m))]
    if not agreeing:
        return []
    return [min(agreeing, key=lambda m: distance(verb, m))]


def clause_break(verb: Token, mention: NameMention) -> bool:
    """Clause punctuation between a verb and a name right of it, the name's own position
    ("декан факультета, к.п.н., доцент Кокин В.А.", "глава МО «Выборгский район»") left out."""
    doc = verb.doc
    end = mention.start
    if mention.position_start is not None and mention.position_start > verb.i:
        end = mention.position_start
    return any(t.text in CLAUSE_PUNCT for t in doc[verb.i + 1:end])


CLAUSE_PUNCT = frozenset({",", ";", ":", "«", "»", "\"", "(", ")"})


def coordinated_with(doc: Doc, mention: NameMention, here: list[NameMention]) -> list[NameMention]:
    """The name and the names joined to it by commas or "и" in one enumeration (positions in
    between allowed): "слов Любовь Николаевны Волковой, Руслана Викторовича Агиней и ..."."""
    index = here.index(mention)
    group = [mention]
    for step in (-1, 1):
        j = index
        while 0 <= j + step < len(here):
            a, b = sorted((here[j], here[j + step]), key=lambda m: m.start)
            if a.case != b.case or not enumeration_gap(doc, a.end, b.start):
                break
            j += step
            group.append(here[j])
    return group


def enumeration_gap(doc: Doc, start: int, end: int) -> bool:
    """Only commas, "и", "а также", position words and short brackets ("(7А)") between two
    names of one list."""
    gap = text_of(doc)[doc[start].idx:doc[end].idx] if end > start else ""
    gap = re.sub(r"\([^()]{0,12}\)", " ", gap)
    if len(gap) > 250 or not re.search(r",|(?<![^\W\d_])и(?![^\W\d_])", gap):
        return False
    tokens = [t for t in doc[start:end] if not is_space(t)]
    return not re.search(r"[:;()]", gap) and not any(
        t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") for t in tokens)


# ---------------------------------------------------------------- cues of one name


def position_roles(mention: NameMention) -> set[str]:
    heads = set(mention.position_heads)
    roles = set()
    if heads & g.SPEAKER_POSITION_LEMMAS:
        roles.add("speaker")
    if heads & g.ORGANIZER_POSITION_LEMMAS:
        roles.add("organizer")
    if heads & {"победитель", "призёр", "призер", "лауреат", "дипломант"}:
        roles.add("winner")
    return roles


def under_leadership(doc: Doc, mention: NameMention) -> bool:
    """"совещание ... под руководством министра Сергея Кравцова": the one who leads an event."""
    words = previous_words(doc, mention.start, 6)
    texts = [t.text.lower() for t in reversed(words)]
    led = any(a == "под" and b == "руководством" for a, b in zip(texts, texts[1:]))
    return led and any(t.lemma_ in g.EVENT_NOUN_LEMMAS for t in doc[mention.start].sent)


def mentored(doc: Doc, mention: NameMention) -> bool:
    """A teacher who prepared a winner: "под руководством педагога ...", "подготовила педагог"."""
    return any(t.lemma_ in g.MENTOR_LEMMAS for t in previous_words(doc, mention.start, 3)) or any(
        h in g.MENTOR_LEMMAS for h in mention.position_heads)


def quoted_after(doc: Doc, mention: NameMention) -> bool:
    """"Подобаева Ольга Георгиевна, директор ...: «...»": the name (and its position) followed
    by a colon and a quote."""
    sent = doc[mention.start].sent
    colon = None
    for token in doc[mention.end:sent.end]:
        if token.text == ":":
            colon = token.i
            break
        if token.pos_ == "VERB" and "Part" not in token.morph.get("VerbForm"):
            return False
    if colon is None:
        return False
    rest = text_of(doc)[doc[colon].idx + 1:doc[colon].idx + 8].lstrip(" \n\t")
    return rest[:1] in "«\"“„—–-"


def titled_talk(doc: Doc, mention: NameMention) -> bool:
    """"«Формирование функциональной грамотности...» (Савчик Е.А., начальник отдела ...)",
    "результаты мониторинга ... (Стародубцева А.В., ведущий специалист ...)": a talk's title
    or topic with its speaker in brackets after it."""
    j = mention.start - 1
    while j >= 0 and is_space(doc[j]):
        j -= 1
    if j < 1 or doc[j].text != "(":
        return False
    topic = doc[j - 1]
    if topic.text not in "»\"" and not (topic.pos_ in ("NOUN", "ADJ")
                                      and "Anim" not in topic.morph.get("Animacy")):
        return False
    close = text_of(doc).find(")", mention.char_span[1])
    inside = text_of(doc)[mention.char_span[1]:close if close >= 0 else len(text_of(doc))]
    return "(" not in inside and len(inside) < 300


# ---------------------------------------------------------------- lists


def opened_list_role(doc: Doc, sent: Span, here: list[NameMention]) -> str | None:
    """The role a sentence ending in a colon (or with a colon right before a name) gives the
    list after it: "На заседании выступили:" → speaker; "В совещании приняли участие:" →
    participant; "свои практики представили: Виктор Пахарь, ..." → speaker. A colon before
    a quote ("Иван Петров отметил: «...»") opens no list."""
    colons = [t.i for t in sent if t.text == ":"]
    if not colons:
        return None
    rest = text_of(doc)[doc[colons[-1]].idx + 1:sent.end_char]
    name_next = any(m.char_span[0] == doc[colons[-1]].idx + 1 + len(rest) - len(rest.lstrip())
                    for m in here)
    if rest.strip() and not name_next:
        return None
    roles = {cue.role for cue in sentence_cues(doc, doc[sent.start:colons[-1]])}
    return strongest(roles) if roles else None


def line_item(doc: Doc, sent: Span) -> bool:
    """The sentence opens a line with a bullet: "- Вера Владимировна Князева, президент ..."."""
    line_start = text_of(doc).rfind("\n", 0, sent.start_char) + 1
    if text_of(doc)[line_start:sent.start_char].strip():
        return False
    return g.BULLET_RE.match(text_of(doc), sent.start_char) is not None \
        and text_of(doc)[sent.start_char] in "-–—•*·▪●0123456789"


def starts_item(doc: Doc, sent: Span, here: list[NameMention]) -> bool:
    """A list item: a line opening with a bullet, or a sentence opening with a name."""
    if line_item(doc, sent):
        return True
    opening = first_word(sent)
    return any(m.start == opening for m in here)


def first_word(sent: Span) -> int:
    for token in sent:
        if not (is_space(token) or is_punct(token)):
            return token.i
    return sent.start
