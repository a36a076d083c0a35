"""Records ⇄ rows: a DocumentRecord becomes event rows linked to canonical organisations and
people, and stored rows become a DocumentRecord again (for the exchange-schema export)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import records
from .keys import name_key
from .models import (
    Document,
    Event,
    EventOrganisation,
    EventPerson,
    Organisation,
    OrganisationAlias,
    ParticipantCount,
    Person,
)


def _spans(evidence) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in evidence]


def add_events(session: Session, document: Document, record: records.DocumentRecord) -> dict[str, int]:
    """Add the record's events to ``document``; returns how many new canonical rows were made."""
    created = {"organisations": 0, "people": 0}
    for position, ev in enumerate(record.events):
        row = Event(position=position, type=ev.type, title=ev.title, date_start=ev.date_start,
                    date_end=ev.date_end, format=ev.format, location=ev.location,
                    evidence={k: _spans(v) for k, v in ev.evidence.items()})
        for ordinal, org in enumerate(ev.organisations):
            canonical, new = _organisation(session, org)
            created["organisations"] += new
            row.organisations.append(EventOrganisation(
                organisation=canonical, ordinal=ordinal, role=org.role, name=org.name,
                aliases=list(org.aliases), evidence=_spans(org.evidence)))
        for ordinal, person in enumerate(ev.people):
            canonical, new = _person(session, person.name)
            created["people"] += new
            row.people.append(EventPerson(
                person=canonical, ordinal=ordinal, name=person.name, position=person.position,
                role=person.role, evidence=_spans(person.evidence)))
        for ordinal, count in enumerate(ev.participants):
            row.participants.append(ParticipantCount(
                ordinal=ordinal, count=count.count, unit=count.unit, approx=count.approx,
                evidence=_spans(count.evidence)))
        document.events.append(row)
    return created


def _organisation(session: Session, org: records.Organisation) -> tuple[Organisation, bool]:
    """The canonical row of a mention: for now the one with the same normalised name.

    Every spelling (the mention and its aliases) is recorded as an alias of that row.
    """
    key = name_key(org.name) or org.name
    canonical = session.scalar(select(Organisation).where(Organisation.key == key))
    new = canonical is None
    if new:
        canonical = Organisation(name=org.name, key=key)
        session.add(canonical)
        session.flush()
    for name in dict.fromkeys([org.name, *org.aliases]):
        exists = session.scalar(select(OrganisationAlias.id).where(
            OrganisationAlias.organisation_id == canonical.id, OrganisationAlias.name == name))
        if exists is None:
            session.add(OrganisationAlias(organisation_id=canonical.id, name=name, key=name_key(name)))
            session.flush()
    return canonical, new


def _person(session: Session, name: str) -> tuple[Person, bool]:
    key = name_key(name) or name
    canonical = session.scalar(select(Person).where(Person.key == key))
    if canonical is not None:
        return canonical, False
    canonical = Person(name=name, key=key)
    session.add(canonical)
    session.flush()
    return canonical, True


def document_record(document: Document, doc_id: str) -> records.DocumentRecord:
    """The stored document back in the exchange-schema form, evidence included."""
    return records.DocumentRecord(id=doc_id, events=[
        records.Event(
            type=ev.type, title=ev.title, date_start=ev.date_start, date_end=ev.date_end, format=ev.format,
            location=ev.location,
            organisations=[records.Organisation(o.name, o.role, list(o.aliases), _offsets(o.evidence))
                           for o in ev.organisations],
            people=[records.Person(p.name, p.position, p.role, _offsets(p.evidence)) for p in ev.people],
            participants=[records.Count(c.count, c.unit, c.approx, _offsets(c.evidence)) for c in ev.participants],
            evidence={k: _offsets(v) for k, v in (ev.evidence or {}).items()},
        )
        for ev in document.events
    ])


def _offsets(evidence) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in evidence or []]
