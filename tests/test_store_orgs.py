"""Canonical organisation rows: the registry member they are and their columns (legal form, kind,
number, city), filled on linking and read back by the resolver."""
import sqlalchemy as sa
from sqlalchemy.orm import Session

from report_miner.records import DocumentRecord, Event, Organisation
from report_miner.store import Document, models, open_database
from report_miner.store.convert import OrganisationLinker, add_events


def _import(engine, path, *org_names, linker=None):
    rec = DocumentRecord(path, [Event(type="seminar", organisations=[Organisation(n, "host") for n in org_names])])
    with Session(engine) as session, session.begin():
        document = Document(path=path, content_sha256=path.ljust(64, "0"), imported_at=sa.func.now(), status="ok")
        session.add(document)
        add_events(session, document, rec, linker)


def _orgs(engine):
    with Session(engine) as session:
        return [(o.name, o.registry_id, o.legal_form, o.kind, o.number, o.city)
                for o in session.scalars(sa.select(models.Organisation).order_by(models.Organisation.id))]


def test_the_issues_three_spellings_end_as_one_member_row_with_its_columns(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", "ИТШ № 777")
    _import(engine, "/b.txt", "ГБОУ «Инженерно-технологическая школа №777» Санкт-Петербурга")
    _import(engine, "/c.txt", "Инженерно-технологическая школа № 777")
    [(name, registry_id, legal_form, kind, number, city)] = _orgs(engine)
    assert name.startswith("ГБОУ «Инженерно-технологическая школа №777»")
    assert registry_id is not None and registry_id.startswith("m")
    assert (legal_form, kind, number, city) == ("ГБОУ", "школа", "777", "Санкт-Петербург")


def test_lyceum_10_of_sovetsk_and_gymnasium_10_of_novosibirsk_stay_two_rows(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", 'МАОУ "Лицей №10", г.Советск Калининградской области')
    _import(engine, "/b.txt", "МАОУ Гимназия №10, г.Новосибирск")
    _import(engine, "/c.txt", "Лицей № 10 г. Советска", "гимназия № 10 г. Новосибирска")
    orgs = _orgs(engine)
    assert [(kind, number, city) for _, _, _, kind, number, city in orgs] == [
        ("лицей", "10", "Советск"), ("гимназия", "10", "Новосибирск")]
    assert all(registry_id for _, registry_id, *_ in orgs)
    with Session(engine) as session:
        links = session.scalars(sa.select(models.EventOrganisation.organisation_id)).all()
        assert len(set(links)) == 2 and len(links) == 4


def test_a_later_mention_fills_the_city_and_the_stored_city_keeps_other_towns_out(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", "Лицей № 5")
    assert _orgs(engine) == [("Лицей № 5", None, None, "лицей", "5", None)]
    _import(engine, "/b.txt", "МАОУ «Лицей №5», г.Томск")
    assert _orgs(engine) == [("Лицей № 5", None, "МАОУ", "лицей", "5", "Томск")]
    # "Лицей № 5 г. Северска" agrees with the spelling "Лицей № 5", not with the row's city
    _import(engine, "/c.txt", "Лицей № 5 г. Северска")
    assert [o[0] for o in _orgs(engine)] == ["Лицей № 5", "Лицей № 5 г. Северска"]


def test_a_bare_numbered_name_joins_no_lyceum_when_two_cities_have_one(db_url):
    engine = open_database(db_url)
    _import(engine, "/a.txt", "Лицей № 7 г. Томска", "Лицей № 7 г. Казани")
    _import(engine, "/b.txt", "Лицей № 7")
    assert [o[0] for o in _orgs(engine)] == ["Лицей № 7 г. Томска", "Лицей № 7 г. Казани", "Лицей № 7"]


def test_a_batch_linker_sees_what_another_session_stored_meanwhile(db_url):
    engine = open_database(db_url)
    linker = OrganisationLinker()
    _import(engine, "/a.txt", "МБОУ «Гимназия № 3» г. Томска", linker=linker)
    with Session(engine) as session, session.begin():    # a reviewer, say, adds a school
        session.add(models.Organisation(name="МАОУ «Лицей № 8» г. Томска", key="лицей 8 томск"))
    _import(engine, "/b.txt", "Лицей № 8 г. Томска", "Гимназия № 3 г. Томска", linker=linker)
    assert [row[0] for row in _orgs(engine)] == ["МБОУ «Гимназия № 3» г. Томска", "МАОУ «Лицей № 8» г. Томска"]


def test_a_batch_linker_forgets_the_rows_of_a_rolled_back_document(db_url):
    engine = open_database(db_url)
    linker = OrganisationLinker()
    try:
        with Session(engine) as session, session.begin():
            document = Document(path="/a.txt", content_sha256="a" * 64, imported_at=sa.func.now(), status="ok")
            session.add(document)
            add_events(session, document, DocumentRecord("/a.txt", [Event(
                type="seminar", organisations=[Organisation("МБОУ «Гимназия № 3» г. Томска", "host")])]), linker)
            raise RuntimeError("the document's transaction fails")
    except RuntimeError:
        pass
    _import(engine, "/b.txt", "МБОУ «Гимназия № 3» г. Томска", linker=linker)
    assert [row[0] for row in _orgs(engine)] == ["МБОУ «Гимназия № 3» г. Томска"]
