"""Milvus as the shared index: everything a replica needs lives in five collections, none of it on local disk.

    <prefix>_passages   one row per passage: offsets, BM25 text (Milvus' own BM25 function), dense vector
    <prefix>_sentences  one row per sentence: offsets, paragraph, vector (the answer step scores them)
    <prefix>_documents  one row per document: doc_id, title, source, sha256, content regions
    <prefix>_texts      the verbatim text of each document in chunks (VARCHAR holds at most 65,535 bytes)
    <prefix>_state      append-only version records: the live document generations and how they were built

Every row carries its document's `generation`, a random 62-bit number given when the document's
rows are written. A write inserts all rows of the new documents first, then inserts one state
record listing the live generations (the commit), then deletes the rows no record lists. Every
search filters on the generations of the view it serves, so a document is searchable whole or
not at all, and a view stays consistent while a writer works. Replicas poll the newest record's
sequence number (one small query, at most every `QA_MILVUS_REFRESH_SECONDS`) and reload on change.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePath

import numpy as np

from qa.chunking import Passage, Sentence
from qa.documents import Document, fold
from qa.embedding import Embedder
from qa.engines import DENSE_WEIGHT, Fused, Fusion, Ranking
from qa.errors import IndexMismatchError, IndexMissingError, StoreUnavailableError
from qa.lexical import Speller, words
from qa.settings import Settings
from qa.store import FORMAT_VERSION, Index, embed_units, index_version, split_all

log = logging.getLogger("qa.milvus")

TEXT_CHUNK = 16_000  # characters: at most 64,000 UTF-8 bytes, under VARCHAR's 65,535
BM25_CHARS = 16_000
INSERT_BATCH = 1_000
QUERY_LIMIT = 16_384  # Milvus' cap on one query's rows
KEPT_RECORDS = 3
PAD = [0.0, 0.0]  # Milvus wants a vector field in every collection; metadata collections carry this one
BUILD_KEYS = ("format_version", "model", "chunking")
_CONNECTIONS: dict[tuple[str, str], MilvusStore] = {}


class MilvusStore:
    """The corpus in Milvus (Milvus Lite file or server); any number of replicas share it."""

    name = "milvus"
    shared = True

    def __init__(self, client, uri: str, prefix: str = "qa", ranker: Fusion = "rrf",
                 refresh_seconds: float = 1.0) -> None:
        self.client, self.uri, self.prefix = client, uri, prefix
        self.ranker: Fusion = ranker
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._view: Index | None = None

    @classmethod
    def connect(cls, settings: Settings) -> MilvusStore:
        """One client per address and prefix in a process (Milvus Lite serves a .db file to one client)."""
        uri = settings.milvus_address()
        key = (uri, settings.milvus_prefix)
        store = _CONNECTIONS.get(key)
        if store is None:
            store = _CONNECTIONS[key] = cls(_client(uri, settings), uri, settings.milvus_prefix,
                                            settings.milvus_ranker, settings.milvus_refresh_seconds)
        return store

    def close(self) -> None:
        _CONNECTIONS.pop((self.uri, self.prefix), None)
        self.client.close()

    def collection(self, kind: str) -> str:
        return f"{self.prefix}_{kind}"

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
        if not self.client.has_collection(self.collection("state")):
            return None
        rows = self.client.query(self.collection("state"), filter="seq >= 0", output_fields=["seq"])
        return max((row["seq"] for row in rows), default=None)

    def manifest(self) -> dict | None:
        record = self.record()
        if record is None:
            return None
        documents = self._rows("documents", record["generations"], ["source", "sha256"])
        return _manifest(record, {row["source"]: row["sha256"] for row in documents})

    def load(self, expected: dict | None = None) -> Index:
        """The corpus view of the newest record: documents in path order, passages and sentences numbered."""
        record = self.record()
        if record is None:
            raise IndexMissingError(f"no index in Milvus at {self.uri} (prefix {self.prefix!r}); run "
                                    "`QA_STORE=milvus qa index` to build it")
        if expected is not None:
            _check_fits(record, expected)
        generations = record["generations"]
        documents = self._documents(generations)
        sentences, vectors = self._sentences(generations, documents)
        passages, local_ids = self._passages(generations, documents, sentences)
        manifest = _manifest(record, {d.source: d.sha256 for d in documents.values()})
        views: list[Index] = []
        engine = MilvusEngine(self, generations, local_ids, lambda query: _repair(views[0].speller, query))
        index = Index(manifest, {d.doc_id: d for d in documents.values()}, sentences, passages, None, vectors, engine)
        views.append(index)
        return index

    def latest(self, index: Index, force: bool = False) -> Index:
        """`index` unless a newer record exists; checked at most every `refresh_seconds` unless `force`."""
        if not force and time.monotonic() - self._checked < self.refresh_seconds:
            return index
        with self._lock:
            self._checked = time.monotonic()
            sequence = self.sequence()
            if sequence is None or sequence == index.manifest.get("sequence"):
                return index
            if self._view is None or self._view.manifest.get("sequence") != sequence:
                started = time.perf_counter()
                self._view = self.load().warmed()
                log.info("corpus view reloaded: version %s, record %d (%.2f s)", self._view.version, sequence,
                         time.perf_counter() - started)
            return self._view

    # ---- writing -------------------------------------------------------------------------------

    def sync(self, documents: list[Document], settings: Settings, embedder: Embedder, previous: Index | None = None,
             progress: bool = False, before_commit: Callable[[], None] | None = None) -> dict:
        """Insert the rows of new documents, commit one record, then delete rows no record lists."""
        record = self.record()
        build = {"format_version": FORMAT_VERSION, "model": embedder.name, "chunking": settings.chunking()}
        same_build = record is not None and all(record.get(k) == v for k, v in build.items())
        live = self._keys(record["generations"]) if same_build and record else {}
        wanted = {_key(d): d for d in documents}
        kept = [generation for generation, key in live.items() if key in wanted]
        fresh = [d for key, d in wanted.items() if key not in set(live.values())]
        if record is not None and same_build and not fresh and len(kept) == len(record["generations"]):
            return self.manifest() or {}
        self._create_collections(embedder.dimension)
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
        for kind in ("passages", "sentences", "documents", "texts"):
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
        self._insert_rows("documents", (_document_row(d, generations[d.doc_id]) for d in documents))
        self._insert_rows("texts", (row for d in documents for row in _text_rows(d, generations[d.doc_id])))
        self._insert_rows("sentences", ({
            "generation": generations[s.doc_id], "position": s.sentence_id - first_sentence[s.doc_id],
            "start": s.start, "end": s.end, "paragraph": s.paragraph,
            "vector": sentence_vectors[s.sentence_id].tolist()} for s in sentences))
        self._insert_rows("passages", ({
            "generation": generations[p.doc_id], "position": p.passage_id - first_passage[p.doc_id],
            "start": p.start, "end": p.end, "first_sentence": p.first_sentence - first_sentence[p.doc_id],
            "last_sentence": p.last_sentence - first_sentence[p.doc_id], "text": fold(p.text)[:BM25_CHARS],
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

    # ---- the corpus view -------------------------------------------------------------------------

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
        rows = self._rows("documents", generations, ["generation", "doc_id", "title", "source", "sha256", "regions"])
        parts: dict[int, list[tuple[int, str]]] = {}
        for row in self._rows("texts", generations, ["generation", "part", "text"]):
            parts.setdefault(row["generation"], []).append((row["part"], row["text"]))
        texts = {generation: "".join(text for _, text in sorted(chunks)) for generation, chunks in parts.items()}
        documents = {row["generation"]: Document(
            row["doc_id"], row["title"], row["source"], texts.get(row["generation"], ""),
            tuple(tuple(span) for span in json.loads(row["regions"])), row["sha256"]) for row in rows}
        return dict(sorted(documents.items(), key=lambda item: PurePath(item[1].source)))

    def _sentences(self, generations: list[int], documents: dict[int, Document]) -> tuple[list[Sentence], np.ndarray]:
        rows = self._rows("sentences", generations, ["generation", "position", "start", "end", "paragraph", "vector"])
        order = {generation: number for number, generation in enumerate(documents)}
        rows.sort(key=lambda row: (order[row["generation"]], row["position"]))
        sentences = [Sentence(number, documents[row["generation"]].doc_id, row["start"], row["end"], row["paragraph"])
                     for number, row in enumerate(rows)]
        vectors = np.asarray([row["vector"] for row in rows], dtype=np.float32).reshape(len(rows), -1)
        return sentences, vectors

    def _passages(self, generations: list[int], documents: dict[int, Document],
                  sentences: list[Sentence]) -> tuple[list[Passage], dict[int, int]]:
        """Passages numbered in corpus order, and Milvus primary key -> that number."""
        rows = self._rows("passages", generations,
                          ["id", "generation", "position", "start", "end", "first_sentence", "last_sentence"])
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
                                    offset + row["last_sentence"]))
            local_ids[row["id"]] = number
        return passages, local_ids

    # ---- collections ---------------------------------------------------------------------------

    def _create_collections(self, dimension: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        existing = self.client.has_collection(self.collection("passages"))
        if existing:
            field = next(f for f in self.client.describe_collection(self.collection("passages"))["fields"]
                         if f["name"] == "dense")
            if int(field["params"]["dim"]) != dimension:
                raise IndexMismatchError(
                    f"the Milvus collections with prefix {self.prefix!r} hold {field['params']['dim']}-dimensional "
                    f"vectors, the model makes {dimension}; set QA_MILVUS_PREFIX to a new name and run `qa index`")
            return
        integer, varchar, vector = DataType.INT64, DataType.VARCHAR, DataType.FLOAT_VECTOR

        def schema(fields: list[tuple], vector_field: str, dim: int, auto_id: bool = True):
            built = self.client.create_schema(auto_id=auto_id)
            if auto_id:
                built.add_field("id", integer, is_primary=True)
            for name, kind, options in fields:
                built.add_field(name, kind, **options)
            built.add_field(vector_field, vector, dim=dim)
            return built

        def create(kind: str, built, vector_field: str, metric: str = "IP", extra: Callable | None = None) -> None:
            index_params = self.client.prepare_index_params()
            index_params.add_index(vector_field, index_type="FLAT", metric_type=metric)  # exact: parity with FAISS
            if extra is not None:
                extra(index_params)
            self.client.create_collection(self.collection(kind), schema=built, index_params=index_params,
                                          consistency_level="Strong")

        number = {"generation": integer, "position": integer, "start": integer, "end": integer}
        passages = schema([*((n, k, {}) for n, k in number.items()), ("first_sentence", integer, {}),
                           ("last_sentence", integer, {}),
                           ("text", varchar, {"max_length": 65_535, "enable_analyzer": True,
                                              "analyzer_params": {"type": "english"}}),
                           ("sparse", DataType.SPARSE_FLOAT_VECTOR, {})], "dense", dimension)
        passages.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"],
                                       output_field_names=["sparse"]))
        create("passages", passages, "dense", extra=lambda p: p.add_index(
            "sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25"))
        create("sentences", schema([*((n, k, {}) for n, k in number.items()), ("paragraph", integer, {})],
                                   "vector", dimension), "vector")
        text = {"max_length": 65_535}
        create("documents", schema([("generation", integer, {}), ("doc_id", varchar, text), ("title", varchar, text),
                                    ("source", varchar, text), ("sha256", varchar, {"max_length": 64}),
                                    ("regions", varchar, text)], "pad", 2), "pad")
        create("texts", schema([("generation", integer, {}), ("part", integer, {}), ("text", varchar, text)],
                               "pad", 2), "pad")
        state = self.client.create_schema(auto_id=False)
        state.add_field("seq", integer, is_primary=True)
        state.add_field("record", varchar, max_length=65_535)
        state.add_field("pad", vector, dim=2)
        create("state", state, "pad")


class MilvusEngine:
    """Dense (FLAT inner product), BM25 (Milvus' BM25 function) and hybrid (`hybrid_search` + RRF or weighted
    ranker) over the passages of one view's generations."""

    name = "milvus"

    def __init__(self, store: MilvusStore, generations: list[int], local_ids: dict[int, int],
                 repair: Callable[[str], str]) -> None:
        self.store, self.local_ids, self.repair = store, local_ids, repair
        self.expression = f"generation in {list(generations)}"
        self.collection = store.collection("passages")

    def dense(self, vector: np.ndarray, k: int) -> Ranking:
        results = self.store.client.search(self.collection, data=[_floats(vector)], anns_field="dense", limit=k,
                                           filter=self.expression, search_params={"metric_type": "IP"})
        return self._ranking(results[0])

    def lexical(self, query: str, k: int) -> Ranking:
        text = self.repair(query)
        if not text:
            return Ranking({})
        results = self.store.client.search(self.collection, data=[text], anns_field="sparse", limit=k,
                                           filter=self.expression, search_params={"metric_type": "BM25"})
        return self._ranking(results[0])

    def hybrid(self, query: str, vector: np.ndarray, k: int, fusion: Fusion | None = None, rrf_k: int = 60,
               explain: bool = True) -> Fused:
        from pymilvus import AnnSearchRequest, RRFRanker, WeightedRanker

        text = self.repair(query)
        requests = [AnnSearchRequest([_floats(vector)], "dense", {"metric_type": "IP"}, k, expr=self.expression)]
        if text:
            requests.append(AnnSearchRequest([text], "sparse", {"metric_type": "BM25"}, k, expr=self.expression))
        ranker = RRFRanker(rrf_k) if (fusion or self.store.ranker) == "rrf" else \
            WeightedRanker(DENSE_WEIGHT, 1 - DENSE_WEIGHT)
        if len(requests) == 1 and not isinstance(ranker, RRFRanker):
            ranker = WeightedRanker(1.0)
        results = self.store.client.hybrid_search(self.collection, requests, ranker, limit=k)
        scores = {self.local_ids[hit["id"]]: float(hit["distance"]) for hit in results[0]
                  if hit["id"] in self.local_ids}
        if not explain:
            return Fused(scores)
        return Fused(scores, self.dense(vector, k), self.lexical(query, k))

    def _ranking(self, hits) -> Ranking:
        entries: dict[int, tuple[float, int]] = {}
        for hit in hits:
            local = self.local_ids.get(hit["id"])
            if local is not None:
                entries[local] = (float(hit["distance"]), len(entries) + 1)
        return Ranking(entries)


