"""Normalised keys for names: equal keys make one canonical organisation or person.

The same normalisation as the scorer (shared/eval/score.py): lower case, ё→е, quotes and
punctuation dropped, ``№ 5`` → ``№5``, hyphens and whitespace runs one space. Done in Python, not SQL, because
SQLite's lower() leaves Cyrillic alone; searches normalise the query the same way.
"""
from __future__ import annotations

import re

_PUNCT_RE = re.compile(r"[^\w\s№-]+")
_NUMBER_RE = re.compile(r"№\s+")
_SPACE_RE = re.compile(r"[\s-]+")


def name_key(name: str) -> str:
    key = name.lower().replace("ё", "е")
    key = _PUNCT_RE.sub(" ", key)
    key = _NUMBER_RE.sub("№", key)
    return _SPACE_RE.sub(" ", key).strip()
