"""Reviewers' changes to the stored records: the only way the web app changes data.

Every function takes a SQLAlchemy ``Session`` and the acting ``User``, validates its input
against the exchange schema (``report_miner.records``), applies the change, writes one
``Correction`` row (who, when, action, target, and the value ``before``/``after`` in its exchange
form: ``{"name", "role", "aliases", "evidence"}`` for an organisation mention, ``{"name",
"position", "role", "evidence"}`` for a person, ``{"count", "unit", "approx", "evidence"}`` for a
count, the whole event dict for an event, ``{<field>: value, "evidence": [...]}`` for one of an
event's own fields), moves a "new" document to "in_review", flushes and does NOT commit.
Bad input raises ``ReviewError`` with a message fit for the reviewer (in Russian, like the web app).

Evidence arguments are lists of ``(start, end)`` offsets into the document's raw text (``raw``,
or ``text`` when ``raw`` is null), like every evidence column. Positions of events in a document
and ordinals of values in an event stay 0, 1, 2, ... through deletes, merges and splits.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .. import records
from ..read import SourceText
from ..records import (
    APPROX,
    COUNT_UNITS,
    EVENT_TYPES,
    FORMATS,
    ORG_ROLES,
    PERSON_ROLES,
    DocumentRecord,
)
from . import (
    convert,  # the import's own linking of mentions to canonical rows, not a copy of it
)
from .documents import store_document
from .keys import name_key
from .models import (
    Correction,
    Document,
    Event,
    EventOrganisation,
    EventPerson,
    Organisation,
    OrganisationAlias,
    ParticipantCount,
    Person,
    User,
)

__all__ = [
    "EVENT_FIELDS", "ReviewError", "add_count", "add_event", "add_organisation", "add_person", "approve",
    "delete_event", "delete_value", "edit_event", "edit_value", "link_organisation", "merge_events",
    "merge_organisations", "save_document", "split_event",
]


class ReviewError(ValueError):
    """A change that cannot be made; the message says why, in Russian, for the reviewer."""


EVENT_FIELDS = ("type", "title", "date_start", "date_end", "format", "location")
# the key of an event field's evidence in Event.evidence
EVIDENCE_KEY = {"type": "type", "title": "title", "date_start": "date", "date_end": "date",
                "format": "format", "location": "location"}
VALUE_FIELDS = {
    EventOrganisation: ("name", "role"),
    EventPerson: ("name", "position", "role"),
    ParticipantCount: ("count", "unit", "approx"),
}
TARGET = {EventOrganisation: "organisation", EventPerson: "person", ParticipantCount: "count"}
TARGET_RU = {EventOrganisation: "Организация", EventPerson: "Человек", ParticipantCount: "Число участников"}
MAX_COUNT = 10_000_000
MAX_TEXT = 2000

_DATE_RE = re.compile(r"(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2}))")


# --- validation --------------------------------------------------------------------------

def _text(value: Any, what: str, nullable: bool = True) -> str | None:
    if value is None:
        if nullable:
            return None
        raise ReviewError(f"{what}: значение не может быть пустым.")
    if not isinstance(value, str):
        raise ReviewError(f"{what}: ожидается текст.")
    value = " ".join(value.split())
    if not value:
        if nullable:
            return None
        raise ReviewError(f"{what}: значение не может быть пустым.")
    if len(value) > MAX_TEXT:
        raise ReviewError(f"{what}: длиннее {MAX_TEXT} символов.")
    return value


def _choice(value: Any, allowed: tuple[str, ...], what: str, nullable: bool = False) -> str | None:
    if isinstance(value, str):
        value = value.strip()
    if value in (None, "") and nullable:
        return None
    if value not in allowed:
        raise ReviewError(f"{what}: ожидается одно из {', '.join(allowed)}" + (" или пусто" if nullable else "")
                          + f", а не «{value}».")
    return value


def valid_date(value: Any, what: str = "Дата") -> str | None:
    """An exchange-schema date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD), empty → None; else ReviewError."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{what}: ожидается дата вида 2024-10-14, 2024-10, 2024 или --10-14.")
    value = value.strip()
    if not value:
        return None
    m = _DATE_RE.fullmatch(value)
    if not m:
        raise ReviewError(f"{what}: «{value}» не в виде ГГГГ-ММ-ДД, ГГГГ-ММ, ГГГГ или --ММ-ДД.")
    year, month, day, bare_month, bare_day = m.groups()
    try:
        if year and day:
            date(int(year), int(month), int(day))
        elif year and month:
            date(int(year), int(month), 1)
        elif bare_month:
            date(2000, int(bare_month), int(bare_day))  # a leap year: --02-29 is a date
        if year and int(year) < 1000:
            raise ValueError
    except ValueError:
        raise ReviewError(f"{what}: «{value}» — такой даты нет в календаре.") from None
    return value