def _client(uri: str, settings: Settings):
    """A MilvusClient for a Lite file (created beside the index) or a server address."""
    if "://" not in uri:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    token = settings.milvus_token.get_secret_value() if settings.milvus_token else ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # milvus_lite imports pkg_resources, which warns that it is deprecated
            from pymilvus import MilvusClient

            return MilvusClient(uri=uri, token=token, timeout=30)
    except Exception as error:  # noqa: BLE001 - pymilvus raises MilvusException, grpc errors, OSError, ...
        raise StoreUnavailableError(f"cannot reach Milvus at {uri} ({type(error).__name__}: {error}); start it, "
                                    "or set QA_MILVUS_URI to a reachable server or a local .db file") from None


def _key(document: Document) -> tuple[str, str, str]:
    return document.doc_id, document.source, document.sha256


def _document_row(document: Document, generation: int) -> dict:
    return {"generation": generation, "doc_id": document.doc_id, "title": document.title[:16_000],
            "source": document.source, "sha256": document.sha256, "regions": json.dumps(document.regions),
            "pad": PAD}


def _text_rows(document: Document, generation: int) -> Iterator[dict]:
    for part, start in enumerate(range(0, max(len(document.text), 1), TEXT_CHUNK)):
        yield {"generation": generation, "part": part, "text": document.text[start:start + TEXT_CHUNK], "pad": PAD}


def _manifest(record: dict, seeds: dict[str, str]) -> dict:
    return {"format_version": record["format_version"], "model": record["model"], "chunking": record["chunking"],
            "seeds": dict(sorted(seeds.items())), "version": record["version"], "dimension": record["dimension"],
            "built_at": record["built_at"], "counts": record["counts"], "sequence": record["sequence"],
            "store": "milvus"}


def _check_fits(record: dict, expected: dict) -> None:
    """Model, chunking and format must match; the documents need not (other replicas add them)."""
    for key in BUILD_KEYS:
        if record.get(key) != expected[key]:
            raise IndexMismatchError(
                f"the index in Milvus was built with {key}={record.get(key)!r}, but the settings ask for "
                f"{expected[key]!r}; run `qa index` to rebuild it")


def _repair(speller: Speller, query: str) -> str:
    """The query as BM25 should read it: folded, typos repaired to corpus words."""
    return " ".join(speller.correct(word) for word in words(fold(query)))


def _floats(vector: np.ndarray) -> list[float]:
    return np.asarray(vector, dtype=np.float32).reshape(-1).tolist()

