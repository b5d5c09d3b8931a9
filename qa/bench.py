"""`qa bench`: latency, throughput, build speed, start-up and memory against the bare encode, in one run.

Everything is measured in one process run, so the ratios (ask ÷ encode, build ÷ encode) hold on a
noisy machine even when absolute milliseconds drift. The index goes to a temporary folder and the
HTTP numbers come from a real `qa serve` subprocess on loopback.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import numpy as np
from pydantic import SecretStr

from qa.documents import load_documents
from qa.embedding import Embedder
from qa.errors import InvalidInputError, QAError
from qa.settings import Settings

CONCURRENCY = (1, 4, 16)
# The bench's own server: one loopback client far over any per-IP rate limit, and no read keys to send.
BENCH_SERVER = {"rate_limit_per_second": 0.0, "read_api_keys": []}
TOLERANCE = 0.20
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
    result: dict = {"meta": _meta(settings, len(questions))}
    embedders = _embedders(settings)
    serving = embedders[settings.backend]
    _say("bare encode floor")
    result["encode_ms"] = encode_floor(embedders, questions, plan.rounds)
    _say("index build")
    # The serving backend builds last: the server then opens the index its own backend wrote.
    order = sorted(embedders, key=lambda name: name == settings.backend)
    result["build"] = {name: build_speed(settings, embedders[name], plan.builds) for name in order}
    _say("in-process ask")
    result["ask_in_process_ms"] = ask_in_process(settings, serving, questions, plan.rounds)
    result.update(http_measurements(settings, questions, plan, workdir))
    result["ratios"] = _ratios(result, settings.backend)
    result["targets"] = targets(result, settings.backend)
    result["meta"]["loadavg_end"] = list(os.getloadavg())
    return result


def _embedders(settings: Settings) -> dict[str, Embedder]:
    """Both backends for the floor; torch is skipped on a torch-free install unless it serves."""
    from qa.onnx_embedding import OnnxEmbedder

    embedders: dict[str, Embedder] = {"onnx": OnnxEmbedder(settings.model)}
    try:
        from qa.embedding import SentenceTransformerEmbedder

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
    for name, encode in encoders.items():
        encode("warm up the session and the allocator")
    for _ in range(rounds):
        for name, encode in encoders.items():
            samples[name] += [_ms(encode, question) for question in questions]
    return {name: summary_ms(values) for name, values in samples.items()}


def build_speed(settings: Settings, embedder: Embedder, builds: int, batch_size: int = 64) -> dict:
    """`build_index` texts/s beside the raw encode of the same texts at the same batch size."""
    from qa.store import build_index

    documents = load_documents(settings.seeds_dir, settings.gold_dirname)
    recorder = _RecordingEmbedder(embedder)
    build_rates, encode_rates = [], []
    for _ in range(builds):
        recorder.texts.clear()
        milliseconds = _ms(build_index, documents, settings, recorder)
        texts = list(recorder.texts)
        build_rates.append(len(texts) * 1000 / milliseconds)
        encode_rates.append(len(texts) * 1000 / _ms(embedder.embed, texts, batch_size))
    build, encode = float(np.median(build_rates)), float(np.median(encode_rates))
    return {"texts": len(recorder.texts), "batch_size": batch_size, "build_texts_per_s": round(build, 1),
            "encode_texts_per_s": round(encode, 1), "build_over_encode": round(build / encode, 3)}


class _RecordingEmbedder(Embedder):
    """Passes through to an embedder and keeps the texts `build_index` asked for."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.texts: list[str] = []
        self.name, self.dimension = inner.name, inner.dimension

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts, batch_size, progress)


def ask_in_process(settings: Settings, embedder: Embedder, questions: list[str], rounds: int) -> dict[str, dict]:
    """`QuestionAnswerer.ask` without HTTP: cache off (every question embedded), then cache on and warm."""
    from qa.service import open_service

    uncached = open_service(settings, build=False, embedder=embedder, cache_size=0)
    cached = open_service(settings, build=False, embedder=embedder)
    for question in questions:
        uncached.ask(question)  # warms BM25 and term weights, built lazily
        cached.ask(question)
    return {"uncached": summary_ms([_ms(uncached.ask, q) for q in questions * rounds]),
            "cached": summary_ms([_ms(cached.ask, q) for q in questions * rounds])}


# ---- the real server ------------------------------------------------------------------------------

