"""The documents list and the review page of one document, with every correcting action."""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ...store import Correction, Document, Event, EventOrganisation, EventPerson, Organisation, ParticipantCount
from .. import db
from ..offsets import OffsetMap
from ..segments import render
from ..view import FIELD_NAMES, FIELDS, document_marks

bp = Blueprint("documents", __name__)

REVIEW_STATES = ("new", "in_review", "approved")
HISTORY = 200  # the review page lists the latest corrections of the document
STATE_NAMES = {"new": "новый", "in_review": "на проверке", "approved": "проверен", "error": "ошибка"}
EVENT_FIELDS = ("type", "title", "date_start", "date_end", "format", "location")
VALUE_KINDS = {"organisation": EventOrganisation, "person": EventPerson, "count": ParticipantCount}
VALUE_FIELDS = {"organisation": ("name", "role"), "person": ("name", "position", "role"),
                "count": ("count", "unit", "approx")}


# --- the list ---------------------------------------------------------------------------

@bp.get("/documents")
def index():
    state = request.args.get("state") or request.args.get("review") or request.args.get("status") or ""
    q = request.args.get("q", "").strip()
    page = max(1, request.args.get("page", 1, type=int) or 1)
    size = current_app.config["PAGE_SIZE"]
    counts = (select(Event.document_id, func.count().label("n")).group_by(Event.document_id).subquery())
    query = (select(Document.id, Document.path, Document.status, Document.review, Document.imported_at,
                    Document.error, func.substr(Document.text, 1, 160).label("snippet"),
                    func.coalesce(counts.c.n, 0).label("events"))
             .outerjoin(counts, counts.c.document_id == Document.id))
    if state == "error":
        query = query.where(Document.status == "error")
    elif state in REVIEW_STATES:
        query = query.where(Document.review == state, Document.status == "ok")
    if q:
        query = query.where(or_(Document.path.icontains(q, autoescape=True),
                                Document.text.icontains(q, autoescape=True)))
    total = db().scalar(select(func.count()).select_from(query.subquery()))
    rows = db().execute(query.order_by(Document.imported_at.desc(), Document.id.desc())
                        .limit(size).offset((page - 1) * size)).all()
    return render_template("documents.html", rows=rows, state=state, q=q, page=page,
                           pages=max(1, math.ceil(total / size)), total=total, states=STATE_NAMES)


# --- the review page --------------------------------------------------------------------

def _document(doc_id: int, full: bool = False) -> Document:
    query = select(Document).where(Document.id == doc_id)
    if full:
        events = selectinload(Document.events)
        query = query.options(
            events.selectinload(Event.organisations).selectinload(EventOrganisation.organisation),
            events.selectinload(Event.people),
            events.selectinload(Event.participants))
    document = db().scalar(query)
    if document is None:
        abort(404)
    return document


@bp.get("/documents/<int:doc_id>")
def review(doc_id: int):
    document = _document(doc_id, full=True)
    doc_html, event_starts, regions = None, {}, {}
    if document.status == "ok" and document.text:
        omap = OffsetMap.of(document)
        marks = document_marks(document, omap)
        doc_html = render(document.text, marks.spans)
        event_starts, regions = marks.event_starts, marks.regions
    pending = select(Document.id).where(Document.status == "ok", Document.review != "approved",
                                        Document.id != document.id)
    next_id = (db().scalar(pending.where(Document.id > document.id).order_by(Document.id).limit(1))
               or db().scalar(pending.order_by(Document.id).limit(1)))
    history = db().scalars(select(Correction).where(Correction.document_id == document.id)
                           .options(selectinload(Correction.user))
                           .order_by(Correction.at.desc(), Correction.id.desc()).limit(HISTORY)).all()
    return render_template("review.html", document=document, doc_html=doc_html, event_starts=event_starts,
                           regions=regions, next_id=next_id, history=history, fields=FIELDS, field_names=FIELD_NAMES, states=STATE_NAMES,
                           open_all=len(document.events) <= 3)


# --- actions: each one change through store.review, committed, then back to the page ----------

