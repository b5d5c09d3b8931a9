"""`qa eval`: run a gold set through each retrieval mode; print a table, optionally write a report."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import cast, get_args

from tqdm import tqdm

from qa.documents.reading import Document
from qa.embedding import load_embedder
from qa.embedding.base import Embedder
from qa.errors import GoldSetError, InvalidInputError
from qa.evaluation.conversations import conversation_table, is_conversational, run_conversations
from qa.evaluation.formats import RetrievalGold, SpanGold, load_gold_set
from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import hit_at_k, ndcg_at_k, percentile, recall_at_k, reciprocal_rank
from qa.evaluation.report import Evaluation, ModeRun, summary, write_report
from qa.evaluation.run import Outcome, evaluate, fit_threshold, summarise
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import ensure_index, open_service
from qa.settings import MAX_QUESTION_CHARS, MAX_TOP_K, MODES, Mode, Settings, StoreKind

CUTOFFS = (1, 3, 5, 10)
CURVE_DEPTH = 10


@dataclass(frozen=True)
class RankedDocuments:
    """One BEIR query's retrieved documents (corpus ids, best first, each once)."""

    query_id: str
    documents: list[str]
    seconds: float


def main(argv: list[str], settings: Settings, embedder: Embedder | None = None) -> int:
    args = _parser().parse_args(argv)
    modes = parse_modes(args.compare, settings.mode)
    stores = parse_stores(args.stores, settings)
    if not 1 <= args.top_k <= MAX_TOP_K:
        raise InvalidInputError(f"--top-k must be between 1 and {MAX_TOP_K}, not {args.top_k}")
    gold_path = args.gold or settings.seeds_dir / settings.gold_dirname / "questions.jsonl"
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as workdir:
        gold = load_gold_set(gold_path, settings, Path(workdir), args.corpus, args.index)
        if args.split and isinstance(gold, SpanGold):
            gold = replace(gold, questions=[q for q in gold.questions if q.split == args.split])
        embedder = embedder or load_embedder(settings)
        evaluations, conversations = [], None
        for store in stores:
            store_settings = _store_settings(gold.settings, store, Path(workdir))
            ensure_index(store_settings, embedder, progress=sys.stderr.isatty())
            service = open_service(store_settings, build=False, embedder=embedder, cache_size=0)
            evaluations.append((store, run_evaluation(service, gold, modes, args.top_k, str(gold_path))))
            if conversations is None and isinstance(gold, SpanGold) and is_conversational(gold.questions):
                conversations = run_conversations(service, gold.questions, cast(Mode, evaluations[0][1].default_mode),
                                                  args.top_k)
        evaluation = _side_by_side(evaluations)
    if args.json:
        extra = {"conversations": asdict(conversations)} if conversations else {}
        print(json.dumps({**evaluation_json(evaluation), **extra}, indent=2))
    else:
        print(summary(evaluation) + (f"\n\n{conversation_table(conversations)}" if conversations else ""))
    if args.report:
        path = write_report(evaluation, args.report)
        if conversations:
            with path.open("a", encoding="utf-8") as report:
                report.write(f"\n## Follow-up questions\n\n{conversation_table(conversations)}\n")
        print(f"report written to {path}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa eval", description="Measure retrieval and answers on a gold set: "
                                     "the project's .jsonl, a SQuAD 2.0 .json or a BEIR folder.")
    parser.add_argument("--gold", type=Path, default=None, help="gold set (default: seeds/gold/questions.jsonl)")
    parser.add_argument("--compare", default=None, help="comma-separated modes, e.g. dense,bm25,hybrid "
                        "(default: the configured mode)")
    parser.add_argument("--stores", default=None, help="comma-separated stores to compare: faiss, milvus "
                        "(Milvus runs in a temporary Milvus Lite file; default: QA_STORE)")
    parser.add_argument("--top-k", type=int, default=10, help="passages retrieved per question (default 10)")
    parser.add_argument("--report", type=Path, default=None, help="write DIR/report.md and PNG plots")
    parser.add_argument("--corpus", type=Path, default=None, help="the documents a .jsonl gold set is asked over "
                        "(default: a documents/ folder beside it, else QA_SEEDS_DIR)")
    parser.add_argument("--split", choices=("dev", "test"), default=None, help="ask only the questions of one half")
    parser.add_argument("--index", type=Path, default=None, help="keep the index of --corpus here between runs "
                        "(default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    return parser


def parse_modes(compare: str | None, default: str) -> list[Mode]:
    modes = [m.strip() for m in compare.split(",") if m.strip()] if compare else [default]
    if not modes or any(m not in MODES for m in modes):
        raise InvalidInputError(f"--compare takes modes from {', '.join(MODES)}, not {compare!r}")
    return cast(list[Mode], modes)


STORES = get_args(StoreKind)


def parse_stores(stores: str | None, settings: Settings) -> list[str]:
    chosen: list[str] = [s.strip() for s in stores.split(",") if s.strip()] if stores else [settings.store]
    if not chosen or any(s not in STORES for s in chosen):
        raise InvalidInputError(f"--stores takes stores from {', '.join(STORES)}, not {stores!r}")
    return chosen


def _store_settings(settings: Settings, store: str, workdir: Path) -> Settings:
    """Settings for one store; Milvus gets a fresh Lite file of its own, never the configured server."""
    if store == "faiss":
        return settings.model_copy(update={"store": "faiss"})
    return settings.model_copy(update={"store": "milvus", "milvus_uri": str(workdir / "milvus.db"),
                                       "milvus_prefix": "eval"})


def _side_by_side(evaluations: list[tuple[str, Evaluation]]) -> Evaluation:
    """One evaluation whose runs are every mode on every store ("hybrid · milvus"); one store keeps plain names."""
    if len(evaluations) == 1:
        return evaluations[0][1]
    first = evaluations[0][1]
    runs = [replace(run, mode=f"{run.mode} · {store}") for store, evaluation in evaluations for run in evaluation.runs]
    return replace(first, default_mode=f"{first.default_mode} · {evaluations[0][0]}", runs=runs)


def run_evaluation(service: QuestionAnswerer, gold: SpanGold | RetrievalGold, modes: list[Mode], top_k: int,
                   name: str) -> Evaluation:
    """Every mode over the gold set; the default mode is the configured one when it was run."""
    if isinstance(gold, SpanGold):
        check_spans(service.snapshot.corpus.documents, gold.questions)
        runs = [run_span_mode(service, gold.questions, mode, top_k) for mode in modes]
    else:
        runs, top_k = [run_retrieval_mode(service, gold, mode) for mode in modes], MAX_TOP_K
    default = service.settings.mode if service.settings.mode in modes else modes[0]
    return Evaluation(name, gold.format, service.threshold, top_k, default, runs)


def check_spans(documents: dict[str, Document], questions: list[GoldQuestion]) -> None:
    """Every answer must slice out of its document, or every judgement on it would be wrong."""
    for gold in (q for q in questions if q.answerable):
        document = documents.get(gold.doc_id or "")
        if document is None:
            raise GoldSetError(f"question {gold.id}: no document {gold.doc_id!r} in the index; "
                               f"`qa index` lists what is indexed, the gold doc_id must be one of those")
        if document.text[gold.start:gold.end] != gold.answer:
            raise GoldSetError(f"question {gold.id}: {gold.doc_id}[{gold.start}:{gold.end}] is "
                               f"{document.text[gold.start:gold.end]!r}, not the answer {gold.answer!r}; "
                               "fix the offsets")


def run_span_mode(service: QuestionAnswerer, questions: list[GoldQuestion], mode: Mode, top_k: int) -> ModeRun:
    service.ask(questions[0].question, top_k=top_k, mode=mode)  # warm up, so latency is steady state
    return span_run(mode, evaluate(service, questions, mode, top_k), service.threshold)


def span_run(mode: str, outcomes: list[Outcome], threshold: float) -> ModeRun:
    """Overall, per-split and per-kind metrics of one mode's outcomes."""
    metrics = {**span_metrics(outcomes, threshold), "fitted_threshold": fit_threshold(outcomes)}
    return ModeRun(mode, metrics, grouped(outcomes, lambda o: o.gold.split, threshold),
                   grouped(outcomes, lambda o: o.gold.kind, threshold), span_recall_curve(outcomes), outcomes,
                   grouped(outcomes, _document_of, threshold))


def _document_of(outcome: Outcome) -> str:
    """Per-document groups: split first, so each half's documents sit together; off-topic questions apart."""
    return f"{outcome.gold.split} · {outcome.gold.doc_id or '(off-topic)'}"


def span_metrics(outcomes: list[Outcome], threshold: float) -> dict[str, float]:
    """Retrieval, answer and abstention metrics; a passage is relevant when it holds the gold span."""
    base = summarise(outcomes, threshold)
    answerable = [o for o in outcomes if o.gold.answerable]
    return {
        "questions": len(outcomes), "answerable": len(answerable),
        "unanswerable": len(outcomes) - len(answerable),
        **{f"recall@{k}": _mean(hit_at_k(o.rank, k) for o in answerable) for k in CUTOFFS},
        "mrr@10": _mean(reciprocal_rank(o.rank, 10) for o in answerable),
        "ndcg@10": _mean(_span_ndcg(o.rank) for o in answerable),
        "answer_em": base["answer_em"], "answer_f1": base["answer_f1"],
        "answer_accuracy": base["answer_accuracy"],
        "abstention_precision": base["abstention_precision"],
        "abstention_recall": base["abstention_accuracy"],  # unanswerable abstained / all unanswerable
        "false_abstention_rate": base["false_abstention_rate"],
        "wrong_document@1": base["wrong_document@1"], "ece": base["ece"],
        "citation_fidelity": base["citation_fidelity"],
        "latency_p50_ms": base["latency_p50_ms"], "latency_p95_ms": base["latency_p95_ms"],
    }


def _span_ndcg(rank: int | None) -> float:
    """Binary nDCG@10 where only the first passage holding the gold span is relevant."""
    ranking = [""] * (rank - 1) + ["gold"] if rank else []
    return ndcg_at_k(ranking, {"gold": 1.0}, 10)


def span_recall_curve(outcomes: list[Outcome]) -> list[float]:
    answerable = [o for o in outcomes if o.gold.answerable]
    return [_mean(hit_at_k(o.rank, k) for o in answerable) for k in range(1, CURVE_DEPTH + 1)]


def grouped(outcomes: list[Outcome], key: Callable[[Outcome], str], threshold: float) -> dict[str, dict[str, float]]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(key(outcome), []).append(outcome)
    return {name: span_metrics(members, threshold) for name, members in sorted(groups.items())}


def run_retrieval_mode(service: QuestionAnswerer, gold: RetrievalGold, mode: Mode) -> ModeRun:
    ranked = rank_documents(service, gold, mode)
    curve = [_mean(recall_at_k(r.documents, _relevant(gold, r.query_id), k) for r in ranked)
             for k in range(1, CURVE_DEPTH + 1)]
    return ModeRun(mode, retrieval_metrics(ranked, gold.qrels), {}, {}, curve, [])


def rank_documents(service: QuestionAnswerer, gold: RetrievalGold, mode: Mode) -> list[RankedDocuments]:
    """Search every query as deep as the service allows, then keep each document's best passage."""
    ranked = []
    for query_id, text in tqdm(gold.queries.items(), desc=mode, unit="query", disable=None, leave=False):
        started = time.perf_counter()
        passages = service.search(text[:MAX_QUESTION_CHARS], top_k=MAX_TOP_K, mode=mode)
        seconds = time.perf_counter() - started
        documents = dict.fromkeys(gold.doc_ids[p.citation.doc_id] for p in passages)
        ranked.append(RankedDocuments(query_id, list(documents), seconds))
    return ranked


def retrieval_metrics(ranked: list[RankedDocuments], qrels: dict[str, dict[str, float]]) -> dict[str, float]:
    """Document-level recall@k, MRR@10 and graded nDCG@10 (BEIR's definitions), plus latency."""
    latencies = [r.seconds * 1000 for r in ranked]
    return {
        "questions": len(ranked),
        **{f"recall@{k}": _mean(recall_at_k(r.documents, _positive(qrels[r.query_id]), k) for r in ranked)
           for k in CUTOFFS},
        "mrr@10": _mean(reciprocal_rank(_first_relevant(r.documents, qrels[r.query_id]), 10) for r in ranked),
        "ndcg@10": _mean(ndcg_at_k(r.documents, qrels[r.query_id], 10) for r in ranked),
        "latency_p50_ms": percentile(latencies, 50), "latency_p95_ms": percentile(latencies, 95),
    }


def _relevant(gold: RetrievalGold, query_id: str) -> set[str]:
    return _positive(gold.qrels[query_id])


def _positive(gains: dict[str, float]) -> set[str]:
    return {doc for doc, gain in gains.items() if gain > 0}


def _first_relevant(documents: list[str], gains: dict[str, float]) -> int | None:
    return next((rank for rank, doc in enumerate(documents, start=1) if gains.get(doc, 0) > 0), None)


def evaluation_json(evaluation: Evaluation) -> dict:
    return {"gold": evaluation.gold, "format": evaluation.format, "threshold": evaluation.threshold,
            "top_k": evaluation.top_k,
            "modes": {run.mode: {**run.metrics, "splits": run.splits, "kinds": run.kinds,
                                 "recall_curve": run.recall_curve} for run in evaluation.runs}}


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