def http_measurements(settings: Settings, questions: list[str], plan: Plan, workdir: Path) -> dict:
    """Start `qa serve`, time /ask sequentially and under load, read its memory, stop it."""
    import httpx

    _say(f"starting `qa serve` ({settings.backend})")
    server = Server.start(settings, workdir / "server.log")
    try:
        _say("sequential /ask")
        with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as client:
            try:
                sequential = _sequential(client, questions, plan.rounds)
            except RuntimeError as error:
                raise QAError(f"{error}; the server's log ends:\n{server.log_tail()}") from error
        loads = []
        for concurrency in CONCURRENCY:
            _say(f"load: {concurrency} clients for {plan.seconds:g} s")
            loads.append(load(server, questions, concurrency, plan.seconds))
        memory = {"start_to_ready_s": round(server.ready_seconds, 2), "peak_rss_mb": server.peak_rss_mb(),
                  "imports_torch": server.maps_mention("libtorch")}
    finally:
        server.stop()
    return {"http_ask_ms": sequential, "throughput": loads, "server": memory}


def _sequential(client, questions: list[str], rounds: int) -> dict[str, dict]:
    """One client, one request at a time: cache misses first, then the same gold questions again (hits)."""
    for n in range(5):
        _post(client, f"warm-up question {n}")
    return {"uncached": summary_ms([_timed_post(client, q) for q in _distinct(questions, rounds)]),
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
    return words[0] + "".join(" " * width + word for width, word in zip(widths, words[1:]))


@dataclass
class Server:
    """A `qa serve` subprocess on a free loopback port, its output in `log`."""

    process: subprocess.Popen
    url: str
    log: Path
    ready_seconds: float = 0.0

    @classmethod
    def start(cls, settings: Settings, log: Path, timeout: float = 180.0) -> Server:
        import httpx

        port = _free_port()
        started = time.perf_counter()
        with open(log, "wb") as output:
            process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1",
                                        "--port", str(port)], env=server_env(server_settings(settings)), stdout=output,
                                       stderr=subprocess.STDOUT)
        server = cls(process, f"http://127.0.0.1:{port}", log)
        while time.perf_counter() - started < timeout and process.poll() is None:
            try:
                if httpx.get(f"{server.url}/health", timeout=1, trust_env=False).status_code == 200:
                    server.ready_seconds = time.perf_counter() - started
                    return server
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        server.stop()
        raise QAError(f"`qa serve` did not answer /health within {timeout:.0f} s; its log ends:\n{server.log_tail()}")

    def log_tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:]

    def _proc(self, name: str) -> str:
        return Path(f"/proc/{self.process.pid}/{name}").read_text()

    def peak_rss_mb(self) -> float:
        line = next(line for line in self._proc("status").splitlines() if line.startswith("VmHWM:"))
        return round(int(line.split()[1]) / 1024, 1)

    def cpu_seconds(self) -> float:
        fields = self._proc("stat").rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime, all threads

    def maps_mention(self, library: str) -> bool:
        return library in self._proc("maps")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def server_settings(settings: Settings) -> Settings:
    """The bench's settings, minus what would measure the guards instead of the service (see BENCH_SERVER)."""
    return settings.model_copy(update={k: v for k, v in BENCH_SERVER.items() if k in type(settings).model_fields})


def server_env(settings: Settings) -> dict[str, str]:
    """The environment plus every setting as QA_*, so the server sees exactly these settings."""
    env = dict(os.environ)
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if name not in ("host", "port") and value is not None:
            env[f"QA_{name.upper()}"] = _env_value(value)
    return env


