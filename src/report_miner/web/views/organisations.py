"""Canonical organisations: the list with aliases and event numbers, one organisation, merging two."""
from __future__ import annotations

import math

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ...store import Document, Event, EventOrganisation, Organisation, OrganisationAlias
from .. import db
from .documents import find_organisation

bp = Blueprint("organisations", __name__)
MENTIONS = 500  # an organisation's page lists at most this many mentions


def _event_counts():
    return (select(EventOrganisation.organisation_id,
                   func.count(func.distinct(EventOrganisation.event_id)).label("n"))
            .group_by(EventOrganisation.organisation_id).subquery())


def _search(query, q: str):
    if not q:
        return query
    aliases = select(OrganisationAlias.organisation_id).where(OrganisationAlias.name.icontains(q, autoescape=True))
    return query.where(or_(Organisation.name.icontains(q, autoescape=True), Organisation.id.in_(aliases)))


@bp.get("/organisations")
def index():
    q = request.args.get("q", "").strip()
    page = max(1, request.args.get("page", 1, type=int) or 1)
    size = current_app.config["PAGE_SIZE"]
    counts = _event_counts()
    query = _search(select(Organisation, func.coalesce(counts.c.n, 0).label("events"))
                    .outerjoin(counts, counts.c.organisation_id == Organisation.id), q)
    total = db().scalar(select(func.count()).select_from(_search(select(Organisation.id), q).subquery()))
    rows = db().execute(query.options(selectinload(Organisation.aliases))
                        .order_by(func.coalesce(counts.c.n, 0).desc(), Organisation.name, Organisation.id)
                        .limit(size).offset((page - 1) * size)).all()
    return render_template("organisations.html", rows=rows, q=q, page=page, total=total,
                           pages=max(1, math.ceil(total / size)))


@bp.get("/organisations/search")
def search():
    """Organisations matching ``q`` as JSON (the lists of the link and merge forms)."""
    q = request.args.get("q", "").strip()
    rows = db().scalars(_search(select(Organisation), q).order_by(Organisation.name).limit(20)).all()
    return jsonify([{"id": o.id, "name": o.name, "city": o.city} for o in rows])


@bp.get("/organisations/<int:org_id>")
def show(org_id: int):
    organisation = db().scalar(select(Organisation).where(Organisation.id == org_id)
                               .options(selectinload(Organisation.aliases)))
    if organisation is None:
        abort(404)
    mentions = db().execute(
        select(EventOrganisation, Event, Document.id, Document.path)
        .join(Event, EventOrganisation.event_id == Event.id).join(Document, Event.document_id == Document.id)
        .where(EventOrganisation.organisation_id == org_id)
        .order_by(Document.id, Event.position, EventOrganisation.ordinal).limit(MENTIONS + 1)).all()
    return render_template("organisation.html", organisation=organisation, mentions=mentions[:MENTIONS],
                           more=len(mentions) > MENTIONS)


@bp.post("/organisations/merge")
def merge():
    """Merge ``other`` into ``keep``: its mentions, aliases and people move, it is deleted."""
    from ...store.review import ReviewError, merge_organisations

    keep = find_organisation(request.form.get("keep"))
    other = find_organisation(request.form.get("other"))
    if keep is None or other is None:
        flash("Нет такой организации: выберите обе из списка.", "error")
    elif keep.id == other.id:
        flash("Это одна и та же организация.", "error")
    else:
        try:
            name = other.name
            merge_organisations(db(), keep, other, current_user.row)
        except ReviewError as err:
            db().rollback()
            flash(str(err), "error")
        else:
            db().commit()
            flash(f"«{name}» объединена с «{keep.name}».")
            return redirect(url_for("organisations.show", org_id=keep.id))
    if keep is not None:
        return redirect(url_for("organisations.show", org_id=keep.id))
    return redirect(url_for("organisations.index"))
