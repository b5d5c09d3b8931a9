"""Report writing from synthetic outcomes: the Markdown says what happened, the plots are real PNGs."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.evaluation.cli import span_run
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.report import (
    MAX_FAILURES,
    RECALL_PLOT,
    RELIABILITY_PLOT,
    RISK_PLOT,
    Evaluation,
    ModeRun,
    failures_table,
    markdown_table,
    point_at,
    summary,
    write_report,
)
from qa.evaluation.run import Outcome, risk_coverage

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
THRESHOLD = 0.45


def outcome(id: str, kind: str, split: str, rank: int | None, score: float, correct: bool,
            answerable: bool = True) -> Outcome:
    gold = GoldQuestion(id, f"question {id}?", f"answer {id}" if answerable else None,
                        "doc" if answerable else None, 0 if answerable else None, 8 if answerable else None,
                        kind, split)
    return Outcome(gold, rank, score, correct, f"answer {id}" if correct else "something else", 3, 3, 0.01)


def outcomes() -> list[Outcome]:
    return [
        outcome("q1", "plain", "dev", 1, 0.9, True),                  # right
        outcome("q2", "paraphrase", "test", 3, 0.6, False),           # answered wrongly
        outcome("q3", "typo", "dev", None, 0.2, False),               # wrongly abstained
        outcome("q4", "unanswerable", "test", None, 0.1, False, answerable=False),  # rightly abstained
        outcome("q5", "unanswerable", "dev", None, 0.7, False, answerable=False),   # answered, should not
    ]


def span_evaluation() -> Evaluation:
    runs = [span_run("dense", outcomes(), THRESHOLD), span_run("hybrid", outcomes()[::-1], THRESHOLD)]
    return Evaluation("gold.jsonl", "jsonl", THRESHOLD, 10, "hybrid", runs)


def retrieval_evaluation() -> Evaluation:
    metrics = {"questions": 2, "recall@1": 0.5, "recall@10": 1.0, "mrr@10": 0.75, "ndcg@10": 0.8,
               "latency_p50_ms": 3.0, "latency_p95_ms": 4.0}
    run = ModeRun("bm25", metrics, {}, {}, [0.5] * 2 + [1.0] * 8, [])
    return Evaluation("beir-folder", "beir", THRESHOLD, 20, "bm25", [run])


def test_report_writes_markdown_and_valid_pngs(tmp_path: Path) -> None:
    path = write_report(span_evaluation(), tmp_path / "eval")
    assert path == tmp_path / "eval" / "report.md"
    for plot in (RECALL_PLOT, RISK_PLOT, RELIABILITY_PLOT):
        assert (path.parent / plot).read_bytes().startswith(PNG_MAGIC)
        assert f"]({plot})" in path.read_text(encoding="utf-8")
    calibration = path.read_text(encoding="utf-8").split("## Calibration")[1].split("##")[0]
    assert "| dev |" in calibration and "ECE" in calibration


def test_report_lists_kinds_and_exactly_the_failed_questions(tmp_path: Path) -> None:
    text = write_report(span_evaluation(), tmp_path).read_text(encoding="utf-8")
    failures = text.split("## Failed questions")[1]
    assert [q for q in ("q1", "q2", "q3", "q4", "q5") if f"| {q} |" in failures] == ["q2", "q3", "q5"]
    kinds = text.split("## Per kind (hybrid)")[1].split("##")[0]
    for kind in ("plain", "paraphrase", "typo", "unanswerable"):
        assert f"| {kind} |" in kinds


def test_retrieval_only_report_has_no_answer_sections(tmp_path: Path) -> None:
    path = write_report(retrieval_evaluation(), tmp_path)
    assert (tmp_path / RECALL_PLOT).read_bytes().startswith(PNG_MAGIC)
    assert not (tmp_path / RISK_PLOT).exists()
    assert "Failed questions" not in path.read_text(encoding="utf-8")
    assert "retrieval only" in path.read_text(encoding="utf-8")


def test_summary_puts_modes_side_by_side() -> None:
    lines = summary(span_evaluation()).splitlines()
    assert "| metric | dense | hybrid |" in lines
    recall_row = next(line for line in lines if line.startswith("| recall@1 |"))
    assert recall_row == "| recall@1 | 0.333 | 0.333 |"
    assert "| metric | dense · dev | dense · test | hybrid · dev | hybrid · test |" in lines


def test_point_at_answers_every_score_at_or_above_the_threshold() -> None:
    points = risk_coverage(outcomes())
    # scores >= 0.45: q1 (right), q2 and q5 (wrong)
    assert point_at(points, THRESHOLD) == pytest.approx((3 / 5, 2 / 3))
    assert point_at(points, 0.0) == pytest.approx((1.0, 4 / 5))
    assert point_at(points, 0.95) == (0.0, 0.0)


def test_failures_table_without_failures() -> None:
    assert failures_table(outcomes()[:1], THRESHOLD) == "None."


def test_markdown_cells_escape_pipes_and_newlines() -> None:
    table = markdown_table(["a", "b"], [["x|y", "two\nlines"]])
    assert table.splitlines()[-1] == "| x\\|y | two lines |"


def test_failures_table_is_capped_for_large_gold_sets() -> None:
    many = [outcome(f"q{n}", "plain", "dev", None, 0.1, False) for n in range(MAX_FAILURES + 5)]
    table = failures_table(many, THRESHOLD)
    assert table.count("(abstained)") == MAX_FAILURES and table.endswith("… and 5 more.")
