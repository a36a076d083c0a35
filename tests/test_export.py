"""``report-miner export`` in its four formats, and the ``events``/``orgs`` listings with filters."""
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.pipeline import extract_source
from report_miner.read import read_path
from report_miner.records import document_to_dict

TEXTS = {
    "lyceum.txt": "14 октября на базе МАОУ «Лицей № 5» г. Томска прошёл семинар для учителей физики. "
                  "В нём приняли участие 40 педагогов.\n",
    "olympiad.txt": "20 марта 2024 года в МБОУ «Гимназия № 2» г. Раменское состоялась олимпиада по математике "
                    "для школьников. В олимпиаде участвовали 120 учащихся из 12 школ.\n",
    "webinar.txt": "5 апреля 2024 года Инженерно-технологическая школа № 777 провела вебинар «Цифровая "
                   "лаборатория в школе». Спикером выступила учитель информатики Князева Вера Владимировна. "
                   "К трансляции подключились около 300 педагогов.\n",
}
TABLES = ["documents", "events", "event_organisations", "event_people", "participant_counts"]


@pytest.fixture(scope="module")
def db(tmp_path_factory, module_db_url):
    folder = tmp_path_factory.mktemp("export")
    (folder / "in").mkdir()
    for name, text in TEXTS.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    (folder / "in" / "empty.txt").write_bytes(b"")
    url = module_db_url
    result = CliRunner().invoke(app, ["import", str(folder / "in"), "--db", url, "--workers", "1"])
    assert result.exit_code == 1, result.output  # the empty file
    return url


def run(*args):
    result = CliRunner().invoke(app, [*map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def check_tables(frames):
    assert list(frames) == TABLES
    assert len(frames["documents"]) == 4
    assert list(frames["documents"]["status"]).count("error") == 1
    events = frames["events"]
    assert sorted(events["type"]) == ["olympiad", "seminar", "webinar"]
    assert all(Path(p).name in TEXTS for p in events["path"])
    assert set(frames["event_organisations"]["event_id"]) <= set(events["event_id"])
    assert list(frames["event_people"]["person"]) == ["Князева Вера Владимировна"]
    counts = frames["participant_counts"]
    assert {(c, u) for c, u in zip(counts["count"], counts["unit"])} >= {(40, "people"), (120, "people"),
                                                                        (300, "people")}
    assert all(isinstance(json.loads(e), list) for e in counts["evidence"])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_write_one_file_per_table_into_the_folder(db, tmp_path, fmt):
    run("export", "--db", db, "--format", fmt, "--out", tmp_path / "out")
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    check_tables({t: read(tmp_path / "out" / f"{t}.{fmt}") for t in TABLES})


def test_xlsx_has_one_sheet_per_table(db, tmp_path):
    run("export", "--db", db, "--format", "xlsx", "--out", tmp_path / "all.xlsx")
    check_tables(pd.read_excel(tmp_path / "all.xlsx", sheet_name=None))


def test_jsonl_gives_each_document_in_the_exchange_schema_as_extracted(db, tmp_path):
    run("export", "--db", db, "--format", "jsonl", "--out", tmp_path / "docs.jsonl")
    frame = pd.read_json(tmp_path / "docs.jsonl", lines=True)
    assert sorted(frame["id"]) == ["lyceum", "olympiad", "webinar"]
    for line in (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        path = data.pop("path")
        assert data == document_to_dict(extract_source(read_path(path), Path(path).stem))


def test_jsonl_goes_to_standard_output_without_out(db):
    lines = run("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["events"] for line in lines)


def test_unknown_format_is_refused(db):
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "docx"])
    assert result.exit_code == 2 and "unknown format" in result.stderr


def listed(*args):
    return run(*args).stdout


def test_events_filters(db):
    everything = listed("events", "--db", db)
    assert all(t in everything for t in ("seminar", "olympiad", "webinar"))
    seminar = listed("events", "--db", db, "--type", "seminar")
    assert "seminar" in seminar and "olympiad" not in seminar
    lyceum = listed("events", "--db", db, "--org", "лицей №5")  # another spelling, lower case
    assert "seminar" in lyceum and "webinar" not in lyceum
    since = listed("events", "--db", db, "--since", "2024-04")
    assert "webinar" in since and "olympiad" not in since and "seminar" not in since  # no year: no match
    until = listed("events", "--db", db, "--until", "2024-03")
    assert "olympiad" in until and "webinar" not in until
    both = listed("events", "--db", db, "--since", "2024", "--until", "2024")
    assert "olympiad" in both and "webinar" in both
    assert listed("events", "--db", db, "--type", "festival").strip() == "no events"
    bad = CliRunner().invoke(app, ["events", "--db", db, "--since", "14.10.2024"])
    assert bad.exit_code == 2


def test_orgs_filter_searches_names_and_aliases(db):
    every = listed("orgs", "--db", db)
    assert "Гимназия № 2" in every and "Лицей № 5" in every
    gymnasium = listed("orgs", "--db", db, "--name", "ГИМНАЗИЯ №2")
    assert "Гимназия № 2" in gymnasium and "Лицей" not in gymnasium
    assert listed("orgs", "--db", db, "--name", "университет").strip() == "no organisations"
