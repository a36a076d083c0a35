"""Participant counts: "более 100 участников из 22 регионов", "45 команд, 225 участников"."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Count


def find_counts(doc: Doc) -> list[Count]:
    return []
