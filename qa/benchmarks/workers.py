"""Worker processes over one index file: search throughput, and private versus memory-mapped pages.

Each worker is a fresh process that loads the index (a private copy, or mapped from the page
cache with `qa.ann.load_ann(mmap=True)`), runs every query once to warm up (a mapped page costs a
fault the first time a process touches it; a long-running server has paid them all), waits until
every worker is ready, runs single-query searches on one thread for a fixed time, then reports
its searches, its CPU time and its memory as the kernel counts it: RssAnon (private pages),
RssFile (file pages, shareable) and Pss (each shared page divided among the processes mapping
it), read while all the workers are still alive.

Run `.venv/bin/python -m qa.benchmarks.workers INDEX.faiss QUERIES.npy [--seconds 10] [--processes 1,2]`
(`python -m qa.benchmarks.scale --keep DIR` leaves the largest indexes and queries.npy in DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]  # the checkout: workers run with it as their working folder
MODES = ("private", "mmap")
K = 10


def memory() -> dict[str, int]:
    """This process's resident memory in bytes, split the way the kernel splits it."""
    found: dict[str, int] = {}
    for name, keys in (("status", ("VmRSS", "RssAnon", "RssFile")), ("smaps_rollup", ("Pss", "Pss_Anon", "Pss_File"))):
        for line in Path(f"/proc/self/{name}").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in keys:
                found[key] = int(value.split()[0]) * 1024
    return found


def measure(index_path: Path, queries_path: Path, seconds: float, processes: tuple[int, ...] = (1, 2)) -> list[dict]:
    """One row per (mode, process count): searches per second (wall and CPU), and each worker's memory.

    `cpu_share` sums the workers' CPU time over the window: 2.0 means two full cores.
    """
    rows = []
    for mode in MODES:
        for count in processes:
            reports = _run_workers(index_path, queries_path, seconds, count, mode == "mmap")
            rows.append({"mode": mode, "processes": count,
                         "searches_per_s": round(sum(r["searches"] / r["elapsed_s"] for r in reports), 1),
                         "searches_per_cpu_s": round(sum(r["searches"] for r in reports)
                                                     / max(sum(r["cpu_s"] for r in reports), 1e-9), 1),
                         "cpu_share": round(sum(r["cpu_s"] / r["elapsed_s"] for r in reports), 2),
                         "per_worker": reports})
    return rows


def _run_workers(index_path: Path, queries_path: Path, seconds: float, count: int, mmap: bool) -> list[dict]:
    command = [sys.executable, "-m", "qa.benchmarks.workers", str(index_path), str(queries_path), "--serve",
               "--seconds", str(seconds)]
    workers = [subprocess.Popen(command + (["--mmap"] if mmap else []), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True, cwd=ROOT) for _ in range(count)]
    try:
        loaded = [json.loads(_line(w)) for w in workers]  # every worker warm before any starts timing
        _say(workers, "go")
        reports = [json.loads(_line(w)) for w in workers]
        _say(workers, "exit")  # only now: a worker that left early would hand its shared pages to the others
        for worker in workers:
            worker.wait(timeout=60)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    return [{**report, "after_load": before} for report, before in zip(reports, loaded, strict=False)]


def _line(worker: subprocess.Popen) -> str:
    line = worker.stdout.readline() if worker.stdout else ""
    if not line:
        raise RuntimeError(f"worker {worker.pid} stopped early (exit code {worker.wait()})")
    return line


def _say(workers: list[subprocess.Popen], word: str) -> None:
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write(word + "\n")
        worker.stdin.flush()


def serve(index_path: Path, queries_path: Path, seconds: float, mmap: bool) -> None:
    """The worker side: load, report, wait for "go", search for `seconds`, report, wait for "exit"."""
    import faiss

    from qa.storage.faiss.ann import load_ann

    faiss.omp_set_num_threads(1)
    queries = np.load(queries_path)
    baseline = memory()
    index = load_ann(index_path, mmap=mmap)
    loaded = _grown(memory(), baseline)
    start = time.perf_counter()
    for query in queries:
        index.search(query[None], K)
    print(json.dumps({**loaded, "warmup_s": round(time.perf_counter() - start, 3)}), flush=True)
    sys.stdin.readline()
    searches, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        index.search(queries[searches % len(queries)][None], K)
        searches += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    # CPU seconds show how much of the window the worker ran at all on a machine shared with others.
    print(json.dumps({"pid": os.getpid(), "searches": searches, "elapsed_s": round(elapsed, 3),
                      "cpu_s": round(cpu, 3), "memory": _grown(memory(), baseline)}), flush=True)
    sys.stdin.readline()


def probe(index_path: Path) -> dict[str, int]:
    """Resident bytes a fresh process gains by loading `index_path` privately."""
    output = subprocess.run([sys.executable, "-m", "qa.benchmarks.workers", str(index_path), "-", "--probe"],
                            check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output)


def _probe_here(index_path: Path) -> None:
    from qa.storage.faiss.ann import load_ann

    baseline = memory()
    index = load_ann(index_path)
    print(json.dumps({**_grown(memory(), baseline), "ntotal": int(index.ntotal)}))


def _grown(now: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {key: now[key] - before.get(key, 0) for key in now}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("queries", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--mmap", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        _probe_here(args.index)
    elif args.serve:
        serve(args.index, args.queries, args.seconds, args.mmap)
    else:
        counts = tuple(int(c) for c in args.processes.split(","))
        print(json.dumps(measure(args.index, args.queries, args.seconds, counts), indent=2))


if __name__ == "__main__":
    main()
