"""Milvus as the shared index: everything a replica needs lives in five collections, none of it on local disk.

    <prefix>_passages   one row per passage: offsets, BM25 text (Milvus' own BM25 function), dense vector
    <prefix>_sentences  one row per sentence: offsets, paragraph, vector (the answer step scores them)
    <prefix>_documents  one row per document: doc_id, title, source, sha256, blocks (headings, paragraphs, ...)
    <prefix>_texts      the verbatim text of each document in chunks (VARCHAR holds at most 65,535 bytes)
    <prefix>_state      append-only version records: the live document generations and how they were built

Every row carries its document's `generation`, a random 62-bit number given when the document's
rows are written. A write inserts all rows of the new documents first, then inserts one state
record listing the live generations (the commit), then deletes the rows no record lists. Every
search filters on the generations of the view it serves, so a document is searchable whole or
not at all, and a view stays consistent while a writer works. Replicas poll the newest record's
sequence number (one small query, at most every `QA_REFRESH_SECONDS`) and reload on change.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING

import numpy as np

from qa.documents.chunking import Passage, Sentence, passage_input
from qa.documents.reading import Document
from qa.documents.structure import Block
from qa.embedding.base import Embedder
from qa.errors import IndexMissingError
from qa.settings import Settings
from qa.storage.build import build_key, check_build, embed_units, fits, index_version, split_all
from qa.storage.corpus import Corpus
from qa.storage.milvus.schema import (
    CALL_TIMEOUT,
    KINDS,
    PAD,
    connect,
    create_collections,
    document_row,
    reachable,
    text_rows,
)
from qa.storage.milvus.searcher import MilvusSearcher
from qa.storage.protocol import Snapshot

if TYPE_CHECKING:  # pymilvus is imported lazily, when the Milvus store is chosen
    from pymilvus import MilvusClient

log = logging.getLogger("qa.milvus")

BM25_CHARS = 16_000
INSERT_BATCH = 1_000
QUERY_LIMIT = 16_384  # Milvus' cap on one query's rows
KEPT_RECORDS = 3
_CONNECTIONS: dict[tuple[str, str], MilvusStore] = {}


class MilvusStore:
    """The corpus in Milvus (Milvus Lite file or server); any number of replicas share it."""

    name = "milvus"
    shared = True

    def __init__(self, client: MilvusClient, uri: str, prefix: str = "qa", refresh_seconds: float = 1.0) -> None:
        self.client, self.uri, self.prefix = client, uri, prefix
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._view: Snapshot | None = None

    @classmethod
    def connect(cls, settings: Settings) -> MilvusStore:
        """One client per address and prefix in a process (Milvus Lite serves a .db file to one client)."""
        uri = settings.milvus_address()
        key = (uri, settings.milvus_prefix)
        store = _CONNECTIONS.get(key)
        if store is None:
            store = _CONNECTIONS[key] = cls(connect(uri, settings), uri, settings.milvus_prefix,
                                            settings.refresh_seconds)
        return store

    def close(self) -> None:
        _CONNECTIONS.pop((self.uri, self.prefix), None)
        self.client.close()

    def collection(self, kind: str) -> str:
        return f"{self.prefix}_{kind}"

    def write_lock(self) -> AbstractContextManager[object]:
        """Writes need no process lock here: each commit is one record, merged with any another replica made."""
        return nullcontext()

    # ---- reading -------------------------------------------------------------------------------

    def record(self) -> dict | None:
        """The newest version record, None before the first commit."""
        if not self.client.has_collection(self.collection("state")):
            return None
        rows = self.client.query(self.collection("state"), filter="seq >= 0", output_fields=["seq", "record"])
        if not rows:
            return None
        newest = max(rows, key=lambda row: row["seq"])
        return {**json.loads(newest["record"]), "sequence": newest["seq"]}

    def sequence(self) -> int | None:
        if not self.client.has_collection(self.collection("state"), timeout=CALL_TIMEOUT):
            return None
        rows = self.client.query(self.collection("state"), filter="seq >= 0", output_fields=["seq"],
                                 timeout=CALL_TIMEOUT)
        return max((row["seq"] for row in rows), default=None)

    @reachable
    def probe(self) -> None:
        """Raise StoreUnavailableError unless Milvus answers now."""
        self.client.has_collection(self.collection("state"), timeout=CALL_TIMEOUT)

    @reachable
    def manifest(self) -> dict | None:
        record = self.record()
        if record is None:
            return None
        documents = self._rows("documents", record["generations"], ["source", "sha256"])
        return _manifest(record, {row["source"]: row["sha256"] for row in documents})

    @reachable
    def load(self, expected: dict | None = None) -> Snapshot:
        """The version of the newest record: documents in path order, passages and sentences numbered."""
        record = self.record()
        if record is None:
            raise IndexMissingError(f"no index in Milvus at {self.uri} (prefix {self.prefix!r}); run "
                                    "`QA_STORE=milvus qa index` to build it")
        if expected is not None:
            check_build(record, expected, "in Milvus")  # the documents may differ: other replicas add them
        generations = record["generations"]
        documents = self._documents(generations)
        sentences, vectors = self._sentences(generations, documents)
        passages, local_ids = self._passages(generations, documents, sentences)
        manifest = _manifest(record, {d.source: d.sha256 for d in documents.values()})
        corpus = Corpus(manifest, {d.doc_id: d for d in documents.values()}, sentences, passages, vectors)
        searcher = MilvusSearcher(self.client, self.collection("passages"), generations, local_ids, corpus.speller)
        return Snapshot(corpus, searcher)

    @reachable
    def latest(self, snapshot: Snapshot, force: bool = False) -> Snapshot:
        """`snapshot` unless a newer record exists; checked at most every `refresh_seconds` unless `force`."""
        if not force and time.monotonic() - self._checked < self.refresh_seconds:
            return snapshot
        with self._lock:
            self._checked = time.monotonic()
            sequence = self.sequence()
            if sequence is None or sequence == snapshot.manifest.get("sequence"):
                return snapshot
            if self._view is None or self._view.manifest.get("sequence") != sequence:
                started = time.perf_counter()
                self._view = self.load().warmed()
                log.info("corpus view reloaded: version %s, record %d (%.2f s)", self._view.version, sequence,
                         time.perf_counter() - started)
            return self._view

    # ---- writing -------------------------------------------------------------------------------

    @reachable
    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder,
             previous: Snapshot | None = None, progress: bool = False,
             before_commit: Callable[[], None] | None = None, reuse: bool = True) -> dict:
        """Insert the rows of new documents, commit one record, then delete rows no record lists.

        `previous` is not needed: the vectors of documents already in Milvus stay where they are.
        Without `reuse` every document gets new rows, as if the build key had changed.
        """
        record = self.record()
        build = build_key(settings, embedder.name)
        same_build = reuse and fits(record, build)
        live = self._keys(record["generations"]) if same_build and record else {}
        wanted = {_key(d): d for d in documents}
        kept = [generation for generation, key in live.items() if key in wanted]
        live_keys = set(live.values())
        fresh = [d for key, d in wanted.items() if key not in live_keys]
        if record is not None and same_build and not fresh and len(kept) == len(record["generations"]):
            return self.manifest() or {}
        create_collections(self.client, self.collection, embedder.dimension)
        added, embedded = self._insert(fresh, settings, embedder, progress)
        if before_commit is not None:
            before_commit()
        removed = set(record["generations"]) - set(kept) if record else set()
        committed = self._commit({**build, "dimension": embedder.dimension}, record, kept + added, removed,
                                 same_build, embedded)
        self._purge(committed["generations"], committed["sequence"])
        return self.manifest() or {}

    def _commit(self, build: dict, base: dict | None, generations: list[int], removed: set[int], same_build: bool,
                embedded: int) -> dict:
        """Insert the next version record; a record another replica committed meanwhile is merged, not lost."""
        newest = self.record()
        if same_build and newest is not None and base is not None and newest["sequence"] != base["sequence"]:
            generations = sorted((set(newest["generations"]) - removed) | set(generations))
        sources = {row["source"]: row["sha256"] for row in self._rows("documents", generations, ["source", "sha256"])}
        key = {"format_version": build["format_version"], "model": build["model"], "chunking": build["chunking"],
               "seeds": sources}
        counts = {"documents": len(generations), "embedded": embedded,
                  "passages": self._count("passages", generations), "sentences": self._count("sentences", generations)}
        record = {**build, "version": index_version(key), "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                  "generations": sorted(generations), "counts": counts}
        sequence = (newest["sequence"] if newest else 0) + 1
        self.client.insert(self.collection("state"), [{"seq": sequence, "record": json.dumps(record), "pad": PAD}])
        return {**record, "sequence": sequence}

    def _purge(self, live: list[int], sequence: int) -> None:
        """Delete rows of documents no longer listed (and of writes that never committed), and old records."""
        expression = f"generation not in {list(live)}"
        for kind in KINDS[:-1]:  # every kind but the state records
            self.client.delete(self.collection(kind), filter=expression)
        self.client.delete(self.collection("state"), filter=f"seq <= {sequence - KEPT_RECORDS}")

    def _insert(self, documents: list[Document], settings: Settings, embedder: Embedder,
                progress: bool) -> tuple[list[int], int]:
        """Every row of `documents` under fresh generations (invisible until a record lists them)."""
        if not documents:
            return [], 0
        sentences, passages = split_all(documents, settings)
        passage_vectors, sentence_vectors, embedded = embed_units(documents, sentences, passages, embedder, {},
                                                                  progress)
        generations = {d.doc_id: secrets.randbits(62) | 1 for d in documents}
        first_sentence: dict[str, int] = {}
        for sentence in sentences:
            first_sentence.setdefault(sentence.doc_id, sentence.sentence_id)
        first_passage: dict[str, int] = {}
        for passage in passages:
            first_passage.setdefault(passage.doc_id, passage.passage_id)
        self._insert_rows("documents", (document_row(d, generations[d.doc_id]) for d in documents))
        self._insert_rows("texts", (row for d in documents for row in text_rows(d, generations[d.doc_id])))
        self._insert_rows("sentences", ({
            "generation": generations[s.doc_id], "position": s.sentence_id - first_sentence[s.doc_id],
            "start": s.start, "end": s.end, "paragraph": s.paragraph, "heading": int(s.heading),
            "vector": sentence_vectors[s.sentence_id].tolist()} for s in sentences))
        self._insert_rows("passages", ({
            "generation": generations[p.doc_id], "position": p.passage_id - first_passage[p.doc_id],
            "start": p.start, "end": p.end, "first_sentence": p.first_sentence - first_sentence[p.doc_id],
            "last_sentence": p.last_sentence - first_sentence[p.doc_id], "context": p.context[:16_000],
            "text": passage_input(p, p.text, lexical=True)[:BM25_CHARS],
            "dense": passage_vectors[p.passage_id].tolist()} for p in passages))
        return list(generations.values()), embedded

    def _insert_rows(self, kind: str, rows: Iterator[dict]) -> None:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) == INSERT_BATCH:
                self.client.insert(self.collection(kind), batch)
                batch = []
        if batch:
            self.client.insert(self.collection(kind), batch)

    # ---- the corpus of a version -------------------------------------------------------------------------

    def _rows(self, kind: str, generations: list[int], fields: list[str]) -> list[dict]:
        """All rows of these generations (a plain query returns at most 16,384; an iterator pages past that)."""
        if not generations or not self.client.has_collection(self.collection(kind)):
            return []
        expression = f"generation in {list(generations)}"
        rows = self.client.query(self.collection(kind), filter=expression, output_fields=fields, limit=QUERY_LIMIT)
        if len(rows) < QUERY_LIMIT:
            return rows
        iterator = self.client.query_iterator(self.collection(kind), batch_size=4096, filter=expression,
                                              output_fields=fields)
        rows = []
        try:
            while batch := iterator.next():
                rows.extend(batch)
        finally:
            iterator.close()
        return rows

    def _count(self, kind: str, generations: list[int]) -> int:
        result = self.client.query(self.collection(kind), filter=f"generation in {list(generations)}",
                                   output_fields=["count(*)"])
        return int(result[0]["count(*)"]) if result else 0

    def _keys(self, generations: list[int]) -> dict[int, tuple[str, str, str]]:
        rows = self._rows("documents", generations, ["generation", "doc_id", "source", "sha256"])
        return {row["generation"]: (row["doc_id"], row["source"], row["sha256"]) for row in rows}

    def _documents(self, generations: list[int]) -> dict[int, Document]:
        """Generation -> document, in the order `load_documents` reads files (by path)."""
        rows = self._rows("documents", generations, ["generation", "doc_id", "title", "source", "sha256", "blocks"])
        parts: dict[int, list[tuple[int, str]]] = {}
        for row in self._rows("texts", generations, ["generation", "part", "text"]):
            parts.setdefault(row["generation"], []).append((row["part"], row["text"]))
        texts = {generation: "".join(text for _, text in sorted(chunks)) for generation, chunks in parts.items()}
        documents = {row["generation"]: Document(
            row["doc_id"], row["title"], row["source"], texts.get(row["generation"], ""),
            tuple(Block(*block) for block in json.loads(row["blocks"])), row["sha256"]) for row in rows}
        return dict(sorted(documents.items(), key=lambda item: PurePath(item[1].source)))

    def _sentences(self, generations: list[int], documents: dict[int, Document]) -> tuple[list[Sentence], np.ndarray]:
        rows = self._rows("sentences", generations,
                          ["generation", "position", "start", "end", "paragraph", "heading", "vector"])
        order = {generation: number for number, generation in enumerate(documents)}
        rows.sort(key=lambda row: (order[row["generation"]], row["position"]))
        sentences = [Sentence(number, documents[row["generation"]].doc_id, row["start"], row["end"], row["paragraph"],
                              bool(row["heading"])) for number, row in enumerate(rows)]
        vectors = np.asarray([row["vector"] for row in rows], dtype=np.float32).reshape(len(rows), -1)
        return sentences, vectors

    def _passages(self, generations: list[int], documents: dict[int, Document],
                  sentences: list[Sentence]) -> tuple[list[Passage], dict[int, int]]:
        """Passages numbered in corpus order, and Milvus primary key -> that number."""
        fields = ["id", "generation", "position", "start", "end", "first_sentence", "last_sentence", "context"]
        rows = self._rows("passages", generations, fields)
        order = {generation: number for number, generation in enumerate(documents)}
        rows.sort(key=lambda row: (order[row["generation"]], row["position"]))
        first_sentence: dict[str, int] = {}
        for sentence in sentences:
            first_sentence.setdefault(sentence.doc_id, sentence.sentence_id)
        passages, local_ids = [], {}
        for number, row in enumerate(rows):
            document = documents[row["generation"]]
            offset = first_sentence[document.doc_id]
            passages.append(Passage(number, document.doc_id, row["start"], row["end"],
                                    document.text[row["start"]:row["end"]], offset + row["first_sentence"],
                                    offset + row["last_sentence"], row["context"]))
            local_ids[row["id"]] = number
        return passages, local_ids


def _key(document: Document) -> tuple[str, str, str]:
    return document.doc_id, document.source, document.sha256


def _manifest(record: dict, seeds: dict[str, str]) -> dict:
    return {"format_version": record["format_version"], "model": record["model"], "chunking": record["chunking"],
            "seeds": dict(sorted(seeds.items())), "version": record["version"], "dimension": record["dimension"],
            "built_at": record["built_at"], "counts": record["counts"], "sequence": record["sequence"],
            "store": "milvus"}
