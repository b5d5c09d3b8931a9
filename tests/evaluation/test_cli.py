"""`qa eval`: metric definitions by hand, the real command on the real seeds, and errors a user can act on."""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import pytest

from qa.cli import main as qa_main
from qa.documents.reading import load_documents
from qa.errors import GoldSetError, InvalidInputError
from qa.evaluation.cli import RankedDocuments, check_spans, parse_modes, retrieval_metrics, span_metrics
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.run import Outcome
from tests.helpers.paths import ROOT

THRESHOLD = 0.45
METRIC_KEYS = {"questions", "recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "answer_em",
               "answer_f1", "answer_accuracy", "abstention_precision", "abstention_recall",
               "false_abstention_rate", "citation_fidelity", "latency_p50_ms", "latency_p95_ms", "fitted_threshold"}


def outcome(id: str, rank: int | None, score: float, answer: str | None, predicted: str, correct: bool) -> Outcome:
    span = (0, len(answer)) if answer else (None, None)
    gold = GoldQuestion(id, f"{id}?", answer, "doc" if answer else None, *span)
    return Outcome(gold, rank, score, correct, predicted, 2, 3, 0.001 * int(id[1:]))


def outcomes() -> list[Outcome]:
    return [outcome("q1", 1, 0.9, "Department of Justice", "the Department of Justice", True),
            outcome("q2", 3, 0.6, "National Targeting Center", "Targeting Center staff", False),
            outcome("q3", None, 0.2, "1904", "", False),
            outcome("q4", None, 0.1, None, "", False),
            outcome("q5", None, 0.7, None, "something", False)]


def test_span_metrics_by_hand() -> None:
    metrics = span_metrics(outcomes(), THRESHOLD)
    assert metrics["recall@1"] == pytest.approx(1 / 3)
    assert metrics["recall@3"] == metrics["recall@10"] == pytest.approx(2 / 3)
    assert metrics["mrr@10"] == pytest.approx((1 + 1 / 3) / 3)
    assert metrics["ndcg@10"] == pytest.approx((1 + 1 / math.log2(4)) / 3)
    # answered answerable: q1 (EM 1, F1 1) and q2 (2 of 3 tokens: P 2/3, R 2/3)
    assert metrics["answer_em"] == pytest.approx(0.5)
    assert metrics["answer_f1"] == pytest.approx((1 + 2 / 3) / 2)
    assert metrics["answer_accuracy"] == pytest.approx(1 / 3)
    # abstained: q3 (answerable) and q4 (unanswerable); unanswerable: q4 and q5
    assert metrics["abstention_precision"] == pytest.approx(1 / 2)
    assert metrics["abstention_recall"] == pytest.approx(1 / 2)
    assert metrics["false_abstention_rate"] == pytest.approx(1 / 3)
    assert metrics["citation_fidelity"] == pytest.approx(2 / 3)
    assert (metrics["answerable"], metrics["unanswerable"]) == (3, 2)


def test_retrieval_metrics_with_graded_qrels_by_hand() -> None:
    qrels = {"a": {"d1": 2.0, "d2": 1.0, "d9": 0.0}, "b": {"d5": 1.0}}
    ranked = [RankedDocuments("a", ["d9", "d2", "d3", "d1"], 0.010), RankedDocuments("b", ["d4"], 0.020)]
    metrics = retrieval_metrics(ranked, qrels)
    assert metrics["recall@1"] == 0.0
    assert metrics["recall@3"] == pytest.approx(0.5 / 2)       # a: d2 of {d1, d2}; b: nothing
    assert metrics["recall@5"] == pytest.approx(1.0 / 2)
    assert metrics["mrr@10"] == pytest.approx(0.5 / 2)          # a: d2 at rank 2 (d9 has grade 0)
    dcg = 1 / math.log2(3) + 2 / math.log2(5)
    ideal = 2 + 1 / math.log2(3)
    assert metrics["ndcg@10"] == pytest.approx(dcg / ideal / 2)
    assert metrics["latency_p50_ms"] == pytest.approx(15.0)


def test_parse_modes() -> None:
    assert parse_modes(None, "hybrid") == ["hybrid"]
    assert parse_modes("dense, bm25", "hybrid") == ["dense", "bm25"]
    with pytest.raises(InvalidInputError, match="--compare"):
        parse_modes("dense,sparse", "hybrid")


def test_check_spans_rejects_offsets_that_do_not_slice_to_the_answer() -> None:
    documents = {d.doc_id: d for d in load_documents(ROOT / "seeds")}
    doc_id, document = next(iter(documents.items()))
    right = GoldQuestion("ok", "?", document.text[10:20], doc_id, 10, 20)
    check_spans(documents, [right])
    with pytest.raises(GoldSetError, match="fix the offsets"):
        check_spans(documents, [GoldQuestion("shifted", "?", document.text[10:20], doc_id, 11, 21)])
    with pytest.raises(GoldSetError, match="no document 'elsewhere'"):
        check_spans(documents, [GoldQuestion("gone", "?", "x", "elsewhere", 0, 1)])


@pytest.fixture(scope="module")
def real_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, Path]:
    """`qa eval --compare dense,bm25 --json --report DIR` once, through the real `qa` entry point."""
    report = tmp_path_factory.mktemp("report")
    stdout = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(stdout):
        patch.setenv("QA_SEEDS_DIR", str(ROOT / "seeds"))
        patch.setenv("QA_INDEX_DIR", str(ROOT / "index"))
        code = qa_main(["eval", "--compare", "dense,bm25", "--json", "--report", str(report)])
    return code, json.loads(stdout.getvalue()), report


@pytest.mark.slow
def test_qa_eval_compare_json_has_every_metric_per_mode(real_run: tuple[int, dict, Path]) -> None:
    code, result, _ = real_run
    assert code == 0 and result["format"] == "jsonl"
    assert list(result["modes"]) == ["dense", "bm25"]
    for metrics in result["modes"].values():
        assert metrics.keys() >= METRIC_KEYS
        assert metrics["questions"] == len((ROOT / "seeds/gold/questions.jsonl").read_text().splitlines())
        assert all(0.0 <= metrics[k] <= 1.0 for k in METRIC_KEYS if "@" in k or k.startswith(("answer", "abst")))
        assert metrics["citation_fidelity"] == 1.0
        assert set(metrics["splits"]) == {"dev", "test"}
        assert {"plain", "unanswerable"} <= set(metrics["kinds"])


@pytest.mark.slow
def test_qa_eval_report_links_its_plots(real_run: tuple[int, dict, Path]) -> None:
    _, _, report = real_run
    text = (report / "report.md").read_text(encoding="utf-8")
    for plot in ("recall_at_k.png", "risk_coverage.png"):
        assert (report / plot).read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and f"({plot})" in text


UNANSWERABLE = '{"id": "q0", "question": "Who?", "answer": null, "doc_id": null, "start": null, "end": null}'


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": "q1", "question": "Who?"\n', ":1: not a gold question"),
    (f"{UNANSWERABLE}\n\"id, question, answer\"\n", "every line must be a JSON object"),
    (f"{UNANSWERABLE}\n[1, 2]\n", ":2: not a gold question"),
    ('{"id": "q1", "question": "Who?", "answer": "Bob", "doc_id": null, "start": null, "end": null}\n',
     "has an answer but no doc_id"),
    ("", "holds no questions"),
])
def test_malformed_gold_exits_1_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    monkeypatch.chdir(ROOT)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    assert qa_main(["eval", "--gold", str(gold)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and message in captured.err and str(gold) in captured.err
    assert captured.out == ""
