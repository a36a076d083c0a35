"""Reading the database out: flat tables (pandas) for CSV, XLSX and Parquet, exchange-schema JSONL,
and the filtered listings of the ``events`` and ``orgs`` commands.

Flat tables: ``documents``, ``events`` (one row per event with its document's path),
``event_organisations``, ``event_people`` and ``participant_counts``; evidence columns hold
JSON text (``[[start, end], ...]`` into the document's raw text).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path
from typing import IO

import pandas as pd
from sqlalchemy import Engine, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from .records import document_to_dict
from .store.convert import document_record
from .store.keys import name_key
from .store.models import (
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


# --- corrections: the reviewed documents as training data ------------------------------------

REVIEWED = ("in_review", "approved")


def doc_slug(document_id: int) -> str:
    """The stable id of a stored document in exports: ``doc-<documents.id>``."""
    return f"doc-{document_id}"


def raw_to_clean(document: Document) -> Callable[[int, int], tuple[int, int] | None]:
    """Maps ``[start, end)`` of the document's raw text to its clean text (None: nothing of the span is
    text, e.g. a tag, or the span is outside the raw text). The SourceText is read again from ``raw``
    (``SourceText.to_text``); identity when ``raw`` is null."""
    from .read import read_string

    if document.raw is None or document.text is None:
        return lambda s, e: (s, e)
    try:
        source = read_string(document.raw, document.path, fmt=document.format if document.format in ("txt", "html")
                             else None)
    except Exception:  # noqa: BLE001  (a reader change: no mapping rather than no export)
        source = None
    if source is None or source.text != document.text:
        return lambda s, e: None

    def to_clean(start: int, end: int) -> tuple[int, int] | None:
        try:
            start, end = source.to_text(start, end)
        except IndexError:
            return None
        return (start, end) if start < end else None

    return to_clean


def _map_spans(spans, to_clean) -> list[list[int]]:
    out = []
    for s, e in spans or []:
        mapped = to_clean(int(s), int(e))
        if mapped is not None:
            out.append(list(mapped))
    return out


def map_record_evidence(data: dict, to_clean) -> dict:
    """An exchange-form document dict with its evidence mapped by ``to_clean`` (a copy)."""
    events = []
    for ev in data.get("events", []):
        ev = dict(ev)
        ev["evidence"] = {k: _map_spans(v, to_clean) for k, v in (ev.get("evidence") or {}).items()}
        for key in ("organisations", "people", "participants"):
            ev[key] = [{**v, "evidence": _map_spans(v.get("evidence"), to_clean)} for v in ev.get(key) or []]
        events.append(ev)
    return {**data, "events": events}


@dataclass
class CorrectionsSummary:
    documents: int = 0
    events: int = 0
    corrections: int = 0
    approved: int = 0
    without_extraction: int = 0  # documents stored before the original extraction was kept
    files: list[Path] = field(default_factory=list)


def export_corrections(engine: Engine, out: Path) -> CorrectionsSummary:
    """The reviewed documents (review "in_review" or "approved", or any with a correction) laid out
    like the dev set, so ``score.py OUT/gold OUT/extracted`` scores the machine against its reviewers:

    * ``OUT/texts/<id>.txt``: the clean text;
    * ``OUT/gold/<id>.json``: ``{"id", "events"}``, the records as corrected, evidence in clean-text offsets;
    * ``OUT/extracted/<id>.json``: the records as extracted (``Document.extraction``), the same way;
    * ``OUT/corrections.jsonl``: the audit trail, one correction a line, oldest first;
    * ``OUT/sources.tsv``: one line per document: id, path, format, review, chars, events,
      corrections and the reviewers who made them.

    ``<id>`` is ``doc-<documents.id>``.
    """
    summary = CorrectionsSummary()
    listed: list[tuple] = []  # the documents written, for sources.tsv
    per_document: dict[int, dict[str, int]] = {}  # corrections per document and reviewer
    folders = {name: out / name for name in ("texts", "gold", "extracted")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    with Session(engine) as session:
        corrected = select(Correction.document_id).where(Correction.document_id.is_not(None))
        query = (select(Document).where(Document.status == "ok",
                                        or_(Document.review.in_(REVIEWED), Document.id.in_(corrected)))
                 .order_by(Document.id)
                 .options(selectinload(Document.events).selectinload(Event.organisations),
                          selectinload(Document.events).selectinload(Event.people),
                          selectinload(Document.events).selectinload(Event.participants)))
        for document in session.scalars(query):
            slug = doc_slug(document.id)
            to_clean = raw_to_clean(document)
            (folders["texts"] / f"{slug}.txt").write_text(document.text or "", encoding="utf-8")
            gold = map_record_evidence(document_to_dict(document_record(document, slug)), to_clean)
            _write_json(folders["gold"] / f"{slug}.json", gold)
            if document.extraction is not None:
                extracted = map_record_evidence({**document.extraction, "id": slug}, to_clean)
                _write_json(folders["extracted"] / f"{slug}.json", extracted)
            else:
                summary.without_extraction += 1
            summary.documents += 1
            summary.events += len(document.events)
            summary.approved += document.review == "approved"
            listed.append((document.id, slug, document.path, document.format or "", document.review,
                           len(document.text or ""), len(document.events)))
        trail = out / "corrections.jsonl"
        with trail.open("w", encoding="utf-8") as sink:
            rows = session.execute(select(Correction, User.username).join(User, Correction.user_id == User.id)
                                   .order_by(Correction.id))
            for correction, username in rows:
                line = {
                    "id": correction.id, "user": username, "at": _iso(correction.at),
                    "action": correction.action, "target": correction.target,
                    "document": doc_slug(correction.document_id) if correction.document_id is not None else None,
                    "document_id": correction.document_id, "document_path": correction.document_path,
                    "event_id": correction.event_id, "before": correction.before, "after": correction.after,
                }
                sink.write(json.dumps(line, ensure_ascii=False) + "\n")
                summary.corrections += 1
                if correction.document_id is not None:
                    made = per_document.setdefault(correction.document_id, {})
                    made[username] = made.get(username, 0) + 1
    index = out / "sources.tsv"
    with index.open("w", encoding="utf-8") as sink:
        sink.write("id\tpath\tformat\treview\tchars\tevents\tcorrections\treviewers\n")
        for document_id, slug, path, fmt, review, chars, events in listed:
            made = per_document.get(document_id, {})
            fields = [slug, path, fmt, review, str(chars), str(events), str(sum(made.values())), ",".join(made)]
            sink.write("\t".join(" ".join(f.split()) for f in fields) + "\n")
    summary.files = [folders["texts"], folders["gold"], folders["extracted"], trail, index]
    return summary


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _iso(at) -> str | None:
    if at is None:
        return None
    if at.tzinfo is None:  # SQLite gives naive datetimes back; they were stored in UTC
        at = at.replace(tzinfo=timezone.utc)
    return at.isoformat(timespec="seconds")


def reviewed_type_examples(engine: Engine) -> list[dict]:
    """Training examples of the event-type model from the reviews: ``{"text", "type", "source"}`` for
    every event of an approved document and every event whose type a reviewer set, ``text`` being
    what the classifier reads for it (``learn.event_type.event_text``, from its evidence)."""
    from .learn.event_type import event_text

    examples = []
    with Session(engine) as session:
        typed_ids = select(Correction.event_id).where(
            Correction.action == "edit", Correction.target == "type", Correction.event_id.is_not(None))
        typed = set(session.scalars(typed_ids))
        query = (select(Document).where(Document.status == "ok", Document.text.is_not(None),
                                        or_(Document.review == "approved", Document.events.any(Event.id.in_(typed_ids))))
                 .order_by(Document.id).options(selectinload(Document.events)))
        for document in session.scalars(query):
            to_clean = raw_to_clean(document)
            single = len(document.events) == 1
            for event in document.events:
                if document.review != "approved" and event.id not in typed:
                    continue
                evidence = {k: _map_spans(v, to_clean) for k, v in (event.evidence or {}).items()}
                text = event_text(document.text, evidence, single) or (event.title or "")
                if text.strip():
                    examples.append({"text": text, "type": event.type,
                                     "source": f"review:{doc_slug(document.id)}/event-{event.id}"})
    return examples


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
