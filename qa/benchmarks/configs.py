"""Which serving configuration uses the cores best: `python -m qa.benchmarks.configs`.

Every configuration runs as its own `qa serve` at the same time (an idle server costs nothing), and
`wrk` loads them in turn, round after round, so a machine that speeds up or slows down during the
run affects them all alike; the table gives each one's median over the rounds at 1 and 16 clients.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from qa.benchmarks.cli import gold_questions
from qa.benchmarks.harness import Server, server_env
from qa.benchmarks.measure import bench_server_settings
from qa.benchmarks.throughput import ask_target, have_wrk, interleaved_rounds, median_of
from qa.embedding import load_embedder
from qa.errors import QAError
from qa.service.startup import ensure_index
from qa.settings import Settings

# name -> (uvicorn worker processes, settings)
CONFIGS: dict[str, tuple[int, dict[str, object]]] = {
    "1 process, one model call per question": (1, {"encode_batch_size": 1, "encode_workers": 64}),
    "1 process, micro-batches of 16": (1, {"encode_batch_size": 16}),
    "1 process, micro-batches of 16, 2 ms wait": (1, {"encode_batch_size": 16, "encode_wait_ms": 2}),
    "2 processes, one model call per question": (2, {"encode_batch_size": 1, "encode_workers": 64}),
    "2 processes, micro-batches of 16, 1 model call each": (2, {"encode_batch_size": 16, "encode_workers": 1}),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not have_wrk():
        raise QAError("this comparison needs Debian's wrk: apt-get install wrk")
    settings = Settings()
    questions = gold_questions(settings.seeds_dir / settings.gold_dirname / "questions.jsonl")
    with tempfile.TemporaryDirectory(prefix="qa-configs-") as folder:
        workdir = Path(folder)
        settings = bench_server_settings(settings.model_copy(update={"index_dir": workdir / "index",
                                                                     "seeds_dir": settings.seeds_dir.resolve()}))
        ensure_index(settings, load_embedder(settings))
        servers = {name: _start(settings, processes, overrides, workdir, number)
                   for number, (name, (processes, overrides)) in enumerate(CONFIGS.items())}
        try:
            targets = {name: ask_target(server) for name, server in servers.items()}
            results = interleaved_rounds(targets, questions, (1, 16), args.rounds, args.seconds, workdir)
        finally:
            for server in servers.values():
                server.stop()
    print(_table(results, args))
    return 0


def _start(settings: Settings, processes: int, overrides: dict[str, object], workdir: Path, number: int) -> Server:
    env = server_env(settings.model_copy(update=overrides))
    options = ("--workers", str(processes)) if processes > 1 else ()
    return Server.start(env, workdir / f"server-{number}.log", options=options)


def _table(results: dict[str, dict[int, list[dict]]], args: argparse.Namespace) -> str:
    lines = [f"Median of {args.rounds} interleaved rounds of {args.seconds:g} s per level, wrk, "
             f"{os.cpu_count()} CPUs.", "",
             "| configuration | req/s, 1 client | p50 ms, 1 client | req/s, 16 clients | p50 ms | p99 ms | "
             "server CPU cores |", "|---|---|---|---|---|---|---|"]
    for name, levels in results.items():
        one, top = levels[1], levels[16]
        lines.append(f"| {name} | {median_of(one, 'requests_per_s')} | {median_of(one, 'p50_ms')} | "
                     f"{median_of(top, 'requests_per_s')} | {median_of(top, 'p50_ms')} | {median_of(top, 'p99_ms')} | "
                     f"{median_of(top, 'server_cpu_cores')} |")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa.benchmarks.configs", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5.0)
    return parser


if __name__ == "__main__":
    sys.exit(main())
