"""Query vectors: cached per distinct question; concurrent cache misses encoded in shared model calls."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from threading import Lock

import numpy as np

from qa.embedding.base import Embedder
from qa.embedding.batching import MicroBatcher


class QueryEncoder:
    """Encodes questions with `embedder`; a question asked again costs a dictionary lookup, and questions
    that miss the cache together share a model call (`qa.embedding.batching`)."""

    def __init__(self, embedder: Embedder, cache_size: int = 1024, batch_size: int = 16,
                 workers: int = 0, wait_seconds: float = 0.0) -> None:  # workers 0: one per core
        self.embedder = embedder
        self.cache_size = cache_size
        self.batcher = MicroBatcher(self._embed_many, batch_size, workers or os.cpu_count() or 1, wait_seconds)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def encode(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.batcher.encode(text)
        if self.cache_size:
            with self._lock:
                self._cache[text] = vector
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return vector

    def _embed_many(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 1:
            return self.embedder.embed_one(texts[0])[None, :]
        return self.embedder.embed(texts, batch_size=len(texts))