def _check_range(start: str | None, end: str | None) -> None:
    if not start or not end or start.startswith("--") != end.startswith("--"):
        return
    n = min(len(start), len(end))
    if end[:n] < start[:n]:
        raise ReviewError(f"Событие заканчивается ({end}) раньше, чем начинается ({start}).")


def _count(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ReviewError(f"Число участников: ожидается целое число больше 0, а не «{value}».")
    if value > MAX_COUNT:
        raise ReviewError(f"Число участников: больше {MAX_COUNT} не бывает.")
    return value


def _raw_length(document: Document) -> int:
    return len(document.raw if document.raw is not None else document.text or "")


def _evidence(document: Document, evidence: Iterable | None) -> list[list[int]]:
    """Evidence as ``[[start, end], ...]`` inside the document's raw text, sorted, duplicates dropped."""
    if evidence is None:
        return []
    if isinstance(evidence, (str, bytes)):
        raise ReviewError("Выделение: ожидается список пар (начало, конец).")
    length = _raw_length(document)
    spans = set()
    for span in evidence:
        try:
            start, end = span
            if isinstance(start, bool) or isinstance(end, bool):
                raise TypeError
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            raise ReviewError(f"Выделение {span!r} — не пара смещений (начало, конец).") from None
        if not 0 <= start < end <= length:
            raise ReviewError(f"Выделение [{start}, {end}) вне текста документа (0–{length}).")
        spans.add((start, end))
    return [list(s) for s in sorted(spans)]


def _event_value(event: Event, field: str, value: Any) -> Any:
    if field == "type":
        return _choice(value, EVENT_TYPES, "Тип")
    if field == "format":
        return _choice(value, FORMATS, "Формат", nullable=True)
    if field in ("date_start", "date_end"):
        return valid_date(value, "Дата начала" if field == "date_start" else "Дата окончания")
    return _text(value, "Название" if field == "title" else "Место")


# --- exchange forms --------------------------------------------------------------------------

def _spans(evidence) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in evidence or []]


def organisation_dict(value: EventOrganisation) -> dict[str, Any]:
    return {"name": value.name, "role": value.role, "aliases": list(value.aliases or []),
            "evidence": _spans(value.evidence), "organisation_id": value.organisation_id}


def person_dict(value: EventPerson) -> dict[str, Any]:
    return {"name": value.name, "position": value.position, "role": value.role, "evidence": _spans(value.evidence)}


def count_dict(value: ParticipantCount) -> dict[str, Any]:
    return {"count": value.count, "unit": value.unit, "approx": value.approx, "evidence": _spans(value.evidence)}


def value_dict(value) -> dict[str, Any]:
    if isinstance(value, EventOrganisation):
        return organisation_dict(value)
    if isinstance(value, EventPerson):
        return person_dict(value)
    if isinstance(value, ParticipantCount):
        return count_dict(value)
    raise ReviewError(f"Это не организация, не человек и не число участников события: {type(value).__name__}.")


def event_dict(event: Event) -> dict[str, Any]:
    """The event in the exchange form with evidence (its organisations with their canonical ids)."""
    return {
        "type": event.type, "title": event.title, "date_start": event.date_start, "date_end": event.date_end,
        "format": event.format, "location": event.location,
        "organisations": [organisation_dict(o) for o in event.organisations],
        "people": [person_dict(p) for p in event.people],
        "participants": [count_dict(c) for c in event.participants],
        "evidence": {k: _spans(v) for k, v in (event.evidence or {}).items()},
    }


def _field_dict(event: Event, field: str) -> dict[str, Any]:
    return {field: getattr(event, field), "evidence": _spans((event.evidence or {}).get(EVIDENCE_KEY[field]))}


# --- the audit trail -----------------------------------------------------------------------

def _signed_in(user: User) -> None:
    if user is None or getattr(user, "id", None) is None:
        raise ReviewError("Войдите, чтобы исправлять записи.")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _correct(session: Session, user: User, action: str, target: str | None, document: Document | None,
             event_id: int | None = None, before: Any = None, after: Any = None) -> Correction:
    _signed_in(user)
    correction = Correction(
        document_id=document.id if document is not None else None,
        document_path=document.path if document is not None else None,
        event_id=event_id, user_id=user.id, at=_now(), action=action, target=target, before=before, after=after)
    session.add(correction)
    if document is not None and document.review == "new":
        document.review = "in_review"
    session.flush()
    return correction


