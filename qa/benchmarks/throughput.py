"""Throughput against the compute limit: `wrk` as the load generator, the server's time split by stage.

The compute limit is what two (or N) cores could serve if they did nothing but encode questions at
the best batch size: cores ÷ per-question encode cost. Load comes from `wrk` (Debian's `wrk`, C,
one thread per core), so the generator is not the bottleneck; its own CPU is reported. Each
request is a gold question with its word gaps widened to a new pattern: a new cache key with the
same tokens. When `wrk` is missing the bench falls back to its Python clients and says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.benchmarks.harness import Server
from qa.embedding.base import Embedder
from qa.errors import QAError

BATCH_SIZES = (1, 2, 4, 8, 16, 32)
STAGES = ("embed", "search", "answer")

# Each request: a gold question whose word gaps encode a number (base 8), so the text is new and the
# tokens are not. Request k of wrk thread `id` (of `threads`) is number offset + k * threads + id: no
# two requests of a run, nor of successive runs (the offset moves on), carry the same text until a
# question's gaps run out of patterns (8 ** gaps uses of it; a 1,024-entry cache has long forgotten it).
# The questions are read from the file next to the script, escaped for the request they go into (JSON
# for /ask, the URL for a peer's GET search).
WRK_SCRIPT = """
local questions = {}
for line in io.lines("%(questions)s") do questions[#questions + 1] = line end
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
local counter = 0
wrk.method = "%(method)s"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local number = %(offset)d + counter * %(threads)d + id
  counter = counter + 1
  local question = questions[(number %% #questions) + 1]
  local n = math.floor(number / #questions)
  local spaced = question:gsub(" ", function()
    local width = 1 + n %% 8
    n = math.floor(n / 8)
    return string.rep("%(space)s", width)
  end)
  %(request)s
end
"""
ASK_REQUEST = """return wrk.format(nil, "/ask", nil, '{"question": "' .. spaced .. '"}')"""


_first_number = [0]  # the number of the next wrk run's first request (see WRK_SCRIPT)


@dataclass(frozen=True)
class Target:
    """Where `wrk` sends its load: a URL, the request each question becomes, and the server's CPU time."""

    url: str
    cpu_seconds: Callable[[], float]
    method: str = "POST"
    request: str = ASK_REQUEST  # Lua: the request for `spaced`, the varied question
    space: str = " "  # a word gap, as written in the request
    escape: Callable[[str], str] = lambda question: json.dumps(question)[1:-1]  # as it goes into the request

    @property
    def name(self) -> str:
        return hashlib.sha1(f"{self.method} {self.request} {self.space}".encode()).hexdigest()[:8]


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def compute_limit(embedder: Embedder, questions: list[str], cores: int, rounds: int = 2) -> dict:
    """Per-question encode cost at each batch size (median over the gold questions) and the limit."""
    tokens_of = getattr(embedder, "tokenizer", None)
    run = getattr(embedder, "_run", None)
    costs = {}
    for size in BATCH_SIZES:
        samples = []
        for _ in range(rounds):
            for start in range(0, max(1, len(questions) - size + 1), size):
                batch = questions[start:start + size]
                if len(batch) < size:
                    break
                if run is not None and tokens_of is not None:  # the ONNX backend: the model call alone
                    ids = [tokens_of.encode(text).ids for text in batch]
                    started = time.perf_counter()
                    run(ids)
                else:
                    started = time.perf_counter()
                    embedder.embed(batch, batch_size=size)
                samples.append((time.perf_counter() - started) * 1000 / size)
        if samples:
            costs[size] = round(float(np.median(samples)), 3)
    best = min(costs, key=lambda size: costs[size])
    return {"per_question_ms": {str(size): ms for size, ms in costs.items()}, "best_batch": best,  # JSON keys
            "best_ms": costs[best], "cores": cores, "limit_requests_per_s": round(cores * 1000 / costs[best], 1)}


def ask_target(server: Server) -> Target:
    """Our `POST /ask` on a running `qa serve`."""
    return Target(server.url, server.cpu_seconds)


def interleaved_rounds(targets: dict[str, Target], questions: list[str], clients: Sequence[int], rounds: int,
                       seconds: float, workdir: Path) -> dict[str, dict[int, list[dict]]]:
    """Every target warmed up, then `wrk` at each client count on each target in turn, round after round,
    so a machine that speeds up or slows down during the run affects them all alike."""
    for target in targets.values():  # the lazy parts of every worker (BM25, term weights) before any clock runs
        wrk_run(target, questions, 4, 2, workdir)
    results: dict[str, dict[int, list[dict]]] = {name: {count: [] for count in clients} for name in targets}
    for number in range(rounds):
        for name, target in targets.items():
            for count in clients:
                results[name][count].append(wrk_run(target, questions, count, seconds, workdir))
            print(f"round {number + 1}: {name}: {results[name][clients[-1]][-1]['requests_per_s']} req/s at "
                  f"{clients[-1]} clients", file=sys.stderr)
    return results


def median_of(runs: list[dict], key: str) -> float:
    """The median of one measure over runs (0.0 when no run has it), to one decimal."""
    values = [run[key] for run in runs if run[key] is not None]
    return round(statistics.median(values), 1) if values else 0.0


def wrk_load(server: Server, questions: list[str], concurrency: int, seconds: float, workdir: Path) -> dict:
    """One `wrk` run against our `/ask`, with each stage's share of the server's time."""
    before = _stage_seconds(server)
    result = wrk_run(ask_target(server), questions, concurrency, seconds, workdir)
    result["time_shares"] = _shares(before, _stage_seconds(server))
    return result


def wrk_run(target: Target, questions: list[str], concurrency: int, seconds: float, workdir: Path) -> dict:
    """One `wrk` run: requests/s, latency percentiles, errors, server and generator CPU."""
    threads = max(1, min(concurrency, os.cpu_count() or 1))
    script = _script(target, questions, threads, workdir)
    cpu_before, children_before = target.cpu_seconds(), _children_cpu()
    started = time.perf_counter()
    run = subprocess.run(["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{wrk_duration(seconds)}", "--latency",
                          "-s", str(script), target.url], capture_output=True, text=True, timeout=seconds + 60)
    wall = time.perf_counter() - started
    if run.returncode != 0:
        raise QAError(f"wrk failed (exit {run.returncode}): {(run.stderr or run.stdout).strip()[:500]}")
    parsed = parse_wrk(run.stdout)
    # no thread numbered past its requests, its failures (wrk asks again after one) and its connections: the
    # next run starts above them all
    _first_number[0] += threads * (parsed["requests"] + parsed["errors"] + concurrency)
    return {"concurrency": concurrency, "generator": "wrk", "seconds": round(wall, 2), **parsed,
            "server_cpu_cores": round((target.cpu_seconds() - cpu_before) / wall, 2),
            "client_cpu_cores": round((_children_cpu() - children_before) / wall, 2)}


def wrk_duration(seconds: float) -> str:
    """`wrk -d` takes whole seconds only ("2.5s" is refused): the nearest, at least one."""
    return f"{max(1, round(seconds))}s"


def parse_wrk(output: str) -> dict:
    """Requests, errors, req/s and the 50th/99th latency percentiles (ms) of `wrk --latency` output."""
    requests = _number(r"(\d+) requests in", output)
    non_2xx = _number(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {"requests": int(requests), "errors": int(non_2xx + socket),
            "requests_per_s": round(_number(r"Requests/sec:\s+([\d.]+)", output), 1),
            "p50_ms": _latency("50%", output), "p99_ms": _latency("99%", output)}


def _number(pattern: str, text: str) -> float:
    match = re.search(pattern, text)
    return float(match.group(1)) if match else 0.0


def _latency(label: str, text: str) -> float | None:
    match = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 3)


def _script(target: Target, questions: list[str], threads: int, workdir: Path) -> Path:
    listing = workdir / f"wrk-questions-{target.name}.txt"
    listing.write_text("\n".join(target.escape(q) for q in questions) + "\n", encoding="utf-8")
    script = workdir / f"wrk-{target.name}.lua"
    values = {"questions": listing, "method": target.method, "request": target.request, "space": target.space,
              "threads": threads, "offset": _first_number[0]}
    script.write_text(WRK_SCRIPT % values, encoding="utf-8")
    return script


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _stage_seconds(server: Server) -> dict[str, float]:
    """Cumulative seconds per stage and in /ask requests, from the server's Prometheus metrics."""
    import httpx

    text = httpx.get(f"{server.url}/metrics", timeout=10, trust_env=False).text
    found = {stage: _number(rf'qa_stage_duration_seconds_sum\{{stage="{stage}"\}} ([\d.e+-]+)', text)
             for stage in STAGES}
    found["request"] = _number(r'qa_http_request_duration_seconds_sum\{method="POST",route="/ask",'
                               r'status="200"\} ([\d.e+-]+)', text)
    return found


def _shares(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """Each stage's share of the time requests spent in the server; the rest is the HTTP stack and queues."""
    total = after["request"] - before["request"]
    if total <= 0:
        return {}
    shares = {stage: round((after[stage] - before[stage]) / total, 3) for stage in STAGES}
    shares["http stack and queues"] = round(1 - sum(shares.values()), 3)
    return shares
