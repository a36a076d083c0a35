"""The initial schema: documents, events and their organisations, people and participant counts.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(column: str, target: str, ondelete: str | None = "CASCADE") -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(f"{target}.id", ondelete=ondelete), nullable=False,
                     index=True)


def _json(name: str) -> sa.Column:
    return sa.Column(name, sa.JSON(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "documents", _id(),
        sa.Column("path", sa.Text(), nullable=False, unique=True),
        sa.Column("content_sha256", sa.String(64), unique=True),
        sa.Column("format", sa.String(16)),
        sa.Column("encoding", sa.String(32)),
        sa.Column("size", sa.Integer()),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("text", sa.Text()),
        sa.Column("raw", sa.Text()),
    )
    op.create_table(
        "organisations", _id(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False, unique=True),
    )
    op.create_table(
        "people", _id(),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False, unique=True),
    )
    op.create_table(
        "events", _id(),
        _fk("document_id", "documents"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("title", sa.Text()),
        sa.Column("date_start", sa.String(10), index=True),
        sa.Column("date_end", sa.String(10)),
        sa.Column("format", sa.String(16)),
        sa.Column("location", sa.Text()),
        _json("evidence"),
    )
    op.create_table(
        "organisation_aliases", _id(),
        _fk("organisation_id", "organisations"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False, index=True),
        sa.UniqueConstraint("organisation_id", "name"),
    )
    op.create_table(
        "event_organisations", _id(),
        _fk("event_id", "events"),
        _fk("organisation_id", "organisations", None),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        _json("aliases"),
        _json("evidence"),
    )
    op.create_table(
        "event_people", _id(),
        _fk("event_id", "events"),
        _fk("person_id", "people", None),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Text()),
        sa.Column("role", sa.String(16), nullable=False),
        _json("evidence"),
    )
    op.create_table(
        "participant_counts", _id(),
        _fk("event_id", "events"),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("approx", sa.String(16), nullable=False),
        _json("evidence"),
    )


def downgrade() -> None:
    for table in ("participant_counts", "event_people", "event_organisations", "organisation_aliases", "events",
                  "people", "organisations", "documents"):
        op.drop_table(table)
