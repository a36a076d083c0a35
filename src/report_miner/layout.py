"""The visible layout of a text: lines and tables, with character offsets.

Reports keep their tables as tab-separated lines (the ``read`` step turns HTML and DOCX
tables into such lines). A table row may be broken over two lines (a cell continued on a
line whose first cells are empty), and one table may be interrupted by group headings
("Олимпиады для школьников – 3.") that name what the following rows are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .grammars.seeds import RELATED_POSTS_RE


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Line:
    """One non-empty line of the text."""

    start: int
    end: int
    text: str

    @property
    def cells(self) -> list[Cell]:
        cells, pos = [], self.start
        for part in self.text.split("\t"):
            lead = len(part) - len(part.lstrip())
            stripped = part.strip()
            cells.append(Cell(pos + lead, pos + lead + len(stripped), stripped))
            pos += len(part) + 1
        return cells

    @property
    def is_table_row(self) -> bool:
        return "\t" in self.text and sum(1 for c in self.cells if c.text) >= 2


@dataclass
class Row:
    """A table row: its cells, with a broken-over continuation line merged in."""

    start: int
    end: int
    cells: list[Cell]


@dataclass
class Table:
    rows: list[Row]
    header: Row | None = None
    caption: Line | None = None          # the line just above the table ("Таблица 2. ...")
    group_headings: dict[int, Line] = field(default_factory=dict)  # row index -> heading above it

    @property
    def start(self) -> int:
        return (self.header or self.rows[0]).start

    @property
    def end(self) -> int:
        return self.rows[-1].end


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def is_header(row: Row) -> bool:
    texts = [c.text for c in row.cells if c.text]
    if not texts:
        return False
    numeric = sum(1 for t in texts if re.match(r"^[\d.,\s]+$", t))
    wordy = sum(1 for t in texts if re.search(
        r"(?i)наименован|название|тема|организатор|количеств|кол-во|дата|сроки|№|город|регион|участник", t))
    return numeric == 0 and wordy >= 2


def tables(all_lines: list[Line]) -> list[Table]:
    """Runs of tab-separated lines. A short line between two runs of rows of the same width
    (a group heading such as "Олимпиады для школьников – 3.") keeps the table open."""
    out: list[Table] = []
    current: Table | None = None
    for i, line in enumerate(all_lines):
        if line.is_table_row:
            cells = line.cells
            row = Row(line.start, line.end, cells)
            if current is None:
                before = all_lines[i - 1] if i else None
                current = Table(rows=[], caption=before)
                if is_header(row):
                    current.header = row
                    continue
            if current.rows and not cells[0].text and _continues(current.rows[-1], cells):
                _merge_continuation(current.rows[-1], cells, line.end)
            else:
                current.rows.append(row)
            continue
        if current is not None and current.rows and "\t" in line.text:
            cells = line.cells
            if not cells[0].text and _continues(current.rows[-1], cells):
                _merge_continuation(current.rows[-1], cells, line.end)
                continue
        if current is not None:
            following = all_lines[i + 1] if i + 1 < len(all_lines) else None
            width = len(current.rows[-1].cells) if current.rows else 0
            if (following is not None and following.is_table_row and len(line.text) < 250
                    and len(following.cells) == width):
                current.group_headings[len(current.rows)] = line
                continue
            if current.rows:
                out.append(current)
            current = None
    if current is not None and current.rows:
        out.append(current)
    return out


def _continues(row: Row, cells: list[Cell]) -> bool:
    filled = [i for i, c in enumerate(cells) if c.text]
    return bool(filled) and len(filled) <= 2 and all(i < len(row.cells) for i in filled)


def _merge_continuation(row: Row, cells: list[Cell], end: int) -> None:
    for i, cell in enumerate(cells):
        if cell.text and i < len(row.cells):
            old = row.cells[i]
            row.cells[i] = Cell(old.start, cell.end, f"{old.text} {cell.text}".strip())
    row.end = end


def post_end(text: str) -> int:
    """Where the post ends and the site's block of other posts ("Последние новости рубрики",
    "Читайте также") begins; the text's length when there is none. A heading in the first third
    of the text belongs to the site's header or menu, not to a footer."""
    for match in RELATED_POSTS_RE.finditer(text):
        if match.start() > len(text) / 3:
            return match.start()
    return len(text)
