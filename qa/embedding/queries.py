"""Query vectors: one model call per distinct question, remembered in a bounded LRU cache."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

import numpy as np

from qa.embedding.base import Embedder


class QueryEncoder:
    """Encodes questions with `embedder`; a question asked again costs a dictionary lookup."""

    def __init__(self, embedder: Embedder, cache_size: int = 1024) -> None:
        self.embedder = embedder
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = Lock()

    def encode(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.embedder.embed_one(text)
        if self.cache_size:
            with self._lock:
                self._cache[text] = vector
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return vector
