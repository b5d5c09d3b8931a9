"""Okapi BM25 over the passages of one version, in memory (bm25s, Lucene flavour)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.documents.words import Speller, stems, words


class BM25Index:
    """BM25 over passage texts, tokenised as `qa.documents.words` reads them."""

    def __init__(self, passage_texts: Sequence[str], speller: Speller) -> None:
        import bm25s  # lazy: only the FAISS store needs it

        corpus_words = [words(t, humps=True) for t in passage_texts]
        self.speller = speller
        tokenised = [stems(ws) or ["\u2205"] for ws in corpus_words]
        self.vocabulary = {t for ts in tokenised for t in ts}
        self.retriever = bm25s.BM25()
        self.retriever.index(tokenised, show_progress=False)
        self.size = len(passage_texts)
        self.term_ceiling = _best_per_term(self.retriever.scores)

    def query_terms(self, query: str) -> list[str]:
        """The query's stems after typo repair, restricted to the indexed vocabulary."""
        repaired = self.speller.repaired(query)
        return [t for t in stems(repaired) if t in self.vocabulary]

    def ceiling(self, query_terms: list[str]) -> float:
        """The score of a passage that held every query term at its best: what a full match would score."""
        vocabulary = self.retriever.vocab_dict
        return float(sum(self.term_ceiling[vocabulary[t]] for t in query_terms))

    def scores(self, query_terms: list[str]) -> np.ndarray:
        """BM25 score of every passage for the query's terms (`query_terms`; zeros when there are none)."""
        if not query_terms:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(query_terms), dtype=np.float32)


def _best_per_term(scores: dict) -> np.ndarray:
    """Each term's highest score in any passage (bm25s keeps one column of passage scores per term)."""
    data, pointers = np.asarray(scores["data"]), np.asarray(scores["indptr"])
    best = np.zeros(len(pointers) - 1, dtype=np.float32)
    filled = np.flatnonzero(np.diff(pointers) > 0)
    if len(filled):
        best[filled] = np.maximum.reduceat(data, pointers[filled])
    return best
