"""FAISS against Milvus at 100,000+ passages: build time, query latency (dense, hybrid), recall@10, memory.

    .venv/bin/python -m qa.benchmarks.milvus_scale [--passages 100000] [--real 2000] [--queries 200]
                                                   [--out docs/scaling]

Texts are real prose (docstrings and documentation cut from the installed packages) so BM25 sees
real term statistics. `--real` of them are embedded with the packaged ONNX model; every other
passage's vector is a real one plus noise, renormalised (search timing depends on the count and
dimension, not on where the vectors came from). Both stores run the project's own searchers
(`qa.storage.faiss.store.FaissSearcher`, `qa.storage.milvus.searcher.MilvusSearcher`); Milvus is Milvus
Lite in a temporary file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.documents.chunking import Passage
from qa.documents.reading import fold
from qa.documents.words import Speller, words
from qa.retrieval.fusion import fuse
from qa.settings import Settings
from qa.storage.corpus import Corpus
from qa.storage.faiss.store import FaissSearcher
from qa.storage.milvus.schema import create_collections
from qa.storage.milvus.searcher import MilvusSearcher
from qa.storage.milvus.store import MilvusStore
from qa.storage.protocol import Ranking, Searcher

Query = tuple[str, np.ndarray]

SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
DOCSTRING = re.compile(r'"""(.{200,}?)"""', re.DOTALL)


def real_texts(limit: int, size: int = 420) -> list[str]:
    """Prose cut into ~`size`-character passages from docstrings and docs of installed packages."""
    texts: list[str] = []
    for path in sorted(SITE.rglob("*")):
        if path.suffix not in (".py", ".md", ".rst", ".txt") or not path.is_file():
            continue
        try:
            raw = path.read_text(encoding="utf-8", errors="ignore")
        except OSError:
            continue
        blocks = DOCSTRING.findall(raw) if path.suffix == ".py" else [raw]
        for block in blocks:
            prose = " ".join(block.split())
            texts += [prose[i:i + size] for i in range(0, len(prose) - size // 2, size)]
        if len(texts) >= limit:
            return texts[:limit]
    return texts


def vectors_for(texts: list[str], real: int, seed: int = 7) -> tuple[np.ndarray, float]:
    """`real` texts embedded by the ONNX model, the rest derived from them (noise, renormalised)."""
    from qa.embedding.onnx_backend import OnnxEmbedder

    embedder = OnnxEmbedder()
    started = time.perf_counter()
    base = embedder.embed(texts[:real])
    seconds = time.perf_counter() - started
    rng = np.random.default_rng(seed)
    derived = base[rng.integers(0, real, len(texts) - real)] + rng.normal(0, 0.05, (len(texts) - real, base.shape[1]))
    everything = np.vstack([base, derived]).astype(np.float32)
    everything /= np.linalg.norm(everything, axis=1, keepdims=True)
    return everything, real / seconds


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_rss_mb() -> float:
    """Resident memory of this process's children (the Milvus Lite server)."""
    total = 0.0
    for task in Path("/proc").iterdir():
        if task.name.isdigit():
            try:
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == os.getpid():
                    total += rss_mb(task.name)
            except (OSError, IndexError, ValueError):
                continue
    return total


def latencies(run: Callable[[str, np.ndarray], object], queries: list[tuple[str, np.ndarray]]) -> dict[str, float]:
    run(*queries[0])  # warm up
    times = []
    for text, vector in queries:
        started = time.perf_counter()
        run(text, vector)
        times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": float(np.percentile(times, 50)), "p99_ms": float(np.percentile(times, 99)),
            "qps_one_thread": 1000 / float(np.mean(times))}


def recall_at_10(ranking_of: Callable[[np.ndarray], Ranking], vectors: np.ndarray, queries: list[Query]) -> float:
    hits = 0
    for _, vector in queries:
        exact = set(np.argsort(-(vectors @ vector))[:10].tolist())
        hits += len(exact & set(list(ranking_of(vector).entries)[:10]))
    return hits / (10 * len(queries))


