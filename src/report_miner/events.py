"""Group the values found in a text into event records."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .extractors.dates import DateMention
from .extractors.places import FormatMention, LocationMention
from .records import Count, Event, Organisation, Person


@dataclass
class Mentions:
    """Everything the extractors found in one text."""

    doc: Doc
    dates: list[DateMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    locations: list[LocationMention] = field(default_factory=list)
    formats: list[FormatMention] = field(default_factory=list)


def build_events(m: Mentions) -> list[Event]:
    ev = Event(type="other")
    if m.dates:
        ev.date_start, ev.date_end = m.dates[0].start, m.dates[0].end
        ev.evidence["date"] = [m.dates[0].span]
    if m.locations:
        ev.location = m.locations[0].name
        ev.evidence["location"] = [m.locations[0].span]
    if m.formats:
        ev.format = m.formats[0].format
        ev.evidence["format"] = [m.formats[0].span]
    ev.organisations = list(m.organisations)
    ev.people = list(m.people)
    ev.participants = list(m.counts)
    ev.evidence["span"] = [(0, len(m.doc.text))]
    return [ev]
