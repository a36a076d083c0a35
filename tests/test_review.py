"""store.review: every reviewer's change alters the records, writes its audit row and keeps the
order of events and values; bad input is a ReviewError that changes nothing. On SQLite and PostgreSQL."""
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from report_miner.pipeline import extract_source
from report_miner.read import read_string
from report_miner.records import document_to_dict
from report_miner.store import (
    Correction,
    Document,
    Event,
    EventOrganisation,
    Organisation,
    OrganisationAlias,
    Person,
    open_database,
)
from report_miner.store import review as rv
from report_miner.store.review import ReviewError
from report_miner.store.users import add_user

ROOT = Path(__file__).resolve().parents[1]
# a real news post: the Petersburg education forum, a contest at school № 777, its director, counts
NEWS = (ROOT / "corpora" / "check_news" / "texts" / "c017.txt").read_text(encoding="utf-8")
# another one: a forum of pupils' self-government in Moscow
OTHER = (ROOT / "corpora" / "check_news" / "texts" / "c018.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def extracted():
    """(SourceText, DocumentRecord) of the two posts, extracted once per module."""
    out = {}
    for name, text in (("c017.txt", NEWS), ("c018.txt", OTHER)):
        source = read_string(text, name)
        out[name] = (source, extract_source(source, Path(name).stem))
    return out


@pytest.fixture
def db(db_url, extracted):
    """A session over a new database holding the first post, and a reviewer."""
    engine = open_database(db_url)
    with Session(engine) as session:
        user = add_user(session, "reviewer", "correct horse")
        source, record = extracted["c017.txt"]
        document = rv.save_document(session, source, record, "paste:2026-11-23T10:00:00")
        session.commit()
        yield session, user, document
    engine.dispose()


def corrections(session):
    return session.scalars(sa.select(Correction).order_by(Correction.id)).all()


def last(session):
    return corrections(session)[-1]


def positions(document):
    return [e.position for e in sorted(document.events, key=lambda e: e.position)]


def ordinals(values):
    return sorted(v.ordinal for v in values)


def reload(session, obj):
    session.commit()
    session.expire_all()
    return session.get(type(obj), obj.id)


# --- documents ------------------------------------------------------------------------------

def test_save_document_stores_the_text_its_events_and_the_extraction_once(db, extracted):
    session, _, document = db
    source, record = extracted["c017.txt"]
    assert document.status == "ok" and document.review == "new" and document.format == "txt"
    assert document.text == NEWS.replace("\r\n", "\n") or document.text == source.text
    assert document.raw is None  # a plain text: the evidence points into ``text``
    assert len(document.content_sha256) == 64
    assert document.extraction == document_to_dict(record)
    assert [e.type for e in document.events] == [e.type for e in record.events]
    assert corrections(session) == []  # saving is no correction
    # the same content again is the stored document; another text under a taken name gets a suffix
    assert rv.save_document(session, source, record, "upload:c017.txt").id == document.id
    other_source, other_record = extracted["c018.txt"]
    second = rv.save_document(session, other_source, other_record, "paste:2026-11-23T10:00:00")
    assert second.id != document.id and second.path == "paste:2026-11-23T10:00:00 (2)"


def test_save_document_keeps_the_raw_html_the_evidence_points_into(db_url):
    html = "<html><body><h1>Олимпиада в Казани</h1><p>12 ноября 2024 года в Казанском федеральном " \
           "университете прошла олимпиада по физике. Участниками стали более 200 школьников.</p></body></html>"
    source = read_string(html, "upload:post.html")
    record = extract_source(source, "post")
    engine = open_database(db_url)
    with Session(engine) as session:
        document = rv.save_document(session, source, record, "upload:post.html")
        assert document.format == "html" and document.raw == html and "<p>" not in document.text
        count = document.events[0].participants[0]
        s, e = count.evidence[0]
        assert html[s:e] == "более 200 школьников"
    engine.dispose()


# --- events -------------------------------------------------------------------------------

def test_edit_event_changes_the_field_writes_the_correction_and_starts_the_review(db):
    session, user, document = db
    event = document.events[0]
    old_type, old_evidence = event.type, event.evidence.get("type")
    start = NEWS.index("соревнование")
    rv.edit_event(session, event, "type", "contest", user, evidence=[(start, start + len("соревнование"))])
    event = reload(session, event)
    assert event.type == "contest" and event.evidence["type"] == [[start, start + 12]]
    assert event.document.review == "in_review"
    c = last(session)
    assert (c.action, c.target, c.event_id, c.document_id, c.user_id) == ("edit", "type", event.id, document.id,
                                                                          user.id)
    assert c.document_path == document.path and c.at is not None
    assert c.before == {"type": old_type, "evidence": old_evidence}
    assert c.after == {"type": "contest", "evidence": [[start, start + 12]]}


def test_edit_event_dates_title_location_format_and_empties(db):
    session, user, document = db
    event = document.events[0]
    rv.edit_event(session, event, "date_start", " 2024-03-25 ", user)
    rv.edit_event(session, event, "date_end", "2024-03-29", user)
    rv.edit_event(session, event, "title", "  Петербургский   международный образовательный форум ", user)
    rv.edit_event(session, event, "format", "offline", user)
    rv.edit_event(session, event, "location", "", user)  # empty → null, its evidence goes with it
    event = reload(session, event)
    assert (event.date_start, event.date_end, event.format, event.location) == ("2024-03-25", "2024-03-29",
                                                                               "offline", None)
    assert event.title == "Петербургский международный образовательный форум"
    assert "location" not in event.evidence and "date" in event.evidence
    assert [(c.target, c.after.get(c.target)) for c in corrections(session)] == [
        ("date_start", "2024-03-25"), ("date_end", "2024-03-29"),
        ("title", "Петербургский международный образовательный форум"), ("format", "offline"), ("location", None)]
    rv.edit_event(session, event, "date_start", "--03-25", user)
    rv.edit_event(session, event, "date_end", None, user)
    assert (event.date_start, event.date_end) == ("--03-25", None)
    n = len(corrections(session))
    rv.edit_event(session, event, "format", " offline", user)  # the value it has: no correction
    rv.edit_event(session, event, "title", event.title + " ", user)
    assert len(corrections(session)) == n


@pytest.mark.parametrize(("field", "value", "message"), [
    ("type", "party", "Тип: ожидается одно из"),
    ("type", "", "Тип: ожидается одно из"),
    ("format", "remote", "Формат: ожидается одно из"),
    ("date_start", "25.03.2024", "не в виде ГГГГ-ММ-ДД"),
    ("date_start", "2024-13-01", "такой даты нет в календаре"),
    ("date_start", "2023-02-29", "такой даты нет в календаре"),
    ("date_end", "--02-30", "такой даты нет в календаре"),
    ("date_end", "2024-03-24", "заканчивается (2024-03-24) раньше, чем начинается (2024-03-25)"),
    ("position", "2", "Неизвестное поле события"),
    ("title", 5, "ожидается текст"),
])
def test_edit_event_refuses_bad_values_and_changes_nothing(db, field, value, message):
    session, user, document = db
    event = document.events[0]
    rv.edit_event(session, event, "date_start", "2024-03-25", user)
    session.commit()
    before = (event.type, event.format, event.date_start, event.date_end, len(corrections(session)))
    with pytest.raises(ReviewError, match=re.escape(message)):
        rv.edit_event(session, event, field, value, user)
    assert (event.type, event.format, event.date_start, event.date_end, len(corrections(session))) == before
    assert rv.valid_date("--02-29") == "--02-29"


def test_evidence_must_lie_inside_the_text_and_a_reviewer_must_act(db):
    session, user, document = db
    event = document.events[0]
    for bad in ([(5, 3)], [(0, len(NEWS) + 10)], [(-1, 4)], ["ab"], "0,4", [(True, 4)]):
        with pytest.raises(ReviewError):
            rv.edit_event(session, event, "type", "forum", user, evidence=bad)
    with pytest.raises(ReviewError, match="Войдите"):
        rv.edit_event(session, event, "type", "forum", None)
    assert corrections(session) == []


def test_add_and_delete_events_keep_positions_contiguous(db):
    session, user, document = db
    start = NEWS.index("Так, в школе")
    added = rv.add_event(session, document, user, "contest", evidence=[(start, start + 80)])
    third = rv.add_event(session, document, user)
    document = reload(session, document)
    assert positions(document) == [0, 1, 2]
    added = session.get(Event, added.id)
    assert (added.position, added.type, added.evidence) == (1, "contest", {"span": [[start, start + 80]]})
    assert session.get(Event, third.id).type == "other"
    c = corrections(session)[0]
    assert (c.action, c.target, c.event_id, c.before) == ("add", "event", added.id, None)
    assert c.after["type"] == "contest" and c.after["organisations"] == []
    with pytest.raises(ReviewError, match="Тип: ожидается одно из"):
        rv.add_event(session, document, user, "party")

    first = document.events[0]
    first_dict = rv.event_dict(first)
    rv.delete_event(session, first, user)
    document = reload(session, document)
    assert positions(document) == [0, 1] and [e.id for e in document.events] == [added.id, third.id]
    c = last(session)
    assert (c.action, c.target, c.after) == ("delete", "event", None) and c.before == first_dict
    assert session.scalar(sa.select(sa.func.count()).select_from(EventOrganisation)) == 0  # cascaded


def test_merge_events_moves_values_drops_repeats_and_renumbers(db, extracted):
    session, user, document = db
    keep = document.events[0]
    n_orgs, n_people, n_counts = len(keep.organisations), len(keep.people), len(keep.participants)
    start = NEWS.index("Форум продлится")
    other = rv.add_event(session, document, user, "forum", evidence=[(start, start + 40)])
    rv.add_organisation(session, other, user, "Петербургский дневник", "other")
    rv.add_count(session, other, user, 150, "people", "exact")  # keep has 150 people already
    rv.add_person(session, other, user, "Князева Вера", "директор школы", "speaker")  # a repeat too
    last_event = rv.add_event(session, document, user, "other")
    session.commit()
    merged = rv.merge_events(session, keep, other, user)
    assert merged is keep
    document = reload(session, document)
    keep = session.get(Event, keep.id)
    assert session.get(Event, other.id) is None
    assert positions(document) == [0, 1] and document.events[1].id == last_event.id
    assert [o.name for o in keep.organisations][-1] == "Петербургский дневник"
    assert len(keep.organisations) == n_orgs + 1 and len(keep.people) == n_people
    assert len(keep.participants) == n_counts
    for values in (keep.organisations, keep.people, keep.participants):
        assert ordinals(values) == list(range(len(values)))
    assert [start, start + 40] in keep.evidence["span"]
    c = last(session)
    assert (c.action, c.target, c.event_id) == ("merge_events", "event", keep.id)
    assert c.before["other"]["type"] == "forum" and c.before["other_id"] == other.id
    assert len(c.after["organisations"]) == n_orgs + 1

    with pytest.raises(ReviewError, match="с сам"):
        rv.merge_events(session, keep, keep, user)
    source, record = extracted["c018.txt"]
    foreign = rv.save_document(session, source, record, "paste:other").events[0]
    with pytest.raises(ReviewError, match="одного документа"):
        rv.merge_events(session, keep, foreign, user)


def test_split_event_moves_the_chosen_values_to_a_new_event_right_after(db, extracted):
    session, user, document = db
    event = document.events[0]
    tail = rv.add_event(session, document, user, "other")
    session.commit()
    org, person, count = event.organisations[0], event.people[0], event.participants[1]
    n_orgs, n_counts = len(event.organisations), len(event.participants)
    new = rv.split_event(session, event, user, organisations=[org.id], people=[str(person.id)],
                         participants=[count.id])
    document = reload(session, document)
    event, new = session.get(Event, event.id), session.get(Event, new.id)
    assert [e.id for e in document.events] == [event.id, new.id, tail.id] and positions(document) == [0, 1, 2]
    assert (new.type, new.date_start, new.date_end, new.location, new.format) == (
        event.type, event.date_start, event.date_end, event.location, event.format)
    assert new.title is None and "span" not in new.evidence and new.evidence.get("date") == event.evidence["date"]
    assert [o.id for o in new.organisations] == [org.id] and [p.id for p in new.people] == [person.id]
    assert [c.id for c in new.participants] == [count.id]
    assert len(event.organisations) == n_orgs - 1 and len(event.participants) == n_counts - 1
    for values in (event.organisations, event.people, event.participants, new.organisations, new.participants):
        assert ordinals(values) == list(range(len(values)))
    c = last(session)
    assert (c.action, c.target, c.event_id) == ("split_event", "event", event.id)
    assert c.after["new_id"] == new.id and c.after["new"]["organisations"][0]["name"] == org.name

    source, record = extracted["c018.txt"]
    foreign = rv.save_document(session, source, record, "paste:other").events[0]
    stranger = foreign.people[0] if foreign.people else foreign.organisations[0]
    kind = "people" if foreign.people else "organisations"
    with pytest.raises(ReviewError, match="не относится к этому событию"):
        rv.split_event(session, event, user, **{kind: [stranger.id]})


# --- values -------------------------------------------------------------------------------

def test_add_organisation_links_it_as_the_import_does(db):
    session, user, document = db
    event = document.events[0]
    school = next(o for o in event.organisations if "Инженерно-технологическая" in o.name)
    start = NEWS.index("школе №777")
    # another spelling of a stored organisation goes to its row; a new name makes a new row
    same = rv.add_organisation(session, event, user, "ГБОУ «ИТШ № 777»", "organizer", [(start, start + 10)])
    assert same.organisation_id == school.organisation_id
    new = rv.add_organisation(session, event, user, "  Телеканал  «Санкт-Петербург» ", "partner")
    assert new.name == "Телеканал «Санкт-Петербург»" and new.organisation_id not in (
        o.organisation_id for o in event.organisations if o is not new)
    assert session.scalar(sa.select(OrganisationAlias.id).where(
        OrganisationAlias.organisation_id == school.organisation_id, OrganisationAlias.name == "ГБОУ «ИТШ № 777»"))
    assert ordinals(event.organisations) == list(range(len(event.organisations)))
    c = corrections(session)[0]
    assert (c.action, c.target, c.before) == ("add", "organisation", None)
    assert c.after == {"name": "ГБОУ «ИТШ № 777»", "role": "organizer", "aliases": [],
                       "evidence": [[start, start + 10]], "organisation_id": school.organisation_id}
    for bad in ({"name": "  "}, {"name": "Школа № 1", "role": "sponsor"}):
        with pytest.raises(ReviewError):
            rv.add_organisation(session, event, user, **bad)


def test_add_person_and_count(db):
    session, user, document = db
    event = document.events[0]
    person = rv.add_person(session, event, user, "Иванов Пётр Сергеевич", "", "organizer")
    count = rv.add_count(session, event, user, "400", "people", "about")
    event = reload(session, event)
    assert (person.name, person.position, person.role, person.ordinal) == ("Иванов Пётр Сергеевич", None,
                                                                          "organizer", len(event.people) - 1)
    assert session.get(Person, person.person_id).name == "Иванов Пётр Сергеевич"
    assert (count.count, count.unit, count.approx) == (400, "people", "about")
    assert [(c.action, c.target) for c in corrections(session)] == [("add", "person"), ("add", "count")]
    assert last(session).after == {"count": 400, "unit": "people", "approx": "about", "evidence": []}
    for bad in (0, -3, "сто", 2.5, True, None):
        with pytest.raises(ReviewError, match="Число участников"):
            rv.add_count(session, event, user, bad)
    with pytest.raises(ReviewError, match="Единица"):
        rv.add_count(session, event, user, 5, "pupils")
    with pytest.raises(ReviewError, match="Точность"):
        rv.add_count(session, event, user, 5, "people", "roughly")
    with pytest.raises(ReviewError, match="Роль человека"):
        rv.add_person(session, event, user, "Петров Иван", role="host")


def test_edit_value_of_each_kind(db):
    session, user, document = db
    event = document.events[0]
    org, person, count = event.organisations[0], event.people[0], event.participants[0]
    old_org = org.organisation_id
    rv.edit_value(session, person, user, position="директор школы № 777", role="organizer")
    rv.edit_value(session, count, user, count="151", approx="more_than")
    rv.edit_value(session, org, user, name="Сербия", role="participant", evidence=[(10, 20)])
    event = reload(session, event)
    person, count, org = event.people[0], event.participants[0], event.organisations[0]
    assert (person.position, person.role) == ("директор школы № 777", "organizer")
    assert (count.count, count.approx) == (151, "more_than")
    assert (org.name, org.role, org.evidence) == ("Сербия", "participant", [[10, 20]])
    assert org.organisation_id != old_org  # a new name is linked again
    c = corrections(session)
    assert [(x.action, x.target) for x in c] == [("edit", "person"), ("edit", "count"), ("edit", "organisation")]
    assert c[1].before["count"] == 150 and c[1].after["count"] == 151
    rv.edit_value(session, count, user, count=151, unit="people")  # as it is: no correction
    rv.link_organisation(session, org, org.organisation, user)
    assert len(corrections(session)) == 3
    with pytest.raises(ReviewError, match="нельзя изменить name"):
        rv.edit_value(session, count, user, name="x")
    with pytest.raises(ReviewError, match="Нечего менять"):
        rv.edit_value(session, count, user)
    with pytest.raises(ReviewError, match="Имя: значение не может быть пустым"):
        rv.edit_value(session, person, user, name="")


def test_delete_value_renumbers_the_rest(db):
    session, user, document = db
    event = document.events[0]
    counts = list(event.participants)
    rv.delete_value(session, counts[1], user)
    rv.delete_value(session, event.organisations[0], user)
    event = reload(session, event)
    assert [c.count for c in event.participants] == [c.count for i, c in enumerate(counts) if i != 1]
    assert ordinals(event.participants) == list(range(len(counts) - 1))
    assert ordinals(event.organisations) == list(range(len(event.organisations)))
    first = corrections(session)[0]
    assert (first.action, first.target, first.after) == ("delete", "count", None)
    assert first.before["count"] == counts[1].count


# --- canonical organisations -----------------------------------------------------------------

def test_link_organisation_moves_the_mention_and_records_its_spelling(db):
    session, user, document = db
    event = document.events[0]
    mention = event.organisations[0]
    target = Organisation(name="ГБОУ Школа № 777 Санкт-Петербурга", key="гбоу школа №777 санкт петербурга")
    session.add(target)
    session.flush()
    rv.link_organisation(session, mention, target, user)
    mention = reload(session, mention)
    assert mention.organisation_id == target.id
    assert mention.name in {a.name for a in session.get(Organisation, target.id).aliases}
    c = last(session)
    assert (c.action, c.target, c.document_id) == ("link_organisation", "organisation", document.id)
    assert c.after["organisation_id"] == target.id and c.before["organisation_id"] != target.id


def test_merge_organisations_moves_mentions_aliases_and_people(db, extracted):
    session, user, document = db
    event = document.events[0]
    keep_id = event.organisations[0].organisation_id
    keep = session.get(Organisation, keep_id)
    # a second row for the same school, as a resolver might have left it, holding the second mention
    other = Organisation(name="ИТШ № 777 Петербурга", key="итш №777 петербурга",
                         aliases=[OrganisationAlias(name="ИТШ № 777 Петербурга", key="итш №777 петербурга"),
                                  OrganisationAlias(name=keep.aliases[0].name, key="x")])  # a shared spelling
    session.add(other)
    session.flush()
    other_id = other.id
    event.organisations[1].organisation_id = other_id
    person = session.get(Person, event.people[0].person_id)
    person.organisation_id = other_id
    session.commit()
    spellings = {a.name for a in keep.aliases} | {a.name for a in other.aliases} | {other.name}
    other_name = other.name
    rv.merge_organisations(session, keep, other, user)
    session.commit()
    session.expire_all()
    assert session.get(Organisation, other_id) is None
    keep = session.get(Organisation, keep_id)
    names = [a.name for a in keep.aliases]
    assert sorted(names) == sorted(spellings) and len(names) == len(set(names))
    assert {o.organisation_id for o in session.get(Event, event.id).organisations[:2]} == {keep_id}
    assert session.get(Person, person.id).organisation_id == keep_id
    c = last(session)
    assert (c.action, c.target, c.document_id, c.event_id) == ("merge_organisations", "organisation", None, None)
    assert c.before["other"]["name"] == other_name and c.after["organisation_id"] == keep_id
    with pytest.raises(ReviewError, match="с сам"):
        rv.merge_organisations(session, keep, keep, user)


def test_approve(db):
    session, user, document = db
    rv.approve(session, document, user)
    document = reload(session, document)
    assert document.review == "approved"
    c = last(session)
    assert (c.action, c.target, c.before, c.after) == ("approve", "document", {"review": "new"},
                                                       {"review": "approved"})
    error = Document(path="/broken.txt", imported_at=sa.func.now(), status="error", error="binary file")
    session.add(error)
    session.flush()
    with pytest.raises(ReviewError):
        rv.approve(session, error, user)


def test_a_random_run_of_changes_keeps_order_and_one_audit_row_per_change(db):
    """Forty changes picked at random: after each, positions and ordinals are 0..n-1 and exactly one
    correction was written (or none, for a ReviewError)."""
    import random

    session, user, document = db
    rng = random.Random(4)
    for step in range(40):
        events = sorted(document.events, key=lambda e: e.position)
        event = rng.choice(events)
        values = [*event.organisations, *event.people, *event.participants]
        s = rng.randrange(0, len(NEWS) - 20)
        actions = [
            lambda: rv.add_event(session, document, user, rng.choice(["forum", "contest", "other"]), [(s, s + 20)]),
            lambda: rv.add_count(session, event, user, rng.randint(1, 500), "people", "about", [(s, s + 5)]),
            lambda: rv.add_person(session, event, user, rng.choice(["Князева Вера", "Иванов Пётр"]), None, "speaker"),
            lambda: rv.edit_event(session, event, "type", rng.choice(["seminar", "webinar"]), user),
            lambda: rv.edit_event(session, event, "date_start", rng.choice(["2024-03-25", "2024-03", "1-2-3"]), user),
        ]
        if values:
            actions += [lambda: rv.delete_value(session, rng.choice(values), user),
                        lambda: rv.split_event(session, event, user, participants=[
                            v.id for v in event.participants[:1]], people=[v.id for v in event.people[:1]])]
        if len(events) > 1:
            other = rng.choice([e for e in events if e is not event])
            actions += [lambda: rv.delete_event(session, other, user),
                        lambda: rv.merge_events(session, event, other, user)]
        before = len(corrections(session))
        try:
            rng.choice(actions)()
            written = 1
        except ReviewError:
            written = 0
        session.commit()
        session.expire_all()
        assert len(corrections(session)) - before in (written, 0), f"step {step}"
        document = session.get(Document, document.id)
        assert positions(document) == list(range(len(document.events))), f"step {step}"
        for ev in document.events:
            for values in (ev.organisations, ev.people, ev.participants):
                assert ordinals(values) == list(range(len(values))), f"step {step}"
    assert document.review == "in_review" and len(corrections(session)) > 20
