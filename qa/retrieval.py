"""Find the passages that best match a query: dense, BM25, or both fused, through the index's engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from qa.chunking import Passage
from qa.engines import DENSE_WEIGHT, Fusion, Ranking, fuse, fuse_weighted
from qa.store import Index

__all__ = ["CANDIDATES", "DENSE_WEIGHT", "MODES", "Fusion", "Hit", "Mode", "Ranking", "bm25_ranking", "dense_ranking",
           "distinct", "fuse", "fuse_weighted", "search"]

Mode = Literal["dense", "bm25", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
CANDIDATES = 100


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the evidence of each retriever (ranks are 1-based, None = not found)."""

    passage: Passage
    score: float
    dense_score: float | None
    dense_rank: int | None
    bm25_score: float | None
    bm25_rank: int | None


def dense_ranking(index: Index, query_vector: np.ndarray, depth: int) -> Ranking:
    return index.engine.dense(query_vector, depth)


def bm25_ranking(index: Index, query: str, depth: int) -> Ranking:
    return index.engine.lexical(query, depth)


def search(index: Index, query: str, query_vector: np.ndarray | None, top_k: int, mode: Mode = "hybrid",
           rrf_k: int = 60, fusion: Fusion | None = None, explain: bool = True) -> list[Hit]:
    """The `top_k` best distinct passages for `query`, best first.

    `fusion` None = the engine's own hybrid (FAISS: weighted; Milvus: its configured ranker);
    `explain` False lets an engine skip the per-stage searches it would run only to report them.
    """
    depth = min(max(CANDIDATES, top_k * 4), len(index.passages))
    empty = Ranking({})
    dense, lexical = empty, empty
    if mode == "hybrid" and query_vector is not None:
        fused = index.engine.hybrid(query, query_vector, depth, fusion, rrf_k, explain)
        scored, dense, lexical = fused.scores, fused.dense, fused.lexical
    elif mode == "dense" and query_vector is not None:
        dense = dense_ranking(index, query_vector, depth)
        scored = {pid: score for pid, (score, _) in dense.entries.items()}
    elif mode == "dense":
        scored = {}
    else:
        lexical = bm25_ranking(index, query, depth)
        scored = fuse_weighted(empty, lexical) if mode == "hybrid" else \
            {pid: score for pid, (score, _) in lexical.entries.items()}
    order = sorted(scored, key=lambda pid: (-scored[pid], pid))
    return [_hit(index.passages[pid], scored[pid], dense, lexical) for pid in distinct(index, order, top_k)]


def _hit(passage: Passage, score: float, dense: Ranking, lexical: Ranking) -> Hit:
    dense_score, dense_rank = dense.entries.get(passage.passage_id, (None, None))
    bm25_score, bm25_rank = lexical.entries.get(passage.passage_id, (None, None))
    return Hit(passage, score, dense_score, dense_rank, bm25_score, bm25_rank)


def distinct(index: Index, order: list[int], top_k: int) -> list[int]:
    """Drop a passage when half or more of its sentences are already in a better one."""
    kept: list[int] = []
    covered: set[int] = set()
    for passage_id in order:
        passage = index.passages[passage_id]
        own = set(range(passage.first_sentence, passage.last_sentence + 1))
        if len(own & covered) * 2 >= len(own):
            continue
        kept.append(passage_id)
        covered |= own
        if len(kept) == top_k:
            break
    return kept
