"""The consortium database: SQLAlchemy 2 ORM models.

Everything a document yields hangs off its ``documents`` row with ON DELETE CASCADE, so
replacing a document is one DELETE. ``organisations`` and ``people`` are canonical rows shared
by all documents (for now one per distinct normalised name); they are never deleted with a
document, and one still linked to an event cannot be deleted (merge it first). The schema itself is created by the Alembic migrations, never by ``create_all``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so later migrations can alter them on PostgreSQL and in SQLite batch mode.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Evidence columns hold [[start, end], ...]: offsets into the document's raw text.


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _cascade(target: str) -> Any:
    return ForeignKey(target, ondelete="CASCADE")


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    # null only when the file could not even be read from disk
    content_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    format: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    size: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(8))  # "ok" | "error"
    error: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)  # the clean text the extractors read
    # the decoded file text the evidence offsets point into; null when it equals ``text``
    raw: Mapped[str | None] = mapped_column(Text)
    review: Mapped[str] = mapped_column(String(16), index=True, default="new", server_default="new")
    # the records as extracted (exchange form with evidence), kept as they were through corrections
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    events: Mapped[list[Event]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True, order_by="Event.position")


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(_cascade("documents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order of the event in its document
    type: Mapped[str] = mapped_column(String(32), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    # exchange-schema dates: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    format: Mapped[str | None] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field name -> offsets

    document: Mapped[Document] = relationship(back_populates="events")
    organisations: Mapped[list[EventOrganisation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventOrganisation.ordinal")
    people: Mapped[list[EventPerson]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True, order_by="EventPerson.ordinal")
    participants: Mapped[list[ParticipantCount]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ParticipantCount.ordinal")


class Organisation(Base):
    """A canonical organisation; ``key`` is its normalised name (see ``store.keys``).

    ``registry_id`` names the consortium member it is, if any; legal form, kind, number and
    city are the parts of its name that resolution compares (``report_miner.resolve``).
    """

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)
    registry_id: Mapped[str | None] = mapped_column(String(16), index=True)
    legal_form: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str | None] = mapped_column(String(32))
    number: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[OrganisationAlias]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True)


class OrganisationAlias(Base):
    """A spelling seen for an organisation: a mention's name or one of the extractor's aliases."""

    __tablename__ = "organisation_aliases"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(_cascade("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)

    organisation: Mapped[Organisation] = relationship(back_populates="aliases")


class EventOrganisation(Base):
    __tablename__ = "event_organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(_cascade("events.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)  # order within the event
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)  # the mention as the extractor gave it
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)  # the extractor's aliases of this mention
    evidence: Mapped[list[list[int]]] = mapped_column(JSON, default=list)

    event: Mapped[Event] = relationship(back_populates="organisations")
    organisation: Mapped[Organisation] = relationship()


class Person(Base):
    """A canonical person; ``key`` is the normalised name, not unique: namesakes are two rows.

    ``patronymic`` may hold only an initial, ``first_name`` too, until a fuller mention fills
    them in; ``organisation_id`` is the organisation the person was last seen with.
    """

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)
    surname: Mapped[str | None] = mapped_column(Text, index=True)
    first_name: Mapped[str | None] = mapped_column(Text)
    patronymic: Mapped[str | None] = mapped_column(Text)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation | None] = relationship()


class EventPerson(Base):
    __tablename__ = "event_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(_cascade("events.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)  # order within the event
    name: Mapped[str] = mapped_column(Text)  # the mention as the extractor gave it
    position: Mapped[str | None] = mapped_column(Text)  # the job as the text gives it
    role: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[list[list[int]]] = mapped_column(JSON, default=list)

    event: Mapped[Event] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class ParticipantCount(Base):
    __tablename__ = "participant_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(_cascade("events.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)  # order within the event
    count: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))
    approx: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[list[list[int]]] = mapped_column(JSON, default=list)

    event: Mapped[Event] = relationship(back_populates="participants")


class User(Base):
    """A reviewer; the password is stored only as its hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Correction(Base):
    """One reviewer's change: the audit trail, and training data against ``Document.extraction``.

    ``action`` says what was done ("edit", "add", "delete", "merge_events", "split_event",
    "link_organisation", "merge_organisations", "approve", ...), ``target`` to what kind of value
    ("type", "date_start", "organisation", "person", "count", ...); ``before``/``after`` hold the
    value in its exchange form. ``event_id`` is a plain number, as merged events are deleted.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    document_path: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[int | None] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(32))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)

    user: Mapped[User] = relationship()
