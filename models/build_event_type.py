#!/usr/bin/env python3
"""Rebuild the learned event-type model from ``corpora/event_types/examples.jsonl``.

    python models/build_event_type.py [--folds 5] [--seed 13] [--no-dev-check]

Reports 5-fold stratified cross-validated macro-F1 and accuracy (and per-class F1), fits the
model on the whole corpus, writes ``models/event_type.joblib`` and
``models/event_type.metrics.json``. As a held-out check it also predicts the type of every
gold event of the dev set (``shared/eval/dev`` beside the repository; the event's title, plus the first 300
characters of the text for a single-event news document) and reports the share predicted
right as ``dev_check``. The dev texts are never used for training.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from report_miner.learn.event_type import (  # noqa: E402
    DEFAULT_CONFIG,
    EVENT_TYPES,
    EventTypeClassifier,
    cross_validate,
    read_examples,
)

CORPUS = ROOT / "corpora" / "event_types" / "examples.jsonl"
MODEL = ROOT / "models" / "event_type.joblib"
METRICS = ROOT / "models" / "event_type.metrics.json"
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"  # shared/ sits beside the repository

# Words that name a kind of event (stems): used only to split the dev check into titles that
# name their kind and titles that are a bare name or topic.
EVENT_WORD = re.compile(
    r"заседан|совещан|собран|совет|педсовет|конференц|чтени|вебинар|видеоконференц|онлайн-встреч|"
    r"семинар|практикум|методическ\w* д[ен]|конкурс|соревнован|чемпионат|хакатон|турнир|олимпиад|"
    r"игр[аыуе]|квиз|квест|викторин|фестивал|форум|сл[её]т|съезд|мастер-класс|открыт\w* (?:урок|заняти)|"
    r"круглы\w* стол|дискусс|экскурси|визит|церемон|подписани|награжден|вручени|курс|обучени|сбор|"
    r"стажировк|смен[аыуе]|проект|программ|ярмарк|день открытых",
    re.IGNORECASE,
)

# The shipped configuration and the training helpers live in the package (``report-miner train``
# uses them too, adding the reviewed events of a database).
CONFIG = DEFAULT_CONFIG


def read_corpus(path: Path = CORPUS) -> list[dict]:
    try:
        return read_examples(path)
    except ValueError as err:
        raise SystemExit(str(err)) from None


def dev_items(dev: Path = DEV) -> tuple[list[tuple[str, str, str, str]], int]:
    """(doc id, text, gold type, title) for every gold event with something to read; and the number
    of gold events skipped because they have neither a title nor a single-event text."""
    items, skipped = [], 0
    for gold_path in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        events = gold.get("events", [])
        text_path = dev / "texts" / f"{gold_path.stem}.txt"
        head = text_path.read_text(encoding="utf-8")[:300] if text_path.exists() else ""
        for event in events:
            title = (event.get("title") or "").strip()
            text = f"{title}. {head}" if len(events) == 1 and head else title
            if not text.strip():
                skipped += 1
                continue
            items.append((gold_path.stem, text, event["type"], title))
    return items, skipped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-dev-check", action="store_true")
    args = ap.parse_args(argv)

    rows = read_corpus()
    texts = [r["text"] for r in rows]
    labels = [r["type"] for r in rows]
    synthetic = np.array([r.get("source") == "synthetic" for r in rows])
    counts = Counter(labels)
    print(f"{len(rows)} examples ({int(synthetic.sum())} synthetic), {len(counts)} types")

    t0 = time.time()
    predicted, folds = cross_validate(texts, labels, args.folds, args.seed)
    gold = np.asarray(labels)
    macro = f1_score(gold, predicted, average="macro", zero_division=0)
    acc = accuracy_score(gold, predicted)
    per_class = f1_score(gold, predicted, labels=list(EVENT_TYPES), average=None, zero_division=0)
    real = ~synthetic
    print(f"{args.folds}-fold CV: macro-F1 {macro:.3f}  accuracy {acc:.3f}  "
          f"(folds macro-F1 {np.mean([f['macro_f1'] for f in folds]):.3f}±{np.std([f['macro_f1'] for f in folds]):.3f}; "
          f"{time.time() - t0:.1f}s)")
    print(f"  on real (non-synthetic) examples only: accuracy {accuracy_score(gold[real], predicted[real]):.3f}, "
          f"macro-F1 {f1_score(gold[real], predicted[real], average='macro', zero_division=0):.3f}")
    for label, f in zip(EVENT_TYPES, per_class):
        print(f"  {label:12s} n={counts.get(label, 0):3d}  F1 {f:.3f}")

    clf = EventTypeClassifier(**CONFIG).fit(texts, labels)
    clf.save(MODEL)
    size = MODEL.stat().st_size
    t1 = time.time()
    EventTypeClassifier.load(MODEL)
    load_s = time.time() - t1
    print(f"wrote {MODEL} ({size / 1024:.0f} KiB, loads in {load_s:.3f}s)")

    metrics = {
        "n_examples": len(rows),
        "n_synthetic": int(synthetic.sum()),
        "counts": {label: counts.get(label, 0) for label in EVENT_TYPES},
        "cv": {
            "folds": args.folds,
            "seed": args.seed,
            "macro_f1": round(float(macro), 4),
            "accuracy": round(float(acc), 4),
            "fold_macro_f1": [round(float(f["macro_f1"]), 4) for f in folds],
            "fold_accuracy": [round(float(f["accuracy"]), 4) for f in folds],
            "real_only_accuracy": round(float(accuracy_score(gold[real], predicted[real])), 4),
            "real_only_macro_f1": round(float(f1_score(gold[real], predicted[real], average="macro", zero_division=0)), 4),
        },
        "per_class_f1": {label: round(float(f), 4) for label, f in zip(EVENT_TYPES, per_class)},
        "config": {k: list(v) if isinstance(v, tuple) else v for k, v in CONFIG.items()},
        "sklearn_version": sklearn.__version__,
        "model_file": MODEL.name,
        "model_bytes": size,
        "load_seconds": round(load_s, 3),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }

    if not args.no_dev_check and (DEV / "gold").is_dir():
        items, skipped = dev_items()
        preds = clf.predict([t for _, t, _, _ in items])
        right = sum(p == g for p, (_, _, g, _) in zip(preds, items))
        confusions = Counter(f"{g}->{p}" for p, (_, _, g, _) in zip(preds, items) if p != g)
        named = [bool(EVENT_WORD.search(title)) for _, _, _, title in items]
        def share(mask):
            picked = [p == g for p, (_, _, g, _), m in zip(preds, items, named) if m == mask]
            return {"n": len(picked), "accuracy": round(sum(picked) / len(picked), 4) if picked else None}
        metrics["dev_check"] = {
            "accuracy": round(right / len(items), 4) if items else None,
            "title_names_event_kind": share(True),
            "title_is_bare_name_or_topic": share(False),
            "n_events": len(items),
            "n_right": right,
            "n_skipped_no_text": skipped,
            "macro_f1": round(float(f1_score([g for _, _, g, _ in items], preds, average="macro", zero_division=0)), 4),
            "confusions": dict(confusions.most_common()),
            "how": "gold event title (+ first 300 characters of the text for single-event documents)",
        }
        print(f"dev_check: {right}/{len(items)} = {right / max(len(items), 1):.3f} "
              f"({skipped} gold events without a title skipped)")
        print(f"  titles that name the kind of event: {metrics['dev_check']['title_names_event_kind']}; "
              f"bare names/topics: {metrics['dev_check']['title_is_bare_name_or_topic']}")
        print("  most frequent confusions:", ", ".join(f"{k} ×{v}" for k, v in confusions.most_common(8)))

    METRICS.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {METRICS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