def _renumber_events(document: Document) -> None:
    for position, event in enumerate(sorted(document.events, key=lambda e: (e.position, e.id or 0))):
        event.position = position
    document.events.sort(key=lambda e: e.position)


def _renumber_values(values: list) -> None:
    values.sort(key=lambda v: (v.ordinal, v.id or 0))
    for ordinal, value in enumerate(values):
        value.ordinal = ordinal


def _values_of(event: Event, value) -> list:
    if isinstance(value, EventOrganisation):
        return event.organisations
    if isinstance(value, EventPerson):
        return event.people
    return event.participants


# --- documents -----------------------------------------------------------------------------

def save_document(session: Session, source: SourceText, record: DocumentRecord, path: str) -> Document:
    """A pasted or uploaded text as a document (status ok, review new) with its events.

    The content's sha256 is that of ``source.raw`` in UTF-8 (a UTF-8 file imported by ``report-miner
    import`` has the same one): content stored already returns the stored document. ``path`` is a
    display name ("paste:2026-11-23T10:00:00", "upload:report.docx"); a taken name gets " (2)", " (3)"...
    """
    raw = source.raw if source.raw is not None else source.text
    sha = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    same = session.scalar(select(Document).where(Document.content_sha256 == sha))
    if same is not None:
        if same.status == "ok":
            return same
        session.delete(same)  # an import that failed on this content: store it properly now
        session.flush()
    path = _text(path, "Имя документа", nullable=False)
    name, n = path, 1
    while session.scalar(select(Document.id).where(Document.path == name)) is not None:
        n += 1
        name = f"{path} ({n})"
    document, _ = store_document(
        session, path=name, sha256=sha, size=len(raw.encode("utf-8", "surrogatepass")), format=source.format,
        encoding=source.encoding, text=source.text, raw=source.raw, record=record)
    return document


def approve(session: Session, document: Document, user: User) -> None:
    """The document's records are right as they stand: review = "approved"."""
    _signed_in(user)
    if document.status != "ok":
        raise ReviewError("Документ не удалось прочитать: одобрять нечего.")
    before = document.review
    document.review = "approved"
    _correct(session, user, "approve", "document", document, before={"review": before},
             after={"review": "approved"})


# --- events --------------------------------------------------------------------------------

def edit_event(session: Session, event: Event, field: str, value: Any, user: User, evidence=None) -> None:
    """Set one of the event's own fields (EVENT_FIELDS); ``evidence``, when given, replaces the
    field's evidence. A field emptied loses its evidence (the dates when both are empty). Setting
    the value it has (and the evidence it has) changes nothing and writes no correction."""
    _signed_in(user)
    if field not in EVENT_FIELDS:
        raise ReviewError(f"Неизвестное поле события «{field}»; ожидается одно из {', '.join(EVENT_FIELDS)}.")
    document = event.document
    value = _event_value(event, field, value)
    spans = _evidence(document, evidence) if evidence is not None else None
    start = value if field == "date_start" else event.date_start
    end = value if field == "date_end" else event.date_end
    if field in ("date_start", "date_end"):
        _check_range(start, end)
    before = _field_dict(event, field)
    if value == before[field] and (spans is None or spans == before["evidence"]):
        return  # nothing changes: no correction
    setattr(event, field, value)
    key = EVIDENCE_KEY[field]
    ev = dict(event.evidence or {})
    if spans is not None:
        ev[key] = spans
    elif value is None and (key != "date" or (start is None and end is None)):
        ev.pop(key, None)
    if not ev.get(key):
        ev.pop(key, None)
    event.evidence = ev
    _correct(session, user, "edit", field, document, event.id, before, _field_dict(event, field))


def add_event(session: Session, document: Document, user: User, type: str = "other", evidence=None) -> Event:
    """A new event at the end of the document; ``evidence`` is the stretch of text it is read from
    (its "span", and the evidence of its type)."""
    _signed_in(user)
    type = _choice(type, EVENT_TYPES, "Тип")
    spans = _evidence(document, evidence)
    event = Event(position=len(document.events), type=type, evidence={"span": spans} if spans else {})
    document.events.append(event)
    session.flush()
    _correct(session, user, "add", "event", document, event.id, None, event_dict(event))
    return event


