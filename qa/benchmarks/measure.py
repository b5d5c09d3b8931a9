"""What `qa bench` measures: the bare encode floor, index builds, `ask` in process, `/ask` over HTTP and under load.

Everything is measured in one process run, so the ratios (ask ÷ encode, build ÷ encode) hold on a
noisy machine even when absolute milliseconds drift.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from qa.benchmarks.harness import Server, server_env
from qa.benchmarks.throughput import ask_target, have_wrk, wrk_load, wrk_run
from qa.documents.reading import load_documents
from qa.embedding.base import Embedder
from qa.errors import QAError
from qa.settings import Settings
from qa.storage import open_store

if TYPE_CHECKING:  # httpx is imported lazily, only for the HTTP measurements
    import httpx

CONCURRENCY = (1, 4, 16)
# The bench's own server: one loopback client far over any per-IP rate limit, and no read keys to send.
BENCH_SERVER = {"rate_limit_per_second": 0.0, "read_api_keys": []}
_variants = itertools.count(1)  # numbers every "uncached" question text, across threads (next() is atomic)


@dataclass(frozen=True)
class Plan:
    """How much to measure: the full run, or `--quick` for a smoke test."""

    questions: int | None  # None = every gold question
    rounds: int
    seconds: float
    builds: int


FULL = Plan(questions=None, rounds=3, seconds=20.0, builds=3)
QUICK = Plan(questions=20, rounds=1, seconds=2.0, builds=1)


def embedders_for(settings: Settings) -> dict[str, Embedder]:
    """Both backends for the floor; torch is skipped on a torch-free install unless it serves."""
    from qa.embedding.onnx_backend import OnnxEmbedder

    embedders: dict[str, Embedder] = {"onnx": OnnxEmbedder(settings.model)}
    try:
        from qa.embedding.torch_backend import SentenceTransformerEmbedder

        embedders["torch"] = SentenceTransformerEmbedder(settings.model)
    except ImportError:
        if settings.backend == "torch":
            raise
    return embedders



# ---- in-process measurements -------------------------------------------------------------------------

def encode_floor(embedders: dict[str, Embedder], questions: list[str], rounds: int) -> dict[str, dict]:
    """Median bare encode of one question per backend.

    Backends alternate by round, not by question: torch's idle threads spin for a while after each
    call and would slow an ONNX call that follows at once.
    """
    encoders: dict[str, Callable[[str], object]] = {}
    for name, embedder in embedders.items():
        model = getattr(embedder, "model", None)  # torch: SentenceTransformer.encode itself, no wrapper
        encoders[name] = partial(model.encode, normalize_embeddings=True) if model else embedder.embed_one
    samples: dict[str, list[float]] = {name: [] for name in encoders}
    for encode in encoders.values():
        encode("warm up the session and the allocator")
    for _ in range(rounds):
        for name, encode in encoders.items():
            samples[name] += [_ms(encode, question) for question in questions]
    return {name: summary_ms(values) for name, values in samples.items()}


def build_speed(settings: Settings, embedder: Embedder, builds: int, batch_size: int = 64) -> dict:
    """Index builds (`store.sync`) in texts/s beside the raw encode of the same texts at the same batch size."""
    documents = load_documents(settings.seeds_dir, settings.gold_dirname)
    store = open_store(settings)
    recorder = _RecordingEmbedder(embedder)
    build_rates, encode_rates = [], []
    for _ in range(builds):
        recorder.texts.clear()
        milliseconds = _ms(partial(store.sync, reuse=False), documents, settings, recorder)
        texts = list(recorder.texts)
        build_rates.append(len(texts) * 1000 / milliseconds)
        encode_rates.append(len(texts) * 1000 / _ms(embedder.embed, texts, batch_size))
    build, encode = float(np.median(build_rates)), float(np.median(encode_rates))
    return {"texts": len(recorder.texts), "batch_size": batch_size, "build_texts_per_s": round(build, 1),
            "encode_texts_per_s": round(encode, 1), "build_over_encode": round(build / encode, 3)}


class _RecordingEmbedder(Embedder):
    """Passes through to an embedder and keeps the texts a build asked for."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.texts: list[str] = []
        self.name, self.dimension = inner.name, inner.dimension

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts, batch_size, progress)


def ask_in_process(settings: Settings, embedder: Embedder, questions: list[str], rounds: int) -> dict[str, dict]:
    """`QuestionAnswerer.ask` without HTTP: cache off (every question embedded), then cache on and warm."""
    from qa.service.startup import open_service

    uncached = open_service(settings, build=False, embedder=embedder, cache_size=0)
    cached = open_service(settings, build=False, embedder=embedder)
    for question in questions:
        uncached.ask(question)  # warms BM25 and term weights, built lazily
        cached.ask(question)
    return {"uncached": summary_ms([_ms(uncached.ask, q) for q in questions * rounds]),
            "cached": summary_ms([_ms(cached.ask, q) for q in questions * rounds])}


