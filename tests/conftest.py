"""The database backends every database test runs on: SQLite (a file under tmp_path) and PostgreSQL.

PostgreSQL is a real server named by REPORT_MINER_TEST_PG_URL (``scripts/postgres.sh`` starts one
and prints the URL; ``.ci/run`` does that): each test gets its own new, empty database, created
through that URL's connection (its role needs CREATEDB) and dropped afterwards. Without the
variable the PostgreSQL variants are skipped.
"""
from __future__ import annotations

import itertools
import os
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "REPORT_MINER_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def pytest_configure(config) -> None:
    # The CLI opens an engine per command and leaves it to the process's end, which under CliRunner
    # is the garbage collector: psycopg then warns about each pooled connection (the server side
    # is gone already, dropped with its test database).
    config.addinivalue_line("filterwarnings", "ignore:.*was deleted while still open:ResourceWarning")


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[tuple[sa.Engine, sa.URL]]:
    """An autocommit engine on REPORT_MINER_TEST_PG_URL (for CREATE/DROP DATABASE) and its URL."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL: {PG_ENV} is not set (bash scripts/postgres.sh starts a server and prints it)")
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL: cannot connect to {PG_ENV}: {str(exc).splitlines()[0]}")
    yield engine, sa.make_url(url)
    engine.dispose()


def _databases(backend: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[], str]]:
    """A function making a new, empty database on ``backend`` per call; the URL as a string."""
    numbers = itertools.count(1)
    if backend == "sqlite":
        yield lambda: f"sqlite:///{folder / f'db{next(numbers)}.sqlite'}"
        return
    admin, url = request.getfixturevalue("pg_admin")
    made: list[str] = []

    def new() -> str:
        name = f"rm_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            # template0 and UTF-8: empty, and Cyrillic whatever the server's default encoding
            connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        made.append(name)
        return url.set(database=name).render_as_string(hide_password=False)

    yield new
    for name in made:
        _drop_database(admin, name)


def _drop_database(admin: sa.Engine, name: str, tries: int = 3) -> None:
    """Drop a test database; FORCE: engines the code under test left open do not block the drop.
    A drop that keeps failing leaves the database behind with a warning (the server is a
    throwaway) rather than failing the test that used it."""
    for attempt in range(1, tries + 1):
        try:
            with admin.connect() as connection:
                connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            return
        except sa.exc.DBAPIError as exc:
            if attempt == tries:
                warnings.warn(f"PostgreSQL: test database {name} not dropped: {str(exc).splitlines()[0]}")
                return
            time.sleep(0.5 * attempt)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def new_db_url(backend, tmp_path, request) -> Iterator[Callable[[], str]]:
    """Makes more empty databases on the test's backend (tests comparing two imports)."""
    yield from _databases(backend, tmp_path, request)


@pytest.fixture
def db_url(new_db_url) -> str:
    """A new, empty database on SQLite and on PostgreSQL, as a SQLAlchemy URL."""
    return new_db_url()


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request, tmp_path_factory) -> Iterator[str]:
    """One empty database per test module and backend (a module that imports once and reads it often)."""
    for new in _databases(request.param, tmp_path_factory.mktemp("db"), request):
        yield new()
