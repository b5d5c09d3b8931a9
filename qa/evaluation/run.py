"""Measure retrieval and answers against gold questions; fit the abstention threshold."""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass

from qa.conversation.followups import Turn
from qa.documents.reading import read_document
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import (
    calibration_error,
    contains,
    exact_match,
    hit_at_k,
    percentile,
    reciprocal_rank,
    token_f1,
)
from qa.service.answerer import QuestionAnswerer
from qa.service.types import Response
from qa.settings import Mode


@dataclass(frozen=True)
class Outcome:
    """What the service did with one gold question (answer judged at threshold -inf)."""

    gold: GoldQuestion
    rank: int | None          # rank of the first passage holding the gold key
    answer_score: float       # score of the best answer candidate
    answer_correct: bool      # the best candidate's span holds the gold key, in the gold document
    answer_text: str
    faithful_citations: int
    citations: int
    seconds: float
    top_document: str | None = None  # the document of the first passage


def run_question(service: QuestionAnswerer, gold: GoldQuestion, mode: Mode, top_k: int,
                 originals: dict[str, str]) -> Outcome:
    history = [Turn(question, answer) for question, answer in gold.history]
    started = time.perf_counter()
    response = service.ask(gold.question, top_k=top_k, mode=mode, threshold=-math.inf, history=history)
    seconds = time.perf_counter() - started
    return Outcome(gold, _first_rank(response, gold), response.answer.score if response.answer else 0.0,
                   _answer_covers(response, gold), response.answer.text if response.answer else "",
                   *_fidelity(response, originals), seconds,
                   response.passages[0].citation.doc_id if response.passages else None)


def _first_rank(response: Response, gold: GoldQuestion) -> int | None:
    if not gold.answerable:
        return None
    for rank, passage in enumerate(response.passages, start=1):
        c = passage.citation
        if c.doc_id == gold.doc_id and contains((c.start, c.end), gold.key_span):
            return rank
    return None


def _answer_covers(response: Response, gold: GoldQuestion) -> bool:
    answer = response.answer
    if answer is None or not gold.answerable:
        return False
    c = answer.citation
    return c.doc_id == gold.doc_id and contains((c.start, c.end), gold.key_span)


def _fidelity(response: Response, originals: dict[str, str]) -> tuple[int, int]:
    """Citations whose offsets slice the original file (read from disk) to the returned text."""
    cited = list(response.passages) + ([response.answer] if response.answer else [])
    cited += [response.answer.sentence] if response.answer and response.answer.sentence else []
    good = sum(originals.get(c.citation.source, "")[c.citation.start:c.citation.end] == c.text for c in cited)
    return good, len(cited)


def evaluate(service: QuestionAnswerer, questions: list[GoldQuestion], mode: Mode = "hybrid",
             top_k: int = 10, originals: dict[str, str] | None = None) -> list[Outcome]:
    """Ask every gold question once (query cache off) and record what came back; citations are checked
    against `originals` (default: `read_originals(service)`)."""
    originals = read_originals(service) if originals is None else originals
    return [run_question(service, gold, mode, top_k, originals) for gold in questions]


def read_originals(service: QuestionAnswerer) -> dict[str, str]:
    """Each document's text read again from its file, not from the index: source -> text."""
    seeds = service.settings.seeds_dir
    return {d.source: read_document(seeds / d.source, seeds, d.doc_id).text
            for d in service.documents() if (seeds / d.source).is_file()}


def summarise(outcomes: list[Outcome], threshold: float) -> dict[str, float]:
    """The headline metrics at one abstention threshold."""
    answerable = [o for o in outcomes if o.gold.answerable]
    unanswerable = [o for o in outcomes if not o.gold.answerable]
    answered = [o for o in answerable if o.answer_score >= threshold]
    correct = [o for o in answered if o.answer_correct]
    abstained_right = [o for o in unanswerable if o.answer_score < threshold]
    abstained = [o for o in outcomes if o.answer_score < threshold]
    latencies = [o.seconds * 1000 for o in outcomes]
    return {
        "questions": len(outcomes),
        "hit@1": _mean(hit_at_k(o.rank, 1) for o in answerable),
        "hit@3": _mean(hit_at_k(o.rank, 3) for o in answerable),
        "hit@5": _mean(hit_at_k(o.rank, 5) for o in answerable),
        "mrr@10": _mean(reciprocal_rank(o.rank, 10) for o in answerable),
        "answer_accuracy": len(correct) / len(answerable) if answerable else 0.0,
        "answer_em": _mean(exact_match(o.answer_text, o.gold.answer or "") for o in answered),
        "answer_f1": _mean(token_f1(o.answer_text, o.gold.answer or "") for o in answered),
        "abstention_accuracy": len(abstained_right) / len(unanswerable) if unanswerable else 0.0,
        "abstention_precision": len(abstained_right) / len(abstained) if abstained else 1.0,
        "false_abstention_rate": 1 - len(answered) / len(answerable) if answerable else 0.0,
        "citation_fidelity": sum(o.faithful_citations for o in outcomes) / max(1, sum(o.citations for o in outcomes)),
        "wrong_document@1": _mean(float(o.top_document not in (None, o.gold.doc_id)) for o in answerable),
        "ece": calibration_error([(o.answer_score, o.answer_correct) for o in outcomes]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def risk_coverage(outcomes: list[Outcome]) -> list[tuple[float, float, float]]:
    """(threshold, coverage, risk) at every distinct candidate score: the abstention trade-off.

    Coverage is the share of all questions answered; risk the share of those answers that are
    wrong (an answer to an unanswerable question is wrong).
    """
    points = []
    for threshold in sorted({o.answer_score for o in outcomes} | {math.inf}):
        answered = [o for o in outcomes if o.answer_score >= threshold]
        wrong = [o for o in answered if not o.answer_correct]
        points.append((threshold, len(answered) / len(outcomes), len(wrong) / len(answered) if answered else 0.0))
    return points


def fit_threshold(outcomes: list[Outcome]) -> float:
    """The threshold that maximises correct decisions: right answers plus right abstentions."""
    def decisions(threshold: float) -> int:
        return sum((o.answer_score >= threshold and o.answer_correct) if o.gold.answerable
                   else o.answer_score < threshold for o in outcomes)

    scores = sorted({round(o.answer_score, 4) for o in outcomes})
    midpoints = [(a + b) / 2 for a, b in itertools.pairwise(scores)] or scores
    return max(midpoints, key=lambda t: (decisions(t), -abs(t - 0.5)))
