"""The application: one object that holds the model and the current index version, and answers questions.

A question goes: embed (`QueryEncoder`) -> search (the store's ranked candidates, fused) -> answer
(`extract_answer`), each step called once from `ask`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from threading import Lock

from qa.answering.answer import Extraction, extract_answer
from qa.answering.documents import what_a_document_says
from qa.answering.expansions import with_authors, with_definition, with_entry, with_expansion, with_opening
from qa.answering.model import AnswerModel, default_model
from qa.conversation.followups import MAX_TURNS, Turn, resolve
from qa.conversation.sources import WIDER, documents_spoken_of, within_first
from qa.documents.chunking import CONTEXT_SEPARATOR
from qa.documents.pdf import page_of
from qa.documents.reading import Document
from qa.documents.uploads import FileUpload, Note, original_of
from qa.embedding.base import Embedder
from qa.embedding.queries import QueryEncoder
from qa.errors import DocumentNotFoundError, InvalidInputError
from qa.retrieval.search import Fusing, Hit, search
from qa.service import ingest
from qa.service.types import AnswerText, Citation, Cited, Clarification, CorpusChange, Response
from qa.settings import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, MAX_TOP_K, MODES, Mode, Settings
from qa.storage.corpus import Corpus
from qa.storage.protocol import Snapshot, Store

log = logging.getLogger("qa.service")

StageHook = Callable[[dict[str, float]], None]
ANSWER_DEPTH = 10
WHICH_ONE = "Which one do you mean?"


class QuestionAnswerer:
    """Answers questions over the current index version; corpus changes swap it, one writer at a time."""

    def __init__(self, snapshot: Snapshot, embedder: Embedder, settings: Settings, store: Store,
                 cache_size: int = 1024) -> None:
        self.snapshot = snapshot  # replaced whole by a write; a request reads it once and keeps it
        self.embedder = embedder
        self.settings = settings
        self.store = store
        self.queries = QueryEncoder(embedder, cache_size, settings.encode_batch_size, settings.encode_workers,
                                    settings.encode_wait_ms / 1000)
        self.fusing = Fusing(settings.fusion, settings.dense_weight, settings.rrf_k)
        self.model: AnswerModel | None = None  # the answer model; None = the one fitted and shipped
        self.stage_hook: StageHook | None = None  # called with each request's stage timings (metrics)
        self.startup: dict[str, float] = {}  # seconds each start-up step took (qa.service.startup)
        self._swap_lock = Lock()
        self._write_lock = Lock()

    def ask(self, question: str, top_k: int | None = None, mode: Mode | None = None,
            explain: bool = False, threshold: float | None = None, history: list[Turn] | None = None) -> Response:
        """Best passages and an extractive answer (None when the documents do not say).

        `history` holds the conversation's earlier turns, oldest first: a follow-up is read with them.
        `threshold` overrides the abstention threshold (evaluation sweeps it).
        """
        clock = [time.perf_counter()]
        question, top_k, mode = self._checked(question, top_k, mode)
        snapshot = self.current()
        history = _checked_history(history)
        resolved = resolve(question, history, snapshot.corpus)
        claim = what_a_document_says(resolved.query)  # "Which document mentions Konsole?": look for "Konsole"
        query = claim or resolved.query
        vector = self.queries.encode(query)  # the answer step uses it in every mode
        clock.append(time.perf_counter())
        depth = max(top_k, ANSWER_DEPTH)
        documents = documents_spoken_of(snapshot, history, resolved)  # a follow-up stays with the conversation
        hits = within_first(search(snapshot, query, vector, depth * (WIDER if documents else 1), mode,
                                   self.fusing), documents, depth)
        if mode != "dense":  # the expansion is looked up by BM25
            hits = with_authors(snapshot, query, with_opening(snapshot, query, with_definition(
                snapshot, query, with_entry(snapshot, query, with_expansion(snapshot, query, hits)))))
        clock.append(time.perf_counter())
        extraction = extract_answer(snapshot.corpus, query, vector, hits,
                                    self.threshold if threshold is None else threshold, self.model,
                                    resolved.said, resolved.question, resolved.given, claim is not None)
        answer = None if resolved.unresolved else _answer(snapshot.corpus, extraction, explain)
        clarify = _which_one(snapshot.corpus, extraction.passages) if resolved.unresolved else None
        passages = [_passage(snapshot.corpus, hit, explain) for hit in extraction.passages[:top_k]]
        clock.append(time.perf_counter())
        return Response(question, answer, passages, self._timed(clock, ("embed", "search", "answer")), resolved,
                        clarify, explain)

    def search(self, query: str, top_k: int | None = None, mode: Mode | None = None,
               explain: bool = False) -> list[Cited]:
        """Retrieval only: the best passages for `query`."""
        clock = [time.perf_counter()]
        query, top_k, mode = self._checked(query, top_k, mode)
        snapshot = self.current()
        vector = self.queries.encode(query) if mode != "bm25" else None
        clock.append(time.perf_counter())
        hits = search(snapshot, query, vector, top_k, mode, self.fusing)
        clock.append(time.perf_counter())
        self._timed(clock, ("embed", "search"))
        return [_passage(snapshot.corpus, hit, explain) for hit in hits]

    @property
    def threshold(self) -> float:
        """Answers scoring below it are withheld: the setting, else the one fitted with the answer model."""
        configured = self.settings.abstain_threshold
        return configured if configured is not None else (self.model or default_model()).threshold

    def _timed(self, clock: list[float], stages: tuple[str, ...]) -> dict[str, float]:
        """Seconds per stage between consecutive clock readings, plus "total"; reported to the stage hook."""
        timings = {stage: clock[i + 1] - clock[i] for i, stage in enumerate(stages)}
        timings["total"] = clock[-1] - clock[0]
        if self.stage_hook is not None:
            self.stage_hook(timings)
        return timings

    def current(self) -> Snapshot:
        """The version to answer from: a newer one another replica or worker process committed, if any."""
        latest = self.store.latest(self.snapshot)
        if latest is not self.snapshot:
            with self._swap_lock:  # never go back to an older version than a concurrent write installed
                if latest.manifest.get("sequence", 0) >= self.snapshot.manifest.get("sequence", 0):
                    self.snapshot = latest
        return latest

    def documents(self) -> list[Document]:
        return list(self.current().corpus.documents.values())

    def document(self, doc_id: str) -> Document:
        try:
            return self.current().corpus.documents[doc_id]
        except KeyError:
            raise DocumentNotFoundError(f"no document with id {doc_id!r}; list the documents to see their ids",
                                        "list_documents") from None

    def health(self) -> dict:
        """The serving version's figures; StoreUnavailableError (503) while the store does not answer."""
        self.store.probe()
        snapshot = self.current()
        manifest = snapshot.manifest
        return {"status": "ok", "documents": len(snapshot.corpus.documents),
                "passages": len(snapshot.corpus.passages), "index_version": snapshot.version,
                "built_at": manifest["built_at"], "model": manifest["model"], "backend": self.settings.backend,
                "store": self.store.name, "startup_seconds": self.startup}

    def add_document(self, upload: FileUpload | Note) -> CorpusChange:
        """Add an uploaded .txt, .rst, .md, .html or .pdf file, or a JSON note; searchable when this returns."""
        original = original_of(upload, self.settings)  # checking and PDF parsing need no lock
        return self._write(lambda current: ingest.add_original(self.settings, self.embedder, current, original,
                                                               self.store))

    def remove_document(self, doc_id: str) -> CorpusChange:
        """Remove an uploaded document; gone from every answer when this returns."""
        return self._write(lambda current: ingest.remove_original(self.settings, self.embedder, current, doc_id,
                                                                  self.store))

    def reindex(self) -> CorpusChange:
        """Rebuild from the seeds folder (files added or removed by hand), reusing unchanged vectors."""
        return self._write(lambda current: ingest.reindex(self.settings, self.embedder, current, self.store))

    def _write(self, change: Callable[[Snapshot], ingest.Change]) -> CorpusChange:
        """Run one corpus change at a time, then swap in its version: readers see the old one or the new one."""
        started = time.perf_counter()
        with self._write_lock, self.store.write_lock():
            outcome = change(self.store.latest(self.snapshot, force=True))  # another replica may have written
            with self._swap_lock:
                self.snapshot = outcome.snapshot
        document, corpus = outcome.document, outcome.snapshot.corpus
        log.info("corpus change: %s %s -> index %s (%d texts embedded, %.2f s)", "changed" if outcome.changed
                 else "unchanged", document.doc_id if document else "-", corpus.version, outcome.embedded,
                 time.perf_counter() - started)
        return CorpusChange(document.doc_id if document else None, document.title if document else None,
                            document.source if document else None, corpus.version, len(corpus.documents),
                            len(corpus.passages), outcome.embedded, outcome.changed)

    def _checked(self, text: str, top_k: int | None, mode: Mode | None) -> tuple[str, int, Mode]:
        if not isinstance(text, str) or not text.strip():
            raise InvalidInputError(f"the question is empty; send 1 to {MAX_QUESTION_CHARS} characters of text")
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


