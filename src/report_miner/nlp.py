"""The shared analysis of one text: a spaCy ``Doc`` built once and read by every extractor.

natasha supplies segmentation (razdel), contextual morphology (slovnet) and NER; pymorphy3
(through ``report_miner.morph``) supplies lemmas. Everything lands on a spaCy ``Doc`` so the
extractors get one set of tokens with character offsets (``token.idx``), lemmas
(``token.lemma_``), UD part of speech and features (``token.pos_``, ``token.morph``),
sentences (``doc.sents``) and entities (``doc.ents``: PER, ORG, LOC), and can use spaCy's
``Matcher`` and ``Span`` machinery.

``doc.text`` equals the input text exactly: runs of whitespace other than one space become
whitespace tokens, so ``doc.char_span`` and all offsets refer to the input.
Line breaks and table cells (tabs) end a sentence (reports are full of headings, list items
and table rows without final punctuation), except a hard wrap: a line that ends without
punctuation and is continued in lower case on the next line, or, in a text wrapped so
throughout, a long line continued by a capitalised word ("…Глава администрации\nМариинско-
Посадского района Мустаев В.Н.").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from razdel import sentenize, tokenize
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .morph import morph_vocab

# A line break, or a tab, ends a block; but not a hard wrap inside a sentence: a single line
# break after a line that ends without punctuation, before a line that goes on in lower case
# ("…школа №56», пгт\nПромышленная" stays split; "…для\nучителей физики" is joined). A text
# with at least WRAPPED_TEXT_MIN such wraps is wrapped throughout: there a line of at least
# WRAPPED_LINE_MIN chars (no heading, no list item) is joined to a capitalised next line too.
BREAK_RE = re.compile(r"[\n\t]")
OPEN_END_RE = re.compile(r"[^\s.!?:;»\")]\Z")
LOWER_START_RE = re.compile(r"[ ]*[a-zа-яё]")
UPPER_START_RE = re.compile(r"[ ]*[A-ZА-ЯЁ«\d]")
WRAP_RE = re.compile(r"[ \t]*\n\s*")
WRAPPED_TEXT_MIN = 2
WRAPPED_LINE_MIN = 40


@dataclass
class Models:
    """natasha's models, loaded once per process (they ship inside the natasha wheel)."""

    morph_tagger: object
    ner_tagger: object


@lru_cache(maxsize=1)
def models() -> Models:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    emb = NewsEmbedding()
    return Models(morph_tagger=NewsMorphTagger(emb), ner_tagger=NewsNERTagger(emb))


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """Russian lexical attributes (``is_alpha``, ``like_num`` ...), no pipeline."""
    from spacy.lang.ru import Russian

    return Russian().vocab


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries: razdel's sentences inside each line (hard wraps joined) and each table cell."""
    spans = []
    for start, stop in blocks(text):
        block = text[start:stop]
        if not block.strip():
            continue
        joined = False      # a semicolon ends no sentence: razdel's split after one is undone
        for sent in sentenize(block):
            if not sent.text.strip():
                continue
            if joined:
                spans[-1] = (spans[-1][0], start + sent.stop)
            else:
                spans.append((start + sent.start, start + sent.stop))
            joined = sent.text.rstrip().endswith(";")
    return spans


def line_break(token) -> bool:
    """Whether a token is a line break that ends a line; a hard wrap inside a sentence (see
    ``blocks``) is a space, as the sentence runs on over it."""
    if "\n" not in token.text:
        return False
    following = token.i + 1
    return following >= len(token.doc) or token.doc[following].is_sent_start


def unwrap(text: str) -> str:
    """A value read over a hard wrap, its line break made a space."""
    return WRAP_RE.sub(" ", text)


def blocks(text: str) -> list[tuple[int, int]]:
    """Lines and table cells, ``(start, stop)``, with hard-wrapped lines joined."""
    pieces, start = [], 0      # (start, stop, the break after it)
    for match in BREAK_RE.finditer(text):
        pieces.append((start, match.start(), match.group()))
        start = match.end()
    pieces.append((start, len(text), ""))

    def open_line(k: int) -> bool:
        start, stop, after = pieces[k]
        return after == "\n" and OPEN_END_RE.search(text, start, stop) is not None

    def next_line(k: int) -> str:
        return text[pieces[k + 1][0]:pieces[k + 1][1]]

    lower = {k for k in range(len(pieces) - 1) if open_line(k) and LOWER_START_RE.match(next_line(k))}
    wrapped = len(lower) >= WRAPPED_TEXT_MIN
    result, block_start = [], pieces[0][0]
    for k, (start, stop, _) in enumerate(pieces[:-1]):
        if k in lower or (wrapped and k > 0 and stop - start >= WRAPPED_LINE_MIN and open_line(k)
                          and UPPER_START_RE.match(next_line(k))):
            continue
        result.append((block_start, stop))
        block_start = pieces[k + 1][0]
    result.append((block_start, len(text)))
    return result


