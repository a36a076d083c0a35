"""Highlighting: overlapping value spans cut into flat segments, and the text rendered with marks.

Values can overlap (an organisation inside an event title, a count inside a location), and
``<mark>`` elements must nest properly, so the text is split at every span boundary: each
segment is covered by a fixed set of values and sits inside one ``<mark>`` per value. Every
segment (marked or not) is a ``<span data-o=...>`` holding its display offset, which the page's
script uses to turn a selection back into offsets.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    keys: tuple  # the keys of the spans covering [start, end), outermost (earliest, longest) first


def segment(length: int, spans: Iterable[tuple[int, int, Hashable]]) -> list[Segment]:
    """Cut ``[0, length)`` at every boundary of ``spans`` (``(start, end, key)``, clamped to the text).

    Consecutive segments cover the text exactly once; empty spans are dropped. A segment's keys
    are ordered by their span's start, then by length (longer first), then by input order, so
    a value that starts earlier or is longer is always the outer mark. One sort, one sweep.
    """
    cleaned = []
    for index, (start, end, key) in enumerate(spans):
        start, end = max(0, start), min(length, end)
        if start < end:
            cleaned.append((start, -end, index, key))
    cleaned.sort()
    order = {entry[2]: rank for rank, entry in enumerate(cleaned)}  # nesting rank of each span
    points: dict[int, tuple[list, list]] = {}
    for start, neg_end, index, key in cleaned:
        points.setdefault(start, ([], []))[0].append(index)
        points.setdefault(-neg_end, ([], []))[1].append(index)
    keys = {entry[2]: entry[3] for entry in cleaned}
    active: set[int] = set()
    result: list[Segment] = []
    position = 0
    for point in sorted(points) + [length]:
        if point > position:
            ranked = sorted(active, key=order.__getitem__)
            result.append(Segment(position, point, tuple(keys[i] for i in ranked)))
            position = point
        if point in points:
            opened, closed = points[point]
            active.difference_update(closed)
            active.update(opened)
    return result


@dataclass(frozen=True)
class Highlight:
    """One highlighted value: its page-wide id, its field (for the colour) and its event."""

    value_id: str
    field: str
    event_id: int | None = None


def render(text: str, spans: Sequence[tuple[int, int, Highlight]]) -> Markup:
    """``text`` as escaped HTML: a ``<span data-o>`` per segment inside a ``<mark>`` per covering value.

    Marks stay open across segments while their value goes on, so a value is one ``<mark>``
    unless it crosses the end of a value around it: then it is closed there and opened again
    (proper nesting). Between segments the open marks are a stack; the keys of consecutive
    segments share a prefix (new values sort after the open ones), so only what ends is closed.
    """
    parts: list[str] = []
    stack: list[Highlight] = []
    for seg in segment(len(text), spans):
        keep = 0
        while keep < len(stack) and keep < len(seg.keys) and stack[keep] is seg.keys[keep]:
            keep += 1
        parts.append("</mark>" * (len(stack) - keep))
        del stack[keep:]
        for h in seg.keys[keep:]:
            event = f' data-event-id="{h.event_id}"' if h.event_id is not None else ""
            parts.append(f'<mark class="hl hl-{escape(h.field)}" data-field="{escape(h.field)}" '
                         f'data-value-id="{escape(h.value_id)}"{event}>')
            stack.append(h)
        parts.append(f'<span data-o="{seg.start}">{escape(text[seg.start:seg.end])}</span>')
    parts.append("</mark>" * len(stack))
    return Markup("".join(parts))
