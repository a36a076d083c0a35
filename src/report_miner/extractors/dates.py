"""Dates of events: single days, ranges, numeric dates, months; the year inferred from context."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass
class DateMention:
    start: str            # "YYYY-MM-DD", "YYYY-MM", "YYYY" or "--MM-DD"
    end: str | None       # None for a single day
    span: tuple[int, int]


def find_dates(doc: Doc) -> list[DateMention]:
    return []
