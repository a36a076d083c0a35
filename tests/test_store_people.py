"""Canonical people rows: one per person across documents, named in full, namesakes apart."""
import sqlalchemy as sa
from sqlalchemy.orm import Session

from report_miner.records import DocumentRecord, Event, Organisation, Person
from report_miner.store import Document, models, open_database
from report_miner.store.convert import add_events, link_organisation, link_person


def _import(engine, path, people, organisations=()):
    rec = DocumentRecord(path, [Event(type="seminar", organisations=[Organisation(n, "host") for n in organisations],
                                      people=[Person(name, position, "speaker") for name, position in people])])
    with Session(engine) as session, session.begin():
        document = Document(path=path, content_sha256=path.ljust(64, "0"), imported_at=sa.func.now(), status="ok")
        session.add(document)
        return add_events(session, document, rec)


def _people(engine):
    with Session(engine) as session:
        return [(p.name, p.surname, p.first_name, p.patronymic, p.organisation.name if p.organisation else None)
                for p in session.scalars(sa.select(models.Person).order_by(models.Person.id))]


def _links(engine):
    with Session(engine) as session:
        return session.execute(sa.select(models.EventPerson.name, models.EventPerson.person_id)
                               .order_by(models.EventPerson.id)).all()


def test_initials_then_the_full_name_are_one_person_renamed_in_full(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", [("Князева В.В.", None)])
    assert _people(engine) == [("Князева В.В.", "Князева", "В.", "В.", None)]
    created = _import(engine, "/b.txt", [("Князева Вера Владимировна", "директор ГБОУ «ИТШ № 777»")],
                      ["ГБОУ «Инженерно-технологическая школа №777» Санкт-Петербурга"])
    assert created["people"] == 0
    [(name, surname, first, patronymic, organisation)] = _people(engine)
    assert (name, surname, first, patronymic) == ("Князева Вера Владимировна", "Князева", "Вера", "Владимировна")
    assert organisation.startswith("ГБОУ «Инженерно-технологическая школа №777»")
    assert len({person_id for _, person_id in _links(engine)}) == 1
    position = "президент Консорциума, директор Инженерно-технологической школы № 777 Санкт-Петербурга"
    _import(engine, "/c.txt", [("Князева В. В.", position)])
    assert len(_people(engine)) == 1


def test_namesakes_of_two_schools_are_two_people_and_a_bare_mention_joins_neither(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", [("Иванова Елена Петровна", "директор МАОУ «Лицей № 5» г. Томска")],
            ["МАОУ «Лицей № 5» г. Томска"])
    _import(engine, "/b.txt", [("Иванова Елена Петровна", "учитель МБОУ «Гимназия № 2» г. Раменское")])
    _import(engine, "/c.txt", [("Иванова Елена Петровна", "директор лицея № 5 г. Томска")])
    _import(engine, "/d.txt", [("Иванова Е. П.", None)])
    people = _people(engine)
    assert [p[0] for p in people] == ["Иванова Елена Петровна", "Иванова Елена Петровна", "Иванова Е. П."]
    # the row of the school stored as an organisation; a school only named in a position makes no row
    assert [p[4] for p in people] == ["МАОУ «Лицей № 5» г. Томска", None, None]
    ids = [person_id for _, person_id in _links(engine)]
    assert ids[0] == ids[2] and len(set(ids)) == 3


def test_gender_forms_and_other_first_names_are_other_people(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", [("Иванов Пётр Сергеевич", None), ("Князева Вера Владимировна", None)])
    _import(engine, "/b.txt", [("Иванова Пётра Сергеевна", None), ("Князева Наталья", None),
                               ("Князева Вера Владимировна", None)])
    assert [p[0] for p in _people(engine)] == ["Иванов Пётр Сергеевич", "Князева Вера Владимировна",
                                               "Иванова Пётра Сергеевна", "Князева Наталья"]


def test_one_mention_links_as_the_import_links(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", [("Князева Вера Владимировна", "директор ГБОУ «ИТШ № 777»")], ["ИТШ № 777"])
    with Session(engine) as session, session.begin():
        person, new = link_person(session, Person("Князева В. В.", None, "speaker"))
        assert (person.name, new) == ("Князева Вера Владимировна", False)
        organisation, new = link_organisation(session, Organisation("Инженерно-технологическая школа № 777", "host"))
        assert (organisation.id, new) == (person.organisation_id, False)
        person, new = link_person(session, Person("Иванова Елена Петровна", "учитель гимназии № 2", "speaker"))
        assert new and person.organisation_id is None