def _checked_history(history: list[Turn] | None) -> list[Turn]:
    """The earlier turns, refused when there are too many or a question is empty or too long."""
    history = history or []
    if len(history) > MAX_TURNS:
        raise InvalidInputError(f"the history has {len(history)} turns; send at most the last {MAX_TURNS}")
    for number, turn in enumerate(history):
        text = turn.question.strip() if isinstance(turn.question, str) else ""
        if not 1 <= len(text) <= MAX_QUESTION_CHARS:
            raise InvalidInputError(f"turn {number} of the history needs a question of 1 to {MAX_QUESTION_CHARS} "
                                    f"characters")
        if turn.answer is not None and len(turn.answer) > MAX_ANSWER_CHARS:
            raise InvalidInputError(f"turn {number} of the history has an answer of {len(turn.answer)} characters; "
                                    f"the limit is {MAX_ANSWER_CHARS}")
    return history


def _which_one(corpus: Corpus, hits: list[Hit]) -> Clarification:
    """What a follow-up that points back at nothing might mean: the headings (else titles) of its passages."""
    candidates: list[str] = []
    for hit in hits:
        context = hit.passage.context or corpus.documents[hit.passage.doc_id].title
        label = context.split(CONTEXT_SEPARATOR)[-1].strip()
        if label and label not in candidates:
            candidates.append(label)
    return Clarification(WHICH_ONE, candidates[:5])