def delete_event(session: Session, event: Event, user: User) -> None:
    _signed_in(user)
    document = event.document
    before, event_id = event_dict(event), event.id
    document.events.remove(event)
    session.delete(event)
    _renumber_events(document)
    session.flush()
    _correct(session, user, "delete", "event", document, event_id, before, None)


def _same_value_key(value) -> Any:
    if isinstance(value, EventOrganisation):
        return value.organisation_id
    if isinstance(value, EventPerson):
        return name_key(value.name)
    return value.count, value.unit


def merge_events(session: Session, keep: Event, other: Event, user: User) -> Event:
    """One event of two of the same document: ``keep``'s fields win, its empty ones are filled from
    ``other``, and ``other``'s organisations, people and counts join it (one that ``keep`` has
    already only adds its evidence). ``other`` is deleted."""
    _signed_in(user)
    if keep is other or (keep.id is not None and keep.id == other.id):
        raise ReviewError("Событие нельзя объединить с самим собой.")
    if keep.document_id != other.document_id:
        raise ReviewError("Объединять можно только события одного документа.")
    document = keep.document
    before = {"keep": event_dict(keep), "other": event_dict(other), "other_id": other.id}
    evidence = {k: list(v) for k, v in (keep.evidence or {}).items()}
    other_evidence = other.evidence or {}
    for field in EVENT_FIELDS:
        if getattr(keep, field) is None and getattr(other, field) is not None:
            setattr(keep, field, getattr(other, field))
            key = EVIDENCE_KEY[field]
            if key in other_evidence and key != "date":
                evidence[key] = list(other_evidence[key])
    if before["keep"]["date_start"] is None and other.date_start is not None and "date" in other_evidence:
        evidence["date"] = list(other_evidence["date"])
    if keep.type == "other" and other.type != "other":
        keep.type = other.type
        if "type" in other_evidence:
            evidence["type"] = list(other_evidence["type"])
    if "span" in other_evidence:
        evidence["span"] = _spans(sorted({tuple(s) for s in [*evidence.get("span", []), *other_evidence["span"]]}))
    keep.evidence = evidence
    for mine, theirs in ((keep.organisations, other.organisations), (keep.people, other.people),
                         (keep.participants, other.participants)):
        have = {_same_value_key(v): v for v in mine}
        for value in list(theirs):
            same = have.get(_same_value_key(value))
            if same is not None:
                same.evidence = _spans(sorted({tuple(s) for s in [*same.evidence, *value.evidence]}))
                if isinstance(same, EventPerson) and not same.position and value.position:
                    same.position = value.position
                continue
            theirs.remove(value)
            value.ordinal = len(mine) + 1000  # after keep's own, renumbered below
            mine.append(value)
            have[_same_value_key(value)] = value
        _renumber_values(mine)
    session.flush()
    document.events.remove(other)
    session.delete(other)
    _renumber_events(document)
    session.flush()
    _correct(session, user, "merge_events", "event", document, keep.id, before, event_dict(keep))
    return keep


def split_event(session: Session, event: Event, user: User, organisations=(), people=(),
                participants=()) -> Event:
    """A new event right after ``event`` taking the organisations, people and counts with these ids;
    type, dates, format and location (with their evidence) are copied."""
    _signed_in(user)
    document = event.document
    moving = []
    for ids, values, what in ((organisations, event.organisations, "Организация"), (people, event.people, "Человек"),
                              (participants, event.participants, "Число участников")):
        by_id = {v.id: v for v in values}
        for value_id in ids:
            try:
                value = by_id[int(value_id)]
            except (KeyError, TypeError, ValueError):
                raise ReviewError(f"{what} №{value_id} не относится к этому событию.") from None
            if value not in moving:
                moving.append(value)
    before = event_dict(event)
    copied = {k: _spans(v) for k, v in (event.evidence or {}).items() if k in ("type", "date", "format", "location")}
    new = Event(document_id=document.id, position=event.position + 1, type=event.type,
                date_start=event.date_start, date_end=event.date_end, format=event.format,
                location=event.location, evidence=copied)
    for other in document.events:
        if other.position > event.position:
            other.position += 1
    for value in moving:
        _values_of(event, value).remove(value)
        _values_of(new, value).append(value)
    for values in (event.organisations, event.people, event.participants,
                   new.organisations, new.people, new.participants):
        _renumber_values(values)
    document.events.append(new)
    _renumber_events(document)
    session.flush()
    _correct(session, user, "split_event", "event", document, event.id, before,
             {"event": event_dict(event), "new": event_dict(new), "new_id": new.id})
    return new


