"""The ``report-miner`` command line."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .read import ReadError, SourceText, read_path, read_string
from .records import document_to_dict

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.callback()
def main() -> None:
    """Structured event records from Russian news posts and reports on education events."""


def read_input(name: str) -> SourceText:
    if name == "-":
        return read_string(sys.stdin.read(), "-")
    return read_path(name)


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="input files (TXT, HTML, DOCX, PDF); '-' reads standard input"),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="write DIR/<stem>.json for each input"),
) -> None:
    """Extract the event records of each input in the exchange schema (shared/eval/SCHEMA.md).

    A file that cannot be read is reported on standard error and skipped; the others are
    still processed, and the exit status is 1 when any failed.
    """
    from .pipeline import extract_source

    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in files:
        stem = "stdin" if name == "-" else Path(name).stem
        try:
            source = read_input(name)
        except ReadError as err:
            typer.echo(f"report-miner: {err}", err=True)
            failed += 1
            continue
        payload = json.dumps(document_to_dict(extract_source(source, stem)), ensure_ascii=False, indent=1)
        if out_dir:
            (out_dir / f"{stem}.json").write_text(payload + "\n", encoding="utf-8")
        else:
            typer.echo(payload)
    if failed:
        typer.echo(f"report-miner: {failed} of {len(files)} input(s) failed", err=True)
    raise typer.Exit(1 if failed else 0)


@app.command()
def entities(
    input_path: Path = typer.Argument(..., metavar="IN.jsonl", help='lines {"id": ..., "text": ...}'),
    out: Path = typer.Option(..., "--out", help='write lines {"id", "entities": [{"start", "end", "type", "text"}]}'),
) -> None:
    """Named entities (ORG, PER, LOC) of each text, as character spans (the factRuEval format).

    A line that is not a JSON object with an "id" and a "text" is reported on standard error
    with its line number and skipped; the exit status is then 1.
    """
    from .entities import find_entities

    try:
        lines = input_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        typer.echo(f"report-miner entities: cannot read {input_path}: {err}", err=True)
        raise typer.Exit(2)
    try:
        sink = out.open("w", encoding="utf-8")
    except OSError as err:
        typer.echo(f"report-miner entities: cannot write {out}: {err}", err=True)
        raise typer.Exit(2)
    failed = 0
    with sink:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc_id, text = entity_input(line)
            except ValueError as err:
                typer.echo(f"report-miner entities: {input_path}, line {number}: {err}", err=True)
                failed += 1
                continue
            spans = [{"start": s, "end": e, "type": t, "text": text[s:e]} for s, e, t in find_entities(text)]
            sink.write(json.dumps({"id": doc_id, "entities": spans}, ensure_ascii=False) + "\n")
    if failed:
        typer.echo(f"report-miner entities: {failed} line(s) skipped", err=True)
    raise typer.Exit(1 if failed else 0)


def entity_input(line: str) -> tuple[str | int, str]:
    """``(id, text)`` of one input line; ValueError saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON ({err.msg})") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    doc_id, text = record.get("id"), record.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        raise ValueError('"id" missing or not a string/integer')
    if not isinstance(text, str):
        raise ValueError('"text" missing or not a string')
    return doc_id, text


# --- the database: import, export, listings ------------------------------------------------

DB_HELP = "database URL (SQLAlchemy), e.g. sqlite:///report-miner.db or postgresql+psycopg://user@host/db"
DEFAULT_DB = "sqlite:///report-miner.db"


