"""Speed and peak memory of ``report-miner extract`` next to natasha's own pipeline, on the same files.

    python benchmarks/speed.py [FILES...]      (default: the dev set texts)

Each side runs in its own child process so that its peak RSS is its own: models are loaded
first (timed apart), then every file is processed once after one warm-up file.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEV_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "texts"


def run_report_miner(paths: list[str]) -> dict:
    t0 = time.perf_counter()
    from report_miner.nlp import models
    from report_miner.pipeline import extract_source
    from report_miner.read import read_path
    models()
    extract_source(read_path(paths[0]), "warm-up")
    load = time.perf_counter() - t0
    sources = [read_path(p) for p in paths]
    t1 = time.perf_counter()
    events = sum(len(extract_source(s, Path(s.name).stem).events) for s in sources)
    return {"load_s": load, "process_s": time.perf_counter() - t1, "events": events,
            "chars": sum(len(s.text) for s in sources)}


def run_natasha(paths: list[str]) -> dict:
    """natasha's documented pipeline: segment, morphology, syntax, NER, span normalisation."""
    t0 = time.perf_counter()
    import report_miner.morph  # noqa: F401  (natasha on pymorphy3)
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    emb = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    load = time.perf_counter() - t0
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in paths]
    t1 = time.perf_counter()
    spans = 0
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for span in doc.spans:
            span.normalize(vocab)
        spans += len(doc.spans)
    return {"load_s": load, "process_s": time.perf_counter() - t1, "spans": spans,
            "chars": sum(map(len, texts))}


def child(which: str, paths: list[str]) -> None:
    result = (run_report_miner if which == "report-miner" else run_natasha)(paths)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2:])
        return
    paths = argv or sorted(str(p) for p in DEV_TEXTS.glob("*.txt"))
    print(f"{len(paths)} files")
    print(f"{'pipeline':14} {'load s':>7} {'process s':>10} {'chars/s':>9} {'peak RSS MiB':>13}")
    for which in ("report-miner", "natasha"):
        out = subprocess.run([sys.executable, __file__, "--child", which, *paths],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{which:14} {r['load_s']:7.2f} {r['process_s']:10.2f} {r['chars'] / r['process_s']:9.0f} "
              f"{r['peak_rss_mib']:13.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
