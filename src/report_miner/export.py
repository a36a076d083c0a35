"""Reading the database out: flat tables (pandas) for CSV, XLSX and Parquet, exchange-schema JSONL,
and the filtered listings of the ``events`` and ``orgs`` commands.

Flat tables: ``documents``, ``events`` (one row per event with its document's path),
``event_organisations``, ``event_people`` and ``participant_counts``; evidence columns hold
JSON text (``[[start, end], ...]`` into the document's raw text).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import pandas as pd
from sqlalchemy import Engine, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from .records import document_to_dict
from .store.convert import document_record
from .store.keys import name_key
from .store.models import (
    Document,
    Event,
    EventOrganisation,
    EventPerson,
    Organisation,
    OrganisationAlias,
    ParticipantCount,
    Person,
)

FORMATS = ("csv", "xlsx", "jsonl", "parquet")
TABLES = ("documents", "events", "event_organisations", "event_people", "participant_counts")


def _frame(engine: Engine, query: Select) -> pd.DataFrame:
    with engine.connect() as connection:
        result = connection.execute(query)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def _json_columns(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = [json.dumps(v, ensure_ascii=False) for v in frame[column]]
    return frame


def tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """The flat tables, in id order."""
    documents = _frame(engine, select(
        Document.id.label("document_id"), Document.path, Document.content_sha256, Document.format,
        Document.encoding, Document.size, Document.imported_at, Document.status, Document.error,
    ).order_by(Document.id))
    documents["imported_at"] = [str(v) for v in documents["imported_at"]]  # tz-aware or not, XLSX-safe
    events = _frame(engine, select(
        Event.id.label("event_id"), Event.document_id, Document.path, Event.position, Event.type, Event.title,
        Event.date_start, Event.date_end, Event.format, Event.location, Event.evidence,
    ).join(Document).order_by(Event.id))
    orgs = _frame(engine, select(
        EventOrganisation.event_id, EventOrganisation.ordinal, EventOrganisation.organisation_id,
        Organisation.name.label("organisation"), EventOrganisation.name, EventOrganisation.role,
        EventOrganisation.aliases, EventOrganisation.evidence,
    ).join(Organisation).order_by(EventOrganisation.event_id, EventOrganisation.ordinal))
    people = _frame(engine, select(
        EventPerson.event_id, EventPerson.ordinal, EventPerson.person_id, Person.name.label("person"),
        EventPerson.name, EventPerson.position, EventPerson.role, EventPerson.evidence,
    ).join(Person).order_by(EventPerson.event_id, EventPerson.ordinal))
    counts = _frame(engine, select(
        ParticipantCount.event_id, ParticipantCount.ordinal, ParticipantCount.count, ParticipantCount.unit,
        ParticipantCount.approx, ParticipantCount.evidence,
    ).order_by(ParticipantCount.event_id, ParticipantCount.ordinal))
    return {
        "documents": documents,
        "events": _json_columns(events, "evidence"),
        "event_organisations": _json_columns(orgs, "aliases", "evidence"),
        "event_people": _json_columns(people, "evidence"),
        "participant_counts": _json_columns(counts, "evidence"),
    }


def default_out(fmt: str) -> Path | None:
    """CSV/Parquet: a folder; XLSX: a file; JSONL: None, standard output."""
    return {"csv": Path("export"), "parquet": Path("export"), "xlsx": Path("export.xlsx")}.get(fmt)


def export(engine: Engine, fmt: str, out: Path | None, stdout: IO[str] | None = None) -> list[Path]:
    """Write the export; returns the files written (none for JSONL on standard output).

    CSV and Parquet: ``out`` is a folder (created) holding one ``<table>.csv``/``.parquet`` per table.
    XLSX: ``out`` is the workbook, one sheet per table. JSONL: ``out`` is the file, one line per
    document that was imported without error, in the exchange schema with evidence.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}, expected one of {', '.join(FORMATS)}")
    out = out or default_out(fmt)
    if fmt == "jsonl":
        if out is None:
            write_jsonl(engine, stdout)
            return []
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as sink:
            write_jsonl(engine, sink)
        return [out]
    frames = tables(engine)
    if fmt == "xlsx":
        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out, engine="openpyxl") as writer:
            for name, frame in frames.items():
                _xlsx_safe(frame).to_excel(writer, sheet_name=name, index=False)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