# --- values of an event ----------------------------------------------------------------------

def _link(session: Session, name: str, role: str) -> Organisation:
    """The canonical organisation of a mention, linked as ``convert.add_events`` links the import's."""
    return convert.link_organisation(session, records.Organisation(name, role))[0]


def _link_person(session: Session, name: str, position: str | None, role: str) -> Person:
    """The canonical person of a mention, linked as ``convert.add_events`` links the import's."""
    return convert.link_person(session, records.Person(name, position, role))[0]


def add_organisation(session: Session, event: Event, user: User, name: str, role: str = "other",
                     evidence=()) -> EventOrganisation:
    """A new organisation mention, linked to a canonical organisation as the import links them."""
    _signed_in(user)
    document = event.document
    name = _text(name, "Название организации", nullable=False)
    role = _choice(role, ORG_ROLES, "Роль организации")
    spans = _evidence(document, evidence)
    canonical = _link(session, name, role)
    value = EventOrganisation(organisation_id=canonical.id, ordinal=len(event.organisations), role=role,
                              name=name, aliases=[], evidence=spans)
    event.organisations.append(value)
    session.flush()
    _correct(session, user, "add", "organisation", document, event.id, None, organisation_dict(value))
    return value


def add_person(session: Session, event: Event, user: User, name: str, position: str | None = None,
               role: str = "other", evidence=()) -> EventPerson:
    _signed_in(user)
    document = event.document
    name = _text(name, "Имя", nullable=False)
    position = _text(position, "Должность")
    role = _choice(role, PERSON_ROLES, "Роль человека")
    spans = _evidence(document, evidence)
    canonical = _link_person(session, name, position, role)
    value = EventPerson(person_id=canonical.id, ordinal=len(event.people), name=name, position=position,
                        role=role, evidence=spans)
    event.people.append(value)
    session.flush()
    _correct(session, user, "add", "person", document, event.id, None, person_dict(value))
    return value


def add_count(session: Session, event: Event, user: User, count: int, unit: str = "people",
              approx: str = "exact", evidence=()) -> ParticipantCount:
    _signed_in(user)
    document = event.document
    count = _count(count)
    unit = _choice(unit, COUNT_UNITS, "Единица")
    approx = _choice(approx, APPROX, "Точность")
    spans = _evidence(document, evidence)
    value = ParticipantCount(ordinal=len(event.participants), count=count, unit=unit, approx=approx,
                             evidence=spans)
    event.participants.append(value)
    session.flush()
    _correct(session, user, "add", "count", document, event.id, None, count_dict(value))
    return value


def edit_value(session: Session, value, user: User, **changes) -> None:
    """Change fields of an organisation mention (name, role), a person (name, position, role) or a
    count (count, unit, approx); ``evidence=[(s, e), ...]`` replaces its evidence. A mention whose
    name changes is linked again, as the import would link the new name. Values equal to the
    current ones change nothing and write no correction."""
    _signed_in(user)
    kind = type(value)
    if kind not in VALUE_FIELDS:
        raise ReviewError(f"Это не организация, не человек и не число участников события: {kind.__name__}.")
    allowed = (*VALUE_FIELDS[kind], "evidence")
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ReviewError(f"{TARGET_RU[kind]}: нельзя изменить {', '.join(unknown)}; "
                          f"можно {', '.join(allowed)}.")
    if not changes:
        raise ReviewError("Нечего менять.")
    event = value.event
    document = event.document
    clean: dict[str, Any] = {}
    for field, new in changes.items():
        if field == "evidence":
            clean[field] = _evidence(document, new)
        elif field == "name":
            clean[field] = _text(new, "Название организации" if kind is EventOrganisation else "Имя",
                                 nullable=False)
        elif field == "position":
            clean[field] = _text(new, "Должность")
        elif field == "role":
            clean[field] = _choice(new, ORG_ROLES if kind is EventOrganisation else PERSON_ROLES,
                                   "Роль организации" if kind is EventOrganisation else "Роль человека")
        elif field == "count":
            clean[field] = _count(new)
        elif field == "unit":
            clean[field] = _choice(new, COUNT_UNITS, "Единица")
        elif field == "approx":
            clean[field] = _choice(new, APPROX, "Точность")
    before = value_dict(value)
    if all(before[field] == new for field, new in clean.items()):
        return  # nothing changes: no correction
    renamed = "name" in clean and clean["name"] != value.name
    for field, new in clean.items():
        setattr(value, field, new)
    if renamed and kind is EventOrganisation:
        value.organisation_id = _link(session, value.name, value.role).id
        value.aliases = []
    elif renamed and kind is EventPerson:
        value.person_id = _link_person(session, value.name, value.position, value.role).id
    session.flush()
    _correct(session, user, "edit", TARGET[kind], document, event.id, before, value_dict(value))


