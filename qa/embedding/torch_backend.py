"""sentence-transformers on torch, on the CPU."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from qa.embedding.base import Embedder, model_folder
from qa.errors import InvalidInputError
from qa.settings import PACKAGED_MODEL


class SentenceTransformerEmbedder(Embedder):
    """sentence-transformers on torch, on the CPU."""

    def __init__(self, model: str = PACKAGED_MODEL) -> None:
        import torch  # lazy: importing torch takes seconds, and the ONNX backend never needs it
        from sentence_transformers import SentenceTransformer

        # One thread: with two, any work on the other core turns a 15 ms encode into 100+ ms (measured, qa bench).
        torch.set_num_threads(1)
        # local_files_only: weights come from installed packages or local folders, never from a model hub.
        self.model = SentenceTransformer(str(model_folder(model)), device="cpu", local_files_only=True)
        self.name = model
        dimension = self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") \
            else self.model.get_sentence_embedding_dimension()
        if dimension is None:
            raise InvalidInputError(f"QA_MODEL={model!r} does not say its embedding size; use a sentence-transformers "
                                    "model folder")
        self.dimension = int(dimension)

    def embed(self, texts: Sequence[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        # Small batches: sentence-transformers pads a batch to its longest text (16 measured ~2x faster than 64).
        vectors = self.model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)
