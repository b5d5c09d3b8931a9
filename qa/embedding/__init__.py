"""Embedding: the `Embedder` interface and its two backends, int8 ONNX (default) and torch."""

from __future__ import annotations

from qa.embedding.base import Embedder
from qa.settings import Settings


def load_embedder(settings: Settings) -> Embedder:
    """The embedding backend the settings name (imported here, lazily: each pulls in a large runtime)."""
    if settings.backend == "onnx":
        from qa.embedding.onnx_backend import OnnxEmbedder

        return OnnxEmbedder(settings.model)
    from qa.embedding.torch_backend import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(settings.model)
