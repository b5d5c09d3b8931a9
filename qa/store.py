"""The index on disk: FAISS vectors, passages, sentences and a manifest, swapped in atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from qa.ann import AnnConfig, build_ann, describe, load_ann, stored_vectors
from qa.chunking import Passage, Sentence, split_document
from qa.documents import Document, fold, matching_text
from qa.embedding import Embedder
from qa.engines import FaissEngine, SearchEngine
from qa.errors import IndexMismatchError, IndexMissingError
from qa.lexical import BM25Index, Speller, words
from qa.settings import Settings

FORMAT_VERSION = 1
POINTER = "CURRENT"


@dataclass(frozen=True)
class Index:
    """Everything a query needs, loaded once: the corpus, its units and their vectors, and the engine that
    searches its passages (FAISS over `passage_vectors` when `search_engine` is None)."""

    manifest: dict
    documents: dict[str, Document]
    sentences: list[Sentence]
    passages: list[Passage]
    passage_vectors: faiss.Index | None
    sentence_vectors: np.ndarray
    search_engine: SearchEngine | None = None

    @property
    def version(self) -> str:
        return self.manifest["version"]

    @cached_property
    def engine(self) -> SearchEngine:
        return self.search_engine if self.search_engine is not None else FaissEngine(self)

    @cached_property
    def bm25(self) -> BM25Index:
        return BM25Index([fold(p.text) for p in self.passages])

    @cached_property
    def speller(self) -> Speller:
        """Typo repair to corpus words; the in-memory BM25 index has one already, other engines get their own."""
        if self.search_engine is None:
            return self.bm25.speller
        return Speller(w for p in self.passages for w in words(fold(p.text)))

    @cached_property
    def sentence_terms(self) -> list[frozenset[str]]:
        from qa.lexical import terms

        return [frozenset(terms(self.sentence_text(s))) for s in self.sentences]

    @cached_property
    def term_weights(self) -> dict[str, float]:
        return term_weights(self)

    @cached_property
    def name_terms(self) -> frozenset[str]:
        return name_terms(self)

    def warmed(self) -> Index:
        """Build the lazily computed parts now, so no query pays for them."""
        _ = self.speller, self.sentence_terms, self.term_weights, self.name_terms
        return self

    def sentence_text(self, sentence: Sentence) -> str:
        return self.documents[sentence.doc_id].text[sentence.start:sentence.end]

    def search_dense(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Inner-product top-k over passage vectors: (scores, passage ids)."""
        assert self.passage_vectors is not None, "this index searches through its engine"
        k = min(k, len(self.passages))
        scores, ids = self.passage_vectors.search(vector.reshape(1, -1).astype(np.float32), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]


def expected_manifest(settings: Settings, documents: list[Document], embedder_name: str) -> dict:
    """The parts of a manifest that decide whether an index fits these settings and seeds."""
    return {
        "format_version": FORMAT_VERSION,
        "model": embedder_name,
        "chunking": settings.chunking(),
        "seeds": {d.source: d.sha256 for d in documents},
    }


def index_version(key: dict) -> str:
    """The same corpus built the same way has the same version, whatever the store."""
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]


def read_manifest(index_dir: Path) -> dict | None:
    """The manifest of the current index version, or None when there is none."""
    folder = current_folder(index_dir)
    if folder is None:
        return None
    return json.loads((folder / "manifest.json").read_text())


def current_folder(index_dir: Path) -> Path | None:
    pointer = index_dir / POINTER
    if not pointer.is_file():
        return None
    folder = index_dir / pointer.read_text().strip()
    return folder if (folder / "manifest.json").is_file() else None


def is_current(index_dir: Path, expected: dict) -> bool:
    """True when the index on disk was built from exactly these seeds and settings."""
    manifest = read_manifest(index_dir)
    return manifest is not None and all(manifest.get(k) == v for k, v in expected.items())


def build_index(documents: list[Document], settings: Settings, embedder: Embedder, progress: bool = False,
                previous: Index | None = None, before_pointer: Callable[[], None] | None = None) -> dict:
    """Make the configured store (`QA_STORE`) hold exactly `documents`; returns the new manifest."""
    if settings.store == "faiss":
        return write_index(documents, settings, embedder, progress, previous, before_pointer)
    from qa.stores import open_store

    return open_store(settings).sync(documents, settings, embedder, previous, progress, before_pointer)