def _act(doc_id: int, change: Callable[[Document], object], done: str,
         anchor: str | Callable[[object], str] | None = None):
    """Run ``change`` on the document; commit, or roll back and show the reviewer's error. Then back
    to the review page at ``anchor`` (or at what ``anchor(result)`` names)."""
    from ...store.review import ReviewError

    document = _document(doc_id)
    session = db()
    try:
        result = change(document)
    except ReviewError as err:
        session.rollback()
        flash(str(err), "error")
        if callable(anchor):  # it names what the change made; nothing was made
            anchor = None
    else:
        session.commit()
        flash(done)
        if callable(anchor):
            anchor = anchor(result)
    target = url_for("documents.review", doc_id=doc_id)
    return redirect(target + (f"#{anchor}" if anchor else ""))


def _event(document: Document, event_id: int) -> Event:
    event = db().get(Event, event_id)
    if event is None or event.document_id != document.id:
        abort(404)
    return event


def _value(document: Document, kind: str, value_id: int):
    model = VALUE_KINDS.get(kind)
    if model is None:
        abort(404)
    value = db().get(model, value_id)
    if value is None or value.event.document_id != document.id:
        abort(404)
    return value


def _user():
    return current_user.row


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _int(value: str | None, what: str) -> int:
    from ...store.review import ReviewError

    digits = re.sub(r"[\s\u00a0]", "", value or "")
    try:
        return int(digits)
    except ValueError:
        raise ReviewError(f"{what}: нужно целое число, а не «{value or ''}»") from None


@bp.post("/documents/<int:doc_id>/events/<int:event_id>/edit")
def edit_event(doc_id: int, event_id: int):
    from ...store import review

    def change(document):
        event = _event(document, event_id)
        changed = 0
        for name in EVENT_FIELDS:
            if name not in request.form:
                continue
            value = _blank(request.form.get(name))
            if name == "type":
                value = value or "other"
            if value != getattr(event, name):
                review.edit_event(db(), event, name, value, _user())
                changed += 1
        if not changed:
            raise review.ReviewError("Ничего не изменилось.")

    return _act(doc_id, change, "Событие исправлено.", f"event-{event_id}")


@bp.post("/documents/<int:doc_id>/events/add")
def add_event(doc_id: int):
    from ...store import review

    def change(document):
        return review.add_event(db(), document, _user(), type=request.form.get("type") or "other")

    return _act(doc_id, change, "Событие добавлено.", lambda event: f"event-{event.id}")


@bp.post("/documents/<int:doc_id>/events/<int:event_id>/delete")
def delete_event(doc_id: int, event_id: int):
    from ...store import review

    return _act(doc_id, lambda document: review.delete_event(db(), _event(document, event_id), _user()),
                "Событие удалено.")


@bp.post("/documents/<int:doc_id>/events/<int:event_id>/merge")
def merge_events(doc_id: int, event_id: int):
    from ...store import review

    def change(document):
        keep = _event(document, event_id)
        other_id = request.form.get("other", type=int)
        number = request.form.get("other_number", type=int)
        if other_id is None and number is not None:  # the event's number on the page
            other_id = next((e.id for e in document.events if e.position == number - 1), None)
        if other_id is None or other_id == keep.id:
            raise review.ReviewError("Выберите другое событие, которое нужно присоединить.")
        return review.merge_events(db(), keep, _event(document, other_id), _user())

    return _act(doc_id, change, "События объединены.", f"event-{event_id}")


@bp.post("/documents/<int:doc_id>/events/<int:event_id>/split")
def split_event(doc_id: int, event_id: int):
    from ...store import review

    def change(document):
        ids = {kind: [int(v) for v in request.form.getlist(kind) if v.isdigit()]
               for kind in ("organisations", "people", "participants")}
        if not any(ids.values()):
            raise review.ReviewError("Отметьте значения, которые нужно перенести в новое событие.")
        return review.split_event(db(), _event(document, event_id), _user(), **ids)

    return _act(doc_id, change, "Событие разделено.", lambda event: f"event-{event.id}")