# ---- the real server ------------------------------------------------------------------------------

def bench_server_settings(settings: Settings) -> Settings:
    """The bench's settings, minus what would measure the guards instead of the service (BENCH_SERVER)."""
    return settings.model_copy(update=BENCH_SERVER)


def http_measurements(settings: Settings, questions: list[str], plan: Plan, workdir: Path) -> dict:
    """Start `qa serve`, time /ask sequentially and under load, read its memory, stop it; then the same load
    on `qa serve --workers N` (one process per core), side by side in the same run."""
    import httpx

    say(f"starting `qa serve` ({settings.backend})")
    server = Server.start(server_env(bench_server_settings(settings)), workdir / "server.log")
    try:
        say("sequential /ask")
        with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as client:
            try:
                sequential = _sequential(client, questions, plan.rounds)
            except RuntimeError as error:
                raise QAError(f"{error}; the server's log ends:\n{server.log_tail()}") from error
        loads = load_levels(server, questions, plan, workdir)
        startup = httpx.get(f"{server.url}/health", timeout=10, trust_env=False).json().get("startup_seconds", {})
        memory = {"start_to_ready_s": round(server.ready_seconds, 2), "peak_rss_mb": server.peak_rss_mb(),
                  "imports_torch": server.maps_mention("libtorch"), "startup_seconds": startup,
                  "load_generator": "wrk" if have_wrk() else "python clients (install Debian's wrk for a "
                                                             "generator that is not the bottleneck)"}
    finally:
        server.stop()
    return {"http_ask_ms": sequential, "throughput": loads, "server": memory,
            "throughput_processes": _processes_run(settings, questions, plan, workdir)}


def _processes_run(settings: Settings, questions: list[str], plan: Plan, workdir: Path) -> dict:
    """The load levels again on one worker process per core (`qa serve --workers N`)."""
    processes = os.cpu_count() or 1
    say(f"starting `qa serve --workers {processes}`")
    server = Server.start(server_env(bench_server_settings(settings)), workdir / "server-processes.log",
                          options=("--workers", str(processes)))
    try:
        if have_wrk():  # every worker builds its lazy parts (BM25, term weights) before the clock runs
            wrk_run(ask_target(server), questions, 4, min(2.0, plan.seconds), workdir)
        levels = load_levels(server, questions, plan, workdir, shares=False)
        lone = _lone_client_side_by_side(settings, server, questions, plan, workdir) if have_wrk() else None
        return {"processes": processes, "start_to_ready_s": round(server.ready_seconds, 2), "levels": levels,
                "lone_client": lone}
    finally:
        server.stop()


def _lone_client_side_by_side(settings: Settings, processes: Server, questions: list[str], plan: Plan,
                              workdir: Path) -> dict:
    """One client on one process and on the worker processes in turn, round after round, and the median p50 of
    each: the load levels of the two runs lie minutes apart, too far apart on a noisy machine for a ±10 %
    comparison."""
    say("one client, on one process and on the worker processes in turn")
    single = Server.start(server_env(bench_server_settings(settings)), workdir / "server-lone.log")
    try:
        wrk_run(ask_target(single), questions, 1, min(2.0, plan.seconds), workdir)  # warm-up
        seconds = max(1.0, plan.seconds / 4)
        pairs = [(wrk_run(ask_target(single), questions, 1, seconds, workdir)["p50_ms"],
                  wrk_run(ask_target(processes), questions, 1, seconds, workdir)["p50_ms"])
                 for _ in range(max(3, plan.rounds))]
    finally:
        single.stop()
    return {"rounds": len(pairs), "seconds": seconds,
            "one_process_p50_ms": round(float(np.median([one for one, _ in pairs])), 3),
            "processes_p50_ms": round(float(np.median([many for _, many in pairs])), 3)}


def load_levels(server: Server, questions: list[str], plan: Plan, workdir: Path, shares: bool = True) -> list[dict]:
    """`wrk` (or Python clients without it) at each of CONCURRENCY; `shares` reads the stage shares from
    /metrics, which only means something with one process."""
    loads = []
    for concurrency in CONCURRENCY:
        say(f"load: {concurrency} clients for {plan.seconds:g} s ({'wrk' if have_wrk() else 'python clients'})")
        if not have_wrk():
            loads.append(load(server, questions, concurrency, plan.seconds))
        elif shares:
            loads.append(wrk_load(server, questions, concurrency, plan.seconds, workdir))
        else:
            loads.append(wrk_run(ask_target(server), questions, concurrency, plan.seconds, workdir))
    return loads