def open_db(url: str):
    """The database at ``url`` with its schema up to date; a bad URL or server ends with status 2."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from .store import open_database

    try:
        return open_database(url)
    except (ArgumentError, SQLAlchemyError, ImportError) as err:
        typer.echo(f"report-miner: cannot open database {url}: {str(err).splitlines()[0]}", err=True)
        raise typer.Exit(2)


@app.command("import")
def import_(
    paths: List[Path] = typer.Argument(..., help="files and folders (searched recursively for "
                                                 ".txt .text .html .htm .docx .pdf)"),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", min=1,
                                help="extraction processes; 1 extracts in this process"),
) -> None:
    """Import files into the database, one transaction per document.

    Files whose content is already imported are skipped, a changed file replaces its old
    records, and an interrupted run is finished by running it again. A file that cannot be
    read or extracted is stored as an error row; the exit status is then 1.
    """
    from .importer import Progress, find_files, import_files

    engine = open_db(db)
    files, missing = find_files(paths)
    for name in missing:
        typer.echo(f"report-miner import: {name}: no such file or folder", err=True)
    with Progress(len(files)) as progress:
        summary = import_files(files, engine, workers=workers, on_file=progress.advance)
    summary.missing = missing
    typer.echo(f"files: {summary.seen} seen, {summary.imported} imported, {summary.skipped} skipped as already "
               f"imported, {summary.replaced} replaced, {summary.errors} errors")
    typer.echo(f"added: {summary.events} events, {summary.organisations} organisations, {summary.people} people")
    for message in summary.failures:
        typer.echo(f"report-miner import: {message}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command("export")
def export_(
    fmt: Optional[str] = typer.Option(None, "--format", help="csv, xlsx, jsonl or parquet"),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="csv/parquet: a FOLDER for <table>.csv|.parquet "
                                       "(default export/); xlsx: the workbook (default export.xlsx); "
                                       "jsonl: the file (default standard output); "
                                       "--corrections: a FOLDER (default corrections/)"),
    corrections: bool = typer.Option(False, "--corrections", help="the reviewed documents as training data: "
                                     "OUT/texts, OUT/gold (corrected), OUT/extracted (as extracted), "
                                     "OUT/corrections.jsonl (the audit trail), OUT/sources.tsv"),
) -> None:
    """Export the database: flat tables (documents, events, event_organisations, event_people,
    participant_counts) as CSV/Parquet files or XLSX sheets, or JSONL in the exchange schema;
    with --corrections, the reviewers' corrections as training data in the exchange schema
    (score the machine against its reviewers: score.py OUT/gold OUT/extracted)."""
    from .export import FORMATS, export

    if corrections:
        _export_corrections(db, out, fmt)
        return
    if fmt is None:
        typer.echo("report-miner export: --format is required (or --corrections)", err=True)
        raise typer.Exit(2)
    if fmt not in FORMATS:
        typer.echo(f"report-miner export: unknown format {fmt!r}, expected one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    engine = open_db(db)
    try:
        written = export(engine, fmt, out, stdout=sys.stdout)
    except OSError as err:
        typer.echo(f"report-miner export: cannot write: {err}", err=True)
        raise typer.Exit(2)
    for path in written:
        typer.echo(f"wrote {path}", err=True)


def _export_corrections(db: str, out: Optional[Path], fmt: Optional[str]) -> None:
    from .export import export_corrections

    if fmt is not None:
        typer.echo("report-miner export: --corrections writes its own layout; leave out --format", err=True)
        raise typer.Exit(2)
    out = out or Path("corrections")
    engine = open_db(db)
    try:
        summary = export_corrections(engine, out)
    except OSError as err:
        typer.echo(f"report-miner export: cannot write: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{summary.documents} reviewed documents ({summary.approved} approved), {summary.events} events, "
               f"{summary.corrections} corrections")
    if summary.without_extraction:
        typer.echo(f"{summary.without_extraction} documents have no stored extraction (imported before it was "
                   "kept): no extracted/ file", err=True)
    for path in summary.files:
        typer.echo(f"wrote {path}", err=True)


def _date_option(value: Optional[str]) -> Optional[str]:
    import re

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise typer.BadParameter("expected YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _print_frame(frame, empty: str) -> None:
    if frame.empty:
        typer.echo(empty)
    else:
        frame = frame.astype(object).where(frame.notna(), "")
        typer.echo(frame.to_string(index=False, max_colwidth=60))


@app.command("events")
def events_(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    type: Optional[str] = typer.Option(None, "--type", help="event type, e.g. seminar"),
    org: Optional[str] = typer.Option(None, "--org", help="an organisation name or part of it"),
    since: Optional[str] = typer.Option(None, "--since", callback=_date_option, help="YYYY[-MM[-DD]]"),
    until: Optional[str] = typer.Option(None, "--until", callback=_date_option, help="YYYY[-MM[-DD]]"),
) -> None:
    """List the stored events (filters are applied in the database)."""
    from .export import list_events

    _print_frame(list_events(open_db(db), type=type, org=org, since=since, until=until), "no events")


@app.command("orgs")
def orgs_(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    name: Optional[str] = typer.Option(None, "--name", help="a name or part of it (aliases are searched too)"),
) -> None:
    """List the canonical organisations with their numbers of aliases, events and mentions."""
    from .export import list_organisations

    _print_frame(list_organisations(open_db(db), name=name), "no organisations")


@app.command("serve")
def serve(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (0.0.0.0: every interface)"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    threads: int = typer.Option(4, "--threads", min=1, help="request threads"),
) -> None:
    """Run the reviewers' web app (waitress). The session key comes from REPORT_MINER_SECRET_KEY,
    or is generated once and kept beside a SQLite database (else in the app's instance folder)."""
    import threading

    from sqlalchemy import func, select
    from sqlalchemy.orm import Session
    from waitress import serve as run

    from .store import User
    from .web import create_app
    from .web.views.paste import warm_up

    engine = open_db(db)
    with Session(engine) as session:
        users = session.scalar(select(func.count()).select_from(User))
    engine.dispose()
    if not users:
        typer.echo(f"report-miner serve: no user yet, so nobody can sign in and change data; "
                   f"create one: report-miner user add NAME --db {db}", err=True)
    web = create_app(db)
    threading.Thread(target=warm_up, name="warm-up", daemon=True).start()  # models load while serving
    typer.echo(f"report-miner: serving {db} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    run(web, host=host, port=port, threads=threads)


# --- reviewers and retraining ---------------------------------------------------------------

user_app = typer.Typer(no_args_is_help=True, help="Reviewers of the web app.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="the username (1-64 characters)"),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    password_stdin: bool = typer.Option(False, "--password-stdin",
                                        help="read the password from the first line of standard input"),
) -> None:
    """Add a reviewer; the password (at least 8 characters) is asked twice, hidden, and stored
    only as its argon2 hash."""
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session

    from .store.users import add_user, check_password, clean_username

    try:
        name = clean_username(name)
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        check_password(password)
    except ValueError as err:
        typer.echo(f"report-miner user add: {err}", err=True)
        raise typer.Exit(1)
    engine = open_db(db)
    with Session(engine) as session:
        try:
            user = add_user(session, name, password)
            session.commit()
        except (ValueError, IntegrityError) as err:
            message = str(err) if isinstance(err, ValueError) else f"the user {name!r} exists already"
            typer.echo(f"report-miner user add: {message}", err=True)
            raise typer.Exit(1)
        typer.echo(f"added user {user.username}")


@app.command("train")
def train_(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", help="the model file (default models/event_type.joblib, "
                                       "the model extraction loads); metrics go beside it"),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="the labelled examples (default "
                                          "corpora/event_types/examples.jsonl)"),
    folds: int = typer.Option(5, "--folds", min=2, help="cross-validation folds"),
    seed: int = typer.Option(13, "--seed"),
) -> None:
    """Rebuild the event-type model from the labelled corpus plus the reviewed events of the
    database (events of approved documents, and events whose type a reviewer set), and print
    the counts and the cross-validated macro-F1."""
    from .export import reviewed_type_examples
    from .learn.event_type import default_model_path, read_examples, train_model

    try:
        examples = read_examples(corpus)
    except (OSError, ValueError) as err:
        typer.echo(f"report-miner train: cannot read the corpus: {err}", err=True)
        raise typer.Exit(2)
    reviewed = reviewed_type_examples(open_db(db))
    out = out or default_model_path()
    typer.echo(f"examples: {len(examples)} from the corpus, {len(reviewed)} reviewed events from the database")
    try:
        metrics = train_model(examples + reviewed, out, folds=folds, seed=seed)
    except (OSError, ValueError) as err:
        typer.echo(f"report-miner train: {err}", err=True)
        raise typer.Exit(1)
    typer.echo("types: " + ", ".join(f"{t} {n}" for t, n in metrics["counts"].items() if n))
    cv = metrics.get("cv")
    if cv:
        typer.echo(f"{cv['folds']}-fold CV: macro-F1 {cv['macro_f1']:.3f}, accuracy {cv['accuracy']:.3f}")
    else:
        typer.echo("too few examples of some type for cross-validation")
    typer.echo(f"wrote {out}")
