"""One contract for every store: FAISS folders and Milvus (Lite, a real engine in a temporary file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from qa.documents.reading import load_documents, matching_text
from qa.embedding.base import Embedder
from qa.retrieval.search import search
from qa.settings import Settings
from qa.storage import open_store
from qa.storage.protocol import Snapshot, Store
from tests.helpers.paths import RELEASE

STORES = ["faiss", pytest.param("milvus", marks=pytest.mark.milvus)]
HARBOUR = ("Harbour Report\n\nThe harbour pilots guided the tanker Okeanos through the fog at dawn. "
           "Tugboats from Ravensport pushed it to berth nine.\n\nCustoms officers inspected the zinc cargo "
           "for three days before releasing it.\n")
ORCHARD = ("Orchard Notes\n\nThe quince orchard near Vellmar flowered late this spring. Beekeepers moved "
           "forty hives into the rows to pollinate them.\n")


@pytest.fixture(params=STORES)
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    settings = Settings(seeds_dir=seeds, index_dir=tmp_path / "index", store=request.param,
                        milvus_uri=str(tmp_path / "milvus.db"))
    yield settings
    open_store(settings).close()


def _sync(store: Store, settings: Settings, embedder: Embedder, **options) -> dict:
    return store.sync(load_documents(settings.seeds_dir), settings, embedder, **options)


def _lexical_doc_ids(snapshot: Snapshot, query: str) -> set[str]:
    return {snapshot.corpus.passages[pid].doc_id for pid in snapshot.searcher.lexical(query, 10).entries}


def test_dense_search_equals_brute_force_over_the_passages(store_settings: Settings, real_embedder) -> None:
    (store_settings.seeds_dir / "release.txt").write_text(RELEASE.read_text(encoding="utf-8"), encoding="utf-8")
    store = open_store(store_settings)
    _sync(store, store_settings, real_embedder)
    snapshot = store.load()
    corpus = snapshot.corpus
    texts = {doc_id: matching_text(d) for doc_id, d in corpus.documents.items()}  # what the index embeds
    vectors = real_embedder.embed([texts[p.doc_id][p.start:p.end] for p in corpus.passages])
    for question in ["who leads Operation Sentinel?", "which ship came through the fog?", "capital of France"]:
        query = real_embedder.embed_one(question)
        ranking = snapshot.searcher.dense(query, 5)
        brute = vectors @ query
        expected = np.argsort(-brute, kind="stable")[:5]
        assert list(ranking.entries) == list(expected)
        assert np.allclose([score for score, _ in ranking.entries.values()], brute[expected], atol=1e-4)


def test_add_then_delete_a_document(store_settings: Settings, real_embedder) -> None:
    store = open_store(store_settings)
    first = _sync(store, store_settings, real_embedder)
    assert _lexical_doc_ids(store.load(), "quince hives") == set()
    (store_settings.seeds_dir / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    second = _sync(store, store_settings, real_embedder)
    snapshot = store.load()
    corpus = snapshot.corpus
    assert second["version"] != first["version"] and second["counts"]["documents"] == 2
    new_units = [u for u in (*corpus.passages, *corpus.sentences) if u.doc_id == "orchard"]
    assert second["counts"]["embedded"] == len(new_units)  # the new document's units only, not the old one's
    assert _lexical_doc_ids(snapshot, "quince hives") == {"orchard"}
    assert set(corpus.documents) == {"harbour", "orchard"}
    (store_settings.seeds_dir / "orchard.txt").unlink()
    third = _sync(store, store_settings, real_embedder)
    assert third["version"] == first["version"]  # the same corpus built the same way has the same version
    assert _lexical_doc_ids(store.load(), "quince hives") == set()
    assert set(store.load().corpus.documents) == {"harbour"}


def test_lexical_and_hybrid_search_rank_the_right_passage(store_settings: Settings, real_embedder) -> None:
    (store_settings.seeds_dir / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    store = open_store(store_settings)
    _sync(store, store_settings, real_embedder)
    snapshot = store.load().warmed()
    question = "Which tugboats pushed the tanker to its berth?"
    [lexical_top] = [pid for pid, (_, rank) in snapshot.searcher.lexical(question, 5).entries.items() if rank == 1]
    assert "Tugboats from Ravensport" in snapshot.corpus.passages[lexical_top].text
    hits = search(snapshot, question, real_embedder.embed_one(question), 3, "hybrid")
    assert "Tugboats from Ravensport" in hits[0].passage.text
    assert hits[0].dense_rank is not None and hits[0].bm25_rank is not None  # explain: each stage's evidence
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    misspelt = search(snapshot, "quinse orchard", None, 1, "bm25")  # typo repaired to a corpus word
    assert misspelt[0].passage.doc_id == "orchard"


def test_a_document_is_searchable_completely_or_not_at_all(store_settings: Settings, real_embedder) -> None:
    store = open_store(store_settings)
    before = _sync(store, store_settings, real_embedder)
    (store_settings.seeds_dir / "orchard.txt").write_text(ORCHARD, encoding="utf-8")

    def crash() -> None:
        raise RuntimeError("writer died after writing the rows, before the commit")

    with pytest.raises(RuntimeError):
        _sync(store, store_settings, real_embedder, before_commit=crash)
    snapshot = store.load()
    assert snapshot.version == before["version"] and set(snapshot.corpus.documents) == {"harbour"}
    assert _lexical_doc_ids(snapshot, "quince hives beekeepers") == set()
    assert all(snapshot.corpus.passages[pid].doc_id == "harbour" for pid in snapshot.searcher.dense(
        real_embedder.embed_one("quince orchard flowering"), 10).entries)
    _sync(store, store_settings, real_embedder)
    snapshot = store.load()
    orchard = [p for p in snapshot.corpus.passages if p.doc_id == "orchard"]
    assert orchard and all(_lexical_doc_ids(snapshot, p.text) >= {"orchard"} for p in orchard)


def test_long_documents_keep_their_exact_text(store_settings: Settings, real_embedder) -> None:
    sentence = "The archive lists ledger entry {n} for the granary at Oslund" + ", with rye, barley and oats" * 15 + "."
    text = "Granary Ledger\n\n" + "\n\n".join(sentence.format(n=n) for n in range(40)) + "\n"
    assert len(text) > 17_000  # more than one 16,000-character chunk in Milvus
    (store_settings.seeds_dir / "ledger.txt").write_text(text, encoding="utf-8")
    store = open_store(store_settings)
    _sync(store, store_settings, real_embedder)
    corpus = store.load().corpus
    assert corpus.documents["ledger"].text == text
    # Each entry is a one-sentence paragraph, so a passage of its own (the first one under the title line): its
    # span is known from how `text` was made.
    known = {(0 if n == 0 else text.index(sentence.format(n=n)),
              text.index(sentence.format(n=n)) + len(sentence.format(n=n))) for n in range(40)}
    assert known <= {(p.start, p.end) for p in corpus.passages if p.doc_id == "ledger"}
    for sentence, vector in zip(corpus.sentences, corpus.sentence_vectors, strict=True):
        assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-4) and sentence.end > sentence.start


@pytest.mark.milvus
def test_both_stores_give_the_same_version_and_corpus_view(tmp_path: Path, real_embedder) -> None:
    views = {}
    for name in ("faiss", "milvus"):
        settings = Settings(seeds_dir=RELEASE.parent, index_dir=tmp_path / name, store=name,
                            milvus_uri=str(tmp_path / "parity.db"))
        store = open_store(settings)
        _sync(store, settings, real_embedder)
        views[name] = store.load().corpus
        if name == "milvus":
            store.close()
    faiss, milvus = views["faiss"], views["milvus"]
    assert faiss.version == milvus.version
    assert faiss.passages == milvus.passages and faiss.sentences == milvus.sentences
    assert np.array_equal(faiss.sentence_vectors, milvus.sentence_vectors)