@bp.post("/documents/<int:doc_id>/values/add")
def add_value(doc_id: int):
    """A value the extractor missed, for the event ``event``: typed in, or selected in the text
    (``start``/``end``: display offsets, mapped to raw offsets here)."""
    from ...store import review

    kind = request.form.get("kind", "")
    event_id = request.form.get("event", type=int)
    if event_id is None:
        abort(400)

    def change(document):
        event = _event(document, event_id)
        text = _blank(request.form.get("text"))
        evidence = []
        start, end = request.form.get("start", type=int), request.form.get("end", type=int)
        if start is not None and end is not None and start < end:
            try:
                evidence = [OffsetMap.of(document).to_raw(start, end)]
            except IndexError:
                raise review.ReviewError("Выделение вне текста документа.") from None
            text = text or document.text[start:end].strip()
        user, session = _user(), db()
        if kind == "organisation":
            if not text:
                raise review.ReviewError("Укажите название организации.")
            role = request.form.get("role_org") or request.form.get("role") or "other"
            return review.add_organisation(session, event, user, text, role=role,
                                           evidence=evidence)
        if kind == "person":
            if not text:
                raise review.ReviewError("Укажите имя человека.")
            return review.add_person(session, event, user, text, position=_blank(request.form.get("position")),
                                     role=request.form.get("role_person") or request.form.get("role") or "other",
                                     evidence=evidence)
        if kind == "count":
            count = _int(request.form.get("count") or re.sub(r"\D", "", text or ""), "Число участников")
            return review.add_count(session, event, user, count, unit=request.form.get("unit") or "people",
                                    approx=request.form.get("approx") or "exact", evidence=evidence)
        if kind in ("date", "location", "title"):
            name = "date_start" if kind == "date" else kind
            value = (_blank(request.form.get("value")) or text) if kind == "date" else text
            if not value:
                raise review.ReviewError("Укажите значение.")
            review.edit_event(session, event, name, value, user, evidence=evidence or None)
            return None
        raise review.ReviewError(f"Неизвестный вид значения: {kind}")

    return _act(doc_id, change, "Значение добавлено.", f"event-{event_id}")


@bp.post("/documents/<int:doc_id>/values/<kind>/<int:value_id>/edit")
def edit_value(doc_id: int, kind: str, value_id: int):
    from ...store import review

    def change(document):
        value = _value(document, kind, value_id)
        changes = {}
        for name in VALUE_FIELDS[kind]:
            if name not in request.form:
                continue
            new = _blank(request.form.get(name))
            if name == "count":
                new = _int(new, "Число участников")
            if new != getattr(value, name):
                changes[name] = new
        if not changes:
            raise review.ReviewError("Ничего не изменилось.")
        review.edit_value(db(), value, _user(), **changes)
        return value

    return _act(doc_id, change, "Значение исправлено.", lambda value: f"event-{value.event_id}")


@bp.post("/documents/<int:doc_id>/values/<kind>/<int:value_id>/delete")
def delete_value(doc_id: int, kind: str, value_id: int):
    from ...store import review

    def change(document):
        value = _value(document, kind, value_id)
        event_id = value.event_id
        review.delete_value(db(), value, _user())
        return event_id

    return _act(doc_id, change, "Значение удалено.", lambda event_id: f"event-{event_id}")


@bp.post("/documents/<int:doc_id>/mentions/<int:mention_id>/link")
def link_organisation(doc_id: int, mention_id: int):
    from ...store import review

    def change(document):
        mention = _value(document, "organisation", mention_id)
        organisation = find_organisation(request.form.get("organisation"))
        if organisation is None:
            raise review.ReviewError("Нет такой организации: выберите её из списка (номер или точное название).")
        review.link_organisation(db(), mention, organisation, _user())
        return mention

    return _act(doc_id, change, "Упоминание связано с организацией.",
                lambda mention: f"event-{mention.event_id}")


@bp.post("/documents/<int:doc_id>/approve")
def approve(doc_id: int):
    from ...store import review

    return _act(doc_id, lambda document: review.approve(db(), document, _user()), "Документ одобрен.")


def find_organisation(value: str | None) -> Organisation | None:
    """An organisation named by its number ("12", "#12", "12 · name" from the list) or its exact name."""
    value = (value or "").strip()
    match = re.match(r"#?(\d+)\b", value)
    if match:
        return db().get(Organisation, int(match.group(1)))
    if value:
        return db().scalar(select(Organisation).where(Organisation.name == value).limit(1))
    return None
