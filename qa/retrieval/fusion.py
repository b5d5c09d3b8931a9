"""Merge the dense and the lexical ranking into one score per passage."""

from __future__ import annotations

from qa.settings import Fusion
from qa.storage.protocol import Ranking


def fuse(dense: Ranking, lexical: Ranking, fusion: Fusion = "weighted", dense_weight: float = 0.6,
         rrf_k: int = 60) -> dict[int, float]:
    """Passage number -> fused score, by the method `fusion` names."""
    if fusion == "rrf":
        return fuse_rrf(dense, lexical, rrf_k)
    return fuse_weighted(dense, lexical, dense_weight)


def fuse_weighted(dense: Ranking, lexical: Ranking, dense_weight: float = 0.6) -> dict[int, float]:
    """Cosine and max-normalised BM25, mixed: a passage one retriever missed scores 0 there."""
    top_bm25 = max((score for score, _ in lexical.entries.values()), default=0.0) or 1.0
    fused: dict[int, float] = {}
    for passage_id in dense.entries.keys() | lexical.entries.keys():
        cosine = dense.entries.get(passage_id, (0.0, 0))[0]
        bm25 = lexical.entries.get(passage_id, (0.0, 0))[0] / top_bm25
        fused[passage_id] = dense_weight * cosine + (1 - dense_weight) * bm25
    return fused


def fuse_rrf(dense: Ranking, lexical: Ranking, rrf_k: int = 60) -> dict[int, float]:
    """Reciprocal-rank fusion: sum of 1 / (k + rank) over the retrievers that found a passage."""
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        for passage_id, (_, rank) in ranking.entries.items():
            fused[passage_id] = fused.get(passage_id, 0.0) + 1.0 / (rrf_k + rank)
    return fused