def _env_value(value: object) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, list):
        return ",".join(_env_value(item) for item in value)
    return json.dumps(value) if isinstance(value, dict) else str(value)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    return {"concurrency": concurrency, "seconds": round(wall, 2), "requests": len(latencies) + len(errors),
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


def _post(client, question: str) -> None:
    response = client.post("/ask", json={"question": question})
    if response.status_code != 200:
        raise RuntimeError(f"/ask answered {response.status_code}: {response.text[:200]}")


def _timed_post(client, question: str) -> float:
    return _ms(_post, client, question)


# ---- numbers --------------------------------------------------------------------------------------

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


def _ratios(result: dict, backend: str) -> dict:
    encode = result["encode_ms"][backend]["p50"]
    return {"http_p50_over_encode_p50": round(result["http_ask_ms"]["uncached"]["p50"] / encode, 2),
            "in_process_p50_over_encode_p50": round(result["ask_in_process_ms"]["uncached"]["p50"] / encode, 2),
            "build_over_encode": result["build"][backend]["build_over_encode"]}


def targets(result: dict, backend: str) -> dict[str, dict]:
    encode, http = result["encode_ms"][backend]["p50"], result["http_ask_ms"]["uncached"]["p50"]
    c16 = next(level for level in result["throughput"] if level["concurrency"] == max(CONCURRENCY))
    build = result["build"][backend]["build_over_encode"]
    return {
        "http_p50_within_1.5x_encode_plus_1ms": {"value": http, "limit": round(1.5 * encode + 1, 3),
                                                 "met": http <= 1.5 * encode + 1},
        "c16_zero_errors_and_p99_under_10x_p50": {
            "value": f"{c16['errors']} errors, p99/p50 = {c16['p99_ms'] / c16['p50_ms']:.1f}" if c16["p50_ms"]
            else f"{c16['errors']} errors, no successes", "limit": "0 errors, < 10",
            "met": bool(c16["errors"] == 0 and c16["p50_ms"] and c16["p99_ms"] < 10 * c16["p50_ms"])},
        "build_at_least_90pct_of_encode": {"value": build, "limit": 0.9, "met": build >= 0.9},
    }


def _meta(settings: Settings, questions: int) -> dict:
    import onnxruntime

    versions = {"python": platform.python_version(), "onnxruntime": onnxruntime.__version__}
    try:
        import torch

        versions["torch"] = torch.__version__
        versions["torch_threads"] = torch.get_num_threads()
    except ImportError:
        pass
    return {"backend": settings.backend, "model": settings.model, "mode": settings.mode, "questions": questions,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
            "loadavg_start": list(os.getloadavg()), "versions": versions}


# ---- report ---------------------------------------------------------------------------------------

# (label, path into the result, True when higher is better)
COMPARED = [
    ("encode p50 ms (serving backend)", ("encode_ms", "{backend}", "p50"), False),
    ("in-process ask p50 ms", ("ask_in_process_ms", "uncached", "p50"), False),
    ("HTTP /ask p50 ms, uncached", ("http_ask_ms", "uncached", "p50"), False),
    ("HTTP /ask p50 ÷ encode p50", ("ratios", "http_p50_over_encode_p50"), False),
    ("build ÷ raw encode", ("ratios", "build_over_encode"), True),
    *[(f"req/s at {c} clients", ("throughput", i, "requests_per_s"), True) for i, c in enumerate(CONCURRENCY)],
    ("p99 ms at 16 clients", ("throughput", len(CONCURRENCY) - 1, "p99_ms"), False),
    ("start to ready s", ("server", "start_to_ready_s"), False),
    ("peak RSS MB", ("server", "peak_rss_mb"), False),
]


def _lookup(result: dict, path: tuple) -> float | None:
    value: object = result
    for key in path:
        key = key.format(backend=result["meta"]["backend"]) if isinstance(key, str) else key
        try:
            value = value[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return value if isinstance(value, (int, float)) else None


def regressions(result: dict, baseline: dict, tolerance: float) -> list[str]:
    """Labels of the measures more than `tolerance` worse than in `baseline`."""
    flagged = []
    for label, path, higher_is_better in COMPARED:
        now, before = _lookup(result, path), _lookup(baseline, path)
        if now is None or not before:
            continue
        change = (now - before) / before
        if (-change if higher_is_better else change) > tolerance:
            flagged.append(label)
    return flagged


def markdown(result: dict, baseline: dict | None = None, tolerance: float = TOLERANCE) -> str:
    backend = result["meta"]["backend"]
    title = (f"## qa bench: serving backend {backend}, {result['meta']['cpus']} CPUs, load average "
             f"{result['meta']['loadavg_start'][0]:.2f} at start")
    lines = [title, "",
             "| measure | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"]
    rows = [(f"bare encode, {name}" + (" (serving)" if name == backend else ""), stats)
            for name, stats in result["encode_ms"].items()]
    rows += [("in-process ask, cache off", result["ask_in_process_ms"]["uncached"]),
             ("in-process ask, cache on (repeated questions)", result["ask_in_process_ms"]["cached"]),
             ("HTTP /ask, distinct questions (cache misses)", result["http_ask_ms"]["uncached"]),
             ("HTTP /ask, repeated questions (cache hits)", result["http_ask_ms"]["cached"])]
    lines += [f"| {label} | {s['n']} | {s['p50']} | {s['p95']} | {s['p99']} |" for label, s in rows]
    lines += ["", "| clients | requests | errors | req/s | p50 ms | p99 ms | server CPU cores | client CPU cores |",
              "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {t['concurrency']} | {t['requests']} | {t['errors']} | {t['requests_per_s']} | {t['p50_ms']} | "
              f"{t['p99_ms']} | {t['server_cpu_cores']} | {t['client_cpu_cores']} |" for t in result["throughput"]]
    note = ("Cache misses: the gold questions once, then variants differing only in the widths of their word gaps "
            "(a new cache key, the same tokens); load levels use such variants only.")
    lines += ["", note, "",
              "| build (texts/s, batch 64) | texts | build | raw encode | build ÷ encode |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {b['texts']} | {b['build_texts_per_s']} | {b['encode_texts_per_s']} | "
              f"{b['build_over_encode']} |" for name, b in result["build"].items()]
    server, ratios = result["server"], result["ratios"]
    started = (f"Server: ready {server['start_to_ready_s']} s after spawn, peak RSS {server['peak_rss_mb']} MB, "
               f"torch loaded: {'yes' if server['imports_torch'] else 'no'}; per-IP rate limit and read keys off.")
    ratio = (f"HTTP /ask p50 ÷ bare encode p50 ({backend}): {ratios['http_p50_over_encode_p50']}; "
             f"in-process ask ÷ encode: {ratios['in_process_p50_over_encode_p50']}")
    lines += ["", started, "", ratio, "",
              "| target | value | limit | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {t['value']} | {t['limit']} | {'yes' if t['met'] else '**NO**'} |"
              for name, t in result["targets"].items()]
    if baseline:
        lines += ["", _baseline_table(result, baseline, tolerance)]
    return "\n".join(lines)


def _baseline_table(result: dict, baseline: dict, tolerance: float) -> str:
    lines = [f"| vs baseline ({baseline['meta']['started_at']}) | now | before | change | |", "|---|---|---|---|---|"]
    for label, path, _ in COMPARED:
        now, before = _lookup(result, path), _lookup(baseline, path)
        if now is None or before is None:
            continue
        change = f"{(now - before) / before:+.0%}" if before else "n/a"
        flag = f"**REGRESSION** (> {tolerance:.0%} worse)" if label in result["regressions"] else ""
        lines.append(f"| {label} | {now} | {before} | {change} | {flag} |")
    return "\n".join(lines)


def write_outputs(result: dict, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"bench-{result['meta']['backend']}" + ("-quick" if result["meta"].get("quick") else "")
    json_path, png_path = folder / f"{stem}.json", folder / f"{stem}.png"
    json_path.write_text(json.dumps(result, indent=2) + "\n")
    plot(result, png_path)
    return [json_path, png_path]


def plot(result: dict, path: Path) -> None:
    """Latency bars against the encode floor, and throughput with tail latency per client count."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    backend = result["meta"]["backend"]
    figure, (latency, load_axis) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [3, 2]})
    rows = [(f"encode {name}", s) for name, s in result["encode_ms"].items()]
    rows += [("ask in-process, cache off", result["ask_in_process_ms"]["uncached"]),
             ("ask in-process, cache on", result["ask_in_process_ms"]["cached"]),
             ("HTTP /ask, cache misses", result["http_ask_ms"]["uncached"]),
             ("HTTP /ask, cache hits", result["http_ask_ms"]["cached"])]
    positions = np.arange(len(rows))
    for key, colour in (("p99", "#f4c7a1"), ("p95", "#e89a5b"), ("p50", "#3b6ea8")):
        latency.barh(positions, [s[key] for _, s in rows], color=colour, label=key)
    limit = result["targets"]["http_p50_within_1.5x_encode_plus_1ms"]["limit"]
    latency.axvline(limit, color="black", linestyle="--", linewidth=1, label=f"target p50 ≤ {limit:.1f} ms")
    for position, (_, stats) in zip(positions, rows):
        latency.annotate(f"{stats['p50']:.1f}", (stats["p50"], position), xytext=(-3, 0), textcoords="offset points",
                         ha="right", va="center", color="white", fontsize=8)
    latency.set_xscale("log")  # a torch outlier must not squash the millisecond bars
    latency.set_yticks(positions, [label for label, _ in rows])
    latency.invert_yaxis()
    latency.set_xlabel("milliseconds (log scale; p50 value printed)")
    latency.set_title(f"latency (serving backend: {backend})")
    latency.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, fontsize=8)
    _plot_load(load_axis, result["throughput"])
    meta = result["meta"]
    figure.suptitle(f"qa bench {meta['started_at']}: {meta['cpus']} CPUs, load average {meta['loadavg_start'][0]:.1f} "
                    f"at start (other work on the machine inflates absolute numbers)", fontsize=9, color="#555555")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _plot_load(axis, levels: list[dict]) -> None:
    labels = [str(level["concurrency"]) for level in levels]
    axis.bar(labels, [level["requests_per_s"] for level in levels], color="#3b6ea8")
    axis.set_xlabel("concurrent clients (distinct questions)")
    axis.set_ylabel("requests / s")
    axis.set_title("throughput and latency under load")
    tail = axis.twinx()
    tail.plot(labels, [level["p50_ms"] for level in levels], "o-", color="#e89a5b", label="p50 ms")
    tail.plot(labels, [level["p99_ms"] for level in levels], "s--", color="#b5452f", label="p99 ms")
    tail.set_ylabel("milliseconds")
    tail.legend(loc="upper left", fontsize=8)


def _say(stage: str) -> None:
    print(f"bench: {stage}…", file=sys.stderr, flush=True)
