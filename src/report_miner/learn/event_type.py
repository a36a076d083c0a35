"""The learned event-type classifier: a text about one event -> one of the schema's 16 types.

A small scikit-learn model in the fit/predict shape::

    clf = EventTypeClassifier(C=10.0).fit(texts, labels)
    clf.predict(["Онлайн-викторина по математике для 5 классов"])        # -> ["game"]
    clf.predict_proba(["..."])                                             # -> [{"game": 0.71, ...}]
    clf.save("models/event_type.joblib"); EventTypeClassifier.load(...)

Features: TF-IDF over word stems (a word cut to its first ``stem_len`` letters, which is how
Russian inflection is mostly shed without a morphological analyser; unigrams and bigrams) joined
with TF-IDF over character n-grams inside word boundaries (``char_wb``), fed to a
class-balanced logistic regression. Text is lower-cased, ``ё`` becomes ``е``, quotes and
dashes are unified and digits become ``0``.

The saved file holds a plain header (format, scikit-learn version, configuration, labels,
date) and the pickled pipeline as bytes, so the version is checked before anything of
scikit-learn is unpickled: a model built by another scikit-learn version is refused with a
message to rebuild it (``python models/build_event_type.py``).

``load_default()`` loads ``models/event_type.joblib`` of this checkout (or of the directory
named by ``REPORT_MINER_MODELS``).
"""
from __future__ import annotations

import os
import pickle
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

EVENT_TYPES = (
    "meeting", "conference", "webinar", "seminar", "contest", "olympiad", "game", "festival",
    "forum", "masterclass", "round_table", "excursion", "ceremony", "training", "project", "other",
)
FORMAT = "report_miner.event_type/1"
MODEL_FILE = "event_type.joblib"
REBUILD_HINT = "rebuild it with: python models/build_event_type.py"

_QUOTES = re.compile(r"[«»„“”‟\"'`’‘]")
_DASHES = re.compile(r"[‐‑‒–—―]")
_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[a-zа-я0]+(?:-[a-zа-я0]+)*")


def normalize(text: str) -> str:
    """Lower case, ``ё`` -> ``е``, one kind of quote and dash, digits -> ``0``, single spaces."""
    text = (text or "").lower().replace("ё", "е")
    text = _QUOTES.sub('"', text)
    text = _DASHES.sub("-", text)
    text = _DIGITS.sub("0", text)
    return _SPACES.sub(" ", text).strip()


class StemTokenizer:
    """Words of a normalised text cut to their first ``stem_len`` letters (picklable)."""

    def __init__(self, stem_len: int = 6):
        self.stem_len = stem_len

    def __call__(self, text: str) -> list[str]:
        n = self.stem_len
        return [w[:n] if n else w for w in _WORD.findall(text)]


@dataclass
class EventTypeConfig:
    """Everything that defines the model; stored in the model file."""

    stem_len: int = 6                        # letters kept of each word (0: whole words)
    word_ngram_range: tuple[int, int] = (1, 2)
    char_ngram_range: tuple[int, int] = (3, 5)
    min_df: int = 1                          # for both vectorizers
    max_char_features: int | None = 40000    # caps the model size
    sublinear_tf: bool = True
    word_weight: float = 1.0                 # weights of the two feature blocks
    char_weight: float = 1.0
    C: float = 10.0                          # inverse regularisation of the logistic regression
    class_weight: str | None = "balanced"
    max_iter: int = 3000
    extra: dict = field(default_factory=dict)


