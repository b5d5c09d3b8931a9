"""`qa eval`: run gold questions through each mode and print (or write) the results."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from qa.eval import evaluate, fit_threshold, load_gold, summarise
from qa.service import open_service
from qa.settings import Settings

COLUMNS = ("hit@1", "hit@3", "mrr@10", "answer_accuracy", "answer_f1", "abstention_accuracy",
           "false_abstention_rate", "citation_fidelity", "latency_p50_ms")


def main(argv: list[str], settings: Settings) -> int:
    parser = argparse.ArgumentParser(prog="qa eval", description="Measure retrieval and answers on gold questions.")
    parser.add_argument("--gold", type=Path, default=None, help="gold file (default: seeds/gold/questions.jsonl)")
    parser.add_argument("--compare", default=None, help="comma-separated modes, e.g. dense,bm25,hybrid")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    return run_eval(parser.parse_args(argv), settings)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    gold_path = args.gold or settings.seeds_dir / settings.gold_dirname / "questions.jsonl"
    questions = load_gold(gold_path)
    service = open_service(settings, cache_size=0)
    modes = args.compare.split(",") if args.compare else [settings.mode]
    rows = {}
    for mode in modes:
        outcomes = evaluate(service, questions, mode.strip(), args.top_k)
        rows[mode] = {**summarise(outcomes, settings.abstain_threshold),
                      "fitted_threshold": fit_threshold(outcomes)}
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(_table(rows, len(questions), settings.abstain_threshold))
    return 0


def _table(rows: dict[str, dict], count: int, threshold: float) -> str:
    header = "| mode | " + " | ".join(COLUMNS) + " |"
    lines = [f"{count} gold questions, abstention threshold {threshold}", "", header,
             "|" + "---|" * (len(COLUMNS) + 1)]
    for mode, metrics in rows.items():
        lines.append(f"| {mode} | " + " | ".join(f"{metrics[c]:.3f}" if c != "latency_p50_ms" else f"{metrics[c]:.1f}"
                                                 for c in COLUMNS) + " |")
    return "\n".join(lines)
