"""The reviewers' web app through Flask's test client (SQLite and PostgreSQL via ``db_url``)."""
from __future__ import annotations

import html
import io
import re

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from report_miner.read import read_string
from report_miner.records import Count, DocumentRecord, Event, Organisation, Person
from report_miner.store import Correction, Document, EventOrganisation, EventPerson, ParticipantCount, User
from report_miner.store import Event as EventRow
from report_miner.store import Organisation as OrganisationRow
from report_miner.store.review import save_document
from report_miner.store.users import add_user
from report_miner.web import OPEN_POSTS, create_app

PASSWORD = "correct horse battery"
TEXT = ("14 октября 2024 года в МАОУ «Лицей № 5» г. Томска прошёл семинар «Физика в школе». "
        "В семинаре приняли участие 40 педагогов. С докладом выступил директор лицея Иванов Пётр Сергеевич.")


def make_app(db_url, **config):
    app = create_app(db_url, secret_key="test-key",
                     config={"TESTING": True, "WTF_CSRF_ENABLED": False, **config})
    engine = app.extensions["report_miner.engine"]
    with Session(engine) as session:
        if session.scalar(sa.select(User.id).where(User.username == "alice")) is None:
            add_user(session, "alice", PASSWORD)
            session.commit()
    return app


@pytest.fixture
def app(db_url):
    app = make_app(db_url)
    yield app
    app.extensions["report_miner.engine"].dispose()


def sign_in(client, username="alice", password=PASSWORD):
    return client.post("/login", data={"username": username, "password": password})


@pytest.fixture
def client(app):
    client = app.test_client()
    assert sign_in(client).status_code == 302
    return client


def span(text, part, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def seminar(text=TEXT, to_raw=lambda s, e: (s, e)):
    """A hand-made record of TEXT (no extraction: fast and exact), evidence mapped by ``to_raw``."""
    def ev(*spans):
        return [to_raw(*s) for s in spans]
    return DocumentRecord("t", [Event(
        type="seminar", title="Физика в школе", date_start="2024-10-14", location="Томск",
        organisations=[Organisation("МАОУ «Лицей № 5» г. Томска", "host", [],
                                    ev(span(text, "МАОУ «Лицей № 5» г. Томска")))],
        people=[Person("Иванов Пётр Сергеевич", "директор лицея", "speaker", ev(span(text, "Иванов Пётр Сергеевич")))],
        participants=[Count(40, "people", "exact", ev(span(text, "40 педагогов")))],
        evidence={"type": ev(span(text, "семинар")), "date": ev(span(text, "14 октября 2024 года")),
                  "title": ev(span(text, "Физика в школе")), "location": ev(span(text, "Томска")),
                  "span": ev((0, len(text)))})])


def store(app, text=TEXT, name="-", record=None, path="paste:test") -> int:
    source = read_string(text, name)
    record = record or seminar(source.text, source.to_raw)
    with Session(app.extensions["report_miner.engine"]) as session:
        document = save_document(session, source, record, path)
        session.commit()
        return document.id


def session_of(app):
    return Session(app.extensions["report_miner.engine"])


def page(response) -> str:
    return response.get_data(as_text=True)


def marks(body: str) -> dict[str, str]:
    """value id -> the text inside its first <mark> (marks of this app nest, spans hold the text)."""
    text_html = body[body.index('id="doc-text"'):]
    text_html = text_html[:text_html.index("</div>")]
    found = {}
    for match in re.finditer(r'<mark [^>]*data-value-id="([^"]+)"[^>]*>', text_html):
        depth, pos, out = 1, match.end(), []
        while depth:
            tag = re.compile(r"<(/?)(mark|span)\b[^>]*>").search(text_html, pos)
            out.append(text_html[pos:tag.start()])
            if tag.group(2) == "mark":
                depth += -1 if tag.group(1) else 1
            pos = tag.end()
        found.setdefault(match.group(1), html.unescape("".join(out)))
    return found


def segments_match_text(body: str, text: str) -> None:
    for start, chunk in re.findall(r'<span data-o="(\d+)">([^<]*)</span>', body):
        chunk = html.unescape(chunk)
        assert text[int(start):int(start) + len(chunk)] == chunk


# --- signing in ---------------------------------------------------------------------------

def test_login_logout_and_wrong_password(app):
    client = app.test_client()
    assert client.get("/").headers["Location"].endswith("/documents")
    wrong = sign_in(client, password="not the password")
    assert wrong.status_code == 401 and "Неверное имя или пароль" in page(wrong)
    assert sign_in(client, username="nobody").status_code == 401
    ok = client.post("/login?next=/organisations", data={"username": "alice", "password": PASSWORD})
    assert ok.status_code == 302 and ok.headers["Location"] == "/organisations"
    assert "alice" in page(client.get("/documents"))
    assert client.post("/logout").status_code == 302
    assert "alice" not in page(client.get("/documents"))
    # no open redirect after signing in
    evil = client.post("/login?next=https://evil.example/x", data={"username": "alice", "password": PASSWORD})
    assert evil.headers["Location"] == "/documents"


def test_login_page_says_how_to_create_the_first_user(db_url):
    app = create_app(db_url, secret_key="k", config={"TESTING": True})
    try:
        assert "report-miner user add" in page(app.test_client().get("/login"))
    finally:
        app.extensions["report_miner.engine"].dispose()


def test_every_post_route_refuses_anonymous_users(app):
    doc_id = store(app)
    client = app.test_client()
    posts = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    assert {rule.endpoint for rule in posts} >= {"documents.approve", "documents.edit_event", "paste.save",
                                                 "organisations.merge", "auth.logout"}
    assert OPEN_POSTS == {"auth.login", "paste.extract"}  # these change nothing
    adapter = app.url_map.bind("localhost")
    for rule in posts:
        if rule.endpoint in OPEN_POSTS:
            continue
        # ids: the stored document's (the other rows need not exist: refused before any lookup)
        url = adapter.build(rule.endpoint, {name: doc_id if name.endswith("id") else "organisation"
                                            for name in rule.arguments})
        response = client.post(url, data={"type": "meeting", "keep": "1", "other": "2"})
        assert response.status_code == 302 and "/login" in response.headers["Location"], rule.endpoint
        fetch = client.post(url, headers={"X-Requested-With": "fetch", "Accept": "application/json"})
        assert fetch.status_code == 401, rule.endpoint
    with session_of(app) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Correction)) == 0
        assert session.get(Document, doc_id).review == "new"
    assert 'id="save-button"' not in page(client.post("/paste", data={"text": TEXT}))


