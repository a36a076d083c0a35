"""Canonical organisations and people: the parts their names are resolved by, as columns.

Organisations get the registry member they are (if any), legal form, kind, number and city.
People get surname, first name and patronymic (or initials) and the organisation they were
last seen with; two different people may share a name, so ``people.key`` is no longer unique.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("registry_id", sa.String(16)))
        batch.add_column(sa.Column("legal_form", sa.String(32)))
        batch.add_column(sa.Column("kind", sa.String(32)))
        batch.add_column(sa.Column("number", sa.String(16)))
        batch.add_column(sa.Column("city", sa.Text()))
        batch.create_index("ix_organisations_registry_id", ["registry_id"])
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("surname", sa.Text()))
        batch.add_column(sa.Column("first_name", sa.Text()))
        batch.add_column(sa.Column("patronymic", sa.Text()))
        batch.add_column(sa.Column("organisation_id", sa.Integer()))
        batch.create_foreign_key("fk_people_organisation_id_organisations", "organisations",
                                 ["organisation_id"], ["id"], ondelete="SET NULL")
        batch.drop_constraint("uq_people_key", type_="unique")
        batch.create_index("ix_people_key", ["key"])
        batch.create_index("ix_people_surname", ["surname"])


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_index("ix_people_surname")
        batch.drop_index("ix_people_key")
        batch.create_unique_constraint("uq_people_key", ["key"])
        batch.drop_constraint("fk_people_organisation_id_organisations", type_="foreignkey")
        for column in ("organisation_id", "patronymic", "first_name", "surname"):
            batch.drop_column(column)
    with op.batch_alter_table("organisations") as batch:
        batch.drop_index("ix_organisations_registry_id")
        for column in ("city", "number", "kind", "legal_form", "registry_id"):
            batch.drop_column(column)
