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
