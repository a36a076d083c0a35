"""``report-miner import``: folders, error rows, idempotence, replacement, resuming, workers."""
import json

import sqlalchemy as sa
from typer.testing import CliRunner

from report_miner import importer
from report_miner.cli import app
from report_miner.store import open_database

TABLES = ("documents", "events", "organisations", "organisation_aliases", "event_organisations", "people",
          "event_people", "participant_counts")

LYCEUM = ("14 октября на базе МАОУ «Лицей № 5» г. Томска прошёл семинар для учителей физики. "
          "В нём приняли участие 40 педагогов.\n")
OLYMPIAD = ("20 марта 2024 года в МБОУ «Гимназия № 2» г. Раменское состоялась олимпиада по математике для "
            "школьников. В олимпиаде участвовали 120 учащихся из 12 школ.\n")
WEBINAR = ("5 апреля 2024 года Инженерно-технологическая школа № 777 провела вебинар «Цифровая лаборатория "
           "в школе». Спикером выступила учитель информатики Князева Вера Владимировна. "
           "К трансляции подключились около 300 педагогов.\n")
FORUM = ("<html><body><h1>Форум в Казани</h1><p>12 ноября 2024 года в Казанском федеральном университете "
         "прошёл форум «Педагог будущего». Участниками стали более 200 учителей из 15 районов.</p></body></html>")


