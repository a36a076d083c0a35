"""Reviewers: argon2-hashed passwords, sign-in checks, and ``report-miner user add``."""
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.store import User, open_database
from report_miner.store.users import add_user, authenticate


@pytest.fixture
def session(db_url):
    engine = open_database(db_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_add_user_stores_only_an_argon2_hash(session):
    user = add_user(session, "  Мария Петрова ", "пароль-из-слов")
    session.commit()
    assert user.id is not None and user.username == "Мария Петрова" and user.created_at is not None
    assert user.password_hash.startswith("$argon2id$") and "пароль" not in user.password_hash


def test_authenticate_right_wrong_and_unknown(session):
    add_user(session, "reviewer", "correct horse")
    session.commit()
    assert authenticate(session, "reviewer", "correct horse").username == "reviewer"
    assert authenticate(session, " reviewer ", "correct horse") is not None  # names are trimmed
    assert authenticate(session, "reviewer", "correct horse ") is None
    assert authenticate(session, "reviewer", "") is None
    assert authenticate(session, "Reviewer", "correct horse") is None
    assert authenticate(session, "nobody", "correct horse") is None
    assert authenticate(session, "", "correct horse") is None


@pytest.mark.parametrize(("name", "password", "message"), [
    ("", "long enough", "empty"),
    ("   ", "long enough", "empty"),
    ("x" * 65, "long enough", "longer than 64"),
    ("tab\tname", "long enough", "control"),
    ("ok", "short", "at least 8"),
])
def test_add_user_refuses_bad_names_and_short_passwords(name, password, message):
    with pytest.raises(ValueError, match=message):
        add_user(None, name, password)  # checked before the database is asked


def test_a_username_is_taken_once(session):
    add_user(session, "reviewer", "correct horse")
    assert add_user(session, "x" * 64, "long enough").username == "x" * 64
    with pytest.raises(ValueError, match="exists already"):
        add_user(session, " reviewer", "another password")


def users(url):
    with Session(open_database(url)) as session:
        return {u.username: u for u in session.scalars(sa.select(User))}


def test_cli_user_add_prompts_twice_or_reads_stdin(db_url):
    runner = CliRunner()
    result = runner.invoke(app, ["user", "add", "anna", "--db", db_url], input="correct horse\ncorrect horse\n")
    assert result.exit_code == 0, result.output
    assert "added user anna" in result.stdout and "correct horse" not in result.output  # hidden
    result = runner.invoke(app, ["user", "add", "boris", "--db", db_url, "--password-stdin"],
                           input="staple battery\n")
    assert result.exit_code == 0, result.output
    stored = users(db_url)
    assert set(stored) == {"anna", "boris"}
    with Session(open_database(db_url)) as session:
        assert authenticate(session, "boris", "staple battery") is not None
        assert authenticate(session, "anna", "correct horse") is not None


def test_cli_user_add_refuses_mismatch_short_password_and_duplicates(db_url):
    runner = CliRunner()
    result = runner.invoke(app, ["user", "add", "anna", "--db", db_url],
                           input="correct horse\ncorrect house\ncorrect horse\ncorrect horse\n")
    assert result.exit_code == 0 and "do not match" in result.output  # asked again
    result = runner.invoke(app, ["user", "add", "boris", "--db", db_url, "--password-stdin"], input="short\n")
    assert result.exit_code == 1 and "at least 8 characters" in result.stderr
    result = runner.invoke(app, ["user", "add", "anna", "--db", db_url, "--password-stdin"], input="other one!\n")
    assert result.exit_code == 1 and "exists already" in result.stderr
    assert set(users(db_url)) == {"anna"}