class EventTypeClassifier:
    """Event type of a short text (headline, first paragraph, a report's row)."""

    def __init__(
        self,
        stem_len: int = 6,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (3, 5),
        min_df: int = 1,
        max_char_features: int | None = 40000,
        sublinear_tf: bool = True,
        word_weight: float = 1.0,
        char_weight: float = 1.0,
        C: float = 10.0,
        class_weight: str | None = "balanced",
        max_iter: int = 3000,
    ):
        self.config = EventTypeConfig(
            stem_len=stem_len,
            word_ngram_range=tuple(word_ngram_range),
            char_ngram_range=tuple(char_ngram_range),
            min_df=min_df,
            max_char_features=max_char_features,
            sublinear_tf=sublinear_tf,
            word_weight=word_weight,
            char_weight=char_weight,
            C=C,
            class_weight=class_weight,
            max_iter=max_iter,
        )
        self.pipeline: Pipeline | None = None
        self.meta: dict = {}

    # -- sklearn-like parameters (so that sklearn.base.clone-style code can rebuild it) --------
    def get_params(self, deep: bool = True) -> dict:
        params = asdict(self.config)
        params.pop("extra", None)
        return params

    def set_params(self, **params) -> "EventTypeClassifier":
        for key, value in params.items():
            if not hasattr(self.config, key):
                raise ValueError(f"unknown parameter {key!r}")
            setattr(self.config, key, value)
        return self

    # -- model ----------------------------------------------------------------------------------
    def _build(self) -> Pipeline:
        c = self.config
        words = TfidfVectorizer(
            preprocessor=normalize,
            tokenizer=StemTokenizer(c.stem_len),
            token_pattern=None,
            lowercase=False,
            ngram_range=tuple(c.word_ngram_range),
            min_df=c.min_df,
            sublinear_tf=c.sublinear_tf,
            dtype=np.float32,
        )
        chars = TfidfVectorizer(
            preprocessor=normalize,
            analyzer="char_wb",
            lowercase=False,
            ngram_range=tuple(c.char_ngram_range),
            min_df=c.min_df,
            max_features=c.max_char_features,
            sublinear_tf=c.sublinear_tf,
            dtype=np.float32,
        )
        features = FeatureUnion(
            [("words", words), ("chars", chars)],
            transformer_weights={"words": c.word_weight, "chars": c.char_weight},
        )
        model = LogisticRegression(C=c.C, class_weight=c.class_weight, max_iter=c.max_iter)
        return Pipeline([("features", features), ("clf", model)])

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "EventTypeClassifier":
        texts, labels = list(texts), list(labels)
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        unknown = sorted(set(labels) - set(EVENT_TYPES))
        if unknown:
            raise ValueError(f"labels outside the schema's event types: {unknown}")
        if len(set(labels)) < 2:
            raise ValueError("need at least two distinct labels to fit")
        pipeline = self._build()
        pipeline.fit(texts, labels)
        _slim(pipeline)
        self.pipeline = pipeline
        self.meta = {
            "n_examples": len(texts),
            "fitted": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        return self

    def _fitted(self) -> Pipeline:
        if self.pipeline is None:
            raise RuntimeError("EventTypeClassifier is not fitted: call fit() or load() first")
        return self.pipeline

    @property
    def classes_(self) -> list[str]:
        return [str(c) for c in self._fitted().named_steps["clf"].classes_]

    def predict(self, texts: Iterable[str]) -> list[str]:
        texts = _as_list(texts)
        if not texts:
            return []
        return [str(label) for label in self._fitted().predict(texts)]

    def predict_proba(self, texts: Iterable[str]) -> list[dict[str, float]]:
        texts = _as_list(texts)
        if not texts:
            return []
        pipeline = self._fitted()
        classes = [str(c) for c in pipeline.named_steps["clf"].classes_]
        return [
            {label: float(p) for label, p in zip(classes, row)}
            for row in pipeline.predict_proba(texts)
        ]

    # -- persistence ----------------------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {
            "format": FORMAT,
            "sklearn_version": sklearn.__version__,
            "config": asdict(self.config),
            "labels": self.classes_,
            "meta": dict(self.meta),
            "saved": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        blob = pickle.dumps(self._fitted(), protocol=pickle.HIGHEST_PROTOCOL)
        joblib.dump({"header": header, "pipeline": blob}, path, compress=("zlib", 6))
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "EventTypeClassifier":
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"no event-type model at {path}; {REBUILD_HINT}")
        try:
            stored = joblib.load(path)
            header, blob = stored["header"], stored["pipeline"]
        except Exception as exc:  # not our format, truncated, ...
            raise RuntimeError(f"cannot read the event-type model {path} ({exc}); {REBUILD_HINT}") from exc
        if header.get("format") != FORMAT:
            raise RuntimeError(
                f"{path} is in format {header.get('format')!r}, expected {FORMAT!r}; {REBUILD_HINT}"
            )
        built = header.get("sklearn_version")
        if built != sklearn.__version__:
            raise RuntimeError(
                f"the event-type model {path} was built with scikit-learn {built}, "
                f"but scikit-learn {sklearn.__version__} is installed; {REBUILD_HINT}"
            )
        config = dict(header.get("config", {}))
        config.pop("extra", None)
        obj = cls(**config)
        try:
            obj.pipeline = pickle.loads(blob)
        except Exception as exc:
            raise RuntimeError(f"cannot unpickle the event-type model {path} ({exc}); {REBUILD_HINT}") from exc
        obj.meta = dict(header.get("meta", {}))
        obj.meta["sklearn_version"] = built
        obj.meta["saved"] = header.get("saved")
        return obj

    def __repr__(self) -> str:
        state = "fitted" if self.pipeline is not None else "not fitted"
        return f"EventTypeClassifier({self.get_params()!r}, {state})"


