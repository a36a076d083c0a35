"""The ``report-miner`` command line."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .records import document_to_dict

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.callback()
def main() -> None:
    """Structured event records from Russian news posts and reports on education events."""


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="input files; '-' reads standard input"),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="write DIR/<stem>.json for each input"),
) -> None:
    """Extract event records from each input in the exchange schema (shared/eval/SCHEMA.md)."""
    from .pipeline import extract_text

    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in files:
        stem = "stdin" if name == "-" else Path(name).stem
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        record = document_to_dict(extract_text(text, stem))
        payload = json.dumps(record, ensure_ascii=False, indent=1)
        if out_dir:
            (out_dir / f"{stem}.json").write_text(payload + "\n", encoding="utf-8")
        else:
            typer.echo(payload)
    raise typer.Exit(1 if failed else 0)
