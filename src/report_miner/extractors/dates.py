"""Dates of events: single days, ranges, numeric dates, months; the year inferred from context.

Every date expression of the text becomes one ``DateMention`` with its span. The year is
filled in only where the text states it or makes it certain (SCHEMA.md):

1. the expression's own year, or its range partner's ("16 октября – 16 ноября 2022 года");
2. the same day and month written with a year elsewhere in the text ("1 июня 2022" … "Сегодня, 1 июня");
3. a date with a year earlier in the same paragraph (the year closest to it);
4. the school year of a report ("за 2022–2023 учебный год": September–December in the first
   year, January–August in the second);
5. the post's own date stamp (a line holding just a date), the year closest to it.

Otherwise the date stays ``--MM-DD``; a month without a year cannot be written and is dropped.
``kind`` and ``cue`` tell the events step whether the date looks like the event's own date.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc

from ..grammars import dates as g
from ..morph import parses
from ..nlp import text_of


@dataclass
class DateMention:
    start: str            # "YYYY-MM-DD", "YYYY-MM", "YYYY" or "--MM-DD"
    end: str | None       # None for a single day
    span: tuple[int, int]
    # "event": a word nearby says something took place then (cue holds its lemma, and only
    # event dates have a cue);
    # "stamp": the post's own date line; "dateline": a news agency's "УФА, 5 мая. /ТАСС/";
    # "until": "продлится до 29 марта" (the day something lasts until);
    # "deadline": "заявки принимаются до 15 мая", "не позднее …"; "history": "родился …";
    # "plain": no cue
    kind: str = "plain"
    cue: str | None = None


@dataclass
class DatePart:
    """One end of a date expression as written: the year may still be unknown."""

    month: int
    day: int | None = None
    year: int | None = None


@dataclass
class RawDate:
    span: tuple[int, int]
    first: DatePart
    last: DatePart | None = None

    def parts(self) -> list[DatePart]:
        return [self.first] if self.last is None else [self.first, self.last]


@dataclass
class YearContext:
    """What the whole text says about years, for dates written without one."""

    school_year: tuple[int, int] | None = None
    stamp: date | None = None
    # (offset, paragraph start, month, day, year) of every date written with its year
    dated: list[tuple[int, int, int, int | None, int]] = field(default_factory=list)


# ---------- reading the expressions ----------

def to_year(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text).group()
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def month_of(text: str | None) -> int | None:
    return g.MONTH_BY_FORM.get(text.lower()) if text else None


def parts_of(name: str, match: re.Match) -> tuple[DatePart, DatePart | None] | None:
    """The written parts of one match of the pattern ``name``; None when it is no valid date."""
    get = match.groupdict().get
    if name in ("numeric", "iso"):
        first = DatePart(int(get("m")), int(get("d")), to_year(get("y")))
        return (first, None) if valid(first) else None
    if name == "numeric_range":
        last = DatePart(int(get("m2")), int(get("d2")), to_year(get("y2")))
        first = DatePart(int(get("m1") or last.month), int(get("d1")), to_year(get("y1")))
        if (first.month, first.day) >= (last.month, last.day) and first.year is None:
            return None  # "5-3.10.2022" is no range
        return (first, last) if valid(first) and valid(last) else None
    if name == "day":
        first = DatePart(month_of(get("m")), int(get("d")), to_year(get("y")))
        return (first, None) if valid(first) else None
    if name == "day_range":
        last = DatePart(month_of(get("m2")), int(get("d2")), to_year(get("y2")))
        first = DatePart(month_of(get("m1")) or last.month, int(get("d1")), to_year(get("y1")))
        if not (valid(first) and valid(last)) or (first.month, first.day) == (last.month, last.day):
            return None
        return first, last
    if name == "month_range":
        return DatePart(month_of(get("m1")), None, to_year(get("y1"))), \
            DatePart(month_of(get("m2")), None, to_year(get("y2")))
    if name == "month":
        return DatePart(month_of(get("m")), None, to_year(get("y"))), None
    return None


def valid(part: DatePart) -> bool:
    if part.day is None:
        return True
    try:
        date(part.year or 2000, part.month, part.day)  # 2000 is a leap year: 29 February passes
    except ValueError:
        return False
    return True


def scan(text: str) -> list[RawDate]:
    """Every date expression in ``text``, longer patterns first, no two overlapping."""
    taken: list[tuple[int, int]] = []
    found = []
    for name, pattern in g.DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if is_number_label(text, span[0]):
                continue
            parts = parts_of(name, match)
            if parts is None:
                continue
            taken.append(span)
            found.append(RawDate(span, *parts))
    found.sort(key=lambda raw: raw.span)
    return found


def is_number_label(text: str, start: int) -> bool:
    """"№ 5 …", "школа № 12 мая" is no date."""
    return bool(re.search(r"№\s*$", text[max(0, start - 3):start]))


def share_range_year(raw: RawDate) -> None:
    """A range's year written once holds for both ends ("31 октября – 2 ноября 2022 года")."""
    if raw.last is None:
        return
    first, last = raw.first, raw.last
    wraps = (first.month, first.day or 0) > (last.month, last.day or 0)
    if first.year is None and last.year is not None:
        first.year = last.year - 1 if wraps else last.year
    elif last.year is None and first.year is not None:
        last.year = first.year + 1 if wraps else first.year