def segment(text: str) -> list[list[tuple[int, int, str]]]:
    """Tokens ``(start, stop, text)`` grouped by sentence."""
    sentences = []
    for start, stop in sentence_spans(text):
        tokens = [(start + t.start, start + t.stop, t.text) for t in tokenize(text[start:stop])]
        if tokens:
            sentences.append(tokens)
    return sentences


def parse(text: str) -> Doc:
    """Analyse ``text`` once: tokens, sentences, morphology, lemmas and named entities."""
    sentences = segment(text)
    words, spaces, sent_starts, infos = [], [], [], []
    position = 0

    def add_gap(gap: str) -> None:
        # one plain space is the previous token's trailing space; anything else is a token
        if not gap:
            return
        if gap == " " and words and not spaces[-1]:
            spaces[-1] = True
            return
        words.append(gap)
        spaces.append(False)
        sent_starts.append(False)
        infos.append(None)

    tagged = tag_morphology([[t[2] for t in sent] for sent in sentences])
    vocab_ = morph_vocab()
    for sent, markup in zip(sentences, tagged):
        for i, ((start, stop, word), tok) in enumerate(zip(sent, markup.tokens)):
            add_gap(text[position:start])
            words.append(word)
            spaces.append(False)
            sent_starts.append(i == 0)
            infos.append((tok.pos, tok.feats))
            position = stop
    add_gap(text[position:])

    pos, morphs, lemmas = [], [], []
    for word, info in zip(words, infos):
        if info is None:
            pos.append("SPACE")
            morphs.append("")
            lemmas.append("")
            continue
        tag, feats = info
        pos.append(tag)
        morphs.append("|".join(f"{k}={v}" for k, v in sorted((feats or {}).items())))
        lemmas.append(lemma(vocab_, word, tag, feats))
    # all annotation goes in through the constructor: setting it token by token makes spaCy
    # re-scan the whole Doc on every assignment
    doc = Doc(vocab(), words=words, spaces=spaces, sent_starts=sent_starts or None,
              pos=pos, morphs=morphs, lemmas=lemmas)
    doc.ents = entity_spans(doc, text)
    doc.user_data["text"] = text
    doc.user_hooks["sents"] = cached_sentences
    doc.user_token_hooks["sent"] = sentence_of
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text`` without the cost: spaCy joins all the tokens again on every access."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]


def cached_sentences(doc: Doc):
    """``doc.sents`` computed once: spaCy walks the whole Doc on every access otherwise."""
    if "sents" not in doc.user_data:
        sents, start = [], 0
        for token in doc[1:]:
            if token.is_sent_start:
                sents.append(doc[start:token.i])
                start = token.i
        if len(doc):
            sents.append(doc[start:len(doc)])
        doc.user_data["sents"] = sents
        doc.user_data["sent_starts"] = [s.start for s in sents]
    return iter(doc.user_data["sents"])


def sentence_of(token):
    doc = token.doc
    cached_sentences(doc)
    i = bisect_right(doc.user_data["sent_starts"], token.i) - 1
    return doc.user_data["sents"][max(i, 0)]


def tag_morphology(sentences: list[list[str]]) -> list:
    """slovnet's morphology markup of each sentence, in order. Sentences go to the tagger sorted
    by length, so that a batch is padded to similar lengths (a report mixes one-word table cells
    with hundred-word lists of speakers)."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    markups = list(models().morph_tagger.map([sentences[i] for i in order]))
    result = [None] * len(sentences)
    for i, markup in zip(order, markups):
        result[i] = markup
    return result


def lemma(vocab_, word: str, pos: str, feats: dict) -> str:
    if not re.search(r"[А-Яа-яЁё]", word):
        return word.lower()
    return vocab_.lemmatize(word, pos, feats or {})


def entity_spans(doc: Doc, text: str):
    """natasha's PER/ORG/LOC spans, snapped to the Doc's tokens."""
    if not text.strip():
        return []
    spans = []
    last_end = -1
    for span in models().ner_tagger(text).spans:
        ent = doc.char_span(span.start, span.stop, label=span.type, alignment_mode="expand")
        if ent is not None and ent.start >= last_end:
            spans.append(ent)
            last_end = ent.end
    return spans
