"""Where the events of a text are: one region for a news post, one per listed item in a report.

A report is recognised by what it lists: rows of an events table (a table whose title
column names events, or whose caption or group headings do), and items (numbered or
dated paragraphs) that report an event as held with its date. With fewer than
``MIN_REPORT_ITEMS`` of these the text is read as one news post about one event; so is a
short text whose only items are dated paragraphs (the days of a multi-day programme).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from razdel import sentenize

from .event_type import first_keyword
from .grammars.event_types import CHROME_RE, HELD_RE, ONLINE_HINT_RE
from .grammars.seeds import (COLUMN_ORGANIZER_RE, COLUMN_TITLE_RE, DATE_START_RE,
                             NOT_EVENT_COLUMN_RE, SECTION_HEADING_RE)
from .layout import Line, Table, post_end, tables
from .titles import normalise_title, quoted_spans

MIN_REPORT_ITEMS = 3
SHORT_TEXT = 4000  # characters: a news post, whose dated paragraphs are the days of one event


@dataclass
class Seed:
    regions: list[tuple[int, int]]
    head: tuple[int, int]                 # the text that names the event (title cell, item sentence)
    kind: str                             # "document" | "row" | "item"
    type_hint: str | None = None          # from a table caption or group heading
    format_hint: str | None = None
    title_cell: tuple[int, int] | None = None
    organizer_cell: tuple[int, int] | None = None
    keys: set[str] = field(default_factory=set)   # normalised titles, to match re-mentions
    preamble: tuple[int, int] | None = None       # a news page's chrome above its headline


def keyword_type(text: str) -> str | None:
    found = first_keyword(text)
    return found[0] if found else None


def find_seeds(text: str, all_lines: list[Line]) -> list[Seed]:
    found_tables = tables(all_lines)
    seeds = [s for t in found_tables for s in table_seeds(t)]
    items = item_seeds(all_lines, found_tables)
    if seeds or len(text) > SHORT_TEXT:
        seeds += items  # in a short post dated paragraphs are the days of one programme
    if len(seeds) < MIN_REPORT_ITEMS:
        head = document_head(all_lines)
        # the page's chrome above the headline names the site, not the event (only its date
        # stamp may still date the post), and so does the block of other posts below it
        return [Seed(regions=[(head[0], post_end(text))], head=head, kind="document", preamble=(0, head[0]))]
    seeds.sort(key=lambda s: s.head[0])
    extend_items(seeds, all_lines, found_tables, len(text))
    attach_rementions(seeds, all_lines)
    return seeds


def document_head(all_lines: list[Line]) -> tuple[int, int]:
    """The headline and the first paragraph or two: where a news post names its event.
    A saved page may open with its site's chrome (menus, counters, dates): the headline is
    the first line that reads as a title or a sentence."""
    if not all_lines:
        return (0, 0)
    first = next((i for i, line in enumerate(all_lines) if reads_as_text(line.text)), 0)
    start = all_lines[first].start
    end = all_lines[first].end
    for line in all_lines[first + 1:first + 3]:
        if line.start - start > 600:
            break
        end = line.end
    return (start, end)


def reads_as_text(line: str) -> bool:
    """A headline or a sentence: several words, some of them ordinary lower-case words
    (a site's name, menu or counter line has none)."""
    words = re.findall(r"[А-Яа-яЁё]{2,}", line)
    common = [w for w in words if len(w) >= 3 and w.islower()]
    return len(words) >= 3 and len(common) >= 2 and len(line.strip()) >= 20 and not CHROME_RE.search(line)


# ---------- tables ----------

def column_roles(table: Table) -> dict[str, int]:
    """Which column holds the event title and which the organiser, from the header."""
    roles: dict[str, int] = {}
    if table.header is None:
        return roles
    for i, cell in enumerate(table.header.cells):
        if "title" not in roles and COLUMN_TITLE_RE.search(cell.text) and not NOT_EVENT_COLUMN_RE.search(cell.text):
            roles["title"] = i
        elif "organizer" not in roles and COLUMN_ORGANIZER_RE.search(cell.text):
            roles["organizer"] = i
    return roles


def table_seeds(table: Table) -> list[Seed]:
    roles = column_roles(table)
    caption = table.caption.text if table.caption else ""
    header_text = " ".join(c.text for c in table.header.cells) if table.header else ""
    caption_type = keyword_type(caption) or keyword_type(header_text)
    if "title" not in roles and not caption_type:
        return []
    title_col = roles.get("title", guess_title_column(table))
    if title_col is None or not (caption_type or names_events(table, title_col)):
        return []
    seeds = []
    group_type, group_format = caption_type, online_hint(caption)
    for i, row in enumerate(table.rows):
        if i in table.group_headings:
            heading = table.group_headings[i].text
            group_type = keyword_type(heading) or caption_type
            group_format = online_hint(heading) or online_hint(caption)
        title = row.cells[title_col] if title_col < len(row.cells) else None
        if title is None or len(title.text) < 3:
            continue
        if group_type == "project" and not first_keyword(title.text, outside_quotes=True):
            continue  # a project's plan: its tasks are no events
        seed = Seed(regions=[(row.start, row.end)], head=(title.start, title.end), kind="row",
                    type_hint=group_type, format_hint=group_format, title_cell=(title.start, title.end))
        if "organizer" in roles and roles["organizer"] < len(row.cells):
            cell = row.cells[roles["organizer"]]
            seed.organizer_cell = (cell.start, cell.end)
        seed.keys = title_keys(title.text)
        seeds.append(seed)
    return seeds


def names_events(table: Table, col: int) -> bool:
    """Half the rows or more name an event in the column (an event word or a quoted title):
    a results table of a news post ("Наименование ОО", "ФИО", "Место") lists no events."""
    named = sum(1 for r in table.rows if col < len(r.cells)
                and (keyword_type(r.cells[col].text) or quoted_spans(r.cells[col].text)))
    return named * 2 >= len(table.rows)


def guess_title_column(table: Table) -> int | None:
    """Without a header: the column whose cells most often name an event."""
    width = max(len(r.cells) for r in table.rows)
    best, best_hits = None, 0
    for col in range(width):
        hits = sum(1 for r in table.rows if col < len(r.cells) and keyword_type(r.cells[col].text))
        if hits > best_hits:
            best, best_hits = col, hits
    return best if best_hits * 2 >= len(table.rows) else None


def online_hint(text: str) -> str | None:
    return "online" if ONLINE_HINT_RE.search(text or "") else None


# ---------- numbered and dated items ----------

def item_seeds(all_lines: list[Line], found_tables: list[Table]) -> list[Seed]:
    """Paragraphs that open with a date (after an optional list number) and report an event as held."""
    in_table = [(t.start, t.end) for t in found_tables]
    seeds = []
    for line in all_lines:
        if any(s <= line.start < e for s, e in in_table) or "\t" in line.text:
            continue
        body = re.sub(r"^\s*(?:\d{1,2}[.)]\s*|[-–—•]\s*)", "", line.text)
        if not DATE_START_RE.match(body):
            continue
        sentence = first_sentence(body)
        if keyword_type(sentence) in (None, "project") or not HELD_RE.search(sentence):
            continue
        offset = line.start + (len(line.text) - len(body))
        seed = Seed(regions=[(line.start, line.end)], head=(offset, offset + len(sentence)), kind="item")
        seed.keys = title_keys(sentence)
        seeds.append(seed)
    return seeds


def first_sentence(text: str) -> str:
    return next(iter(sentenize(text))).text if text.strip() else text


def extend_items(seeds: list[Seed], all_lines: list[Line], found_tables: list[Table], text_end: int) -> None:
    """An item's region runs on over the following paragraphs (speakers, quotes, details) up to
    the next item, section heading or table."""
    stops = sorted({s.regions[0][0] for s in seeds} | {t.start for t in found_tables}
                   | {line.start for line in all_lines if SECTION_HEADING_RE.match(line.text)})
    for seed in seeds:
        if seed.kind != "item":
            continue
        start = seed.regions[0][0]
        end = next((s for s in stops if s > start), text_end)
        seed.regions = [(start, end)]


# ---------- re-mentions ----------

def title_keys(text: str) -> set[str]:
    keys = {normalise_title(text[s:e]) for s, e in quoted_spans(text)}
    return {k for k in keys if len(k) >= 4}


def attach_rementions(seeds: list[Seed], all_lines: list[Line]) -> None:
    """Lines outside every region that name a listed event by its quoted title add their text to it."""
    covered = [r for s in seeds for r in s.regions]
    for line in all_lines:
        if any(s <= line.start < e for s, e in covered):
            continue
        hits = []
        for qs, qe in quoted_spans(line.text):
            key = normalise_title(line.text[qs:qe])
            seed = match_seed(key, seeds)
            if seed is not None:
                hits.append((line.start + qs, seed))
        for i, (start, seed) in enumerate(hits):
            end = hits[i + 1][0] if i + 1 < len(hits) else line.end
            seed.regions.append((start, end))


def match_seed(key: str, seeds: list[Seed]) -> Seed | None:
    """The one seed whose title matches ``key``; None when none or several do
    ("Интеллект будущего" names a whole series of rows)."""
    if len(key) < 4:
        return None
    matches = [seed for seed in seeds if any(same_title(key, k) for k in seed.keys)]
    return matches[0] if len(matches) == 1 else None


def same_title(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 8 and short in long_ and len(short) / len(long_) > 0.5
