"""Pick the sentence that answers a question, tighten it to a span, or abstain."""

from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np

from qa.answering.spans import TYPED_KINDS, QuestionType, asked_noun, candidate_spans, question_type
from qa.documents.chunking import Sentence
from qa.documents.reading import fold
from qa.documents.words import terms, words
from qa.retrieval.search import Hit
from qa.storage.corpus import Corpus

# Logistic model of "this candidate's span answers the question", fitted on the dev half of the
# gold set by `python -m qa.calibration` (held-out figures in the README). "bias" is the intercept.
DEFAULT_WEIGHTS = {"bias": -3.0, "dense": 3.0, "own_terms": 1.5, "context_terms": 2.0, "typed_found": 1.0,
                   "typed_missing": -2.0, "retrieval": 1.0, "unknown_terms": -3.0}


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


def extract_answer(corpus: Corpus, question: str, query_vector: np.ndarray | None, hits: list[Hit],
                   threshold: float, weights: dict[str, float] | None = None) -> Extraction:
    """The best-supported span for `question` among the hits' sentences and their neighbours."""
    weights = weights or DEFAULT_WEIGHTS
    candidates = score_candidates(corpus, question, query_vector, hits, weights)
    if not candidates:
        return Extraction(None, None, 0.0, [])
    best = candidates[0]
    if best.score < threshold:
        return Extraction(None, None, best.score, candidates)
    span = best.span or (best.sentence.start, best.sentence.end)
    return Extraction(span, best.sentence, best.score, candidates)


@dataclass(frozen=True)
class Query:
    """Everything about the question that does not depend on the candidate, computed once."""

    text: str
    vector: np.ndarray | None
    wanted: QuestionType
    asked: dict[str, float]        # question stems -> weight
    predicate: dict[str, float]    # the stems an answering sentence should say itself
    span_terms: list[str]          # stems an answer span must not restate (the asked noun excluded)
    unknown: float                 # weighted share of question stems the corpus never uses


def read_query(corpus: Corpus, question: str, query_vector: np.ndarray | None) -> Query:
    asked = _question_terms(corpus, question)
    noun = terms(asked_noun(question) or "")
    return Query(question, query_vector, question_type(question), asked, _predicate(corpus, asked, question),
                 [t for t in asked if t not in noun], 1.0 - _coverage(asked, corpus.term_weights.keys()))


def score_candidates(corpus: Corpus, question: str, query_vector: np.ndarray | None, hits: list[Hit],
                     weights: dict[str, float]) -> list[Candidate]:
    """Every candidate sentence scored, best first."""
    query = read_query(corpus, question, query_vector)
    sentence_rank = _candidate_sentences(corpus, hits)
    candidates = [_candidate(corpus, sentence_id, rank, query, weights) for sentence_id, rank in sentence_rank.items()]
    return sorted(candidates, key=lambda c: (-c.score, c.sentence.sentence_id))


def _candidate_sentences(corpus: Corpus, hits: list[Hit]) -> dict[int, int]:
    """Sentence id -> rank of the best hit that holds it or its paragraph."""
    ranks: dict[int, int] = {}
    for rank, hit in enumerate(hits, start=1):
        passage = hit.passage
        for sentence_id in _paragraph_of(corpus, passage.first_sentence, passage.last_sentence):
            ranks.setdefault(sentence_id, rank)
    return ranks


def _paragraph_of(corpus: Corpus, first: int, last: int) -> range:
    """The ids of every sentence in the paragraph(s) spanned by sentences first..last."""
    sentences = corpus.sentences
    low, high = first, last
    while low > 0 and sentences[low - 1].doc_id == sentences[first].doc_id and \
            sentences[low - 1].paragraph == sentences[first].paragraph:
        low -= 1
    while high + 1 < len(sentences) and sentences[high + 1].doc_id == sentences[last].doc_id and \
            sentences[high + 1].paragraph == sentences[last].paragraph:
        high += 1
    return range(low, high + 1)


def _question_terms(corpus: Corpus, question: str) -> dict[str, float]:
    """Question stems (typos repaired) with their weights; unknown words weigh the most."""
    repaired = " ".join(corpus.speller.correct(w) for w in words(question))
    weights = corpus.term_weights
    ceiling = max(weights.values(), default=1.0)
    return {term: weights.get(term, ceiling) for term in dict.fromkeys(terms(repaired))}