# ---------- the year context ----------

def document_year_context(text: str, raws: list[RawDate] | None = None) -> YearContext:
    """The school year a report covers, the post's date stamp and every date written with a year."""
    raws = scan(text) if raws is None else raws
    context = YearContext(school_year=report_school_year(text))
    for raw in raws:
        share_range_year(raw)
        for part in raw.parts():
            if part.year is not None:
                context.dated.append((raw.span[0], paragraph_start(text, raw.span[0]),
                                      part.month, part.day, part.year))
    stamp = stamp_date(text, raws)
    context.stamp = stamp
    return context


def report_school_year(text: str) -> tuple[int, int] | None:
    """The school year the text reports on ("за 2022–2023 учебный год"), the most often named one."""
    counts: dict[tuple[int, int], int] = {}
    for match in g.SCHOOL_YEAR_RE.finditer(text):
        first, second = int(match["y1"]), to_year(match["y2"])
        if second != first + 1:
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if g.SCHOOL_YEAR_REPORT_CUE_RE.search(before):
            counts[(first, second)] = counts.get((first, second), 0) + 1
    return max(counts, key=counts.get) if counts else None


def stamp_date(text: str, raws: list[RawDate]) -> date | None:
    """The post's own date: a full date standing alone on its line (a time or views may follow)."""
    for raw in raws:
        if is_full_day(raw) and is_stamp_line(text, raw.span):
            return date(raw.first.year, raw.first.month, raw.first.day)
    return None


def is_full_day(raw: RawDate) -> bool:
    return raw.last is None and raw.first.day is not None and raw.first.year is not None


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def paragraph_start(text: str, offset: int) -> int:
    return line_bounds(text, offset)[0]


def is_stamp_line(text: str, span: tuple[int, int]) -> bool:
    start, end = line_bounds(text, span[0])
    if not text[start:span[0]].strip() and text[span[1]:span[1] + 1].isalpha():
        return True  # "30.09.2014Завтра в Оренбурге…": the page's date element glued to the text
    rest = text[start:span[0]] + " " + text[span[1]:end]
    rest = g.STAMP_NOISE_RE.sub(" ", rest)
    words = re.findall(r"[А-Яа-яЁёA-Za-z]+|\d+", rest)
    return len(words) <= g.STAMP_LINE_MAX_EXTRA_WORDS


def closest_year(month: int, day: int | None, anchor: date) -> int:
    """The year that puts ``month``/``day`` nearest to ``anchor`` (a post of 10 January
    speaks of "25 декабря" of the year before)."""
    def distance(year: int) -> int:
        return abs((date(year, month, min(day or 15, 28)) - anchor).days)
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


def infer_year(part: DatePart, offset: int, text: str, context: YearContext) -> int | None:
    same_day = [y for _, _, m, d, y in context.dated if (m, d) == (part.month, part.day) and d is not None]
    if same_day:
        return same_day[0]
    paragraph = paragraph_start(text, offset)
    earlier = [(o, m, d, y) for o, p, m, d, y in context.dated if p == paragraph and o < offset]
    if earlier:
        _, month, day, year = earlier[-1]
        return closest_year(part.month, part.day, date(year, month, min(day or 15, 28)))
    if context.school_year:
        return context.school_year[0] if part.month >= 9 else context.school_year[1]
    if context.stamp:
        return closest_year(part.month, part.day, context.stamp)
    return None


def fill_years(raw: RawDate, text: str, context: YearContext) -> None:
    share_range_year(raw)
    for part in raw.parts():
        if part.year is None:
            part.year = infer_year(part, raw.span[0], text, context)
    share_range_year(raw)


def iso(part: DatePart) -> str | None:
    if part.year is None:
        return None if part.day is None else f"--{part.month:02d}-{part.day:02d}"
    if part.day is None:
        return f"{part.year:04d}-{part.month:02d}"
    return f"{part.year:04d}-{part.month:02d}-{part.day:02d}"


# ---------- what the date is the date of ----------