def delete_value(session: Session, value, user: User) -> None:
    """Delete an organisation mention, a person or a count from its event."""
    _signed_in(user)
    before = value_dict(value)
    event = value.event
    values = _values_of(event, value)
    values.remove(value)
    session.delete(value)
    _renumber_values(values)
    session.flush()
    _correct(session, user, "delete", TARGET[type(value)], event.document, event.id, before, None)


# --- canonical organisations -------------------------------------------------------------------

def _add_alias(session: Session, organisation: Organisation, name: str) -> None:
    exists = session.scalar(select(OrganisationAlias.id).where(
        OrganisationAlias.organisation_id == organisation.id, OrganisationAlias.name == name))
    if exists is None:
        session.add(OrganisationAlias(organisation_id=organisation.id, name=name, key=name_key(name)))
        session.flush()


def _canonical_dict(organisation: Organisation) -> dict[str, Any]:
    return {"organisation_id": organisation.id, "name": organisation.name, "registry_id": organisation.registry_id}


def link_organisation(session: Session, mention: EventOrganisation, organisation: Organisation, user: User) -> None:
    """Link the mention to another canonical organisation (its name becomes an alias of it)."""
    _signed_in(user)
    if organisation is None or organisation.id is None:
        raise ReviewError("Нет такой организации.")
    if mention.organisation_id == organisation.id:
        return  # linked there already
    event = mention.event
    old = session.get(Organisation, mention.organisation_id)
    before = {**organisation_dict(mention), "organisation": old.name if old else None}
    mention.organisation_id = organisation.id
    mention.organisation = organisation
    for name in dict.fromkeys([mention.name, *(mention.aliases or [])]):
        _add_alias(session, organisation, name)
    session.flush()
    _correct(session, user, "link_organisation", "organisation", event.document, event.id, before,
             {**organisation_dict(mention), "organisation": organisation.name})


def merge_organisations(session: Session, keep: Organisation, other: Organisation, user: User) -> None:
    """``other`` is the same organisation as ``keep``: its mentions, aliases and people move to
    ``keep`` (its name becomes an alias; ``keep``'s empty registry columns are filled from it), and
    it is deleted. The correction has no document."""
    _signed_in(user)
    if keep is other or keep.id == other.id:
        raise ReviewError("Организацию нельзя объединить с самой собой.")
    aliases = lambda org: sorted(a.name for a in org.aliases)
    before = {"keep": {**_canonical_dict(keep), "aliases": aliases(keep)},
              "other": {**_canonical_dict(other), "aliases": aliases(other)}}
    mentions = session.scalar(select(func.count(EventOrganisation.id))
                              .where(EventOrganisation.organisation_id == other.id))
    session.execute(update(EventOrganisation).where(EventOrganisation.organisation_id == other.id)
                    .values(organisation_id=keep.id), execution_options={"synchronize_session": "fetch"})
    session.execute(update(Person).where(Person.organisation_id == other.id).values(organisation_id=keep.id),
                    execution_options={"synchronize_session": "fetch"})
    for column in ("registry_id", "legal_form", "kind", "number", "city"):
        if getattr(keep, column) is None and getattr(other, column) is not None:
            setattr(keep, column, getattr(other, column))
    have = {a.name for a in keep.aliases}
    for name in dict.fromkeys([other.name, *(a.name for a in other.aliases)]):
        if name not in have:
            keep.aliases.append(OrganisationAlias(name=name, key=name_key(name)))
            have.add(name)
    session.flush()
    for obj in list(session.identity_map.values()):  # relationships still pointing at ``other``
        if isinstance(obj, (EventOrganisation, Person)):
            session.expire(obj, ["organisation"])
    session.delete(other)
    session.flush()
    session.expire(keep, ["aliases"])
    _correct(session, user, "merge_organisations", "organisation", None, None, before,
             {**_canonical_dict(keep), "aliases": aliases(keep), "mentions_moved": mentions})
