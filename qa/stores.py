"""Where the index lives: the `Store` interface, the FAISS folder store, and the choice by settings.

A store keeps the corpus's passages and vectors and hands out corpus views (`qa.store.Index`) whose
engine searches them. `sync` makes the store hold exactly the given documents: a document's rows
are all written before one commit makes them visible, so a search sees a document whole or not
at all. FAISS commits by renaming a pointer file; Milvus by inserting one version record.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ContextManager, Protocol

from qa.documents import Document
from qa.embedding import Embedder
from qa.errors import QAError
from qa.settings import Settings
from qa.store import Index, load_index, read_manifest, write_index


class Store(Protocol):
    """The index behind the service; `shared` stores are read and written by several replicas."""

    name: str
    shared: bool

    def manifest(self) -> dict | None:
        """How the current version was built (`version`, `model`, `chunking`, `seeds`, `counts`), None if none."""
        ...

    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder, previous: Index | None = None,
             progress: bool = False, before_commit: Callable[[], None] | None = None) -> dict:
        """Hold exactly `documents`, embedding only what is new; returns the new manifest."""
        ...

    def load(self, expected: dict | None = None) -> Index:
        """The current corpus view; with `expected`, refuse one built with another model or chunking."""
        ...

    def latest(self, index: Index, force: bool = False) -> Index:
        """The view to serve now: `index`, or a newer one when another process changed the store."""
        ...

    def close(self) -> None: ...


class FaissStore:
    """Version folders in `index_dir`: one process reads and writes them."""

    name = "faiss"
    shared = False

    def __init__(self, settings: Settings) -> None:
        self.index_dir = settings.index_dir
        self.ann = settings.ann()
        self.mmap = settings.index_mmap
        self._checked = time.monotonic()

    def manifest(self) -> dict | None:
        return read_manifest(self.index_dir)

    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder, previous: Index | None = None,
             progress: bool = False, before_commit: Callable[[], None] | None = None) -> dict:
        if previous is None:  # the version on disk, for the vectors of documents it already holds
            try:
                previous = load_index(self.index_dir)
            except (QAError, OSError, ValueError, KeyError, TypeError, RuntimeError):  # none yet, or unreadable
                previous = None
        return write_index(documents, settings, embedder, progress, previous, before_commit)

    def load(self, expected: dict | None = None) -> Index:
        return load_index(self.index_dir, expected, self.ann, self.mmap)

    def latest(self, index: Index, force: bool = False) -> Index:
        """`index`, or the version another worker process committed (checked at most once a second)."""
        now = time.monotonic()
        if not force and now - self._checked < REFRESH_SECONDS:
            return index
        self._checked = now
        manifest = read_manifest(self.index_dir)
        if manifest is None or manifest["version"] == index.version:
            return index
        return self.load().warmed()

    def write_lock(self) -> ContextManager[object]:
        """One writer across all worker processes on this index folder (an advisory file lock)."""
        return _folder_lock(self.index_dir / ".write-lock")

    def close(self) -> None:
        pass


REFRESH_SECONDS = 1.0


@contextmanager
def _folder_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_store(settings: Settings) -> Store:
    """The store `QA_STORE` names: `faiss` (default) or `milvus` at `QA_MILVUS_URI`."""
    if settings.store == "milvus":
        from qa.milvus_store import MilvusStore

        return MilvusStore.connect(settings)
    return FaissStore(settings)


def is_current(store: Store, expected: dict) -> bool:
    """True when the store holds exactly these documents, built with this model and chunking."""
    manifest = store.manifest()
    return manifest is not None and all(manifest.get(k) == v for k, v in expected.items())
