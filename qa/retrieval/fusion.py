"""Merge the dense and the lexical ranking into one score per passage."""

from __future__ import annotations

from qa.settings import Fusion
from qa.storage.protocol import Ranking

# BM25 is scaled by the best passage's score, or by this share of a full match (every query term at its best,
# when the store knows it) if that is higher: a passage that matches only the question's common words then
# weighs little beside a close dense match. 0.5 gave the most right passages first on the dev documents
# among 0.3, 0.5, 0.7 and 1.0 (dev hit@1 202 -> 206 of 259 answerable questions, test unchanged).
CEILING_SHARE = 0.5


def fuse(dense: Ranking, lexical: Ranking, fusion: Fusion = "weighted", dense_weight: float = 0.6,
         rrf_k: int = 60) -> dict[int, float]:
    """Passage number -> fused score, by the method `fusion` names."""
    if fusion == "rrf":
        return fuse_rrf(dense, lexical, rrf_k)
    return fuse_weighted(dense, lexical, dense_weight)


def fuse_weighted(dense: Ranking, lexical: Ranking, dense_weight: float = 0.6) -> dict[int, float]:
    """Cosine and scaled BM25 (see CEILING_SHARE), mixed: a passage one retriever missed scores 0 there."""
    top_bm25 = max((score for score, _ in lexical.entries.values()), default=0.0) or 1.0
    if lexical.ceiling:
        top_bm25 = max(top_bm25, CEILING_SHARE * lexical.ceiling)
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