def _answer(corpus: Corpus, extraction: Extraction, explain: bool) -> AnswerText | None:
    """The chosen span with its supporting sentence, each cited; None when the step abstained."""
    if extraction.span is None or extraction.sentence is None:
        return None
    sentence = extraction.sentence
    evidence = {"features": extraction.candidates[0].features} if explain else None
    span = _cited(corpus, sentence.doc_id, *extraction.span, extraction.score, evidence)
    support = _cited(corpus, sentence.doc_id, sentence.start, sentence.end, extraction.score)
    return AnswerText(span.text, span.score, span.citation, span.explain, sentence=support)


def _cited(corpus: Corpus, doc_id: str, start: int, end: int, score: float, explain: dict | None = None) -> Cited:
    document = corpus.documents[doc_id]
    citation = Citation(doc_id, document.title, document.source, start, end, page_of(document.text, start))
    return Cited(document.text[start:end], round(float(score), 4), citation, explain)


def _passage(corpus: Corpus, hit: Hit, explain: bool) -> Cited:
    evidence = None
    if explain:
        evidence = {"dense_score": hit.dense_score, "dense_rank": hit.dense_rank, "bm25_score": hit.bm25_score,
                    "bm25_rank": hit.bm25_rank, "fused_score": hit.score}
    passage = hit.passage
    return _cited(corpus, passage.doc_id, passage.start, passage.end, hit.score, evidence)