class TokenIndex:
    """Char offset → token, for looking at the words around a match."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [token.idx for token in doc]

    def token_at(self, offset: int):
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.doc[max(i, 0)] if len(self.doc) else None


def classify(raw: RawDate, text: str, tokens: TokenIndex) -> tuple[str, str | None]:
    """``(kind, cue)`` of a date from its line and the words of its sentence."""
    if is_full_day(raw) and (is_stamp_line(text, raw.span) or g.ISO_RE.fullmatch(text[raw.span[0]:raw.span[1]])):
        return "stamp", None  # ISO dates are page metadata, never news prose
    line_start, _ = line_bounds(text, raw.span[0])
    dateline = g.DATELINE_RE.match(text[line_start:raw.span[0]])
    if dateline and (dateline["name"].isupper() or is_known_place(dateline["name"])):
        return "dateline", None
    before = text[max(0, raw.span[0] - 30):raw.span[0]]
    if g.DEADLINE_BEFORE_RE.search(before):
        return "deadline", None
    token = tokens.token_at(raw.span[0])
    if token is None:
        return "plain", None
    if g.UNTIL_BEFORE_RE.search(before):
        return ("deadline" if deadline_words_before(token) else "until"), None
    return cue_in_sentence(token, raw.span)


def is_known_place(name: str) -> bool:
    return any("Geox" in p.tag and p.is_known for p in parses(name.split()[-1].lower()))


def deadline_words_before(token) -> bool:
    """"заявки принимаются до 15 мая": words of applications in the sentence before the date."""
    sent = token.sent
    return any(other.lemma_ in g.DEADLINE_LEMMAS for other in token.doc[sent.start:token.i])


def cue_in_sentence(token, span: tuple[int, int]) -> tuple[str, str | None]:
    sent = token.sent
    nearest: tuple[int, str, str] | None = None
    for other in sent:
        if span[0] <= other.idx < span[1]:
            continue
        distance = abs(other.i - token.i)
        if distance > g.CUE_WINDOW_TOKENS:
            continue
        lemma = other.lemma_
        kind = None
        if lemma in g.DEADLINE_NOUN_LEMMAS and other.i < token.i and distance <= 4:
            kind = "deadline"
        elif lemma in g.HISTORY_LEMMAS:
            kind = "history"
        elif lemma in g.EVENT_CUE_LEMMAS:
            kind = "event"
        if kind and (nearest is None or distance < nearest[0]):
            nearest = (distance, kind, lemma)
    if nearest is None:
        return "plain", None
    kind, lemma = nearest[1], nearest[2]
    return kind, lemma if kind == "event" else None


def find_dates(doc: Doc) -> list[DateMention]:
    text = text_of(doc)
    raws = scan(text)
    context = document_year_context(text, raws)
    tokens = TokenIndex(doc)
    mentions = []
    post_day = date_part(context.stamp) if context.stamp else None
    for raw in raws:
        fill_years(raw, text, context)
        start = iso(raw.first)
        end = iso(raw.last) if raw.last is not None else None
        if start is None or (raw.last is not None and end is None):
            continue  # a month whose year cannot be known
        kind, cue = classify(raw, text, tokens)
        if kind == "dateline" and post_day is None and raw.last is None and raw.first.day is not None:
            post_day = raw.first
        mentions.append(DateMention(start, end, raw.span, kind, cue))
    if post_day is not None:
        mentions += relative_mentions(text, raws, post_day, tokens)
        mentions.sort(key=lambda m: m.span)
    return mentions


# ---------- days named relative to the post's date ----------

def date_part(day: date) -> DatePart:
    return DatePart(day.month, day.day, day.year)


def relative_mentions(text: str, raws: list[RawDate], post_day: DatePart, tokens: TokenIndex) -> list[DateMention]:
    """"Завтра в Оренбурге состоится форум", "в прошедшую пятницу прошло совещание": days
    counted from the post's date (its stamp, else its dateline). Kept only where a word of
    holding points at them ("сегодня" alone often means "nowadays") and no written date
    follows ("Сегодня, 1 июня, …" is dated by its written date)."""
    found = []
    for day, span in relative_day_matches(text, post_day):
        if date_written_after(raws, span[1]):
            continue
        token = tokens.token_at(span[0])
        kind, cue = cue_in_sentence(token, span) if token is not None else ("plain", None)
        if kind == "event":
            found.append(DateMention(iso(day), None, span, kind, cue))
    return found


def relative_day_matches(text: str, post_day: DatePart) -> list[tuple[DatePart, tuple[int, int]]]:
    """Every relative day expression with the day it names."""
    # a post's date without its year is counted in a leap year, and its weekday is unknown
    anchor = date(post_day.year or 2000, post_day.month, post_day.day)
    out = []
    for match in g.RELATIVE_DAY_RE.finditer(text):
        day = anchor + timedelta(days=g.RELATIVE_DAY_SHIFTS[match["word"].lower()])
        out.append((DatePart(day.month, day.day, day.year if post_day.year else None), match.span()))
    if post_day.year is None:
        return out
    for match in g.RELATIVE_WEEKDAY_RE.finditer(text):
        weekday = g.WEEKDAY_NUMBERS[match["weekday"].lower()]
        if match["which"].lower() in g.PAST_WEEKDAY_WORDS:
            day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
        else:
            day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
        out.append((date_part(day), match.span()))
    return out


def date_written_after(raws: list[RawDate], end: int) -> bool:
    return any(0 <= raw.span[0] - end <= g.RELATIVE_DATE_WRITTEN_AFTER_CHARS for raw in raws)
