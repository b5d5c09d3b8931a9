"""Question answering over local documents with exact citations.

The pipeline, in reading order: `documents` (read, clean, cut into passages) -> `embedding` ->
`storage` (FAISS folders or Milvus) -> `retrieval` (dense + BM25, fused) -> `answering` (span,
abstention) -> `service` (the application); `evaluation` and `benchmarks` measure it, `cli` runs it.
"""

from __future__ import annotations

import importlib
from typing import Any

# The public surface, imported on first use: `import qa.settings` should not load the whole pipeline.
_PUBLIC = {
    "Settings": "qa.settings",
    "open_service": "qa.service.startup",
    "QuestionAnswerer": "qa.service.answerer",
    "AnswerText": "qa.service.types", "Citation": "qa.service.types", "Cited": "qa.service.types",
    "Response": "qa.service.types",
    "QAError": "qa.errors", "DocumentNotFoundError": "qa.errors", "GoldSetError": "qa.errors",
    "IndexMismatchError": "qa.errors", "IndexMissingError": "qa.errors", "InvalidInputError": "qa.errors",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'qa' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)
