"""`qa bench`: latency, throughput, build speed, start-up and memory against the bare encode, in one run.

The index goes to a temporary folder and the HTTP numbers come from a real `qa serve` subprocess on
loopback (`qa.benchmarks.harness`).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from qa.benchmarks.measure import (
    FULL,
    QUICK,
    Plan,
    ask_in_process,
    build_speed,
    embedders_for,
    encode_floor,
    http_measurements,
    say,
)
from qa.benchmarks.report import TOLERANCE, markdown, meta, ratios, regressions, targets, write_outputs
from qa.benchmarks.throughput import compute_limit
from qa.errors import InvalidInputError
from qa.settings import Settings


def main(argv: list[str], settings: Settings) -> int:
    args = _parser().parse_args(argv)
    settings = settings.model_copy(update={"backend": args.backend or settings.backend,
                                           "seeds_dir": settings.seeds_dir.resolve()})
    plan = QUICK if args.quick else FULL
    plan = replace(plan, seconds=args.seconds or plan.seconds)
    gold_path = args.questions or settings.seeds_dir / settings.gold_dirname / "questions.jsonl"
    questions = gold_questions(gold_path)[: plan.questions]
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as workdir:
        settings = settings.model_copy(update={"index_dir": Path(workdir) / "index"})
        result = run(settings, questions, plan, Path(workdir))
    result["meta"]["quick"] = args.quick
    baseline = json.loads(args.baseline.read_text()) if args.baseline else None
    result["regressions"] = regressions(result, baseline, args.tolerance) if baseline else []
    paths = write_outputs(result, args.out)
    print(markdown(result, baseline, args.tolerance))
    print(f"\nwrote {', '.join(str(p) for p in paths)}")
    return 1 if args.fail_on_regression and result["regressions"] else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa bench", description="Latency, throughput, build speed, start-up "
                                     "and memory of the service against the bare encode, in one run.")
    parser.add_argument("--backend", choices=["torch", "onnx"], default=None,
                        help="embedding backend of the server (default: QA_BACKEND)")
    parser.add_argument("--quick", action="store_true", help="~2 s per load level and 20 questions (CI smoke)")
    parser.add_argument("--seconds", type=float, default=None, help="duration of each load level (default 20)")
    parser.add_argument("--questions", type=Path, default=None, help="gold JSONL (default: the seeds' gold set)")
    parser.add_argument("--out", type=Path, default=Path("docs/bench"), help="folder for the JSON and PNG")
    parser.add_argument("--baseline", type=Path, default=None, help="a previous result JSON to compare with")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="regression threshold (0.20 = 20%%)")
    parser.add_argument("--fail-on-regression", action="store_true", help="exit 1 when a regression is flagged")
    return parser


def gold_questions(path: Path) -> list[str]:
    if not path.is_file():
        raise InvalidInputError(f"no gold questions at {path}; pass --questions FILE (JSONL with a 'question' field)")
    questions = [json.loads(line)["question"] for line in path.read_text().splitlines() if line.strip()]
    if not questions:
        raise InvalidInputError(f"{path} holds no questions")
    return questions


def run(settings: Settings, questions: list[str], plan: Plan, workdir: Path) -> dict:
    """Every measurement, in an order that keeps the in-process ones off the server's CPU time."""
    result: dict = {"meta": meta(settings, len(questions))}
    embedders = embedders_for(settings)
    serving = embedders[settings.backend]
    say("bare encode floor")
    result["encode_ms"] = encode_floor(embedders, questions, plan.rounds)
    say("index build")
    # The serving backend builds last: the server then opens the index its own backend wrote.
    order = sorted(embedders, key=lambda name: name == settings.backend)
    result["build"] = {name: build_speed(settings, embedders[name], plan.builds) for name in order}
    say("in-process ask")
    result["ask_in_process_ms"] = ask_in_process(settings, serving, questions, plan.rounds)
    say("encode cost by batch size (the compute limit)")
    result["compute_limit"] = compute_limit(serving, questions, os.cpu_count() or 1, plan.rounds)
    result.update(http_measurements(settings, questions, plan, workdir))
    result["ratios"] = ratios(result, settings.backend)
    result["targets"] = targets(result, settings.backend)
    result["meta"]["loadavg_end"] = list(os.getloadavg())
    return result
