"""Alembic environment: runs on the connection ``open_database`` passes in, or on the URL."""
from alembic import context

from report_miner.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_on(connection) -> None:
    # batch mode lets later migrations alter tables on SQLite too
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    run_on(config.attributes["connection"])
else:
    from report_miner.store.database import create

    with create(config.get_main_option("sqlalchemy.url")).begin() as connection:
        run_on(connection)