def hybrid(searcher: Searcher, text: str, vector: np.ndarray, k: int = 100) -> dict[int, float]:
    """What the service's hybrid mode asks of a store: both rankings, fused (weighted)."""
    return fuse(searcher.dense(vector, k), searcher.lexical(text, k))


def bench_faiss(passages: list[Passage], vectors: np.ndarray, queries: list[Query]) -> tuple[dict, FaissSearcher]:
    import faiss

    faiss.omp_set_num_threads(1)
    before = rss_mb()
    started = time.perf_counter()
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    corpus = Corpus({"version": "bench"}, {}, [], passages, np.zeros((0, vectors.shape[1]), np.float32))
    searcher = FaissSearcher(flat, corpus)
    build = time.perf_counter() - started
    return {"build_s": build, "memory_mb": rss_mb() - before, "vector_bytes": int(vectors.nbytes),
            "dense": latencies(lambda t, v: searcher.dense(v, 10), queries),
            "hybrid": latencies(lambda t, v: hybrid(searcher, t, v), queries),
            "recall@10": recall_at_10(lambda v: searcher.dense(v, 10), vectors, queries)}, searcher


def bench_milvus(passages: list[Passage], vectors: np.ndarray, queries: list[Query],
                 folder: Path) -> tuple[dict, MilvusSearcher]:
    settings = Settings(index_dir=folder, store="milvus", milvus_uri=str(folder / "bench.db"))
    store = MilvusStore.connect(settings)
    before = child_rss_mb()
    started = time.perf_counter()
    create_collections(store.client, store.collection, vectors.shape[1])
    generation = 1
    store._insert_rows("passages", ({
        "generation": generation, "position": p.passage_id, "start": 0, "end": len(p.text), "first_sentence": 0,
        "last_sentence": 0, "text": fold(p.text), "dense": vectors[p.passage_id].tolist()} for p in passages))
    store.client.flush(store.collection("passages"))
    inserted = time.perf_counter() - started
    rows = store._rows("passages", [generation], ["id", "position"])
    local_ids = {row["id"]: row["position"] for row in rows}
    speller = Speller(lambda: (w for p in passages for w in words(fold(p.text))))
    searcher = MilvusSearcher(store.client, store.collection("passages"), [generation], local_ids, speller)
    searcher.dense(queries[0][1], 10)  # the first search loads the collection
    build = time.perf_counter() - started
    result = {"build_s": build, "insert_s": inserted, "server_memory_mb": child_rss_mb() - before,
              "disk_mb": sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20,
              "dense": latencies(lambda t, v: searcher.dense(v, 10), queries),
              "hybrid": latencies(lambda t, v: hybrid(searcher, t, v), queries),
              "recall@10": recall_at_10(lambda v: searcher.dense(v, 10), vectors, queries)}
    return result, searcher


