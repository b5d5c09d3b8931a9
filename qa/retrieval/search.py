"""Find the passages that best match a query: dense, BM25, or both fused."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.documents.chunking import Passage
from qa.retrieval.fusion import fuse, fuse_weighted
from qa.settings import Fusion, Mode
from qa.storage.corpus import Corpus
from qa.storage.protocol import EMPTY, Ranking, Snapshot

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


@dataclass(frozen=True)
class Fusing:
    """How hybrid mode merges the two rankings (from the settings)."""

    method: Fusion = "weighted"
    dense_weight: float = 0.6
    rrf_k: int = 60


def search(snapshot: Snapshot, query: str, query_vector: np.ndarray | None, top_k: int, mode: Mode = "hybrid",
           fusing: Fusing = Fusing()) -> list[Hit]:
    """The `top_k` best distinct passages for `query`, best first: each retriever asked once, then fused."""
    depth = min(max(CANDIDATES, top_k * 4), len(snapshot.corpus.passages))
    use_dense = mode != "bm25" and query_vector is not None
    dense = snapshot.searcher.dense(query_vector, depth) if use_dense and query_vector is not None else EMPTY
    lexical = snapshot.searcher.lexical(query, depth) if mode != "dense" else EMPTY
    scored = _scores(dense, lexical, mode, fusing, use_dense)
    corpus = snapshot.corpus
    order = sorted(scored, key=lambda pid: (-scored[pid], pid))
    return [_hit(corpus.passages[pid], scored[pid], dense, lexical) for pid in distinct(corpus, order, top_k)]


def lexical_hits(snapshot: Snapshot, query: str, top_k: int) -> list[Hit]:
    """The `top_k` best passages for `query` by BM25 alone, best first."""
    lexical = snapshot.searcher.lexical(query, top_k)
    order = sorted(lexical.entries, key=lambda pid: lexical.entries[pid][1])
    return [_hit(snapshot.corpus.passages[pid], lexical.entries[pid][0], EMPTY, lexical) for pid in order]


def _scores(dense: Ranking, lexical: Ranking, mode: Mode, fusing: Fusing, use_dense: bool) -> dict[int, float]:
    if mode == "dense":
        return {pid: score for pid, (score, _) in dense.entries.items()}
    if mode == "bm25":
        return {pid: score for pid, (score, _) in lexical.entries.items()}
    if not use_dense:  # hybrid without a query vector: BM25 scaled as the weighted fusion scales it
        return fuse_weighted(EMPTY, lexical, fusing.dense_weight)
    return fuse(dense, lexical, fusing.method, fusing.dense_weight, fusing.rrf_k)


def _hit(passage: Passage, score: float, dense: Ranking, lexical: Ranking) -> Hit:
    dense_score, dense_rank = dense.entries.get(passage.passage_id, (None, None))
    bm25_score, bm25_rank = lexical.entries.get(passage.passage_id, (None, None))
    return Hit(passage, score, dense_score, dense_rank, bm25_score, bm25_rank)


def distinct(corpus: Corpus, order: list[int], top_k: int) -> list[int]:
    """Drop a passage when half or more of its sentences are already in a better one."""
    kept: list[int] = []
    covered: set[int] = set()
    for passage_id in order:
        passage = corpus.passages[passage_id]
        own = set(range(passage.first_sentence, passage.last_sentence + 1))
        if len(own & covered) * 2 >= len(own):
            continue
        kept.append(passage_id)
        covered |= own
        if len(kept) == top_k:
            break
    return kept
