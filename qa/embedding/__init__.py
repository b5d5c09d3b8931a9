"""Embedding: the `Embedder` interface and its two backends, int8 ONNX (default) and torch."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.embedding.base import Embedder
from qa.settings import Settings


def load_embedder(settings: Settings) -> Embedder:
    """The embedding backend the settings name (imported here, lazily: each pulls in a large runtime)."""
    if settings.backend == "onnx":
        from qa.embedding.onnx_backend import OnnxEmbedder

        return OnnxEmbedder(settings.model)
    from qa.embedding.torch_backend import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(settings.model)


class DeferredEmbedder(Embedder):
    """The settings' backend, loaded at its first use: whether an index is current is decided by the
    model's name alone, so a process that only checks (the parent of `qa serve --workers N`) never
    loads the model."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.name = settings, settings.model
        self._loaded: Embedder | None = None

    @property
    def dimension(self) -> int:
        return self._model().dimension

    @dimension.setter
    def dimension(self, value: int) -> None:
        raise AttributeError("the dimension is the model's")

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        return self._model().embed(texts, batch_size, progress)

    def _model(self) -> Embedder:
        if self._loaded is None:
            self._loaded = load_embedder(self.settings)
        return self._loaded
