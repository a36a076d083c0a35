"""Organisations tied to events, with their role, aliases and evidence."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Organisation


def find_organisations(doc: Doc) -> list[Organisation]:
    return []