def _xlsx_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """openpyxl refuses control characters in cells; drop them from text columns."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    frame = frame.copy()
    for column in frame.columns[frame.dtypes == object]:
        frame[column] = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in frame[column]]
    return frame


def write_jsonl(engine: Engine, sink: IO[str]) -> int:
    """One line per document: ``{"id": <file stem>, "path": ..., "events": [...]}``."""
    lines = 0
    with Session(engine) as session:
        query = (select(Document).where(Document.status == "ok").order_by(Document.id)
                 .options(selectinload(Document.events).selectinload(Event.organisations),
                          selectinload(Document.events).selectinload(Event.people),
                          selectinload(Document.events).selectinload(Event.participants)))
        for document in session.scalars(query):
            data = document_to_dict(document_record(document, Path(document.path).stem))
            data = {"id": data["id"], "path": document.path, "events": data["events"]}
            sink.write(json.dumps(data, ensure_ascii=False) + "\n")
            lines += 1
    return lines


# --- listings -----------------------------------------------------------------------------

def _name_matches(text: str):
    """Organisations whose normalised name or one of whose aliases contains ``text``."""
    key = name_key(text)
    alias = exists().where(OrganisationAlias.organisation_id == Organisation.id,
                           OrganisationAlias.key.contains(key, autoescape=True))
    return or_(Organisation.key.contains(key, autoescape=True), alias)


def list_events(engine: Engine, type: str | None = None, org: str | None = None, since: str | None = None,
                until: str | None = None) -> pd.DataFrame:
    """Events filtered in SQL. Dates compare at the event's own precision (an event dated
    ``2024-10`` is within ``--since 2024-10-15``); events without a year never match a date filter."""
    query = select(Event.id.label("event_id"), Event.date_start, Event.date_end, Event.type, Event.title,
                   Event.location, Event.format, Document.path).join(Document)
    if type:
        query = query.where(Event.type == type)
    if org:
        linked = (select(EventOrganisation.id).join(Organisation)
                  .where(EventOrganisation.event_id == Event.id, _name_matches(org)))
        query = query.where(linked.exists())
    if since:
        last = func.coalesce(Event.date_end, Event.date_start)
        query = query.where(_dated(last), last >= func.substr(since, 1, func.length(last)))
    if until:
        until = until + "-99-99"[:10 - len(until)]  # the whole year or month it names
        query = query.where(_dated(Event.date_start),
                            Event.date_start <= func.substr(until, 1, func.length(Event.date_start)))
    frame = _frame(engine, query.order_by(Event.date_start, Event.id))
    frame["organisations"] = _event_organisations(engine, list(frame["event_id"]))
    return frame


def _dated(column):
    return and_(column.is_not(None), column.not_like("--%"))


def _event_organisations(engine: Engine, event_ids: list[int]) -> list[str]:
    names: dict[int, list[str]] = {i: [] for i in event_ids}
    with engine.connect() as connection:
        for start in range(0, len(event_ids), 500):
            rows = connection.execute(
                select(EventOrganisation.event_id, EventOrganisation.name)
                .where(EventOrganisation.event_id.in_(event_ids[start:start + 500]))
                .order_by(EventOrganisation.event_id, EventOrganisation.ordinal))
            for event_id, name in rows:
                names[event_id].append(name)
    return ["; ".join(names[i]) for i in event_ids]


def list_organisations(engine: Engine, name: str | None = None) -> pd.DataFrame:
    """Canonical organisations with their numbers of aliases, events and mentions."""
    aliases = (select(func.count(OrganisationAlias.id)).where(OrganisationAlias.organisation_id == Organisation.id)
               .scalar_subquery())
    events = (select(func.count(func.distinct(EventOrganisation.event_id)))
              .where(EventOrganisation.organisation_id == Organisation.id).scalar_subquery())
    mentions = (select(func.count(EventOrganisation.id))
                .where(EventOrganisation.organisation_id == Organisation.id).scalar_subquery())
    query = select(Organisation.id.label("organisation_id"), Organisation.name, aliases.label("aliases"),
                   events.label("events"), mentions.label("mentions"))
    if name:
        query = query.where(_name_matches(name))
    return _frame(engine, query.order_by(Organisation.name, Organisation.id))
