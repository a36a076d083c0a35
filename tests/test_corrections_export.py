"""``report-miner export --corrections``: the reviewed documents as training data, laid out like the
dev set (texts/, gold/ as corrected, extracted/ as extracted, corrections.jsonl), scorable by score.py."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.pipeline import extract_source
from report_miner.read import read_string
from report_miner.store import Organisation, OrganisationAlias, open_database
from report_miner.store import review as rv
from report_miner.store.users import add_user

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"  # shared/ sits beside the repository
NEWS = (ROOT / "corpora" / "check_news" / "texts" / "c017.txt").read_text(encoding="utf-8")
SCHOOLS = (ROOT / "corpora" / "check_news" / "texts" / "c018.txt").read_text(encoding="utf-8")
UNTOUCHED = (ROOT / "corpora" / "check_news" / "texts" / "c010.txt").read_text(encoding="utf-8")


def as_html(text: str) -> str:
    """The post as a saved page: a title, its paragraphs in <p>, an entity, a script."""
    paragraphs = "".join(f"<p>{line.replace('«', '&laquo;').replace('»', '&raquo;')}</p>\n"
                         for line in text.split("\n") if line.strip())
    return (f"<html><head><title>Новости</title><script>var x = 1;</script></head>"
            f"<body>{paragraphs}</body></html>")


@pytest.fixture(scope="module")
def sources():
    out = []
    for name, text in (("news.txt", NEWS), ("schools.html", as_html(SCHOOLS)), ("other.txt", UNTOUCHED)):
        source = read_string(text, name)
        out.append((source, extract_source(source, Path(name).stem)))
    return out


@pytest.fixture
def reviewed(db_url, sources):
    """Three saved documents: one corrected and approved, one HTML page corrected, one untouched."""
    engine = open_database(db_url)
    with Session(engine) as session:
        user = add_user(session, "Анна", "correct horse")
        news, page, other = (rv.save_document(session, s, r, f"paste:{i}") for i, (s, r) in enumerate(sources))
        event = news.events[0]
        rv.edit_event(session, event, "date_start", "2024-03-25", user)
        rv.edit_event(session, event, "date_end", "2024-03-29", user)
        rv.delete_value(session, event.participants[-1], user)  # "113 школьников из Мариуполя": another matter
        rv.approve(session, news, user)
        start = page.raw.index("около трехсот")
        rv.add_count(session, page.events[0], user, 300, "people", "about", [(start, start + len("около трехсот"))])
        first = Organisation(name="Школа А", key="школа а", aliases=[OrganisationAlias(name="Школа А", key="школа а")])
        second = Organisation(name="Школа Б", key="школа б")
        session.add_all([first, second])
        session.flush()
        rv.merge_organisations(session, first, second, user)
        session.commit()
        ids = (news.id, page.id, other.id)
        extraction = news.extraction
    yield db_url, ids, extraction
    engine.dispose()


def run_export(url, out):
    return CliRunner().invoke(app, ["export", "--corrections", "--db", url, "--out", str(out)])


def test_export_corrections_writes_the_reviewed_documents_like_the_dev_set(reviewed, tmp_path):
    url, (news, page, _), extraction = reviewed
    result = run_export(url, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "2 reviewed documents (1 approved)" in result.stdout and "6 corrections" in result.stdout
    out = tmp_path / "out"
    names = {f"doc-{news}", f"doc-{page}"}
    assert {p.stem for p in (out / "texts").glob("*.txt")} == names  # the untouched one is left out
    assert {p.stem for p in (out / "gold").glob("*.json")} == names
    assert {p.stem for p in (out / "extracted").glob("*.json")} == names

    gold = json.loads((out / "gold" / f"doc-{news}.json").read_text(encoding="utf-8"))
    extracted = json.loads((out / "extracted" / f"doc-{news}.json").read_text(encoding="utf-8"))
    assert gold["id"] == extracted["id"] == f"doc-{news}"
    assert (gold["events"][0]["date_start"], gold["events"][0]["date_end"]) == ("2024-03-25", "2024-03-29")
    assert len(gold["events"][0]["participants"]) == len(extraction["events"][0]["participants"]) - 1
    assert extracted["events"] == extraction["events"]  # a plain text: offsets as stored
    assert (out / "texts" / f"doc-{news}.txt").read_text(encoding="utf-8") == NEWS
    index = [line.split("\t") for line in (out / "sources.tsv").read_text(encoding="utf-8").splitlines()]
    assert index[0] == ["id", "path", "format", "review", "chars", "events", "corrections", "reviewers"]
    assert index[1] == [f"doc-{news}", "paste:0", "txt", "approved", str(len(NEWS)),
                        str(len(gold["events"])), "4", "Анна"]
    assert index[2][:4] == [f"doc-{page}", "paste:1", "html", "in_review"] and index[2][6:] == ["1", "Анна"]


def test_evidence_of_an_html_page_points_into_its_clean_text(reviewed, tmp_path):
    url, (_, page, _), _ = reviewed
    assert run_export(url, tmp_path / "out").exit_code == 0
    text = (tmp_path / "out" / "texts" / f"doc-{page}.txt").read_text(encoding="utf-8")
    assert "<p>" not in text and "&laquo;" not in text and "var x" not in text
    gold = json.loads((tmp_path / "out" / "gold" / f"doc-{page}.json").read_text(encoding="utf-8"))
    added = gold["events"][0]["participants"][-1]
    assert added["count"] == 300
    (s, e), = added["evidence"]
    assert text[s:e] == "около трехсот"
    for org in gold["events"][0]["organisations"]:
        for s, e in org["evidence"]:
            assert text[s:e].split()[0][:4] in org["name"] + " ".join(org["aliases"])


def test_corrections_jsonl_is_the_audit_trail(reviewed, tmp_path):
    url, (news, page, _), _ = reviewed
    assert run_export(url, tmp_path / "out").exit_code == 0
    lines = [json.loads(line) for line in (tmp_path / "out" / "corrections.jsonl").read_text("utf-8").splitlines()]
    assert [(x["action"], x["target"], x["document"]) for x in lines] == [
        ("edit", "date_start", f"doc-{news}"), ("edit", "date_end", f"doc-{news}"),
        ("delete", "count", f"doc-{news}"), ("approve", "document", f"doc-{news}"),
        ("add", "count", f"doc-{page}"), ("merge_organisations", "organisation", None)]
    first = lines[0]
    assert first["user"] == "Анна" and first["document_path"] == "paste:0" and first["document_id"] == news
    assert first["at"].endswith("+00:00") and first["after"]["date_start"] == "2024-03-25"
    assert lines[2]["before"]["count"] == 113 and lines[2]["after"] is None
    assert lines[5]["before"]["other"]["name"] == "Школа Б"


@pytest.mark.skipif(not SCORE.exists(), reason="shared/eval/score.py is not beside the repository")
def test_score_py_scores_the_machine_against_its_reviewers(reviewed, tmp_path):
    url, _, _ = reviewed
    assert run_export(url, tmp_path / "out").exit_code == 0
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(SCORE), str(out / "gold"), str(out / "extracted"), "--json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    counts = result["participants"]  # the reviewers deleted one count and added another
    assert counts["gold"] == counts["tp"] + 1 and counts["predicted"] == counts["tp"] + 1
    assert result["date"]["f1"] == 1.0  # --03-25 and 2024-03-25 agree at the machine's precision
    assert 0 < result["overall_f1"] < 1.0


def test_export_needs_a_format_or_corrections(db_url, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", db_url])
    assert result.exit_code == 2 and "--format is required" in result.stderr
    result = CliRunner().invoke(app, ["export", "--corrections", "--format", "csv", "--db", db_url])
    assert result.exit_code == 2
    empty = run_export(db_url, tmp_path / "empty")
    assert empty.exit_code == 0 and "0 reviewed documents" in empty.stdout
    assert (tmp_path / "empty" / "corrections.jsonl").read_text() == ""
