"""The type of an event: the event word that names it, else the learned classifier.

An event's own name decides first ("Конкурс реальных дел «Мост»" is a contest whatever table
it sits in); then what the report's table caption or group heading says about its rows;
then, for texts that name no kind of event in their head, the classifier trained on
``corpora/event_types`` reads the head text.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .grammars.event_types import FRAME_BEFORE_RE, TYPE_RE
from .titles import quoted_spans

if TYPE_CHECKING:
    from .seeds import Seed


def first_keyword(text: str, outside_quotes: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The event word that comes first in ``text`` and is not the frame of another event
    ("в рамках форума"); "project" only when nothing else is there. With ``outside_quotes``,
    words inside «…» (a topic or a name, not the kind of event) are passed over."""
    if outside_quotes:
        text = mask_quotes(text)
    best = None
    for event_type, pattern in TYPE_RE:
        if event_type == "project" and best:
            continue
        for m in pattern.finditer(text):
            if FRAME_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
                continue
            if best is None or m.start() < best[1][0]:
                best = (event_type, (m.start(), m.end()))
            break
    return best


def mask_quotes(text: str) -> str:
    """``text`` with everything inside outermost quotes blanked out, offsets kept."""
    chars = list(text)
    for s, e in quoted_spans(text):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


@lru_cache(maxsize=1)
def classifier():
    from .learn.event_type import load_default

    return load_default()


def decide_type(text: str, seed: Seed) -> tuple[str, tuple[int, int] | None]:
    s, e = seed.title_cell or seed.head
    found = first_keyword(text[s:e], outside_quotes=seed.kind == "row") or first_keyword(text[s:e])
    if found and found[0] != "project":
        return found[0], (s + found[1][0], s + found[1][1])
    if seed.type_hint:
        return seed.type_hint, None
    if found:
        return found[0], (s + found[1][0], s + found[1][1])
    hs, he = seed.head
    return classifier().predict([text[hs:he]])[0], None
