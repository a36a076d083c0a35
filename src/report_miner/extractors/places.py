"""Where and how an event took place: the city (nominative) and the format (online/offline/hybrid)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass
class LocationMention:
    name: str              # nominative: "Калининград"
    span: tuple[int, int]
    kind: str              # "place" (в Казани), "org" (in an organisation's name), "adjective", "region"


@dataclass
class FormatMention:
    format: str            # "online" | "offline" | "hybrid"
    span: tuple[int, int]


def find_locations(doc: Doc) -> list[LocationMention]:
    return []


def find_formats(doc: Doc) -> list[FormatMention]:
    return []
