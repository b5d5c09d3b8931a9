"""Search engines under the corpus view: one interface, FAISS + bm25s in memory here, Milvus in `qa.milvus_store`.

An engine ranks passages by their ids in the corpus view (`Index.passages[passage_id]`), so the
retrieval and answer steps above it never know which engine answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np

if TYPE_CHECKING:
    from qa.store import Index

Fusion = Literal["weighted", "rrf"]
# Weighted fusion beat reciprocal-rank fusion on the gold set (hit@1 0.908 vs 0.800, MRR 0.940 vs
# 0.879), flat for dense weights 0.5 to 0.7; see README "Retrieval".
DENSE_WEIGHT = 0.6


@dataclass(frozen=True)
class Ranking:
    """One retriever's candidates: passage id -> (score, rank)."""

    entries: dict[int, tuple[float, int]]

    @classmethod
    def from_scores(cls, ids: np.ndarray, scores: np.ndarray) -> Ranking:
        order = np.argsort(-scores, kind="stable")
        return cls({int(ids[i]): (float(scores[i]), rank + 1) for rank, i in enumerate(order)})


@dataclass(frozen=True)
class Fused:
    """A hybrid result: passage id -> fused score, and each stage's ranking as far as the engine gave it."""

    scores: dict[int, float]
    dense: Ranking = field(default_factory=lambda: Ranking({}))
    lexical: Ranking = field(default_factory=lambda: Ranking({}))


class SearchEngine(Protocol):
    """Dense, lexical and hybrid search over one corpus view's passages."""

    name: str

    def dense(self, vector: np.ndarray, k: int) -> Ranking: ...

    def lexical(self, query: str, k: int) -> Ranking: ...

    def hybrid(self, query: str, vector: np.ndarray, k: int, fusion: Fusion | None = None, rrf_k: int = 60,
               explain: bool = True) -> Fused:
        """`fusion` None = the engine's own default; `explain` asks for each stage's ranking as well."""
        ...


class FaissEngine:
    """FAISS inner product over the view's passage vectors, BM25 from bm25s, fused here (weighted by default)."""

    name = "faiss"

    def __init__(self, index: Index) -> None:
        self.index = index

    def dense(self, vector: np.ndarray, k: int) -> Ranking:
        scores, ids = self.index.search_dense(vector, k)
        return Ranking.from_scores(ids, scores)

    def lexical(self, query: str, k: int) -> Ranking:
        scores = self.index.bm25.scores(query)
        positive = np.flatnonzero(scores > 0)
        if len(positive) > k:
            positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        return Ranking.from_scores(positive, scores[positive])

    def hybrid(self, query: str, vector: np.ndarray, k: int, fusion: Fusion | None = None, rrf_k: int = 60,
               explain: bool = True) -> Fused:
        dense, lexical = self.dense(vector, k), self.lexical(query, k)
        scores = fuse(dense, lexical, rrf_k) if fusion == "rrf" else fuse_weighted(dense, lexical)
        return Fused(scores, dense, lexical)


def fuse_weighted(dense: Ranking, bm25: Ranking, dense_weight: float = DENSE_WEIGHT) -> dict[int, float]:
    """Cosine and max-normalised BM25, mixed: a passage one retriever missed scores 0 there."""
    top_bm25 = max((score for score, _ in bm25.entries.values()), default=0.0) or 1.0
    fused: dict[int, float] = {}
    for passage_id in dense.entries.keys() | bm25.entries.keys():
        cosine = dense.entries.get(passage_id, (0.0, 0))[0]
        lexical = bm25.entries.get(passage_id, (0.0, 0))[0] / top_bm25
        fused[passage_id] = dense_weight * cosine + (1 - dense_weight) * lexical
    return fused


def fuse(dense: Ranking, bm25: Ranking, rrf_k: int) -> dict[int, float]:
    """Reciprocal-rank fusion: sum of 1 / (k + rank) over the retrievers that found a passage."""
    fused: dict[int, float] = {}
    for ranking in (dense, bm25):
        for passage_id, (_, rank) in ranking.entries.items():
            fused[passage_id] = fused.get(passage_id, 0.0) + 1.0 / (rrf_k + rank)
    return fused