def write_index(documents: list[Document], settings: Settings, embedder: Embedder, progress: bool = False,
                previous: Index | None = None, before_pointer: Callable[[], None] | None = None) -> dict:
    """Chunk, embed and write a new FAISS index version, then point `CURRENT` at it atomically.

    Documents whose bytes (sha256) and kind are in `previous`, built with the same model and
    chunking, keep their vectors: adding one document embeds only that document.
    `before_pointer` runs once the new version is on disk and before `CURRENT` moves (a test seam).
    """
    sentences, passages = split_all(documents, settings)
    reusable = reusable_vectors(previous, settings, embedder.name)
    passage_vectors, sentence_vectors, embedded = embed_units(documents, sentences, passages, embedder, reusable,
                                                           progress)
    key = expected_manifest(settings, documents, embedder.name)
    manifest = {**key, "version": index_version(key), "dimension": embedder.dimension,
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "counts": {"documents": len(documents), "passages": len(passages), "sentences": len(sentences),
                           "embedded": embedded}}
    _write_atomically(settings.index_dir, manifest, documents, sentences, passages, passage_vectors,
                      sentence_vectors, before_pointer, settings.ann())
    return manifest


VectorKey = tuple[str, str]


def _vector_key(document: Document) -> VectorKey:
    """What decides a document's vectors besides model and chunking: its bytes and its kind (suffix)."""
    return document.sha256, Path(document.source).suffix.lower()


def reusable_vectors(index: Index | None, settings: Settings, model: str) -> dict[VectorKey, tuple[np.ndarray, np.ndarray]]:
    """Passage and sentence vectors of every document of `index`, when it was built like `settings` say."""
    wanted = {"format_version": FORMAT_VERSION, "model": model, "chunking": settings.chunking()}
    if index is None or any(index.manifest.get(k) != v for k, v in wanted.items()) or not index.passages \
            or index.passage_vectors is None:
        return {}
    try:
        passage_rows = stored_vectors(index.passage_vectors)  # lossy IVF-PQ raises TypeError: re-embed
    except (RuntimeError, TypeError):  # an index kind that cannot give its vectors back: embed everything again
        return {}
    passage_ids, sentence_ids = _rows_by_document(index.passages), _rows_by_document(index.sentences)
    return {_vector_key(d): (passage_rows[passage_ids.get(d.doc_id, [])],
                             index.sentence_vectors[sentence_ids.get(d.doc_id, [])])
            for d in index.documents.values()}


def _rows_by_document(units: Sequence[Passage | Sentence]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for row, unit in enumerate(units):
        rows.setdefault(unit.doc_id, []).append(row)
    return rows


def embed_units(documents: list[Document], sentences: list[Sentence], passages: list[Passage], embedder: Embedder,
             reusable: dict[VectorKey, tuple[np.ndarray, np.ndarray]], progress: bool,
             ) -> tuple[np.ndarray, np.ndarray, int]:
    """Passage rows and sentence rows in corpus order, embedding only what `reusable` lacks."""
    passage_rows, sentence_rows = _rows_by_document(passages), _rows_by_document(sentences)
    cached: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for document in documents:
        hit = reusable.get(_vector_key(document))
        if hit is not None and (len(hit[0]), len(hit[1])) == (len(passage_rows.get(document.doc_id, [])),
                                                              len(sentence_rows.get(document.doc_id, []))):
            cached[document.doc_id] = hit
    texts = {d.doc_id: matching_text(d) for d in documents if d.doc_id not in cached}
    fresh_passages = [p for p in passages if p.doc_id in texts]
    fresh_sentences = [s for s in sentences if s.doc_id in texts]
    units: list[Passage | Sentence] = [*fresh_passages, *fresh_sentences]
    inputs = [texts[u.doc_id][u.start:u.end] for u in units]
    fresh = embedder.embed(inputs, progress=progress) if inputs else np.zeros((0, embedder.dimension), np.float32)
    passage_vectors = np.zeros((len(passages), embedder.dimension), np.float32)
    sentence_vectors = np.zeros((len(sentences), embedder.dimension), np.float32)
    passage_vectors[[p.passage_id for p in fresh_passages]] = fresh[: len(fresh_passages)]
    sentence_vectors[[s.sentence_id for s in fresh_sentences]] = fresh[len(fresh_passages):]
    for doc_id, (doc_passages, doc_sentences) in cached.items():
        passage_vectors[passage_rows.get(doc_id, [])] = doc_passages
        sentence_vectors[sentence_rows.get(doc_id, [])] = doc_sentences
    return passage_vectors, sentence_vectors, len(inputs)


def split_all(documents: list[Document], settings: Settings) -> tuple[list[Sentence], list[Passage]]:
    sentences: list[Sentence] = []
    passages: list[Passage] = []
    for document in documents:
        more_sentences, more_passages = split_document(
            document, settings.chunk_sentences, settings.chunk_overlap, settings.chunk_max_chars,
            len(sentences), len(passages))
        sentences += more_sentences
        passages += more_passages
    return sentences, passages


def _write_atomically(index_dir: Path, manifest: dict, documents: list[Document], sentences: list[Sentence],
                      passages: list[Passage], passage_vectors: np.ndarray, sentence_vectors: np.ndarray,
                      before_pointer: Callable[[], None] | None = None, ann: AnnConfig | None = None) -> None:
    """Write a version folder beside the live one, then swap `CURRENT`; `manifest` gains the index type."""
    ann = ann or AnnConfig()
    index_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=index_dir))
    vectors = build_ann(passage_vectors, ann) if len(passage_vectors) else faiss.IndexFlatIP(manifest["dimension"])
    manifest["ann"] = describe(vectors)
    faiss.write_index(vectors, str(staging / "passages.faiss"))
    np.save(staging / "sentences.npy", sentence_vectors)
    _write_json(staging / "documents.json", [asdict(d) for d in documents])
    _write_json(staging / "sentences.json", [asdict(s) for s in sentences])
    _write_json(staging / "passages.json", [{k: v for k, v in asdict(p).items() if k != "text"} for p in passages])
    _write_json(staging / "manifest.json", manifest)
    fsync_folder(staging)
    final = index_dir / f"v-{manifest['version']}-{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}"
    staging.rename(final)
    fsync_folder(index_dir)
    if before_pointer is not None:
        before_pointer()
    _point_at(index_dir, final.name)
    _remove_old_versions(index_dir, keep=final.name)


