"""The exchange schema round trip and the extract command, bad input included."""
import json
import subprocess
import sys

from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.records import (Count, DocumentRecord, Event, Organisation, Person, document_from_dict,
                                  document_to_dict)

NEWS = ("В Казани прошёл форум молодых педагогов\n\n"
        "14 октября на базе Казанского федерального университета прошёл форум «Педагог будущего». "
        "Его открыла директор МАОУ «Лицей № 5» Анна Петровна Смирнова. "
        "Участниками стали более 200 учителей из 15 районов республики.\n")


def test_schema_round_trip_keeps_every_value_and_its_evidence():
    record = DocumentRecord("n1", [Event(
        type="forum", title="Педагог будущего", date_start="2023-10-14", format="offline", location="Казань",
        organisations=[Organisation("Казанский федеральный университет", "host", ["КФУ"], [(40, 70)])],
        people=[Person("Смирнова Анна Петровна", "директор", "speaker", [(100, 124)])],
        participants=[Count(200, "people", "more_than", [(150, 163)])],
        evidence={"date": [(41, 51)]})])
    data = json.loads(json.dumps(document_to_dict(record)))
    assert document_from_dict(data) == record
    assert data["events"][0]["participants"][0] == {"count": 200, "unit": "people", "approx": "more_than",
                                                    "evidence": [[150, 163]]}


def test_extract_writes_one_json_per_input_and_reports_bad_files(tmp_path):
    good = tmp_path / "news.txt"
    good.write_text(NEWS, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(empty), str(good), str(binary), "--out-dir", str(out)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "photo.txt" in result.stderr
    assert "Traceback" not in result.output
    data = json.loads((out / "news.json").read_text(encoding="utf-8"))
    assert data["id"] == "news" and len(data["events"]) == 1
    event = data["events"][0]
    assert event["type"] == "forum"
    assert {"count": 200, "unit": "people"}.items() <= event["participants"][0].items()
    start, end = event["participants"][0]["evidence"][0]
    assert "200" in NEWS[start:end]


def test_extract_reads_cp1251_and_maps_evidence_to_the_file_text(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(NEWS.replace("\n", "\r\n").encode("cp1251"))
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout)["events"][0]
    raw = path.read_bytes().decode("cp1251")
    start, end = event["participants"][0]["evidence"][0]
    assert "200" in raw[start:end]


def test_extract_reads_standard_input():
    proc = subprocess.run([sys.executable, "-m", "report_miner", "extract", "-"], input=NEWS,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["events"][0]["type"] == "forum"
