"""``report-miner train``: the event-type model rebuilt from a corpus plus the reviewed events."""
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from report_miner.cli import app
from report_miner.export import reviewed_type_examples
from report_miner.learn.event_type import EventTypeClassifier, event_text, read_examples
from report_miner.pipeline import extract_source
from report_miner.read import read_string
from report_miner.store import open_database
from report_miner.store import review as rv
from report_miner.store.users import add_user

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "corpora" / "check_news" / "texts"


@pytest.fixture(scope="module")
def posts():
    """Three real posts, extracted once: a forum (c017), a forum of pupils (c018), another (c010)."""
    out = {}
    for name in ("c017", "c018", "c010"):
        source = read_string((TEXTS / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt")
        out[name] = (source, extract_source(source, name))
    return out


@pytest.fixture
def tiny_corpus(tmp_path):
    """Eight examples each of four types from the shipped corpus."""
    taken: dict[str, int] = {}
    rows = []
    for row in read_examples():
        if row["type"] in ("contest", "forum", "seminar", "meeting") and taken.get(row["type"], 0) < 8:
            taken[row["type"]] = taken.get(row["type"], 0) + 1
            rows.append(row)
    path = tmp_path / "examples.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def reviewed_db(db_url, posts):
    """c017 retyped by a reviewer (in review), c018 approved as it is, c010 only edited elsewhere."""
    engine = open_database(db_url)
    with Session(engine) as session:
        user = add_user(session, "reviewer", "correct horse")
        docs = {name: rv.save_document(session, s, r, f"paste:{name}") for name, (s, r) in posts.items()}
        rv.edit_event(session, docs["c017"].events[0], "type", "contest", user)
        rv.approve(session, docs["c018"], user)
        rv.edit_event(session, docs["c010"].events[0], "format", "offline", user)  # no type reviewed
        session.commit()
        ids = {name: [e.id for e in d.events] for name, d in docs.items()}
    yield db_url, ids
    engine.dispose()


def test_reviewed_examples_are_retyped_events_and_events_of_approved_documents(reviewed_db):
    url, ids = reviewed_db
    examples = reviewed_type_examples(open_database(url))
    by_source = {e["source"]: e for e in examples}
    retyped = by_source[f"review:doc-1/event-{ids['c017'][0]}"]
    assert retyped["type"] == "contest"
    assert retyped["text"].startswith("В Петербурге прошел первый день Международного форума для педагогов")
    approved = [e for e in examples if e["source"].startswith("review:doc-2/")]
    assert len(approved) == len(ids["c018"]) and all(e["text"] for e in approved)
    assert "Смоленские школьники" in approved[0]["text"]
    assert not any(e["source"].startswith("review:doc-3/") for e in examples)


def test_train_writes_a_model_that_loads_and_predicts(reviewed_db, tiny_corpus, tmp_path):
    url, _ = reviewed_db
    out = tmp_path / "models" / "event_type.joblib"
    result = CliRunner().invoke(app, ["train", "--db", url, "--corpus", str(tiny_corpus), "--out", str(out),
                                      "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert "examples: 32 from the corpus, 2 reviewed events from the database" in result.stdout
    assert "contest 9" in result.stdout and "3-fold CV: macro-F1 " in result.stdout
    model = EventTypeClassifier.load(out)
    assert set(model.classes_) == {"contest", "forum", "seminar", "meeting"}
    assert model.predict(["Районный конкурс чтецов среди школьников"]) == ["contest"]
    metrics = json.loads(out.with_name("event_type.metrics.json").read_text(encoding="utf-8"))
    assert metrics["n_examples"] == 34 and metrics["n_reviewed"] == 2 and metrics["cv"]["folds"] == 3
    assert set(metrics["per_class_f1"]) == {"contest", "forum", "seminar", "meeting"}


def test_train_reports_a_bad_corpus(db_url, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Семинар для учителей", "type": "party"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", "--db", db_url, "--corpus", str(bad), "--out",
                                      str(tmp_path / "m.joblib")])
    assert result.exit_code == 2 and "line 1" in result.stderr
    assert not (tmp_path / "m.joblib").exists()


HEADLINE = "В Томске прошёл семинар для учителей физики"
POST = (f"{HEADLINE}\n\n14 октября на базе лицея № 5 собрались 40 педагогов.\nОни обсудили лабораторные работы.\n"
        "Четвёртая строка не входит в начало.\n")


def test_event_text_reads_what_the_classifier_reads():
    span = [[0, len(POST)]]
    head = event_text(POST, {"span": span}, single=True)
    assert head.startswith(HEADLINE) and "Они обсудили" in head and "Четвёртая" not in head
    # an item or a row: its first line only
    assert event_text(POST, {"span": span}, single=False) == HEADLINE
    # a type word outside the head: the sentence holding it
    s = POST.index("Четвёртая")
    assert event_text(POST, {"span": [[0, 10]], "type": [[s, s + 9]]}, single=False) == \
        "Четвёртая строка не входит в начало."
    # a title outside the head goes first; no evidence, no text
    t = POST.index("лабораторные работы")
    assert event_text(POST, {"span": span, "title": [[t, t + 19]]}, single=False) == \
        f"лабораторные работы {HEADLINE}"
    assert event_text(POST, {}, single=True) == ""
