"""Paste or upload a text: extract at once, show the highlighted text and events, save it."""
from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import PurePosixPath

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required

from ...read import ReadError, SourceText, read_bytes, read_string
from ...records import DocumentRecord
from .. import db
from ..offsets import OffsetMap
from ..segments import render
from ..view import FIELD_NAMES, FIELDS, record_marks

bp = Blueprint("paste", __name__)

# extractions shown but not saved yet, so saving does not extract again (re-extracted when evicted)
_PENDING: OrderedDict[str, tuple[SourceText, DocumentRecord]] = OrderedDict()
_PENDING_SIZE = 16
_PENDING_CHARS = 40_000_000  # and at most this many characters of text in all
_LOCK = threading.Lock()
# one extraction at a time: the models are shared by the server's threads (and it is CPU work under the GIL)
_EXTRACTING = threading.Lock()


def clean_filename(name: str | None) -> str:
    """An uploaded file's name as a bare, printable file name: no folders, nothing that leaves the app."""
    name = (name or "").replace("\\", "/")
    name = PurePosixPath(name).name if name.strip("/") else ""
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    name = re.sub(r"\s+", " ", name)[:200]
    return name or "upload.txt"


_LINE_BREAKS = re.compile(r"\r\n?|\n")


def _key(raw: str, fmt: str) -> str:
    """The pending extraction's key. A browser sends a textarea's line breaks as CRLF whatever they
    were, so line breaks do not count: the save form's copy of the text finds its extraction."""
    return hashlib.sha256(f"{fmt}\n{_LINE_BREAKS.sub(chr(10), raw)}".encode("utf-8", "surrogatepass")).hexdigest()


def warm_up() -> None:
    """Load the extraction models now (a server calls this in the background at start)."""
    from ...read import read_string

    _extract(read_string("Семинар для учителей прошёл 1 марта 2025 года в Москве.", "warm-up"))


def _extract(source: SourceText) -> DocumentRecord:
    from ...pipeline import extract_source

    with _EXTRACTING:
        record = extract_source(source, "paste")
    with _LOCK:
        _PENDING[_key(source.raw, source.format)] = (source, record)
        while len(_PENDING) > _PENDING_SIZE or (
                len(_PENDING) > 1 and sum(len(s.raw) + len(s.text) for s, _ in _PENDING.values()) > _PENDING_CHARS):
            _PENDING.popitem(last=False)
    return record


@bp.get("/paste")
def form():
    return render_template("paste.html", text="")


@bp.post("/paste")
def extract():
    upload = request.files.get("file")
    text = request.form.get("text", "")
    try:
        if upload is not None and upload.filename:
            name = clean_filename(upload.filename)
            data = upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1)
            source = read_bytes(data, name)
            origin = f"upload:{name}"
        elif text.strip():
            source = read_string(text.replace("\r\n", "\n"), "paste")
            origin = None
        else:
            return render_template("paste.html", text=text, error="Вставьте текст или выберите файл."), 400
    except ReadError as err:
        return render_template("paste.html", text=text, error=f"Не удалось прочитать: {err.reason}"), 400
    record = _extract(source)
    omap = OffsetMap.of_source(source)
    marks = record_marks(record, omap)
    return render_template(
        "paste.html", text=text if origin is None else "", source=source, record=record, origin=origin,
        doc_html=render(source.text, marks.spans), fields=FIELDS, field_names=FIELD_NAMES,
        event_starts=marks.event_starts, regions=marks.regions)


@bp.post("/paste/save")
@login_required
def save():
    from ...store.review import save_document

    raw = request.form.get("raw", "")
    fmt = request.form.get("format", "txt")
    origin = request.form.get("origin") or ""
    if not origin.startswith("upload:"):  # a pasted text was read with "\n" line breaks (a browser sends CRLF)
        raw = raw.replace("\r\n", "\n")
    if not raw.strip():
        flash("Нечего сохранять: текст пуст.", "error")
        return redirect(url_for("paste.form"))
    with _LOCK:
        pending = _PENDING.get(_key(raw, fmt))
    if pending is not None:
        source, record = pending
    else:
        try:
            source = read_string(raw, "paste", fmt=fmt if fmt in ("txt", "html") else "txt")
        except ReadError as err:
            flash(f"Не удалось прочитать: {err.reason}", "error")
            return redirect(url_for("paste.form"))
        source.format = fmt if fmt in ("txt", "html", "docx", "pdf") else source.format
        record = _extract(source)
    if origin.startswith("upload:"):
        path = "upload:" + clean_filename(origin[len("upload:"):])
    else:
        path = "paste:" + datetime.now(timezone.utc).isoformat(timespec="seconds")
    session = db()
    document = save_document(session, source, record, path)
    session.commit()
    flash("Документ сохранён.")
    return redirect(url_for("documents.review", doc_id=document.id))

