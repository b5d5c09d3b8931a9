"""The FAISS store: version folders in `index_dir` on local disk, searched in memory (FAISS + BM25)."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import faiss
import numpy as np

from qa.documents.chunking import passage_input
from qa.documents.reading import Document
from qa.embedding.base import Embedder
from qa.errors import QAError
from qa.settings import Settings
from qa.storage.build import (
    UnitVectors,
    VectorKey,
    build_key,
    embed_units,
    expected_manifest,
    fits,
    index_version,
    reusable_vectors,
    split_all,
)
from qa.storage.corpus import Corpus
from qa.storage.faiss.ann import ann_config, stored_vectors
from qa.storage.faiss.bm25 import BM25Index
from qa.storage.faiss.folder import Version, read_manifest, read_version, write_version
from qa.storage.protocol import Ranking, Snapshot


class FaissSearcher:
    """Dense search over one version's FAISS index, BM25 over its passage texts."""

    def __init__(self, passage_vectors: faiss.Index, corpus: Corpus) -> None:
        self.passage_vectors = passage_vectors
        self.bm25 = BM25Index([passage_input(p, p.text, lexical=True) for p in corpus.passages], corpus.speller)

    def dense(self, vector: np.ndarray, k: int) -> Ranking:
        k = min(k, self.passage_vectors.ntotal)
        if k <= 0:
            return Ranking({})
        scores, ids = self.passage_vectors.search(vector.reshape(1, -1).astype(np.float32), k)
        keep = ids[0] >= 0
        return Ranking.from_scores(ids[0][keep], scores[0][keep])

    def lexical(self, query: str, k: int) -> Ranking:
        query_terms = self.bm25.query_terms(query)  # typo repair once, for the scores and the ceiling
        scores = self.bm25.scores(query_terms)
        positive = np.flatnonzero(scores > 0)
        if len(positive) > k:
            positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        return Ranking.from_scores(positive, scores[positive], self.bm25.ceiling(query_terms))


class FaissStore:
    """Version folders in `index_dir`; worker processes on one folder share it under a file lock."""

    name = "faiss"
    shared = False

    def __init__(self, settings: Settings) -> None:
        faiss.omp_set_num_threads(1)  # single queries are faster on one thread (measured, see README)
        self.index_dir = settings.index_dir
        self.ann = ann_config(settings)
        self.mmap = settings.index_mmap
        self.refresh_seconds = settings.refresh_seconds
        self._checked = time.monotonic()

    def manifest(self) -> dict | None:
        return read_manifest(self.index_dir)

    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder,
             previous: Snapshot | None = None, progress: bool = False,
             before_commit: Callable[[], None] | None = None, reuse: bool = True) -> dict:
        """Chunk, embed and write a new version, then point `CURRENT` at it atomically.

        Documents whose bytes and kind are in `previous` (else the version on disk), built with the
        same model and chunking, keep their vectors: adding one document embeds only that document.
        """
        sentences, passages = split_all(documents, settings)
        reusable = self._reusable(self._previous(previous), settings, embedder.name) if reuse else {}
        passage_vectors, sentence_vectors, embedded = embed_units(documents, sentences, passages, embedder,
                                                                  reusable, progress)
        key = expected_manifest(settings, documents, embedder.name)
        manifest = {**key, "version": index_version(key), "dimension": embedder.dimension,
                    "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "counts": {"documents": len(documents), "passages": len(passages),
                               "sentences": len(sentences), "embedded": embedded}}
        return write_version(self.index_dir, manifest, documents, sentences, passages, passage_vectors,
                             sentence_vectors, self.ann, before_commit)

    def _reusable(self, previous: Version | None, settings: Settings, model: str) -> dict[VectorKey, UnitVectors]:
        """Vectors of the previous version when it was built like `settings` say; none when it cannot give them."""
        if previous is None or not fits(previous.corpus.manifest, build_key(settings, model)):
            return {}
        try:
            rows = stored_vectors(previous.passage_vectors)
        except (RuntimeError, TypeError):  # an index kind that keeps only lossy codes: embed everything again
            return {}
        return reusable_vectors(previous.corpus, rows)

    def _previous(self, snapshot: Snapshot | None) -> Version | None:
        """The version to reuse vectors from: the caller's, or the one on disk (its corpus and vectors only:
        no searcher is built for it)."""
        if snapshot is not None:
            searcher = snapshot.searcher
            return Version(snapshot.corpus, searcher.passage_vectors) if isinstance(searcher, FaissSearcher) else None
        try:
            return read_version(self.index_dir, None, self.ann, self.mmap)
        except (QAError, OSError, ValueError, KeyError, TypeError, RuntimeError):  # none yet, or unreadable
            return None

    def load(self, expected: dict | None = None) -> Snapshot:
        version = read_version(self.index_dir, expected, self.ann, self.mmap)
        return Snapshot(version.corpus, FaissSearcher(version.passage_vectors, version.corpus))

    def latest(self, snapshot: Snapshot, force: bool = False) -> Snapshot:
        """`snapshot`, or the version another worker process committed (checked every `refresh_seconds`)."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_seconds:
            return snapshot
        self._checked = now
        manifest = read_manifest(self.index_dir)
        if manifest is None or manifest["version"] == snapshot.version:
            return snapshot
        return self.load().warmed()

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """One writer across all worker processes on this index folder (an advisory file lock)."""
        path = self.index_dir / ".write-lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def probe(self) -> None:
        """A folder on this machine is always there."""

    def close(self) -> None:
        pass