def write_corpus(folder):
    """Four news files (one cp1251, one HTML in a subfolder), an empty and a binary file, a skipped .md."""
    (folder / "reports").mkdir(parents=True)
    (folder / "lyceum.txt").write_text(LYCEUM, encoding="utf-8")
    (folder / "olympiad.txt").write_bytes(OLYMPIAD.replace("\n", "\r\n").encode("cp1251"))
    (folder / "webinar.text").write_text(WEBINAR, encoding="utf-8")
    (folder / "reports" / "forum.html").write_text(FORUM, encoding="utf-8")
    (folder / "reports" / "empty.txt").write_bytes(b"")
    (folder / "reports" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    return folder


def run_import(*args):
    return CliRunner().invoke(app, ["import", *map(str, args)])


def counts(url):
    with open_database(url).connect() as connection:
        return {t: connection.scalar(sa.select(sa.func.count()).select_from(sa.table(t))) for t in TABLES}


def rows(url, query, **params):
    with open_database(url).connect() as connection:
        return [tuple(r) for r in connection.execute(sa.text(query), params)]


def test_import_stores_documents_events_and_one_error_row_per_bad_file(tmp_path, db_url):
    corpus, url = write_corpus(tmp_path / "in"), db_url
    result = run_import(corpus, "--db", url, "--workers", "1")
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "empty.txt: empty file" in result.stderr and "photo.txt: binary file" in result.stderr
    assert "6 seen, 4 imported, 0 skipped as already imported, 0 replaced, 2 errors" in result.stdout
    assert "import: 6/6 files" in result.stderr  # the progress line on a non-terminal
    documents = rows(url, "select path, status, error, format, encoding from documents order by path")
    assert [(p.rsplit("/", 1)[1], s) for p, s, *_ in documents] == [
        ("lyceum.txt", "ok"), ("olympiad.txt", "ok"), ("empty.txt", "error"), ("forum.html", "ok"),
        ("photo.txt", "error"), ("webinar.text", "ok")]
    assert {p.rsplit("/", 1)[1]: (f, e) for p, s, _, f, e in documents if s == "ok"}["olympiad.txt"] == (
        "txt", "cp1251")
    events = rows(url, "select type, date_start from events order by date_start")
    assert events == [("seminar", "--10-14"), ("olympiad", "2024-03-20"), ("webinar", "2024-04-05"),
                      ("forum", "2024-11-12")]
    assert (40, "people") in rows(url, "select count, unit from participant_counts")
    assert rows(url, "select name from people") == [("Князева Вера Владимировна",)]


def test_evidence_points_into_the_files_text(tmp_path, db_url):
    corpus, url = write_corpus(tmp_path / "in"), db_url
    run_import(corpus, "--db", url)
    (text, raw, evidence), = rows(url, "select d.text, d.raw, c.evidence from participant_counts c join events e "
                                       "on e.id = c.event_id join documents d on d.id = e.document_id "
                                       "where c.count = 200")
    if isinstance(evidence, str):  # SQLite gives JSON columns of a raw query as text, psycopg decodes them
        evidence = json.loads(evidence)
    start, end = evidence[0]
    assert "200" in raw[start:end] and raw.startswith("<html>") and "<" not in text


def test_a_second_import_of_the_same_files_adds_nothing(tmp_path, db_url):
    corpus, url = write_corpus(tmp_path / "in"), db_url
    run_import(corpus, "--db", url, "--workers", "1")
    before = counts(url)
    result = run_import(corpus, "--db", url, "--workers", "1")
    assert counts(url) == before
    assert "4 skipped as already imported" in result.stdout
    assert "0 events" in result.stdout
    assert result.exit_code == 1  # the two bad files are tried again and fail again


def test_a_changed_file_replaces_its_old_records(tmp_path, db_url):
    corpus, url = write_corpus(tmp_path / "in"), db_url
    run_import(corpus, "--db", url)
    before = counts(url)
    (corpus / "lyceum.txt").write_text(LYCEUM.replace("40 педагогов", "55 педагогов"), encoding="utf-8")
    result = run_import(corpus, "--db", url)
    assert "3 skipped as already imported, 1 replaced" in result.stdout
    assert counts(url) == before
    lyceum = ("select c.count from participant_counts c join events e on e.id = c.event_id "
              "join documents d on d.id = e.document_id where d.path like '%lyceum.txt'")
    assert rows(url, lyceum) == [(55,)]


def test_an_interrupted_import_resumes_to_the_rows_of_an_uninterrupted_one(tmp_path, monkeypatch, new_db_url):
    corpus = write_corpus(tmp_path / "in")
    whole, resumed = new_db_url(), new_db_url()
    run_import(corpus, "--db", whole)

    real_add_events, calls = importer.add_events, []

    def killed_on_third_document(session, document, record, linker=None):
        calls.append(document.path)
        created = real_add_events(session, document, record, linker)
        session.flush()  # its rows are in the database's transaction when the "kill" comes
        if len(calls) == 3:
            raise KeyboardInterrupt
        return created

    monkeypatch.setattr(importer, "add_events", killed_on_third_document)
    result = run_import(corpus, "--db", resumed)
    assert result.exit_code == 130  # click's status for an interrupt
    half = counts(resumed)
    assert 0 < half["documents"] < counts(whole)["documents"]
    assert rows(resumed, "select count(*) from documents where path = :p", p=calls[-1]) == [(0,)]
    monkeypatch.undo()

    run_import(corpus, "--db", resumed)
    assert counts(resumed) == counts(whole)
    events = "select d.path, e.type, e.date_start, e.title from events e join documents d on d.id = e.document_id"
    assert sorted(rows(resumed, events)) == sorted(rows(whole, events))


def test_two_workers_store_the_same_rows_as_one(tmp_path, new_db_url):
    corpus = write_corpus(tmp_path / "in")
    one, two = new_db_url(), new_db_url()
    run_import(corpus, "--db", one, "--workers", "1")
    result = run_import(corpus, "--db", two, "--workers", "2")
    assert result.exit_code == 1 and "4 imported" in result.stdout, result.output
    assert counts(two) == counts(one)
    query = ("select d.path, d.status, e.type, e.date_start, e.title, e.evidence from documents d "
             "left join events e on e.document_id = d.id")
    assert sorted(rows(two, query), key=repr) == sorted(rows(one, query), key=repr)


def test_duplicate_content_and_missing_paths(tmp_path, db_url):
    corpus, url = tmp_path / "in", db_url
    corpus.mkdir()
    (corpus / "a.txt").write_text(LYCEUM, encoding="utf-8")
    (corpus / "copy.txt").write_text(LYCEUM, encoding="utf-8")
    result = run_import(corpus, tmp_path / "nowhere", "--db", url)
    assert result.exit_code == 1
    assert "nowhere: no such file or folder" in result.stderr
    assert "2 seen, 1 imported, 1 skipped as already imported" in result.stdout
    assert counts(url)["documents"] == 1


def test_a_bad_database_url_is_one_line_and_status_2(tmp_path):
    (tmp_path / "a.txt").write_text(LYCEUM, encoding="utf-8")
    result = run_import(tmp_path / "a.txt", "--db", "nosuchdb://x")
    assert result.exit_code == 2 and "cannot open database" in result.stderr
    assert "Traceback" not in result.output