def _write_json(path: Path, value: object) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file inside `folder` durable."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _point_at(index_dir: Path, name: str) -> None:
    """Replace the pointer file in one rename, so readers see the old version or the new one."""
    temporary = index_dir / f".{POINTER}.{os.getpid()}"
    temporary.write_text(name)
    with open(temporary) as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, index_dir / POINTER)
    fsync_folder(index_dir)


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    for folder in index_dir.iterdir():
        if folder.is_dir() and folder.name != keep and (folder.name.startswith("v-") or folder.name.startswith(".building-")):
            shutil.rmtree(folder, ignore_errors=True)


def load_index(index_dir: Path, expected: dict | None = None, ann: AnnConfig | None = None,
               mmap: bool = False) -> Index:
    """Load the current index version; with `expected`, refuse one built differently.

    `ann` sets the search knobs (efSearch, nprobe); `mmap` maps the vectors from the page cache so
    worker processes share one copy.
    """
    folder = current_folder(index_dir)
    if folder is None:
        raise IndexMissingError(f"no index in {index_dir}; run `qa index` to build it")
    manifest = json.loads((folder / "manifest.json").read_text())
    if expected is not None:
        _check_fits(manifest, expected)
    documents = [Document(**{**d, "regions": tuple(map(tuple, d["regions"]))})
                 for d in json.loads((folder / "documents.json").read_text())]
    by_id = {d.doc_id: d for d in documents}
    sentences = [Sentence(**s) for s in json.loads((folder / "sentences.json").read_text())]
    passages = [Passage(**p, text=by_id[p["doc_id"]].text[p["start"]:p["end"]])
                for p in json.loads((folder / "passages.json").read_text())]
    vectors = load_ann(folder / "passages.faiss", mmap, ann)
    return Index(manifest, by_id, sentences, passages, vectors, np.load(folder / "sentences.npy"))


def _check_fits(manifest: dict, expected: dict) -> None:
    for key in ("format_version", "model", "chunking"):
        if manifest.get(key) != expected[key]:
            raise IndexMismatchError(
                f"index in this folder was built with {key}={manifest.get(key)!r}, but the settings ask for "
                f"{expected[key]!r}; run `qa index` to rebuild it")
    if manifest.get("seeds") != expected["seeds"]:
        raise IndexMismatchError("the seed documents changed since the index was built; run `qa index` to rebuild it")


def term_weights(index: Index) -> dict[str, float]:
    """Inverse sentence frequency of every indexed term: rare words weigh more."""
    frequency: dict[str, int] = {}
    for sentence_terms in index.sentence_terms:
        for term in sentence_terms:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(index.sentences)
    return {term: float(np.log(1 + total / count)) for term, count in frequency.items()}


def name_terms(index: Index) -> frozenset[str]:
    """Terms the corpus mostly writes capitalised after a sentence's first word: parts of names."""
    import re

    from qa.lexical import terms

    capitalised: dict[str, int] = {}
    total: dict[str, int] = {}
    for sentence in index.sentences:
        for match in (re.finditer(r"[A-Za-z][\w'-]*", fold(index.sentence_text(sentence)))):
            if match.start() == 0:  # a sentence's first word is capitalised whatever it is
                continue
            for term in terms(match.group(0)):
                total[term] = total.get(term, 0) + 1
                capitalised[term] = capitalised.get(term, 0) + match.group(0)[0].isupper()
    return frozenset(t for t, n in total.items() if capitalised[t] * 2 > n)
