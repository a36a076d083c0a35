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
