"""Ranked candidates from Milvus over the passages of one version: FLAT inner product and Milvus' BM25."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from qa.documents.words import Speller
from qa.storage.milvus.schema import CALL_TIMEOUT, reachable
from qa.storage.protocol import Ranking

if TYPE_CHECKING:  # pymilvus is imported lazily, when the Milvus store is chosen
    from pymilvus import MilvusClient


class MilvusSearcher:
    """Searches only the rows of one version's document generations, so a version stays consistent while
    a writer works; Milvus primary keys map back to passage numbers of that version."""

    def __init__(self, client: MilvusClient, collection: str, generations: list[int], local_ids: dict[int, int],
                 speller: Speller) -> None:
        self.client, self.collection, self.local_ids, self.speller = client, collection, local_ids, speller
        self.expression = f"generation in {list(generations)}"

    @reachable
    def dense(self, vector: np.ndarray, k: int) -> Ranking:
        results = self.client.search(self.collection, data=[_floats(vector)], anns_field="dense", limit=k,
                                     filter=self.expression, search_params={"metric_type": "IP"},
                                     timeout=CALL_TIMEOUT)
        return self._ranking(results[0])

    @reachable
    def lexical(self, query: str, k: int) -> Ranking:
        text = self._repaired(query)
        if not text:
            return Ranking({})
        results = self.client.search(self.collection, data=[text], anns_field="sparse", limit=k,
                                     filter=self.expression, search_params={"metric_type": "BM25"},
                                     timeout=CALL_TIMEOUT)
        return self._ranking(results[0])

    def _repaired(self, query: str) -> str:
        """The query as BM25 should read it: folded, typos repaired to corpus words."""
        return " ".join(self.speller.repaired(query))  # folded

    def _ranking(self, hits: Iterable[dict]) -> Ranking:
        entries: dict[int, tuple[float, int]] = {}
        for hit in hits:
            local = self.local_ids.get(hit["id"])
            if local is not None:
                entries[local] = (float(hit["distance"]), len(entries) + 1)
        return Ranking(entries)


def _floats(vector: np.ndarray) -> list[float]:
    return np.asarray(vector, dtype=np.float32).reshape(-1).tolist()
