"""Records ⇄ rows: a DocumentRecord becomes event rows linked to canonical organisations and
people, and stored rows become a DocumentRecord again (for the exchange-schema export)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .. import records
from ..resolve import PARTS, Resolver, load_registry
from ..resolve_people import PersonResolver, parse_name, position_organisations
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


def add_events(session: Session, document: Document, record: records.DocumentRecord,
               linker: OrganisationLinker | None = None) -> dict[str, int]:
    """Add the record's events to ``document``; returns how many new canonical rows were made.

    A batch passes one ``linker`` for all its documents: its resolver is then built once, not
    once per document from every stored organisation.
    """
    created = {"organisations": 0, "people": 0}
    document.extraction = records.document_to_dict(record)
    mentions = [person for ev in record.events for person in ev.people]
    if mentions or any(ev.organisations for ev in record.events):
        linker = (linker or OrganisationLinker()).bind(session)
    people = _PersonLinker(session, linker, mentions) if mentions else None
    for position, ev in enumerate(record.events):
        row = Event(position=position, type=ev.type, title=ev.title, date_start=ev.date_start,
                    date_end=ev.date_end, format=ev.format, location=ev.location,
                    evidence={k: _spans(v) for k, v in ev.evidence.items()})
        for ordinal, org in enumerate(ev.organisations):
            canonical, new = linker.link(org)
            created["organisations"] += new
            row.organisations.append(EventOrganisation(
                organisation=canonical, ordinal=ordinal, role=org.role, name=org.name,
                aliases=list(org.aliases), evidence=_spans(org.evidence)))
        for ordinal, person in enumerate(ev.people):
            canonical, new = people.link(person)
            created["people"] += new
            row.people.append(EventPerson(
                person=canonical, ordinal=ordinal, name=person.name, position=person.position,
                role=person.role, evidence=_spans(person.evidence)))
        for ordinal, count in enumerate(ev.participants):
            row.participants.append(ParticipantCount(
                ordinal=ordinal, count=count.count, unit=count.unit, approx=count.approx,
                evidence=_spans(count.evidence)))
        document.events.append(row)
    if linker is not None and linker.session is session:
        linker.seen()
    return created


class OrganisationLinker:
    """Links organisation mentions to canonical rows with the resolver (``report_miner.resolve``).

    The resolver is built per document from the consortium registry (package data
    data/members.tsv) and every stored organisation with its aliases and its columns (legal form,
    kind, number, city: a row known to be in Томск takes no "Лицей № 5 г. Северска"). A mention
    goes to the row of the entry it resolves to: an existing row (same normalised spelling, or a
    different spelling of the same organisation: "ИТШ № 777" ~ "ГБОУ «Инженерно-технологическая
    школа №777» Санкт-Петербурга"); for a registry member not stored yet, a new row named as in the
    registry (members become rows on their first mention, so an empty database stays empty);
    otherwise a new row named by the mention. Every spelling is recorded as an alias, and the
    row's empty columns are filled from the entry (the registry member, else what its spellings
    tell: a later mention naming the city fills the city).

    ``bind(session)`` before linking in a session. The resolver is kept from one session to the
    next while the stored organisations and aliases are as the linker left them (their counts
    and highest ids, two aggregate queries); a change by anyone else, or a rolled-back
    transaction, makes ``bind`` build it again from the database.
    """

    def __init__(self) -> None:
        self.session: Session | None = None
        self.members = {m.id: m for m in load_registry()}
        self.state: tuple | None = None  # the stored rows as the resolver knows them

    def bind(self, session: Session) -> OrganisationLinker:
        self.session = session
        if self.state is None or self.state != _stored_state(session):
            self._build(session)
        return self

    def seen(self) -> None:
        """The rows this linker added are in its resolver: remember the state they make."""
        self.state = _stored_state(self.session)

    def _build(self, session: Session) -> None:
        self.resolver = Resolver()
        self.rows: dict[object, int] = {}  # resolver entry id -> organisations.id
        member_by_key = {}
        for m in self.members.values():
            self.resolver.add(m.name, m.id, m.aliases, **m.parts)
            member_by_key[name_key(m.name)] = m.id
        aliases: dict[int, list[str]] = {}  # one query, not one per organisation
        for organisation_id, alias in session.execute(
                select(OrganisationAlias.organisation_id, OrganisationAlias.name).order_by(OrganisationAlias.id)):
            aliases.setdefault(organisation_id, []).append(alias)
        for org in session.scalars(select(Organisation).order_by(Organisation.id)):
            names = [org.name, *aliases.get(org.id, ())]
            parts = {part: getattr(org, part) for part in PARTS}
            entry = org.registry_id if org.registry_id in self.members else member_by_key.get(org.key)
            if entry is not None and entry not in self.rows:
                self.resolver.add(org.name, entry, names, **parts)
            else:
                entry = self.resolver.add(org.name, f"row:{org.id}", names, **parts)
            self.rows[entry] = org.id
        self.state = _stored_state(session)

    def link(self, org: records.Organisation) -> tuple[Organisation, bool]:
        entry = self.resolver.resolve(org.name, org.aliases)
        new = entry not in self.rows
        if new:
            member = self.members.get(entry)
            name = member.name if member is not None else org.name
            key = name_key(name) or name
            canonical = self.session.scalar(select(Organisation).where(Organisation.key == key))
            new = canonical is None
            if new:
                canonical = Organisation(name=name, key=key)
                self.session.add(canonical)
                self.session.flush()
            self.rows[entry] = canonical.id
        else:
            canonical = self.session.get(Organisation, self.rows[entry])
        self._fill_columns(canonical, entry)
        for name in dict.fromkeys([org.name, *org.aliases]):
            exists = self.session.scalar(select(OrganisationAlias.id).where(
                OrganisationAlias.organisation_id == canonical.id, OrganisationAlias.name == name))
            if exists is None:
                self.session.add(OrganisationAlias(organisation_id=canonical.id, name=name, key=name_key(name)))
                self.session.flush()
        return canonical, new

    def _fill_columns(self, row: Organisation, entry: object) -> None:
        if row.registry_id is None and entry in self.members:
            row.registry_id = entry
        known = self.resolver.entries[entry]
        for part in PARTS:
            if getattr(row, part) is None and getattr(known, part) is not None:
                setattr(row, part, getattr(known, part))

    def row_of(self, name: str) -> int | None:
        """The stored row ``name`` (an organisation named in a position) is, without adding one."""
        return self.rows.get(self.resolver.match(name))


def _stored_state(session: Session) -> tuple:
    """How many organisations and aliases are stored and their highest ids."""
    return (*session.execute(select(func.count(), func.coalesce(func.max(Organisation.id), 0))).one(),
            *session.execute(select(func.count(), func.coalesce(func.max(OrganisationAlias.id), 0))).one())


class _PersonLinker:
    """Links person mentions to canonical rows with the person resolver (``resolve_people``).

    Built per document from the stored people who share a surname with one of the document's
    mentions (by the normalised ``key``), each with the organisations of their stored row and
    of their stored positions. A mention's organisations are those its position names; the
    first of them that is a stored organisation becomes the person's ``organisation_id`` (a
    position names no new organisation row). A fuller name renames the row ("Князева В. В." →
    "Князева Вера Владимировна") and fills its parts.
    """

    def __init__(self, session: Session, orgs: OrganisationLinker, mentions: Iterable[records.Person]) -> None:
        self.session = session
        self.orgs = orgs
        self.resolver = PersonResolver(orgs.resolver)
        self.rows: dict[object, int] = {}  # resolver entry id -> people.id
        names = {parse_name(p.name) for p in mentions}
        prefixes = {name_key(n.surname) for n in names if n.surname}
        keys = {name_key(n.full) for n in names if n.surname is None}
        stored = session.scalars(select(Person).where(or_(
            Person.key.in_(keys | prefixes),
            *(Person.key.startswith(prefix + " ", autoescape=True) for prefix in prefixes),
        )).order_by(Person.id)).all()
        positions: dict[int, list[str]] = {}
        if stored:
            for person_id, position in session.execute(select(EventPerson.person_id, EventPerson.position).where(
                    EventPerson.person_id.in_([p.id for p in stored]), EventPerson.position.is_not(None))):
                positions.setdefault(person_id, []).append(position)
        for person in stored:
            organisations = [person.organisation.name] if person.organisation is not None else []
            organisations += [o for position in positions.get(person.id, []) for o in position_organisations(position)]
            self.rows[self.resolver.add(person.name, f"row:{person.id}", organisations)] = person.id

    def link(self, person: records.Person) -> tuple[Person, bool]:
        organisations = position_organisations(person.position)
        entry = self.resolver.resolve(person.name, organisations)
        known = self.resolver.entries[entry]
        new = entry not in self.rows
        if new:
            canonical = Person(name=known.name, key=name_key(known.name) or known.name)
            self.session.add(canonical)
        else:
            canonical = self.session.get(Person, self.rows[entry])
            canonical.name, canonical.key = known.name, name_key(known.name) or known.name
        canonical.surname, canonical.first_name, canonical.patronymic = (
            known.parts.surname, known.parts.first, known.parts.patronymic)
        organisation = next((row for row in map(self.orgs.row_of, organisations) if row is not None), None)
        if organisation is not None:
            canonical.organisation_id = organisation
        self.session.flush()
        self.rows[entry] = canonical.id
        return canonical, new


def link_organisation(session: Session, mention: records.Organisation) -> tuple[Organisation, bool]:
    """One organisation mention linked as ``add_events`` links the import's (a reviewer's added
    value): its canonical row, and whether that row is new."""
    return OrganisationLinker().bind(session).link(mention)


def link_person(session: Session, mention: records.Person) -> tuple[Person, bool]:
    """One person mention linked as ``add_events`` links the import's: its canonical row, and
    whether that row is new."""
    return _PersonLinker(session, OrganisationLinker().bind(session), [mention]).link(mention)


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
