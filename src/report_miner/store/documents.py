"""A document row with its records: the one way the importer and the web's paste/upload store one."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session

from ..records import DocumentRecord
from .convert import add_events
from .models import Document


def storable(text: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; a same-length replacement keeps the offsets."""
    return text.replace("\x00", "\ufffd") if text else text


def store_document(session: Session, *, path: str, sha256: str | None, size: int | None, format: str | None,
                   encoding: str | None, text: str | None, raw: str | None, record: DocumentRecord | None,
                   error: str | None = None) -> tuple[Document, dict[str, int]]:
    """Add a documents row (status "ok", or "error" with ``error``) and the record's events.

    ``raw`` is stored only when it differs from ``text``. Returns the row (flushed) and how many new
    canonical organisations and people were made.
    """
    document = Document(
        path=path, content_sha256=sha256, format=format, encoding=encoding, size=size,
        imported_at=datetime.now(timezone.utc), status="error" if error else "ok", error=error,
        text=storable(text), raw=storable(raw if raw != text else None), review="new")
    session.add(document)
    created = {"organisations": 0, "people": 0}
    if record is not None and not error:
        created = add_events(session, document, record)
    session.flush()
    return document, created
