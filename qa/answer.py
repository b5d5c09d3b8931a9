"""Pick the sentence that answers a question, tighten it to a span, or abstain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa.chunking import Sentence
from qa.documents import fold
from qa.lexical import terms, words
from qa.retrieval import Hit
from qa.spans import QuestionType, candidate_spans, question_type
from qa.store import Index

# Weights of the sentence score; fitted on the gold set (see `qa eval --fit` and the README).
DEFAULT_WEIGHTS = {"dense": 0.45, "own_terms": 0.35, "context_terms": 0.25, "typed_span": 0.15, "retrieval": 0.10}


@dataclass(frozen=True)
class Candidate:
    """A sentence considered as an answer, with the evidence behind its score."""

    sentence: Sentence
    score: float
    features: dict[str, float]
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Extraction:
    """The chosen answer: a span inside its supporting sentence, or None when abstaining."""

    span: tuple[int, int] | None
    sentence: Sentence | None
    score: float
    candidates: list[Candidate] = field(default_factory=list)


def extract_answer(index: Index, question: str, query_vector: np.ndarray | None, hits: list[Hit],
                   threshold: float, weights: dict[str, float] | None = None) -> Extraction:
    """The best-supported span for `question` among the hits' sentences and their neighbours."""
    weights = weights or DEFAULT_WEIGHTS
    candidates = score_candidates(index, question, query_vector, hits, weights)
    if not candidates:
        return Extraction(None, None, 0.0, [])
    best = candidates[0]
    if best.score < threshold:
        return Extraction(None, None, best.score, candidates)
    span = best.span or (best.sentence.start, best.sentence.end)
    return Extraction(span, best.sentence, best.score, candidates)


def score_candidates(index: Index, question: str, query_vector: np.ndarray | None, hits: list[Hit],
                     weights: dict[str, float]) -> list[Candidate]:
    """Every candidate sentence scored, best first."""
    wanted = question_type(question)
    asked = _question_terms(index, question)
    sentence_rank = _candidate_sentences(index, hits)
    candidates = [_candidate(index, sentence_id, rank, asked, wanted, query_vector, question, weights)
                  for sentence_id, rank in sentence_rank.items()]
    return sorted(candidates, key=lambda c: (-c.score, c.sentence.sentence_id))


def _candidate_sentences(index: Index, hits: list[Hit]) -> dict[int, int]:
    """Sentence id -> rank of the best hit that holds it or its paragraph."""
    ranks: dict[int, int] = {}
    for rank, hit in enumerate(hits, start=1):
        passage = hit.passage
        for sentence_id in _paragraph_of(index, passage.first_sentence, passage.last_sentence):
            ranks.setdefault(sentence_id, rank)
    return ranks


def _paragraph_of(index: Index, first: int, last: int) -> range:
    """The ids of every sentence in the paragraph(s) spanned by sentences first..last."""
    sentences = index.sentences
    low, high = first, last
    while low > 0 and sentences[low - 1].doc_id == sentences[first].doc_id and \
            sentences[low - 1].paragraph == sentences[first].paragraph:
        low -= 1
    while high + 1 < len(sentences) and sentences[high + 1].doc_id == sentences[last].doc_id and \
            sentences[high + 1].paragraph == sentences[last].paragraph:
        high += 1
    return range(low, high + 1)


def _question_terms(index: Index, question: str) -> dict[str, float]:
    """Question stems (typos repaired) with their weights; unknown words weigh the most."""
    repaired = " ".join(index.bm25.speller.correct(w) for w in words(question))
    weights = index.term_weights
    ceiling = max(weights.values(), default=1.0)
    return {term: weights.get(term, ceiling) for term in dict.fromkeys(terms(repaired))}


def _coverage(asked: dict[str, float], present: frozenset[str] | set[str]) -> float:
    total = sum(asked.values())
    return sum(w for t, w in asked.items() if t in present) / total if total else 0.0


def _candidate(index: Index, sentence_id: int, rank: int, asked: dict[str, float], wanted: QuestionType,
               query_vector: np.ndarray | None, question: str, weights: dict[str, float]) -> Candidate:
    sentence = index.sentences[sentence_id]
    own = index.sentence_terms[sentence_id]
    context = set(own).union(*(index.sentence_terms[i] for i in _paragraph_of(index, sentence_id, sentence_id)))
    span = _best_span(index, sentence, wanted, asked)
    features = {
        "dense": float(index.sentence_vectors[sentence_id] @ query_vector) if query_vector is not None else 0.0,
        "own_terms": _coverage(asked, own),
        "context_terms": _coverage(asked, context),
        "typed_span": 1.0 if span else (0.0 if wanted.typed else 0.5),
        "retrieval": 1.0 / rank,
    }
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return Candidate(sentence, score, features, span)


def _best_span(index: Index, sentence: Sentence, wanted: QuestionType, asked: dict[str, float]) -> tuple[int, int] | None:
    """The span of the wanted type nearest the question's words in this sentence."""
    if not wanted.typed:
        return None
    text = fold(index.sentence_text(sentence))
    spans = [s for s in candidate_spans(text, wanted) if not _mostly_asked(text[s[0]:s[1]], asked)]
    if not spans:
        return None
    anchors = [m.start() for m in re.finditer(r"[A-Za-z0-9]+", text) if set(terms(m.group(0))) & set(asked)]
    best = min(spans, key=lambda s: (_distance(s, anchors), -(s[1] - s[0])))
    return sentence.start + best[0], sentence.start + best[1]


def _mostly_asked(span_text: str, asked: dict[str, float]) -> bool:
    """A span made of the question's own words restates the question; it does not answer it."""
    span_terms = terms(span_text)
    return bool(span_terms) and sum(t in asked for t in span_terms) * 2 > len(span_terms)


def _distance(span: tuple[int, int], anchors: list[int]) -> int:
    if not anchors:
        return 0
    return min(0 if span[0] <= a < span[1] else min(abs(a - span[0]), abs(a - span[1])) for a in anchors)
