"""The application: one object that holds the model and index and answers questions."""

from __future__ import annotations

import logging
from contextlib import nullcontext
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock

import numpy as np

from qa import ingest, uploads
from qa.answer import extract_answer
from qa.documents import Document, load_documents
from qa.embedding import Embedder, load_embedder
from qa.errors import DocumentNotFoundError, InvalidInputError, QAError
from qa.retrieval import MODES, Hit, Mode, search
from qa.settings import Settings
from qa.store import Index, expected_manifest, load_index
from qa.stores import FaissStore, Store, is_current, open_store

log = logging.getLogger("qa.service")

MAX_QUESTION_CHARS = 1000
MAX_TOP_K = 20


@dataclass(frozen=True)
class Citation:
    """Where a text comes from: `document.text[start:end]` is the cited text exactly."""

    doc_id: str
    title: str
    source: str
    start: int
    end: int
    page: int | None = None  # 1-based page, for documents with page breaks (PDF uploads)


@dataclass(frozen=True)
class Cited:
    """A piece of a document with its score and citation; `explain` holds per-stage evidence."""

    text: str
    score: float
    citation: Citation
    explain: dict | None = None


@dataclass(frozen=True)
class AnswerText(Cited):
    """The answer span, with the sentence that supports it."""

    sentence: Cited | None = None


@dataclass(frozen=True)
class Response:
    question: str
    answer: AnswerText | None
    passages: list[Cited]
    timings: dict[str, float] = field(default_factory=dict, compare=False)  # seconds per stage and "total"


@dataclass(frozen=True)
class CorpusChange:
    """The outcome of a write: the document added or removed (None for a reindex) and the index now serving."""

    doc_id: str | None
    title: str | None
    source: str | None
    index_version: str
    documents: int
    passages: int
    embedded_texts: int
    changed: bool


StageHook = Callable[[dict[str, float]], None]


