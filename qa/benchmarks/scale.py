"""Scale benchmark: exact, HNSW and IVF-PQ indexes from 10k to 1M passages, timed and scored.

Run `.venv/bin/python -m qa.benchmarks.scale [--max 1000000] [--real 50000] [--quick]`; it writes
docs/scale/scale.json, scale.md and scale.png.

The first `--real` vectors (and `--queries` held-out ones) are real passages embedded with the
int8 ONNX MiniLM (see scale_corpus.py); past that the corpus grows with synthetic vectors, real
ones plus covariance-shaped noise. Queries stay real and outside the index. Search is timed one
query at a time on one thread; builds use `--threads`. Recall@10 is against exact search over
the same vectors. HNSW grows by adding to one index, so its build time at a size is the time to
add that many vectors; flat and IVF-PQ (whose list count follows the size) are built per size.
`--quick` (a CI smoke) uses clustered random vectors up to 20k and finishes in seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

# Before OpenMP starts: on a shared 2-core machine, spinning threads made PQ training ~5x and HNSW
# building ~1.5x slower than sleeping ones.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import faiss
import numpy as np

from qa.benchmarks import scale_corpus, scale_report, workers
from qa.storage.faiss.ann import AnnConfig, Kind, build_ann, configure_search, describe, empty_ann

K = 10
SIZES = (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)
QUICK_SIZES = (2_000, 5_000, 20_000)
KINDS: tuple[Kind, ...] = ("flat", "hnsw", "ivfpq")
TARGET = {"p50_ms": 5.0, "recall@10": 0.95}
SWEEPS: dict[str, list[dict]] = {
    "flat": [],  # nothing to tune: the row is the measurement
    "hnsw": [{"hnsw_ef_search": ef} for ef in (32, 64, 96, 128, 192, 256)],
    "ivfpq": [{"ivf_nprobe": nprobe, "refine_k_factor": factor}
              for nprobe, factor in ((32, 8.0), (64, 8.0), (128, 8.0), (128, 16.0), (256, 16.0), (512, 16.0))],
}


@dataclass(frozen=True)
class Plan:
    sizes: tuple[int, ...]
    real: int
    queries: int
    threads: int
    config: AnnConfig
    quick: bool
    out: Path
    keep: Path | None  # where the largest index of each kind and the queries stay, for qa.benchmarks.workers
    worker_seconds: float
    flat_budget_s: float  # exact search at 1M takes ~0.1 s a query: time as many as fit


def main(argv: list[str] | None = None) -> None:
    plan = _plan(argv)
    corpus, queries, vectors = dataset(plan)
    scratch = plan.keep or Path(tempfile.mkdtemp(prefix="qa-scale-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        results: list[dict] = []
        sweeps: list[dict] = []
        truth: dict[int, np.ndarray] = {}
        largest: dict[str, Path] = {}
        for kind in KINDS:
            for row, sweep, path in measure_kind(kind, corpus, queries, truth, plan, scratch):
                results.append(row)
                sweeps += sweep
                largest[kind] = path
                print(scale_report.row_line(row), flush=True)
        np.save(scratch / "queries.npy", queries)
        shared = {kind: workers.measure(path, scratch / "queries.npy", plan.worker_seconds)
                  for kind, path in largest.items() if kind == "flat" or not plan.quick}
    finally:
        if plan.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    report = {"machine": _machine(plan), "config": asdict(plan.config), "vectors": vectors, "results": results,
              "sweeps": sweeps, "target": target_verdict(sweeps, plan), "workers": shared}
    scale_report.write(report, plan.out)
    print(f"wrote {plan.out}/scale.json, scale.md, scale.png")


def _plan(argv: list[str] | None) -> Plan:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=int, default=SIZES[-1], help="largest index size (default 1,000,000)")
    parser.add_argument("--real", type=int, default=50_000, help="real passages in the index (default 50,000)")
    parser.add_argument("--queries", type=int, default=500, help="held-out real passages used as queries")
    parser.add_argument("--threads", type=int, default=2, help="threads for building (search uses one)")
    parser.add_argument("--worker-seconds", type=float, default=10.0)
    parser.add_argument("--quick", action="store_true", help="CI smoke: random vectors up to 20k, seconds")
    parser.add_argument("--out", type=Path, default=Path("docs/scale"))
    parser.add_argument("--keep", type=Path, help="keep the largest indexes and the queries in this folder")
    args = parser.parse_args(argv)
    if args.quick:
        return Plan(QUICK_SIZES, 0, 100, 1, AnnConfig(hnsw_m=16, hnsw_ef_construction=40, pq_m=16),
                    True, args.out, args.keep, 0.5, 2.0)
    sizes = (*tuple(s for s in SIZES if s < args.max), args.max)
    return Plan(sizes, args.real, args.queries, args.threads, AnnConfig(), False, args.out, args.keep,
                args.worker_seconds, 20.0)


def dataset(plan: Plan) -> tuple[np.ndarray, np.ndarray, dict]:
    """Corpus vectors (real first, synthetic after) up to the largest size, and held-out real queries."""
    if plan.quick:
        base, queries = scale_corpus.clustered(2_000), scale_corpus.clustered(plan.queries, seed=1)
    else:
        real = scale_corpus.real_vectors(plan.real + plan.queries, workers=plan.threads)
        base, queries = real[:plan.real], real[plan.real:]
    corpus, made = scale_corpus.grown(base, plan.sizes[-1])
    made["queries"] = len(queries)
    made["source"] = "clustered random (--quick)" if plan.quick else "installed docstrings and docs, int8 ONNX MiniLM"
    return corpus, queries, made


def measure_kind(kind: Kind, corpus: np.ndarray, queries: np.ndarray, truth: dict[int, np.ndarray], plan: Plan,
                 scratch: Path) -> Iterator[tuple[dict, list[dict], Path]]:
    """For each size: the row at the default knobs, the sweep over search knobs, and the saved index."""
    growing = empty_ann(corpus.shape[1], "hnsw", plan.config) if kind == "hnsw" else None
    built_s = 0.0
    budget = plan.flat_budget_s if kind == "flat" else float("inf")
    for size in plan.sizes:
        faiss.omp_set_num_threads(plan.threads)
        start = time.perf_counter()
        if growing is not None:  # one HNSW graph, grown: adding is what building HNSW is
            growing.add(corpus[growing.ntotal:size])
            index = growing
        else:
            index = build_ann(corpus[:size], replace(plan.config, kind=kind, exact_below=0))
        elapsed = time.perf_counter() - start
        built_s = built_s + elapsed if kind == "hnsw" else elapsed
        if kind == "flat":
            truth[size] = index.search(queries, K)[1]  # batched, all threads: the reference answers
        path = scratch / f"{kind}.faiss"
        faiss.write_index(index, str(path))
        sweep = [{"kind": kind, "size": size, **_search_point(index, queries, truth[size], plan.config, knobs, budget)}
                 for knobs in SWEEPS[kind]]
        row = {"kind": kind, "size": size, "build_s": round(built_s, 2),
               **_search_point(index, queries, truth[size], plan.config, {}, budget),
               "bytes_per_vector": round(path.stat().st_size / size, 1),
               "rss_bytes_per_vector": round(workers.probe(path)["VmRSS"] / size, 1),
               "parameters": describe(index)["parameters"]}
        yield row, sweep, path


def _search_point(index: faiss.Index, queries: np.ndarray, truth: np.ndarray, config: AnnConfig, knobs: dict,
                  budget_s: float) -> dict:
    """Single-query latency percentiles and recall@10 with `knobs` set over `config`'s search knobs.

    Queries run in order until all are done, or `budget_s` has passed and at least 50 are.
    """
    configure_search(index, replace(config, **knobs))
    faiss.omp_set_num_threads(1)
    found, times, start = np.empty((len(queries), K), np.int64), [], time.perf_counter()
    for row, query in enumerate(queries):
        tick = time.perf_counter_ns()
        found[row] = index.search(query[None], K)[1][0]
        times.append((time.perf_counter_ns() - tick) / 1e6)
        if time.perf_counter() - start > budget_s and row >= 49:
            break
    timed = len(times)
    hits = [len(set(f) & set(t)) for f, t in zip(found[:timed], truth[:timed], strict=False)]
    return {**knobs, "p50_ms": round(float(np.percentile(times, 50)), 3),
            "p99_ms": round(float(np.percentile(times, 99)), 3), "recall@10": round(float(np.mean(hits)) / K, 4),
            "queries_timed": timed}


def target_verdict(sweeps: list[dict], plan: Plan) -> dict:
    """At the largest size: the fastest setting of each approximate kind that reaches the recall target."""
    largest = plan.sizes[-1]
    verdict: dict = {**TARGET, "size": largest, "choices": {}}
    for kind in ("hnsw", "ivfpq"):
        good = [s for s in sweeps if s["kind"] == kind and s["size"] == largest
                and s["recall@10"] >= TARGET["recall@10"]]
        best = min(good, key=lambda s: s["p50_ms"]) if good else None
        verdict["choices"][kind] = best and {**best, "met": best["p50_ms"] <= TARGET["p50_ms"]}
    verdict["met"] = any(c and c["met"] for c in verdict["choices"].values())
    return verdict


def _machine(plan: Plan) -> dict:
    return {"date": datetime.now(UTC).isoformat(timespec="seconds"), "python": platform.python_version(),
            "faiss": faiss.__version__, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "build_threads": plan.threads, "search_threads": 1,
            "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"), "platform": platform.platform(),
            "sizes": list(plan.sizes), "quick": plan.quick}


if __name__ == "__main__":
    main()