def test_csrf_is_enforced_when_enabled(db_url):
    app = make_app(db_url, WTF_CSRF_ENABLED=True)
    try:
        client = app.test_client()
        assert client.post("/login", data={"username": "alice", "password": PASSWORD}).status_code == 400
        form = page(client.get("/login"))
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        assert client.post("/login", data={"username": "alice", "password": PASSWORD,
                                           "csrf_token": token}).status_code == 302
        doc_id = store(app)
        assert client.post(f"/documents/{doc_id}/approve").status_code == 400
        review = page(client.get(f"/documents/{doc_id}"))
        token = re.search(r'name="csrf_token" value="([^"]+)"', review).group(1)
        assert client.post(f"/documents/{doc_id}/approve", headers={"X-CSRFToken": token}).status_code == 302
        with session_of(app) as session:
            assert session.get(Document, doc_id).review == "approved"
    finally:
        app.extensions["report_miner.engine"].dispose()


# --- paste, extract, save ------------------------------------------------------------------

def test_paste_extract_save_then_review_page_highlights_the_values(client, app, monkeypatch):
    shown = client.post("/paste", data={"text": TEXT + "\n<script>alert(1)</script>"})
    body = page(shown)
    assert shown.status_code == 200 and 'id="save-button"' in body
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    found = marks(body)
    assert "Иванов Пётр Сергеевич" in found.values() and "40 педагогов" in found.values()
    raw = html.unescape(re.search(r'<textarea name="raw" hidden>(.*?)</textarea>', body, re.DOTALL).group(1))
    monkeypatch.setattr("report_miner.pipeline.extract_source", None)  # saving does not extract again,
    raw = raw.replace("\n", "\r\n")  # even with the line breaks a browser sends
    saved = client.post("/paste/save", data={"raw": raw, "format": "txt", "origin": ""})
    monkeypatch.undo()
    assert saved.status_code == 302
    doc_id = int(re.search(r"/documents/(\d+)$", saved.headers["Location"]).group(1))
    review = client.get(f"/documents/{doc_id}")
    body = page(review)
    with session_of(app) as session:
        document = session.get(Document, doc_id)
        assert document.path.startswith("paste:") and document.review == "new" and document.events
        text = document.text
        people = session.scalars(sa.select(EventPerson)).all()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    segments_match_text(body, text)
    found = marks(body)
    person = next(p for p in people if p.name.startswith("Иванов"))
    assert found[f"p{person.id}"] == text[slice(*person.evidence[0])] == "Иванов Пётр Сергеевич"
    assert {"person", "count", "date", "organisation"} <= set(re.findall(r'data-field="(\w+)"', body))
    assert 'id="approve-button"' in body and 'id="events"' in body and 'data-event-id=' in body