def overlap(a: Ranking, b: Ranking, k: int = 10) -> float:
    return len(set(list(a.entries)[:k]) & set(list(b.entries)[:k])) / k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=1_500, help="texts embedded for real (~70/s on 2 cores)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("docs/scaling"))
    args = parser.parse_args()
    texts = real_texts(args.passages + args.queries)
    if len(texts) < args.passages + args.queries:
        raise SystemExit(f"only {len(texts)} texts found under {SITE}")
    print(f"{len(texts):,} texts; embedding {args.real:,} of them", file=sys.stderr)
    vectors, embed_rate = vectors_for(texts, args.real)
    passages = [Passage(i, "bench", 0, len(t), t, 0, 0) for i, t in enumerate(texts[:args.passages])]
    rng = np.random.default_rng(11)
    picks = rng.choice(args.passages, args.queries, replace=False)
    # a query: a few words of a held-out text, with the vector of a passage plus noise (a paraphrase)
    query_vectors = vectors[picks] + rng.normal(0, 0.05, (args.queries, vectors.shape[1])).astype(np.float32)
    query_vectors /= np.linalg.norm(query_vectors, axis=1, keepdims=True)
    queries = [(" ".join(texts[args.passages + i].split()[:8]), query_vectors[i]) for i in range(args.queries)]
    print("FAISS ...", file=sys.stderr)
    faiss_result, faiss_searcher = bench_faiss(passages, vectors[:args.passages], queries)
    print("Milvus ...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="milvus-bench-") as folder:
        milvus_result, milvus_searcher = bench_milvus(passages, vectors[:args.passages], queries, Path(folder))
        agreement = {
            "dense_top10_overlap": float(np.mean([overlap(faiss_searcher.dense(v, 10), milvus_searcher.dense(v, 10))
                                                  for _, v in queries[:50]])),
            "bm25_top10_overlap": float(np.mean([overlap(faiss_searcher.lexical(t, 10), milvus_searcher.lexical(t, 10))
                                                 for t, _ in queries[:50]])),
        }
        MilvusStore.connect(Settings(index_dir=Path(folder), store="milvus",
                                     milvus_uri=str(Path(folder) / "bench.db"))).close()
    result = {"passages": args.passages, "dimension": int(vectors.shape[1]), "real_embedded": args.real,
              "embed_texts_per_s": embed_rate, "queries": args.queries, "cores": os.cpu_count(),
              "machine": platform.platform(), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "faiss": faiss_result, "milvus": milvus_result, "agreement": agreement}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "milvus_scale.json").write_text(json.dumps(result, indent=2))
    (args.out / "milvus_scale.md").write_text(markdown(result))
    print(markdown(result))
    return 0


def markdown(r: dict) -> str:
    f, m = r["faiss"], r["milvus"]
    rows = [
        ("build (s)", f"{f['build_s']:.1f} (FAISS add + bm25s index)",
         f"{m['build_s']:.1f} (insert with BM25 function + load)"),
        ("dense p50 / p99 (ms)", f"{f['dense']['p50_ms']:.1f} / {f['dense']['p99_ms']:.1f}",
         f"{m['dense']['p50_ms']:.1f} / {m['dense']['p99_ms']:.1f}"),
        ("hybrid p50 / p99 (ms), 100 candidates", f"{f['hybrid']['p50_ms']:.1f} / {f['hybrid']['p99_ms']:.1f}",
         f"{m['hybrid']['p50_ms']:.1f} / {m['hybrid']['p99_ms']:.1f}"),
        ("dense queries/s, one client thread", f"{f['dense']['qps_one_thread']:.0f}",
         f"{m['dense']['qps_one_thread']:.0f}"),
        ("hybrid queries/s, one client thread", f"{f['hybrid']['qps_one_thread']:.0f}",
         f"{m['hybrid']['qps_one_thread']:.0f}"),
        ("dense recall@10 against exact search", f"{f['recall@10']:.3f}", f"{m['recall@10']:.3f}"),
        ("memory (MB)", f"{f['memory_mb']:.0f} in the API process (vectors {f['vector_bytes'] / 2**20:.0f})",
         f"{m['server_memory_mb']:.0f} in the Milvus Lite server; {m['disk_mb']:.0f} on disk"),
    ]
    lines = [f"# FAISS and Milvus at {r['passages']:,} passages", "",
             (f"{r['dimension']}-dimensional vectors ({r['real_embedded']:,} embedded by the ONNX model at "
              f"{r['embed_texts_per_s']:.0f} texts/s, the rest derived), real prose for BM25, {r['queries']} queries, "
              f"{r['cores']} cores, `{r['machine']}`. Both exact (FAISS IndexFlatIP, Milvus FLAT/IP)."), "",
             "| | FAISS + bm25s (in process) | Milvus Lite (BM25 function, hybrid_search RRF) |", "|---|---|---|",
             *[f"| {a} | {b} | {c} |" for a, b, c in rows], "",
             (f"Agreement on 50 queries: dense top-10 overlap {r['agreement']['dense_top10_overlap']:.3f}, BM25 "
              f"top-10 overlap {r['agreement']['bm25_top10_overlap']:.3f} (different tokenisers: bm25s with Snowball "
              "stems and typo repair, Milvus' `english` analyzer)."), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
