"""report-miner's entity layer next to natasha's own NER on a factRuEval-2016 JSON Lines file.

    python benchmarks/factru_entities.py [GOLD.jsonl]   (default: dev_naeval.jsonl)

Both sides predict ORG/PER/LOC spans for every document of the same file in one run; both are
scored with the benchmark's own ``score_ner.py`` (exact and overlap P/R/F1 per type and micro)
and timed over the documents only, after their models are loaded and one document is warmed up.
Tune on dev_naeval.jsonl; run test_naeval.jsonl only to confirm.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

FACTRU = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "factru"


def load_score_ner():
    sys.path.insert(0, str(FACTRU))
    import score_ner
    return score_ner


def predict_report_miner(docs: list[dict]) -> tuple[dict, float]:
    from report_miner.entities import find_entities

    find_entities(docs[0]["text"])
    t0 = time.perf_counter()
    pred = {d["id"]: (d["text"], find_entities(d["text"])) for d in docs}
    return pred, time.perf_counter() - t0


def predict_natasha(docs: list[dict]) -> tuple[dict, float]:
    """natasha's documented NER pipeline: Segmenter, NewsEmbedding, NewsNERTagger."""
    import report_miner.morph  # noqa: F401  (natasha on pymorphy3)
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def spans(text: str) -> list[tuple[int, int, str]]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [(s.start, s.stop, s.type) for s in doc.spans]

    spans(docs[0]["text"])
    t0 = time.perf_counter()
    pred = {d["id"]: (d["text"], spans(d["text"])) for d in docs}
    return pred, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(FACTRU / "dev_naeval.jsonl"))
    args = ap.parse_args(argv)
    score_ner = load_score_ner()
    gold = score_ner.load_jsonl(args.gold, "gold")
    docs = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = sum(len(d["text"]) for d in docs)
    print(f"{args.gold}: {len(docs)} documents, {chars} characters")
    for name, predict in (("natasha", predict_natasha), ("report-miner", predict_report_miner)):
        pred, seconds = predict(docs)
        print(f"\n=== {name}: {seconds:.2f} s, {chars / seconds:,.0f} chars/s")
        score_ner.print_table(score_ner.score(gold, pred))
    return 0


if __name__ == "__main__":
    sys.exit(main())
