"""The records report-miner produces: plain dataclasses and their JSON form.

These are the only types that storage, the CLI and the web app import. The JSON form is the
exchange schema (shared/eval/SCHEMA.md) plus an ``evidence`` key on every value: a list of
``[start, end)`` character offsets into the source text where the value was found.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "meeting", "conference", "webinar", "seminar", "contest", "olympiad", "game", "festival",
    "forum", "masterclass", "round_table", "excursion", "ceremony", "training", "project", "other",
)
ORG_ROLES = ("host", "organizer", "participant", "member", "partner", "authority", "other")
PERSON_ROLES = ("speaker", "participant", "organizer", "winner", "other")
COUNT_UNITS = ("people", "teams", "organisations", "regions", "speakers", "countries")
APPROX = ("exact", "more_than", "about", "less_than")
FORMATS = ("offline", "online", "hybrid")

Offsets = tuple[int, int]


@dataclass
class Organisation:
    name: str
    role: str = "other"
    aliases: list[str] = field(default_factory=list)
    evidence: list[Offsets] = field(default_factory=list)


@dataclass
class Person:
    name: str
    position: str | None = None
    role: str = "other"
    evidence: list[Offsets] = field(default_factory=list)


@dataclass
class Count:
    count: int
    unit: str = "people"
    approx: str = "exact"
    evidence: list[Offsets] = field(default_factory=list)


@dataclass
class Event:
    type: str = "other"
    title: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    format: str | None = None
    location: str | None = None
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    participants: list[Count] = field(default_factory=list)
    # evidence of the scalar fields, keyed by field name ("type", "title", "date", ...),
    # and "span": the stretch of text the event was read from
    evidence: dict[str, list[Offsets]] = field(default_factory=dict)


@dataclass
class DocumentRecord:
    id: str
    events: list[Event] = field(default_factory=list)


def _offsets(items) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in items]


def _from_offsets(items) -> list[Offsets]:
    return [(int(s), int(e)) for s, e in items or []]


def document_to_dict(doc: DocumentRecord) -> dict[str, Any]:
    return {"id": doc.id, "events": [event_to_dict(e) for e in doc.events]}


def event_to_dict(ev: Event) -> dict[str, Any]:
    return {
        "type": ev.type,
        "title": ev.title,
        "date_start": ev.date_start,
        "date_end": ev.date_end,
        "format": ev.format,
        "location": ev.location,
        "organisations": [
            {"name": o.name, "role": o.role, "aliases": list(o.aliases), "evidence": _offsets(o.evidence)}
            for o in ev.organisations
        ],
        "people": [
            {"name": p.name, "position": p.position, "role": p.role, "evidence": _offsets(p.evidence)}
            for p in ev.people
        ],
        "participants": [
            {"count": c.count, "unit": c.unit, "approx": c.approx, "evidence": _offsets(c.evidence)}
            for c in ev.participants
        ],
        "evidence": {k: _offsets(v) for k, v in ev.evidence.items()},
    }


def document_from_dict(data: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(id=str(data.get("id", "")), events=[event_from_dict(e) for e in data.get("events", [])])


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(
        type=data.get("type") or "other",
        title=data.get("title"),
        date_start=data.get("date_start"),
        date_end=data.get("date_end"),
        format=data.get("format"),
        location=data.get("location"),
        organisations=[
            Organisation(o["name"], o.get("role") or "other", list(o.get("aliases") or []),
                         _from_offsets(o.get("evidence")))
            for o in data.get("organisations", [])
        ],
        people=[
            Person(p["name"], p.get("position"), p.get("role") or "other", _from_offsets(p.get("evidence")))
            for p in data.get("people", [])
        ],
        participants=[
            Count(int(c["count"]), c.get("unit") or "people", c.get("approx") or "exact",
                  _from_offsets(c.get("evidence")))
            for c in data.get("participants", [])
        ],
        evidence={k: _from_offsets(v) for k, v in (data.get("evidence") or {}).items()},
    )
