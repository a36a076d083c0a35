"""Review: reviewers, the state of each document's review, the original extraction, corrections.

``documents.review`` is new → in_review → approved (an error document keeps ``status`` error).
``documents.extraction`` keeps the records as the machine gave them (exchange form with
evidence), so corrections can be exported as training data against it. ``corrections`` is the
audit trail: who changed what, when, before and after; it outlives a re-imported document
(``document_id`` goes null, ``document_path`` stays).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("review", sa.String(16), nullable=False, server_default="new"))
        batch.add_column(sa.Column("extraction", sa.JSON()))
        batch.create_index("ix_documents_review", ["review"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="SET NULL"), index=True),
        sa.Column("document_path", sa.Text()),
        sa.Column("event_id", sa.Integer()),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target", sa.String(32)),
        sa.Column("before", sa.JSON()),
        sa.Column("after", sa.JSON()),
    )


def downgrade() -> None:
    op.drop_table("corrections")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_review")
        batch.drop_column("extraction")
        batch.drop_column("review")
    op.drop_table("users")
