"""What every store offers: versions of the corpus to read (`Snapshot`), ranked candidates, and writes.

A store keeps the corpus's passages and vectors. `load` gives a `Snapshot` of its current version:
the corpus (data) and a `Searcher` holding that version's search structures, which ranks passages
by their number in `corpus.passages`, so the retrieval and answer steps above never know which
store answered. `sync` makes the store hold exactly the given documents: a document's rows are
all written before one commit makes them visible, so a search sees a document whole or not at
all. FAISS commits by renaming a pointer file; Milvus by inserting one version record.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from qa.documents.reading import Document
from qa.embedding.base import Embedder
from qa.settings import Settings
from qa.storage.corpus import Corpus


@dataclass(frozen=True)
class Ranking:
    """One retriever's candidates: passage number -> (score, rank), best first; ranks are 1-based."""

    entries: dict[int, tuple[float, int]]
    ceiling: float | None = None  # BM25: what a passage holding every query term at its best would score

    @classmethod
    def from_scores(cls, ids: np.ndarray, scores: np.ndarray, ceiling: float | None = None) -> Ranking:
        order = np.argsort(-scores, kind="stable")
        return cls({int(ids[i]): (float(scores[i]), rank + 1) for rank, i in enumerate(order)}, ceiling)


EMPTY = Ranking({})


class Searcher(Protocol):
    """Ranked candidates over one version's passages."""

    def dense(self, vector: np.ndarray, k: int) -> Ranking:
        """The `k` passages nearest `vector` by inner product (= cosine: vectors are unit length)."""
        ...

    def lexical(self, query: str, k: int) -> Ranking:
        """The `k` best passages for `query` by BM25 (typos repaired to corpus words)."""
        ...


@dataclass(frozen=True)
class Snapshot:
    """One version of the corpus and the searcher over its passages: a request reads one and keeps it."""

    corpus: Corpus
    searcher: Searcher

    @property
    def version(self) -> str:
        return self.corpus.version

    @property
    def manifest(self) -> dict:
        return self.corpus.manifest

    def warmed(self) -> Snapshot:
        self.corpus.warmed()
        return self


class Store(Protocol):
    """The index behind the service; `shared` stores are read and written by several replicas."""

    name: str
    shared: bool

    def manifest(self) -> dict | None:
        """How the current version was built (`version`, `model`, `chunking`, `seeds`, `counts`), None if none."""
        ...

    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder,
             previous: Snapshot | None = None, progress: bool = False,
             before_commit: Callable[[], None] | None = None, reuse: bool = True) -> dict:
        """Hold exactly `documents`, embedding only what is new (everything when not `reuse`); returns the
        new manifest. `previous` is the version to reuse vectors from when the caller holds it already."""
        ...

    def load(self, expected: dict | None = None) -> Snapshot:
        """The current version; with `expected`, refuse one built with another model or chunking."""
        ...

    def latest(self, snapshot: Snapshot, force: bool = False) -> Snapshot:
        """The version to serve now: `snapshot`, or a newer one another process committed."""
        ...

    def write_lock(self) -> AbstractContextManager[object]:
        """Held around a corpus change: one writer at a time wherever the store needs it."""
        ...

    def probe(self) -> None:
        """Raise StoreUnavailableError when the store does not answer now (a server that went away)."""
        ...

    def close(self) -> None: ...
