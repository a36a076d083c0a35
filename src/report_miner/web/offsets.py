"""Display offsets (into the clean ``Document.text`` the page shows) ⇄ raw offsets (stored evidence).

Stored evidence points into ``Document.raw`` (or ``text`` when raw is null). For a document
with a raw text the read step is run again on it, which gives the char-by-char map; the last
few maps are kept, so the review page of a long HTML document does not re-read it each time.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from ..read import SourceText, read_string

_CACHE: OrderedDict[tuple, SourceText] = OrderedDict()
_CACHE_SIZE = 16
_LOCK = threading.Lock()


class OffsetMap:
    """Converts spans between the shown text and the raw text evidence points into."""

    def __init__(self, text: str, raw: str | None = None, fmt: str | None = None, key: tuple | None = None):
        self.text = text
        self.source = None if raw is None or raw == text else _source(raw, fmt, key)

    @classmethod
    def of(cls, document) -> OffsetMap:
        key = (document.id, document.content_sha256, len(document.raw or ""))
        return cls(document.text or "", document.raw, document.format, key)

    @classmethod
    def of_source(cls, source: SourceText) -> OffsetMap:
        self = cls.__new__(cls)
        self.text = source.text
        self.source = source
        return self

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """A raw span as a span of the shown text (clamped: bad stored offsets never break the page)."""
        if self.source is None:
            n = len(self.text)
            start, end = min(max(0, start), n), min(max(0, end), n)
            return start, max(start, end)
        n = len(self.source.raw)
        start, end = min(max(0, start), n), min(max(0, end), n)
        return self.source.to_text(start, max(start, end))

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """A span of the shown text as raw offsets; IndexError outside the text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) outside the text")
        if self.source is None:
            return start, end
        return self.source.to_raw(start, end)


def _source(raw: str, fmt: str | None, key: tuple | None) -> SourceText:
    with _LOCK:
        if key is not None and key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    source = read_string(raw, "-", fmt=fmt if fmt in ("txt", "html") else "txt", max_bytes=max(len(raw), 1))
    if key is not None:
        with _LOCK:
            _CACHE[key] = source
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return source
