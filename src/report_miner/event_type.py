"""The type of an event: rules propose, the learned classifier decides.

The event words in an event's head (headline and first paragraph, or an item's sentence) are
the candidates; the classifier trained on ``corpora/event_types`` weighs them, with a prior for
the word that comes first ("В Выборге наградили участников конкурсов" is a ceremony, not a
contest). A head with no event word is typed by the classifier alone. A report's table row is
named by its own event word, else by its caption or group heading (see ``row_type``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .grammars.event_types import FRAME_BEFORE_RE, HELD_RE, TYPE_RE
from .titles import quoted_spans

if TYPE_CHECKING:
    from .seeds import Seed


FIRST_WORD_PRIOR = 0.3
SENTENCE_RE = re.compile(r"[^.!?\n]+[.!?]?")


def keyword_matches(text: str, outside_quotes: bool = False) -> dict[str, tuple[int, int]]:
    """Each event type named in ``text`` with its first match, passing over event words that
    frame another event ("в рамках форума"). With ``outside_quotes``, words inside «…» (a topic
    or a name, not the kind of event) are passed over too."""
    if outside_quotes:
        text = mask_quotes(text)
    found = {}
    for event_type, pattern in TYPE_RE:
        for m in pattern.finditer(text):
            if not FRAME_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
                found[event_type] = (m.start(), m.end())
                break
    return found


def first_keyword(text: str, outside_quotes: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The event word that comes first in ``text``; "project" only when nothing else is there
    (the word is everywhere: "конкурс проектов")."""
    found = keyword_matches(text, outside_quotes)
    if len(found) > 1:
        found.pop("project", None)
    if not found:
        return None
    event_type = min(found, key=lambda t: found[t][0])
    return event_type, found[event_type]


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
    if seed.kind == "row":
        return row_type(text, seed)
    s, e = seed.head
    found = keyword_matches(text[s:e])
    if not found:  # a head without an event word: the first sentence that says what was held
        s, e = held_sentence(text, seed)
        found = keyword_matches(text[s:e])
    if not found:
        hs, he = seed.head
        return classifier().predict([text[hs:he]])[0], None
    if len(found) > 1:
        found.pop("project", None)
    proba = classifier().predict_proba([text[s:e]])[0]
    first = min(span[0] for span in found.values())
    best = max(found, key=lambda t: proba.get(t, 0.0) + (FIRST_WORD_PRIOR if found[t][0] == first else 0.0))
    return best, (s + found[best][0], s + found[best][1])


BODY_SEARCH = 1500  # characters after the head where a news post says what was held


def held_sentence(text: str, seed: Seed) -> tuple[int, int]:
    """The first sentence after the head that reports an event held and names its kind."""
    start = seed.head[1]
    for m in SENTENCE_RE.finditer(text, start, min(len(text), start + BODY_SEARCH)):
        if HELD_RE.search(m.group()) and keyword_matches(m.group()):
            return m.span()
    return seed.head


def row_type(text: str, seed: Seed) -> tuple[str, tuple[int, int] | None]:
    """A table row is named by its own event word outside quotes, else by the caption or group
    heading over it, else by a word inside its quoted title, else by the classifier."""
    s, e = seed.title_cell or seed.head
    found = first_keyword(text[s:e], outside_quotes=True)
    if found and found[0] != "project":
        return found[0], (s + found[1][0], s + found[1][1])
    if seed.type_hint:
        return seed.type_hint, None
    found = first_keyword(text[s:e])
    if found:
        return found[0], (s + found[1][0], s + found[1][1])
    return classifier().predict([text[s:e]])[0], None
