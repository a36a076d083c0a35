"""The database schema: created by the Alembic migration, cascades, canonical rows."""
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.orm import Session

from report_miner.records import Count, DocumentRecord, Event, Organisation, Person
from report_miner.store import Base, Document, models, open_database
from report_miner.store.convert import add_events, document_record
from report_miner.store.keys import name_key

TABLES = {"documents", "events", "organisations", "organisation_aliases", "event_organisations", "people",
          "event_people", "participant_counts"}


def record(org_name="МАОУ «Лицей № 5» г. Томска", count=40):
    return DocumentRecord("lyceum", [Event(
        type="seminar", title="Физика в школе", date_start="2024-10-14", format="offline", location="Томск",
        organisations=[Organisation(org_name, "host", ["Лицей № 5"], [(19, 45)])],
        people=[Person("Иванов Пётр Сергеевич", "директор", "speaker", [(60, 81)])],
        participants=[Count(count, "people", "exact", [(100, 112)])],
        evidence={"date": [(0, 10)], "type": [(50, 57)]})])


def add_document(engine, path, rec):
    with Session(engine) as session, session.begin():
        document = Document(path=path, content_sha256=path.ljust(64, "0"), imported_at=sa.func.now(),
                            status="ok", text="...")
        session.add(document)
        add_events(session, document, rec)
        session.flush()
        return document.id


def counts(engine):
    with engine.connect() as connection:
        return {t: connection.scalar(sa.select(sa.func.count()).select_from(sa.table(t))) for t in sorted(TABLES)}


def test_migration_creates_the_schema_of_the_models(db_url):
    engine = open_database(db_url)
    with engine.connect() as connection:
        assert set(sa.inspect(connection).get_table_names()) == TABLES | {"users", "corrections", "alembic_version"}
        assert connection.scalar(sa.text("select version_num from alembic_version")) == "0003"
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        fks = sa.inspect(connection).get_foreign_keys("event_organisations")
        assert {fk["referred_table"]: fk["options"].get("ondelete") for fk in fks} == {
            "events": "CASCADE", "organisations": None}
    open_database(db_url)  # opening again is a no-op upgrade


def test_deleting_a_document_cascades_to_its_records_but_keeps_canonical_rows(db_url):
    engine = open_database(db_url)
    doc_id = add_document(engine, "/a.txt", record())
    assert all(n == 1 for t, n in counts(engine).items() if t != "organisation_aliases")
    with engine.begin() as connection:
        connection.execute(sa.delete(models.Document).where(models.Document.id == doc_id))
    assert counts(engine) == {"documents": 0, "events": 0, "event_organisations": 0, "event_people": 0,
                              "participant_counts": 0, "organisations": 1, "organisation_aliases": 2,
                              "people": 1}


def test_one_canonical_organisation_per_normalised_name_with_every_spelling_as_alias(db_url):
    engine = open_database(db_url)
    add_document(engine, "/a.txt", record("МАОУ «Лицей № 5» г. Томска"))
    add_document(engine, "/b.txt", record("МАОУ Лицей №5 г.Томска"))
    add_document(engine, "/c.txt", record("Гимназия № 2"))
    with Session(engine) as session:
        orgs = session.scalars(sa.select(models.Organisation).order_by(models.Organisation.id)).all()
        assert [o.name for o in orgs] == ["МАОУ «Лицей № 5» г. Томска", "Гимназия № 2"]
        assert sorted(a.name for a in orgs[0].aliases) == ["Лицей № 5", "МАОУ «Лицей № 5» г. Томска",
                                                           "МАОУ Лицей №5 г.Томска"]
        assert session.scalar(sa.select(sa.func.count()).select_from(models.Person)) == 1


def test_stored_rows_give_back_the_record_with_its_evidence(db_url):
    engine = open_database(db_url)
    doc_id = add_document(engine, "/a.txt", record())
    with Session(engine) as session:
        assert document_record(session.get(models.Document, doc_id), "lyceum") == record()


def test_name_key_follows_the_scorer_normalisation():
    assert name_key("МАОУ «Лицей № 5» г. Томска") == name_key("маоу лицей №5 г томска") == "маоу лицей №5 г томска"
    assert name_key("Королёв") == "королев"