def _sequential(client: httpx.Client, questions: list[str], rounds: int) -> dict[str, dict]:
    """One client, one request at a time: cache misses, each followed by another sent with four turns of
    history (the questions before it), then the same gold questions again (hits)."""
    for n in range(5):
        _post(client, f"warm-up question {n}")
    alone, with_history = [], []
    for number, question in enumerate(_distinct(questions, rounds)):
        alone.append(_timed_post(client, question))
        turns = [{"question": questions[(number - k) % len(questions)], "answer": None} for k in range(4, 0, -1)]
        with_history.append(_timed_post(client, next_variant(questions), turns))
    return {"uncached": summary_ms(alone), "with_history": summary_ms(with_history),
            "cached": summary_ms([_timed_post(client, q) for q in questions * rounds])}


def _distinct(questions: list[str], rounds: int) -> list[str]:
    """The gold questions, then variants of them: every text is new to the server's query cache."""
    return questions + [next_variant(questions) for _ in range(len(questions) * (rounds - 1))]


def next_variant(questions: list[str]) -> str:
    """A text never asked before: the questions in turn, each with its next variant number."""
    number = next(_variants)
    return variant(questions[number % len(questions)], 1 + number // len(questions))


def variant(question: str, number: int) -> str:
    """`question` with `number` written in the widths of its word gaps (base 8, the last gap unbounded).

    A new cache key with the same tokens, so the encode costs what the gold question costs; an
    appended tag would add tokens (~0.2 ms each). Questions of one word get a tag all the same.
    """
    words = question.split()
    if len(words) < 2:
        return f"{question} ({number})"
    widths = []
    for _ in range(len(words) - 2):
        number, digit = divmod(number, 8)
        widths.append(1 + digit)
    widths.append(1 + number)
    return words[0] + "".join(" " * width + word for width, word in zip(widths, words[1:], strict=False))


def load(server: Server, questions: list[str], concurrency: int, seconds: float) -> dict:
    """Closed-loop clients on threads, each with its own connection, for `seconds`; uncached questions."""
    cpu_before, client_before, started = server.cpu_seconds(), time.process_time(), time.perf_counter()
    deadline = started + seconds
    with ThreadPoolExecutor(concurrency) as pool:
        outcomes = list(pool.map(lambda _: _client_loop(server.url, questions, deadline), range(concurrency)))
    wall = time.perf_counter() - started
    latencies = [ms for ok, _ in outcomes for ms in ok]
    errors = [error for _, failed in outcomes for error in failed]
    stats = summary_ms(latencies)
    return {"concurrency": concurrency, "generator": "python", "seconds": round(wall, 2),
            "requests": len(latencies) + len(errors),
            "errors": len(errors), "first_error": errors[0] if errors else None,
            "requests_per_s": round(len(latencies) / wall, 1), "p50_ms": stats["p50"], "p99_ms": stats["p99"],
            "server_cpu_cores": round((server.cpu_seconds() - cpu_before) / wall, 2),
            "client_cpu_cores": round((time.process_time() - client_before) / wall, 2)}


def _client_loop(url: str, questions: list[str], deadline: float,
                 max_requests: int = 100_000) -> tuple[list[float], list[str]]:
    """One client's latencies (ms) and error messages, until the deadline or `max_requests`."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    with httpx.Client(base_url=url, trust_env=False, timeout=30) as client:
        for _ in range(max_requests):
            if time.perf_counter() >= deadline:
                break
            try:
                latencies.append(_timed_post(client, next_variant(questions)))
            except (httpx.HTTPError, RuntimeError) as error:
                errors.append(f"{type(error).__name__}: {error}"[:300])
    return latencies, errors


def _post(client: httpx.Client, question: str, history: list[dict] | None = None) -> None:
    response = client.post("/ask", json={"question": question, "history": history or []})
    if response.status_code != 200:
        raise RuntimeError(f"/ask answered {response.status_code}: {response.text[:200]}")


def _timed_post(client: httpx.Client, question: str, history: list[dict] | None = None) -> float:
    return _ms(_post, client, question, history)


def _ms(function: Callable[..., object], *args: object) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def summary_ms(values: Sequence[float]) -> dict:
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "mean": None}
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"n": len(values), "p50": round(float(p50), 3), "p95": round(float(p95), 3),
            "p99": round(float(p99), 3), "mean": round(float(np.mean(values)), 3)}


def say(stage: str) -> None:
    print(f"bench: {stage}…", file=sys.stderr, flush=True)
