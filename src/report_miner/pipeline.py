"""One straight path from text to records: analyse once, run every extractor, group into events."""
from __future__ import annotations

from typing import Callable

from .events import Mentions, build_events
from .extractors.counts import find_counts
from .extractors.dates import find_dates
from .extractors.organisations import find_organisations
from .extractors.people import find_people
from .extractors.places import find_formats, find_locations
from .nlp import parse
from .read import SourceText
from .records import DocumentRecord, Offsets


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
    """Records with evidence offsets into ``text``."""
    return DocumentRecord(id=doc_id, events=build_events(find_mentions(text)))


def extract_source(source: SourceText, doc_id: str) -> DocumentRecord:
    """Records of a read file, with evidence offsets into the file's own text (``source.raw``)."""
    record = extract_text(source.text, doc_id)
    map_evidence(record, source.to_raw)
    return record


def map_evidence(record: DocumentRecord, to_raw: Callable[[int, int], Offsets]) -> None:
    for event in record.events:
        event.evidence = {key: [to_raw(*span) for span in spans] for key, spans in event.evidence.items()}
        for value in [*event.organisations, *event.people, *event.participants]:
            value.evidence = [to_raw(*span) for span in value.evidence]