def test_paste_without_text_or_unreadable_file_says_why(client):
    assert "Вставьте текст" in page(client.post("/paste", data={"text": "  "}))
    bad = client.post("/paste", data={"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), "photo.png")},
                      content_type="multipart/form-data")
    assert bad.status_code == 400 and "Не удалось прочитать" in page(bad) and "PNG" in page(bad)


def multipart(**fields) -> dict:
    """A multipart body built in memory (the test client would spool a large one to a temporary file)."""
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import encode_multipart

    values = {name: FileStorage(io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for name, v in fields.items()}
    boundary, body = encode_multipart(values)
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def test_uploads_stay_in_memory(client, monkeypatch):
    import werkzeug.wrappers.request

    def spool(*args, **kwargs):
        raise AssertionError("an upload was spooled to a temporary file")

    monkeypatch.setattr(werkzeug.wrappers.request, "default_stream_factory", spool)
    big = b"\x89PNG\r\n\x1a\n" + bytes(3 * 1024 * 1024)  # over werkzeug's 500 KB spooling threshold
    shown = client.post("/paste", **multipart(file=(big, "scan.png")))
    assert shown.status_code == 400 and "PNG" in page(shown)


def test_upload_too_large_is_refused_with_413(db_url):
    app = make_app(db_url, MAX_CONTENT_LENGTH=2000)
    try:
        client = app.test_client()
        sign_in(client)
        big = client.post("/paste", **multipart(file=("семинар ".encode() * 1000, "big.txt")))
        assert big.status_code == 413 and "слишком большой" in page(big)
    finally:
        app.extensions["report_miner.engine"].dispose()


def test_upload_name_with_a_path_stays_a_bare_name(client, app, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    data = TEXT.encode("cp1251")
    shown = client.post("/paste", data={"file": (io.BytesIO(data), "../../etc/passwd.txt")},
                        content_type="multipart/form-data")
    body = page(shown)
    assert shown.status_code == 200 and "upload:passwd.txt" in body and "../" not in body
    origin = html.unescape(re.search(r'name="origin" value="([^"]*)"', body).group(1))
    raw = html.unescape(re.search(r'<textarea name="raw" hidden>(.*?)</textarea>', body, re.DOTALL).group(1))
    saved = client.post("/paste/save", data={"raw": raw, "format": "txt", "origin": "upload:../../" + origin[7:]})
    doc_id = int(saved.headers["Location"].rsplit("/", 1)[1])
    with session_of(app) as session:
        document = session.get(Document, doc_id)
        assert document.path == "upload:passwd.txt" and document.encoding == "cp1251"
    assert list(cwd.iterdir()) == []  # nothing written but the database
    assert {p.name for p in tmp_path.iterdir()} <= {"cwd", "db1.sqlite"}


# --- the review page -------------------------------------------------------------------------

def test_script_in_a_stored_text_renders_as_text(client, app):
    text = TEXT + " <script>alert(1)</script>"
    doc_id = store(app, text, record=seminar(text))
    response = client.get(f"/documents/{doc_id}")
    body = page(response)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]  # and no inline script of ours:
    assert re.findall(r"<script[^>]*>", body) == ['<script src="/static/review.js">']
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    listed = page(client.get("/documents?q=<script>"))
    assert "<script>" not in listed and 'value="&lt;script&gt;"' in listed


def test_html_document_highlights_at_the_clean_text_places(client, app):
    raw = ("<html><body><h1>Семинар &laquo;Физика в школе&raquo;</h1><p>14&nbsp;октября 2024 года в "
           "<b>МАОУ «Лицей № 5» г. Томска</b> прошёл семинар «Физика в школе».</p><p>В семинаре приняли "
           "участие 40 педагогов. С докладом выступил директор лицея <i>Иванов Пётр Сергеевич</i>.</p>"
           "</body></html>")
    source = read_string(raw, "post.html")
    assert source.raw != source.text and source.format == "html"
    doc_id = store(app, raw, "post.html")
    body = page(client.get(f"/documents/{doc_id}"))
    with session_of(app) as session:
        document = session.get(Document, doc_id)
        assert document.raw == raw and document.text == source.text
        person = session.scalars(sa.select(EventPerson)).one()
        org = session.scalars(sa.select(EventOrganisation)).one()
        assert raw[slice(*person.evidence[0])] == "Иванов Пётр Сергеевич"  # stored: raw offsets
    segments_match_text(body, source.text)
    found = marks(body)
    assert found[f"p{person.id}"] == "Иванов Пётр Сергеевич"
    assert found[f"o{org.id}"] == "МАОУ «Лицей № 5» г. Томска"
    with session_of(app) as session:
        events = session.scalars(sa.select(EventRow)).one()
    assert found[f"e{events.id}-date"] == "14 октября 2024 года"  # "&nbsp;" is a space in the page

    # a value added by selecting text: display offsets in, raw offsets stored
    start, end = span(source.text, "педагогов")
    client.post(f"/documents/{doc_id}/values/add",
                data={"event": events.id, "kind": "organisation", "text": "педагогов", "start": start, "end": end})
    with session_of(app) as session:
        added = session.scalars(sa.select(EventOrganisation).where(EventOrganisation.name == "педагогов")).one()
        assert raw[slice(*added.evidence[0])] == "педагогов"


def test_review_actions_change_the_database_and_write_corrections(client, app):
    doc_id = store(app)
    url = f"/documents/{doc_id}"
    with session_of(app) as session:
        event = session.scalars(sa.select(EventRow)).one()
        org = session.scalars(sa.select(EventOrganisation)).one()
        person = session.scalars(sa.select(EventPerson)).one()
        count = session.scalars(sa.select(ParticipantCount)).one()
    ev = f"{url}/events/{event.id}"

    edited = client.post(f"{ev}/edit", data={"type": "conference", "title": "Физика в школе", "date_start": "2024-10-14",
                                             "date_end": "", "format": "offline", "location": "Томск"})
    assert edited.status_code == 302 and edited.headers["Location"].endswith(f"{url}#event-{event.id}")
    client.post(f"{url}/values/person/{person.id}/edit", data={"name": person.name, "position": "директор",
                                                               "role": "speaker"})
    client.post(f"{url}/values/count/{count.id}/edit", data={"count": "45", "unit": "people", "approx": "about"})
    start, end = span(TEXT, "Томска")
    add = f"{url}/values/add"
    client.post(add, data={"event": event.id, "kind": "person", "text": "Петров", "position": "учитель",
                           "role_person": "participant"})
    client.post(add, data={"event": event.id, "kind": "count", "text": "40 педагогов", "start": 0, "end": 0})
    client.post(add, data={"event": event.id, "kind": "location", "text": "", "start": start, "end": end})
    client.post(f"{url}/values/organisation/{org.id}/delete")
    bad = client.post(f"{ev}/edit", data={"date_start": "14.10.2024"}, follow_redirects=True)
    assert bad.status_code == 200 and "flash-error" in page(bad)
    client.post(f"{url}/approve")

    with session_of(app) as session:
        event = session.get(EventRow, event.id)
        assert (event.type, event.format, event.location) == ("conference", "offline", "Томска")
        assert event.evidence["location"] == [list(span(TEXT, "Томска"))]
        assert session.get(EventPerson, person.id).position == "директор"
        assert (session.get(ParticipantCount, count.id).count, session.get(ParticipantCount, count.id).approx) == (
            45, "about")
        assert session.get(EventOrganisation, org.id) is None
        assert [p.name for p in event.people] == ["Иванов Пётр Сергеевич", "Петров"]
        assert sorted(c.count for c in event.participants) == [40, 45]
        assert session.get(Document, doc_id).review == "approved"
        corrections = session.scalars(sa.select(Correction).order_by(Correction.id)).all()
        user = session.scalar(sa.select(User).where(User.username == "alice"))
        assert {c.user_id for c in corrections} == {user.id}
        assert [(c.action, c.target) for c in corrections][:2] == [("edit", "type"), ("edit", "format")]
        assert ("approve", "document") in {(c.action, c.target) for c in corrections}
        assert [c.target for c in corrections] == ["type", "format", "person", "count", "person", "count",
                                                   "location", "organisation", "document"]
    history = page(client.get(url))
    history = history[history.index('id="history"'):]
    assert "История правок (9)" in history and "одобрено" in history and "alice" in history
    assert "директор лицея" in history and "conference" in history  # before and after, in a few words


def test_events_merge_split_delete_add_and_link(client, app):
    doc_id = store(app)
    url = f"/documents/{doc_id}"
    with session_of(app) as session:
        event = session.scalars(sa.select(EventRow)).one()
        person = session.scalars(sa.select(EventPerson)).one()
        count = session.scalars(sa.select(ParticipantCount)).one()
        org = session.scalars(sa.select(EventOrganisation)).one()
    nothing = client.post(f"{url}/events/{event.id}/split", data={})
    assert nothing.headers["Location"].endswith(url)  # refused: no anchor, an error message
    assert "Отметьте значения" in page(client.get(url))
    client.post(f"{url}/events/{event.id}/split", data={"people": [str(person.id)], "participants": [str(count.id)]})
    with session_of(app) as session:
        events = session.scalars(sa.select(EventRow).order_by(EventRow.position)).all()
        assert len(events) == 2 and [p.id for p in events[1].people] == [person.id]
    client.post(f"{url}/events/{event.id}/merge", data={"other_number": "2"})  # the second on the page
    added = client.post(f"{url}/events/add", data={"type": "webinar"})
    assert "#event-" in added.headers["Location"]
    with session_of(app) as session:
        events = session.scalars(sa.select(EventRow).order_by(EventRow.position)).all()
        assert [e.type for e in events] == ["seminar", "webinar"] and len(events[0].people) == 1
        other = OrganisationRow(name="ГБОУ Гимназия № 2", key="гбоу гимназия 2")
        session.add(other)
        session.commit()
        other_id, webinar = other.id, events[1].id
    client.post(f"{url}/mentions/{org.id}/link", data={"organisation": f"{other_id} · ГБОУ Гимназия № 2"})
    client.post(f"{url}/events/{webinar}/delete")
    with session_of(app) as session:
        assert session.get(EventOrganisation, org.id).organisation_id == other_id
        assert session.scalar(sa.select(sa.func.count()).select_from(EventRow)) == 1
        actions = [c.action for c in session.scalars(sa.select(Correction).order_by(Correction.id))]
    assert actions[0].startswith("split") and actions[1].startswith("merge") and "link_organisation" in actions
    # another document's event or value is not reachable through this document's URLs
    other_doc = store(app, TEXT + " Ещё.", record=seminar(TEXT + " Ещё."), path="paste:other")
    assert client.post(f"/documents/{other_doc}/events/{event.id}/delete").status_code == 404
    assert client.post(f"/documents/{other_doc}/values/person/{person.id}/delete").status_code == 404


def test_documents_list_filters_and_search(client, app):
    first = store(app)
    second = store(app, "Вебинар для учителей информатики прошёл 3 марта 2025 года.", record=DocumentRecord("x"),
                   path="upload:webinar.txt")
    client.post(f"/documents/{first}/approve")
    body = page(client.get("/documents"))
    assert "paste:test" in body and "upload:webinar.txt" in body and "проверен" in body
    assert "upload:webinar.txt" not in page(client.get("/documents?state=approved"))
    assert "paste:test" not in page(client.get("/documents?state=new"))
    approved = page(client.get(f"/documents/{first}"))
    assert re.search(r'id="approve-button"[^>]*disabled', approved)
    assert f'href="/documents/{second}" id="next-document"' in approved
    assert f'data-document-id="{second}"' in page(client.get("/documents?q=webinar"))
    assert f'data-document-id="{first}"' not in page(client.get("/documents?q=webinar"))
    assert f'data-document-id="{first}"' in page(client.get("/documents?q=Физика"))
    assert f'data-document-id="{first}"' in page(client.get("/documents?q=ФИЗИКА В ШКОЛЕ"))  # any case
    assert f'data-document-id="{first}"' not in page(client.get("/documents?q=100%"))  # % is no wildcard
    assert client.get("/documents/99999").status_code == 404


def test_organisations_pages_and_merge(client, app):
    store(app)
    with session_of(app) as session:
        lyceum = session.scalars(sa.select(EventOrganisation)).one().organisation_id
        other = OrganisationRow(name="Лицей № 5 Томска", key="лицей 5 томска")
        session.add(other)
        session.commit()
        other_id = other.id
    body = page(client.get("/organisations"))
    assert "МАОУ «Лицей № 5» г. Томска" in body and "Лицей № 5 Томска" in body
    assert "Лицей № 5 Томска" not in page(client.get("/organisations?q=МАОУ"))
    assert client.get("/organisations/search?q=Лицей").get_json()[0]["id"] in (lyceum, other_id)
    show = page(client.get(f"/organisations/{lyceum}"))
    assert "Иванов" not in show and "семинар" in show and 'id="merge-form"' in show
    merged = client.post("/organisations/merge", data={"keep": str(lyceum), "other": str(other_id)})
    assert merged.headers["Location"].endswith(f"/organisations/{lyceum}")
    with session_of(app) as session:
        assert session.get(OrganisationRow, other_id) is None
        assert "Лицей № 5 Томска" in {a.name for a in session.get(OrganisationRow, lyceum).aliases}
    assert client.get(f"/organisations/{other_id}").status_code == 404
    with session_of(app) as session:
        third = OrganisationRow(name="Гимназия № 2", key="гимназия 2")
        session.add(third)
        session.commit()
        third_id = third.id
    assert 'id="merge-form"' in page(client.get("/organisations"))
    merged = client.post("/organisations/merge", data={"keep": f"{lyceum} · МАОУ", "other": "Гимназия № 2"})
    assert merged.headers["Location"].endswith(f"/organisations/{lyceum}")
    assert client.get(f"/organisations/{third_id}").status_code == 404
    same = client.post("/organisations/merge", data={"keep": str(lyceum), "other": str(lyceum)}, follow_redirects=True)
    assert "одна и та же" in page(same)


def test_serve_runs_waitress_with_a_kept_secret_and_says_when_there_is_no_user(tmp_path, monkeypatch):
    import waitress
    from typer.testing import CliRunner

    from report_miner.cli import app as cli
    from report_miner.web import SECRET_ENV, SECRET_FILE
    from report_miner.web.views import paste

    served, warmed = [], []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: served.append((app, kw)))
    monkeypatch.setattr(paste, "warm_up", lambda: warmed.append(True))  # no models loaded in a thread here
    monkeypatch.delenv(SECRET_ENV, raising=False)
    url = f"sqlite:///{tmp_path / 'rm.db'}"
    result = CliRunner().invoke(cli, ["serve", "--db", url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "report-miner user add NAME" in result.output
    (app, options), = served
    assert options["host"] == "127.0.0.1" and options["port"] == 8123 and warmed
    key = (tmp_path / SECRET_FILE).read_text().strip()
    assert app.secret_key == key and len(key) == 64
    assert oct((tmp_path / SECRET_FILE).stat().st_mode & 0o777) == "0o600"
    CliRunner().invoke(cli, ["serve", "--db", url])
    assert served[1][0].secret_key == key  # the same key on the next start
    monkeypatch.setenv(SECRET_ENV, "from-the-environment")
    CliRunner().invoke(cli, ["serve", "--db", url])
    assert served[2][0].secret_key == "from-the-environment"


def test_long_document_event_bodies_wait_in_templates_and_error_documents_say_why(client, app):
    text = " ".join(f"{day} марта 2025 года прошёл семинар номер {day}." for day in range(1, 6))
    record = DocumentRecord("long", [Event(type="seminar", date_start=f"2025-03-0{day}",
                                           evidence={"date": [span(text, f"{day} марта")]}) for day in range(1, 6)])
    doc_id = store(app, text, record=record, path="upload:long.txt")
    body = page(client.get(f"/documents/{doc_id}"))
    assert body.count('<template class="event-body">') == 5 and body.count('data-event-id="') >= 5
    assert body.count('<details >') + body.count("<details>") == 5  # collapsed: headers only
    short = page(client.get(f"/documents/{store(app)}"))
    assert "<template" not in short and "<details open>" in short
    with session_of(app) as session:
        broken = Document(path="/archive/broken.doc", content_sha256=None, imported_at=sa.func.now(),
                          status="error", error="/archive/broken.doc: binary file, not text")
        session.add(broken)
        session.commit()
        broken_id = broken.id
    listed = page(client.get("/documents?state=error"))
    assert "badge-error" in listed and "binary file, not text" in listed and "upload:long.txt" not in listed
    shown = page(client.get(f"/documents/{broken_id}"))
    assert "binary file, not text" in shown and 'id="approve-button"' not in shown


@pytest.mark.parametrize("cached", [True, False])
def test_docx_upload_saved_with_its_format_and_highlighted_in_the_clean_text(client, app, cached):
    from test_read import make_docx

    from report_miner.web.views import paste

    sentences = TEXT.replace("педагогов", "педа\u00adгогов").split(". ")  # a soft hyphen: raw != text
    body = "".join(f"<w:p><w:r><w:t>{s}.</w:t></w:r></w:p>" for s in sentences)
    shown = client.post("/paste", data={"file": (io.BytesIO(make_docx(body)), "Отчёт за 2024 год.docx")},
                        content_type="multipart/form-data")
    page_ = page(shown)
    assert shown.status_code == 200 and "upload:Отчёт за 2024 год.docx" in page_
    assert "40 педагогов" in marks(page_).values()
    form = {name: html.unescape(value) for name, value in re.findall(r'name="(format|origin)" value="([^"]*)"', page_)}
    form["raw"] = html.unescape(re.search(r'<textarea name="raw" hidden>(.*?)</textarea>', page_, re.DOTALL).group(1))
    assert form["format"] == "docx" and "\u00ad" in form["raw"]
    if not cached:
        paste._PENDING.clear()  # another process, or evicted: read and extract again
    doc_id = int(client.post("/paste/save", data=form).headers["Location"].rsplit("/", 1)[1])
    with session_of(app) as session:
        document = session.get(Document, doc_id)
        assert (document.format, document.path) == ("docx", "upload:Отчёт за 2024 год.docx")
        assert document.raw is not None and "педагогов" in document.text
        count = session.scalars(sa.select(ParticipantCount)).one()
        assert document.raw[slice(*count.evidence[0])] == "40 педа\u00adгогов"
    assert marks(page(client.get(f"/documents/{doc_id}")))[f"c{count.id}"] == "40 педагогов"


def test_saving_a_paste_another_process_extracted_reads_it_again_with_its_own_line_breaks(client, app):
    from report_miner.web.views import paste

    text = "Вебинар для учителей физики прошёл 3 марта 2025 года.\nВ нём приняли участие 25 педагогов."
    client.post("/paste", data={"text": text.replace("\n", "\r\n")})
    paste._PENDING.clear()
    saved = client.post("/paste/save", data={"raw": text.replace("\n", "\r\n"), "format": "txt", "origin": ""})
    with session_of(app) as session:
        document = session.get(Document, int(saved.headers["Location"].rsplit("/", 1)[1]))
        assert document.text == text and document.raw is None and document.events
