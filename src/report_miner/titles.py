"""An event's own name: a quoted title, "по теме «…»", or the title cell of a table row."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .seeds import Seed

OPEN_QUOTES = "«„“"
CLOSE_FOR = {"«": "»", "„": "“", "“": "”"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost quoted parts, without the quote marks; «…» nest, "…" pair up."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if spans:
        return spans
    for m in re.finditer(r'"([^"\n]{3,300})"', text):
        spans.append((m.start(1), m.end(1)))
    return spans


def normalise_title(text: str) -> str:
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def clean_title(text: str) -> str:
    text = text.strip().strip(" .;,:")
    if text[:1] in "«\"" and text[-1:] in "»\"":
        text = text[1:-1]
    return re.sub(r"\s+", " ", text).strip()


def find_title(text: str, seed: Seed) -> tuple[str, tuple[int, int]] | None:
    if seed.title_cell:
        s, e = seed.title_cell
        cell = text[s:e]
        quotes = quoted_spans(cell)
        if quotes:
            parts = [cell[a:b] for a, b in quotes]
            return ". ".join(clean_title(p) for p in parts), (s + quotes[0][0], s + quotes[-1][1])
        return clean_title(cell), (s, e)
    s, e = seed.head
    head = text[s:e]
    m = re.search(r"(?i)(?:по\s+теме|на\s+тему|тема)\s*[:\-–]?\s*(?=[«\"„“])", head)
    quotes = quoted_spans(head[m.end():] if m else head)
    if quotes:
        base = s + (m.end() if m else 0)
        a, b = quotes[0]
        return clean_title(text[base + a: base + b]), (base + a, base + b)
    if seed.kind == "document":
        headline = head.split("\n", 1)[0]
        if 10 <= len(headline.strip()) <= 200:
            return clean_title(headline), (s, s + len(headline))
    return None
