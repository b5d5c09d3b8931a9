"""Follow-up questions measured four ways: with their history, without it, asked standalone, and the
standalone question asked after an unrelated history; plus the cost of reading a history.

A row of a conversational gold set is a follow-up (`history` holds the earlier turns) with its answer
span and `standalone`, the same question written to stand alone; referent-less rows (no answer) must
be abstained on.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from qa.conversation.followups import Turn
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.run import Outcome, evaluate, read_originals
from qa.service.answerer import QuestionAnswerer
from qa.settings import Mode

VARIANTS = ("with history", "without history", "asked standalone", "standalone after an unrelated history")
HISTORY_TURNS = 4  # the latency comparison reads this many turns


@dataclass(frozen=True)
class ConversationRun:
    """Answer accuracy per variant and half; referent-less follow-ups abstained; the cost of a history."""

    accuracy: dict[str, dict[str, float]]    # variant -> split ("all", "dev", "test") -> answer accuracy
    abstained: dict[str, dict[str, float]]   # "with history" / "without history" -> split -> share abstained
    counts: dict[str, int]                   # split -> answerable follow-ups
    latency_ratio: float                     # p50 of a follow-up with 4 turns ÷ p50 of its standalone question
    latency_ms: tuple[float, float]          # those two medians


def is_conversational(questions: list[GoldQuestion]) -> bool:
    return any(q.history or q.standalone for q in questions)


def run_conversations(service: QuestionAnswerer, questions: list[GoldQuestion], mode: Mode,
                      top_k: int) -> ConversationRun:
    follow_ups = [q for q in questions if q.answerable and q.standalone]
    referentless = [q for q in questions if not q.answerable]
    standalone = [replace(q, question=q.standalone or q.question, history=()) for q in follow_ups]
    variants = {
        "with history": follow_ups,
        "without history": [replace(q, history=()) for q in follow_ups],
        "asked standalone": standalone,
        "standalone after an unrelated history": [replace(q, history=_unrelated(original, follow_ups))
                                                  for q, original in zip(standalone, follow_ups, strict=True)],
    }
    threshold, originals = service.threshold, read_originals(service)  # the files are read once for all runs
    accuracy = {name: _by_split(evaluate(service, rows, mode, top_k, originals), threshold, _answered_right)
                for name, rows in variants.items()}
    abstained = {name: _by_split(evaluate(service, rows, mode, top_k, originals), threshold, _abstained)
                 for name, rows in (("with history", referentless),
                                    ("without history", [replace(q, history=()) for q in referentless]))}
    counts = {split: sum(q.split == split or split == "all" for q in follow_ups) for split in ("all", "dev", "test")}
    with_turns, alone = _latencies(service, follow_ups, mode, top_k)
    return ConversationRun(accuracy, abstained, counts, with_turns / alone, (with_turns * 1000, alone * 1000))


def _unrelated(question: GoldQuestion, rows: list[GoldQuestion]) -> tuple[tuple[str, str | None], ...]:
    """The history of the next conversation about another document."""
    start = rows.index(question)
    for other in rows[start + 1:] + rows[:start]:
        if other.doc_id != question.doc_id and other.history:
            return other.history
    return ()


def _answered_right(outcome: Outcome, threshold: float) -> bool:
    return outcome.answer_correct and outcome.answer_score >= threshold


def _abstained(outcome: Outcome, threshold: float) -> bool:
    return outcome.answer_score < threshold


def _by_split(outcomes: list[Outcome], threshold: float, judge: Callable[[Outcome, float], bool]) -> dict[str, float]:
    found = {}
    for split in ("all", "dev", "test"):
        chosen = [o for o in outcomes if split == "all" or o.gold.split == split]
        found[split] = sum(judge(o, threshold) for o in chosen) / len(chosen) if chosen else 0.0
    return found


def _latencies(service: QuestionAnswerer, rows: list[GoldQuestion], mode: Mode, top_k: int) -> tuple[float, float]:
    """Median seconds of each follow-up asked with four turns (earlier, unrelated ones first) and of its
    standalone question asked alone, interleaved so both see the same machine."""
    with_turns, alone = [], []
    for question in rows:
        turns = [*_unrelated(question, rows), *question.history][-HISTORY_TURNS:]
        history = [Turn(q, a) for q, a in turns]
        started = time.perf_counter()
        service.ask(question.question, top_k=top_k, mode=mode, history=history)
        with_turns.append(time.perf_counter() - started)
        started = time.perf_counter()
        service.ask(question.standalone or question.question, top_k=top_k, mode=mode)
        alone.append(time.perf_counter() - started)
    return statistics.median(with_turns), statistics.median(alone)


def conversation_table(run: ConversationRun) -> str:
    """The follow-up measures as Markdown: accuracy per variant and half, abstention, the cost of history."""
    lines = [f"Follow-ups ({run.counts['all']} answerable: {run.counts['dev']} dev, {run.counts['test']} test)",
             "", "| answer accuracy | all | dev | test |", "|---|---|---|---|"]
    lines += [f"| {name} | " + " | ".join(f"{run.accuracy[name][s]:.3f}" for s in ("all", "dev", "test")) + " |"
              for name in VARIANTS]
    lines += ["", "| referent-less follow-ups abstained | all | dev | test |", "|---|---|---|---|"]
    lines += [f"| {name} | " + " | ".join(f"{run.abstained[name][s]:.3f}" for s in ("all", "dev", "test")) + " |"
              for name in run.abstained]
    lines += ["", f"Latency: a follow-up with {HISTORY_TURNS} turns of history {run.latency_ms[0]:.1f} ms p50 against "
                  f"its standalone question alone {run.latency_ms[1]:.1f} ms (ratio {run.latency_ratio:.2f})."]
    return "\n".join(lines)