def _as_list(texts: Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("pass a list of texts, not one string")
    return ["" if t is None else str(t) for t in texts]


def _slim(pipeline: Pipeline) -> None:
    """Drop what prediction does not need: the pruned-term sets kept by the vectorizers, and
    store the coefficients as float32."""
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        if hasattr(vectorizer, "stop_words_"):
            vectorizer.stop_words_ = None
    model = pipeline.named_steps["clf"]
    model.coef_ = model.coef_.astype(np.float32)
    model.intercept_ = model.intercept_.astype(np.float32)


def models_dir() -> Path:
    """``models/`` of this checkout (``src/report_miner/learn`` -> repository root), else the
    directory named by the environment variable ``REPORT_MINER_MODELS``."""
    here = Path(__file__).resolve().parents[3] / "models"
    if here.is_dir():
        return here
    env = os.environ.get("REPORT_MINER_MODELS")
    if env:
        return Path(env)
    raise FileNotFoundError(
        f"no models directory: {here} does not exist and REPORT_MINER_MODELS is not set"
    )


def default_model_path() -> Path:
    return models_dir() / MODEL_FILE


def load_default() -> EventTypeClassifier:
    """The shipped model, ``models/event_type.joblib``."""
    return EventTypeClassifier.load(default_model_path())


# --- training: the corpus, reviewed events, cross-validation ------------------------------------

# The shipped configuration (explicit, so that a rebuild gives the same model).
DEFAULT_CONFIG = dict(
    stem_len=6,
    word_ngram_range=(1, 2),
    char_ngram_range=(3, 5),
    min_df=1,
    max_char_features=40000,
    sublinear_tf=True,
    word_weight=1.0,
    char_weight=1.0,
    C=10.0,
    class_weight="balanced",
    max_iter=3000,
)


def default_corpus_path() -> Path:
    """``corpora/event_types/examples.jsonl`` of this checkout."""
    return Path(__file__).resolve().parents[3] / "corpora" / "event_types" / "examples.jsonl"


def read_examples(path: str | os.PathLike | None = None) -> list[dict]:
    """The rows ``{"text", "type", "source"}`` of a JSONL corpus; ValueError naming a malformed row."""
    import json

    path = Path(path) if path is not None else default_corpus_path()
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, line {number}: not JSON ({err.msg})") from None
        if not isinstance(row, dict) or row.get("type") not in EVENT_TYPES or not row.get("text"):
            raise ValueError(f"{path}, line {number}: expected {{\"text\", \"type\"}} with a schema type")
        rows.append(row)
    return rows


def cross_validate(texts: Sequence[str], labels: Sequence[str], folds: int = 5, seed: int = 13,
                   config: dict | None = None):
    """Stratified k-fold predictions of every text and per-fold macro-F1 and accuracy."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold

    config = dict(DEFAULT_CONFIG if config is None else config)
    labels = np.asarray(labels)
    predicted = np.empty(len(labels), dtype=object)
    fold_scores = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(texts, labels):
        clf = EventTypeClassifier(**config).fit([texts[i] for i in train], labels[train])
        pred = clf.predict([texts[i] for i in test])
        predicted[test] = pred
        fold_scores.append({
            "macro_f1": f1_score(labels[test], pred, average="macro", zero_division=0),
            "accuracy": accuracy_score(labels[test], pred),
        })
    return predicted.astype(str), fold_scores


HEAD_LINES = 3  # a news post's headline and first paragraph or two (seeds.document_head)
HEAD_REACH = 600
ITEM_HEAD = 400
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def event_text(text: str, evidence: dict[str, list], single: bool) -> str:
    """What the classifier reads for a stored event, from its evidence in ``text`` (clean offsets).

    As ``report_miner.event_type.decide_type`` does: the head where the event's stretch ("span")
    starts: for the one event of a news post its headline and first paragraph or two, for an
    item or a table row its first line; when the type's evidence lies outside that head (the
    sentence that says what was held), that sentence instead. The title is put first when the
    head does not hold it. Empty when the evidence says nothing.
    """
    def spans(key):
        return sorted((int(s), int(e)) for s, e in evidence.get(key) or [] if 0 <= int(s) < int(e) <= len(text))

    head = None
    region = spans("span")
    if region:
        start, end = region[0]
        lines, pos = [], start
        for line in text[start:end].split("\n"):
            if line.strip():
                if lines and (pos - start > HEAD_REACH or not single):
                    break
                lines.append((pos, pos + len(line)))
            if len(lines) == (HEAD_LINES if single else 1):
                break
            pos += len(line) + 1
        if lines:
            head = (lines[0][0], lines[-1][1] if single else min(lines[0][1], lines[0][0] + ITEM_HEAD))
    type_spans = spans("type")
    if type_spans and (head is None or not head[0] <= type_spans[0][0] < head[1]):
        ts = type_spans[0][0]
        for m in _SENTENCE.finditer(text, max(0, ts - 400), min(len(text), ts + 400)):
            if m.start() <= ts < m.end():
                head = m.span()
                break
    title = spans("title")
    parts = []
    if title and (head is None or not (head[0] <= title[0][0] and title[0][1] <= head[1])):
        parts.append(text[title[0][0]:title[0][1]])
    if head is not None:
        parts.append(text[head[0]:head[1]])
    return " ".join(" ".join(p.split()) for p in parts if p.strip())


def train_model(examples: Sequence[dict], out: str | os.PathLike, folds: int = 5, seed: int = 13,
                config: dict | None = None) -> dict:
    """Cross-validate on ``examples`` (``{"text", "type", "source"?}``), fit on all of them, save the model
    to ``out`` and its metrics beside it (``<stem>.metrics.json``); returns the metrics."""
    import json
    from collections import Counter

    from sklearn.metrics import accuracy_score, f1_score

    config = dict(DEFAULT_CONFIG if config is None else config)
    texts = [r["text"] for r in examples]
    labels = [r["type"] for r in examples]
    counts = Counter(labels)
    metrics: dict = {
        "n_examples": len(examples),
        "n_reviewed": sum(1 for r in examples if str(r.get("source", "")).startswith("review:")),
        "counts": {label: counts.get(label, 0) for label in EVENT_TYPES},
    }
    usable = min(folds, min(counts.values()) if counts else 0)
    if usable >= 2:
        predicted, fold_scores = cross_validate(texts, labels, usable, seed, config)
        metrics["cv"] = {
            "folds": usable, "seed": seed,
            "macro_f1": round(float(f1_score(labels, predicted, average="macro", zero_division=0)), 4),
            "accuracy": round(float(accuracy_score(labels, predicted)), 4),
            "fold_macro_f1": [round(float(f["macro_f1"]), 4) for f in fold_scores],
        }
        present = [label for label in EVENT_TYPES if counts.get(label)]
        per_class = f1_score(labels, predicted, labels=present, average=None, zero_division=0)
        metrics["per_class_f1"] = {label: round(float(f), 4) for label, f in zip(present, per_class)}
    clf = EventTypeClassifier(**config).fit(texts, labels)
    out = clf.save(out)
    metrics.update({
        "config": {k: list(v) if isinstance(v, tuple) else v for k, v in config.items()},
        "sklearn_version": sklearn.__version__, "model_file": out.name, "model_bytes": out.stat().st_size,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    })
    out.with_name(out.stem + ".metrics.json").write_text(
        json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return metrics
