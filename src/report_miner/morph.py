"""One morphology engine for the whole process: pymorphy3.

natasha 1.6 and yargy 0.16 import the abandoned ``pymorphy2``, which no longer imports with
current setuptools (it needs ``pkg_resources``). pymorphy3 is its maintained fork with the same
API, so the ``pymorphy2`` module names are pointed at pymorphy3 before natasha is imported.
Import natasha only through this module (or after it).
"""
from __future__ import annotations

import sys
from functools import lru_cache

import pymorphy3
import pymorphy3.analyzer
import pymorphy3.units
import pymorphy3.units.base

for _name, _module in {
    "pymorphy2": pymorphy3,
    "pymorphy2.analyzer": pymorphy3.analyzer,
    "pymorphy2.units": pymorphy3.units,
    "pymorphy2.units.base": pymorphy3.units.base,
}.items():
    sys.modules.setdefault(_name, _module)

from natasha import MorphVocab  # noqa: E402  (needs the aliases above)

PymorphyParse = pymorphy3.analyzer.Parse


@lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    """The process-wide analyzer: natasha's MorphVocab is a pymorphy3 MorphAnalyzer."""
    return MorphVocab()


@lru_cache(maxsize=50000)
def parses(word: str):
    return morph_vocab().parse(word)


def inflect_word(word: str, grams: set[str], prefer: set[str] | None = None) -> str:
    """``word`` put into the OpenCorpora grammemes ``grams`` (e.g. {"nomn"}), keeping its case
    pattern; the word itself when no parse can be inflected. ``prefer`` picks among parses
    (e.g. {"gent"} for a word known to stand in the genitive)."""
    candidates = parses(word)
    if prefer:
        preferred = [p for p in candidates if prefer <= p.tag.grammemes]
        candidates = preferred or candidates
    for parse in candidates:
        form = PymorphyParse.inflect(parse, grams)
        if form is not None:
            return match_case(form.word, word)
    return word


def match_case(new: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return new.upper()
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new