class QuestionAnswerer:
    """Answers questions over the current index; corpus changes swap that index, one writer at a time."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings, cache_size: int = 1024,
                 store: Store | None = None) -> None:
        self.index = index  # replaced whole by a write; a request reads it once and keeps that snapshot
        self.embedder = embedder
        self.settings = settings
        self.store = store or FaissStore(settings)
        self._swap_lock = Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = Lock()
        self._write_lock = Lock()
        self.weights: dict[str, float] | None = None  # answer-score weights; None = the fitted defaults
        self.stage_hook: StageHook | None = None  # called with each request's stage timings (metrics)

    def ask(self, question: str, top_k: int | None = None, mode: Mode | None = None,
            explain: bool = False, threshold: float | None = None) -> Response:
        """Best passages and an extractive answer (None when the documents do not say).

        `threshold` overrides the abstention threshold (evaluation sweeps it).
        """
        started = time.perf_counter()
        question, top_k, mode = self._checked(question, top_k, mode)
        index = self.current()
        vector = self.embed_query(question)  # the answer step uses it in every mode
        embedded = time.perf_counter()
        hits = search(index, question, vector, top_k, mode, self.settings.rrf_k, explain=explain)
        searched = time.perf_counter()
        threshold = self.settings.abstain_threshold if threshold is None else threshold
        extraction = extract_answer(index, question, vector, hits, threshold, self.weights)
        answer = None
        if extraction.span is not None and extraction.sentence is not None:
            sentence = extraction.sentence
            evidence = {"features": extraction.candidates[0].features} if explain else None
            span = _cited(index, sentence.doc_id, *extraction.span, extraction.score, evidence)
            support = _cited(index, sentence.doc_id, sentence.start, sentence.end, extraction.score)
            answer = AnswerText(span.text, span.score, span.citation, span.explain, sentence=support)
        passages = [_passage(index, hit, explain) for hit in hits]
        done = time.perf_counter()
        timings = {"embed": embedded - started, "search": searched - embedded, "answer": done - searched,
                   "total": done - started}
        if self.stage_hook is not None:
            self.stage_hook(timings)
        return Response(question, answer, passages, timings)

    def search(self, query: str, top_k: int | None = None, mode: Mode | None = None,
               explain: bool = False) -> list[Cited]:
        """Retrieval only: the best passages for `query`."""
        started = time.perf_counter()
        query, top_k, mode = self._checked(query, top_k, mode)
        index = self.current()
        vector = self.embed_query(query) if mode != "bm25" else None
        embedded = time.perf_counter()
        passages = [_passage(index, hit, explain) for hit in search(index, query, vector, top_k, mode,
                                                                    self.settings.rrf_k, explain=explain)]
        if self.stage_hook is not None:
            done = time.perf_counter()
            self.stage_hook({"embed": embedded - started, "search": done - embedded, "total": done - started})
        return passages

    def current(self) -> Index:
        """The index to answer from: a newer version another replica or worker process committed, if any."""
        latest = self.store.latest(self.index)
        if latest is not self.index:
            with self._swap_lock:  # never go back to an older view than a concurrent write installed
                if latest.manifest.get("sequence", 0) >= self.index.manifest.get("sequence", 0):
                    self.index = latest
        return latest

    def documents(self) -> list[Document]:
        return list(self.current().documents.values())

    def document(self, doc_id: str) -> Document:
        try:
            return self.current().documents[doc_id]
        except KeyError:
            raise DocumentNotFoundError(f"no document with id {doc_id!r}; GET /documents lists the ids") from None

    def health(self) -> dict:
        index = self.current()
        manifest = index.manifest
        return {"status": "ok", "documents": len(index.documents), "passages": len(index.passages),
                "index_version": index.version, "built_at": manifest["built_at"],
                "model": manifest["model"], "backend": self.settings.backend}

    def add_document(self, upload: uploads.FileUpload | uploads.Note) -> CorpusChange:
        """Add an uploaded .txt, .md, .html or .pdf file, or a JSON note; searchable when this returns."""
        original = uploads.original_of(upload, self.settings)  # checking and PDF parsing need no lock
        return self._write(lambda current: ingest.add_original(self.settings, self.embedder, current, original,
                                                               self.store))

    def remove_document(self, doc_id: str) -> CorpusChange:
        """Remove an uploaded document; gone from every answer when this returns."""
        return self._write(lambda current: ingest.remove_original(self.settings, self.embedder, current, doc_id,
                                                                  self.store))

    def reindex(self) -> CorpusChange:
        """Rebuild from the seeds folder (files added or removed by hand), reusing unchanged vectors."""
        return self._write(lambda current: ingest.reindex(self.settings, self.embedder, current, self.store))

    def _write(self, change: Callable[[Index], ingest.Change]) -> CorpusChange:
        """Run one corpus change at a time, then swap in its index: readers see the old one or the new one."""
        started = time.perf_counter()
        with self._write_lock, _write_lock(self.store):
            outcome = change(self.store.latest(self.index, force=True))  # another replica may have written
            with self._swap_lock:
                self.index = outcome.index
        document = outcome.document
        log.info("corpus change: %s %s -> index %s (%d texts embedded, %.2f s)", "changed" if outcome.changed
                 else "unchanged", document.doc_id if document else "-", outcome.index.version, outcome.embedded,
                 time.perf_counter() - started)
        return CorpusChange(document.doc_id if document else None, document.title if document else None,
                            document.source if document else None, outcome.index.version,
                            len(outcome.index.documents), len(outcome.index.passages), outcome.embedded,
                            outcome.changed)

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector, from a bounded LRU cache when the same text was asked before."""
        with self._cache_lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self.embedder.embed_one(text)
        if self._cache_size:
            with self._cache_lock:
                self._cache[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return vector

    def _checked(self, text: str, top_k: int | None, mode: Mode | None) -> tuple[str, int, Mode]:
        if not isinstance(text, str) or not text.strip():
            raise InvalidInputError("the question is empty; send 1 to 1000 characters of text")
        text = text.strip()
        if len(text) > MAX_QUESTION_CHARS:
            raise InvalidInputError(f"the question has {len(text)} characters; the limit is {MAX_QUESTION_CHARS}")
        top_k = self.settings.top_k if top_k is None else top_k
        if not 1 <= top_k <= MAX_TOP_K:
            raise InvalidInputError(f"top_k must be between 1 and {MAX_TOP_K}, not {top_k}")
        mode = mode or self.settings.mode
        if mode not in MODES:
            raise InvalidInputError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        return text, top_k, mode



def _cited(index: Index, doc_id: str, start: int, end: int, score: float, explain: dict | None = None) -> Cited:
    document = index.documents[doc_id]
    citation = Citation(doc_id, document.title, document.source, start, end, uploads.page_of(document.text, start))
    return Cited(document.text[start:end], round(float(score), 4), citation, explain)


def _passage(index: Index, hit: Hit, explain: bool) -> Cited:
    evidence = None
    if explain:
        evidence = {"dense_score": hit.dense_score, "dense_rank": hit.dense_rank, "bm25_score": hit.bm25_score,
                    "bm25_rank": hit.bm25_rank, "fused_score": hit.score}
    passage = hit.passage
    return _cited(index, passage.doc_id, passage.start, passage.end, hit.score, evidence)


def _write_lock(store: Store):
    """The store's cross-process writer lock where it has one (a FAISS folder shared by workers)."""
    lock = getattr(store, "write_lock", None)
    return lock() if lock else nullcontext()


def ensure_index(settings: Settings, embedder: Embedder, progress: bool = False,
                 store: Store | None = None) -> tuple[dict, bool]:
    """Build the index when it is missing or stale; returns (manifest, whether it was built).

    Leftovers of a change a crash interrupted are removed first, and the vectors of documents the
    previous index already holds are reused.
    """
    ingest.remove_leftovers(settings)
    store = store or open_store(settings)
    current = _previous(settings, store) if store.shared else None  # a shared store's uploads stay in it
    documents = ingest.corpus_documents(settings, store, current)
    expected = expected_manifest(settings, documents, embedder.name)
    if is_current(store, expected):
        return store.manifest() or {}, False
    previous = current if store.shared else _previous(settings, store)
    return store.sync(documents, settings, embedder, progress=progress, previous=previous), True


def _previous(settings: Settings, store: Store) -> Index | None:
    """The index in the store whatever it was built from, for its reusable vectors; None when unreadable."""
    try:
        return load_index(settings.index_dir) if not store.shared else store.load()
    except (QAError, OSError, ValueError, KeyError, TypeError, RuntimeError):  # missing, old format, damaged
        return None


def open_service(settings: Settings, build: bool = True, embedder: Embedder | None = None,
                 cache_size: int = 1024) -> QuestionAnswerer:
    """Load the model and the index (building it first when `build` and it is missing or stale)."""
    import faiss

    faiss.omp_set_num_threads(1)  # single queries are faster on one thread (measured, see README)
    embedder = embedder or load_embedder(settings)
    store = open_store(settings)
    if build:
        ensure_index(settings, embedder, store=store)
    documents = load_documents(settings.seeds_dir, settings.gold_dirname)
    index = store.load(expected_manifest(settings, documents, embedder.name))
    return QuestionAnswerer(ingest.warm(index), embedder, settings, cache_size, store)
