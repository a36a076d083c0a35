"""One straight path from text to records: analyse once, run every extractor, group into events."""
from __future__ import annotations

from .events import Mentions, build_events
from .extractors.counts import find_counts
from .extractors.dates import find_dates
from .extractors.organisations import find_organisations
from .extractors.people import find_people
from .extractors.places import find_formats, find_locations
from .nlp import parse
from .records import DocumentRecord


def find_mentions(text: str) -> Mentions:
    doc = parse(text)
    return Mentions(
        doc=doc,
        dates=find_dates(doc),
        counts=find_counts(doc),
        organisations=find_organisations(doc),
        people=find_people(doc),
        locations=find_locations(doc),
        formats=find_formats(doc),
    )


def extract_text(text: str, doc_id: str = "-") -> DocumentRecord:
    return DocumentRecord(id=doc_id, events=build_events(find_mentions(text)))
