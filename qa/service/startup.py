"""Start-up: build the index when the seeds or settings changed, then load the model and the current version."""

from __future__ import annotations

import time

from qa.documents.reading import seed_hashes
from qa.embedding import load_embedder
from qa.embedding.base import Embedder
from qa.errors import IndexMismatchError, QAError
from qa.service import ingest
from qa.service.answerer import QuestionAnswerer
from qa.settings import Settings
from qa.storage import open_store
from qa.storage.build import expected_manifest, fits, manifest_for
from qa.storage.protocol import Snapshot, Store


def ensure_index(settings: Settings, embedder: Embedder, progress: bool = False,
                 store: Store | None = None, expected: dict | None = None) -> tuple[dict, bool]:
    """Build the index when it is missing or stale; returns (manifest, whether it was built).

    Leftovers of a change a crash interrupted are removed first, and the vectors of documents the
    previous version already holds are reused. `expected`: the manifest the seed files ask for, when the
    caller has it already.
    """
    ingest.remove_leftovers(settings)
    store = store or open_store(settings)
    manifest = store.manifest()
    if not store.shared and fits(manifest, expected or _expected(settings, embedder.name)):
        return manifest or {}, False  # decided from the files' hashes, without reading any document
    current = _current(store) if store.shared else None  # a shared store's uploads stay in it
    documents = ingest.corpus_documents(settings, store, current)
    if fits(manifest, expected_manifest(settings, documents, embedder.name)):
        return manifest or {}, False
    return store.sync(documents, settings, embedder, previous=current, progress=progress), True


def _current(store: Store) -> Snapshot | None:
    """The version in the store whatever it was built from; None when there is none or it is unreadable."""
    try:
        return store.load()
    except (QAError, OSError, ValueError, KeyError, TypeError, RuntimeError):  # missing, old format, damaged
        return None


def open_service(settings: Settings, build: bool = True, embedder: Embedder | None = None,
                 cache_size: int = 1024) -> QuestionAnswerer:
    """Load the model and the index (building it first when `build` and it is missing or stale); the
    service's `startup` says how long each step took."""
    laps = Laps()
    embedder = embedder or load_embedder(settings)
    laps.lap("model")
    store = open_store(settings)
    laps.lap("store")
    expected = _expected(settings, embedder.name)  # the seed files hashed once, for the check and the load
    if build:
        ensure_index(settings, embedder, store=store, expected=expected)
        laps.lap("index check")
    snapshot = load_settled(store, settings, embedder.name, expected)
    laps.lap("index load")
    warmed = snapshot.warmed()
    laps.lap("warm-up")
    service = QuestionAnswerer(warmed, embedder, settings, store, cache_size)
    service.startup = laps.seconds
    return service


SETTLE_ATTEMPTS, SETTLE_PAUSE = 10, 0.2  # how long a starting process lets a sibling's write land (about 2 s)


def load_settled(store: Store, settings: Settings, model: str, expected: dict) -> Snapshot:
    """The version that fits the seeds. A worker that starts while a sibling adds a document may hash the seeds
    before the upload lands and read the version after it (or the other way round): the seeds are hashed again
    and the version read again until the two agree, for about two seconds, before the mismatch is an error."""
    for _ in range(SETTLE_ATTEMPTS - 1):
        try:
            return store.load(expected)
        except IndexMismatchError:
            time.sleep(SETTLE_PAUSE)
            expected = _expected(settings, model)
    return store.load(expected)  # the last attempt's mismatch is the error


class Laps:
    """Seconds between consecutive `lap` calls, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(now - self._last, 3)
        self._last = now


def _expected(settings: Settings, model: str) -> dict:
    return manifest_for(settings, seed_hashes(settings.seeds_dir, settings.gold_dirname), model)