def _predicate(corpus: Corpus, asked: dict[str, float], question: str) -> dict[str, float]:
    """The question's terms minus the names it is about: what the answer sentence must say itself.

    Names ("Operation Sentinel", "JTFA") are often only in the heading of a paragraph, while the
    sentence that answers carries the predicate ("leads"); a term is a name when the corpus
    mostly writes it capitalised mid-sentence.
    """
    written_as_names = {t for word in re.findall(r"(?<=\w )[A-Z][\w'-]*", question) for t in terms(word)}
    predicate = {t: w for t, w in asked.items() if t not in corpus.name_terms and t not in written_as_names}
    return predicate or asked


def _coverage(asked: dict[str, float], present: Collection[str]) -> float:
    total = sum(asked.values())
    return sum(w for t, w in asked.items() if t in present) / total if total else 0.0


def _candidate(corpus: Corpus, sentence_id: int, rank: int, query: Query, weights: dict[str, float]) -> Candidate:
    sentence = corpus.sentences[sentence_id]
    own = corpus.sentence_terms[sentence_id]
    context = set(own).union(*(corpus.sentence_terms[i] for i in _paragraph_of(corpus, sentence_id, sentence_id)))
    span = _best_span(corpus, sentence, query)
    wanted = query.wanted
    features = {
        "dense": float(corpus.sentence_vectors[sentence_id] @ query.vector) if query.vector is not None else 0.0,
        "own_terms": _coverage(query.predicate, own),
        "context_terms": _coverage(query.asked, context),
        "typed_found": float(wanted.typed and span is not None),
        "typed_missing": float(wanted.typed and span is None),
        "retrieval": 1.0 / rank,
        "unknown_terms": query.unknown,
    }
    return Candidate(sentence, probability(features, weights), features, span)


def probability(features: dict[str, float], weights: dict[str, float]) -> float:
    """Logistic score in [0, 1]: how likely this candidate answers the question."""
    logit = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return float(1.0 / (1.0 + np.exp(-logit)))


@dataclass(frozen=True)
class SentenceWords:
    """A sentence read once per index: its words' stems by position, and its typed spans with their stems."""

    word_terms: list[tuple[int, frozenset[str]]]
    spans: dict[str, list[tuple[int, int, list[str]]]]


_READINGS: OrderedDict[str, dict[int, SentenceWords]] = OrderedDict()


def _sentence_words(corpus: Corpus, sentence: Sentence) -> SentenceWords:
    """Memoised per corpus version: after warm-up no request tokenises a sentence again."""
    readings = _READINGS.setdefault(corpus.version, {})
    _READINGS.move_to_end(corpus.version)
    while len(_READINGS) > 4:
        _READINGS.popitem(last=False)
    found = readings.get(sentence.sentence_id)
    if found is None:
        text = fold(corpus.sentence_text(sentence))
        word_terms = [(m.start(), frozenset(terms(m.group(0)))) for m in re.finditer(r"[A-Za-z0-9]+", text)]
        spans = {kind: [(a, b, terms(text[a:b])) for a, b in candidate_spans(text, QuestionType(kind))]
                 for kind in TYPED_KINDS}
        found = readings[sentence.sentence_id] = SentenceWords(word_terms, spans)
    return found


def _best_span(corpus: Corpus, sentence: Sentence, query: Query) -> tuple[int, int] | None:
    """The span of the wanted type nearest the question's words in this sentence."""
    if not query.wanted.typed:
        return None
    reading = _sentence_words(corpus, sentence)
    spans = [(a, b) for a, b, span_terms in reading.spans[query.wanted.name]
             if not _restates(span_terms, query.span_terms)]
    if not spans:
        return None
    # Question words inside a span do not make it an answer; distance counts from words outside it.
    anchors = [position for position, word in reading.word_terms if word & query.asked.keys()]
    best = min(spans, key=lambda s: (_distance(s, anchors), -(s[1] - s[0])))
    return sentence.start + best[0], sentence.start + best[1]


def _restates(span_terms: list[str], question_terms: list[str]) -> bool:
    """A span built from the question's own words (half of it, or two in a row) does not answer it."""
    if not span_terms:
        return False
    if sum(t in question_terms for t in span_terms) * 2 >= len(span_terms):
        return True
    pairs = set(itertools.pairwise(question_terms))
    return any(pair in pairs for pair in itertools.pairwise(span_terms))


def _distance(span: tuple[int, int], anchors: list[int]) -> int:
    outside = [a for a in anchors if not span[0] <= a < span[1]]
    if not outside:
        return 10_000
    return min(min(abs(a - span[0]), abs(a - span[1])) for a in outside)
