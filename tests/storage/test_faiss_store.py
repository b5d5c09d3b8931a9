from __future__ import annotations

import json
from pathlib import Path

import faiss
import numpy as np
import pytest

from qa.documents.reading import load_documents
from qa.errors import IndexMismatchError, IndexMissingError
from qa.service.startup import ensure_index
from qa.settings import Settings
from qa.storage import open_store
from qa.storage.build import FORMAT_VERSION, expected_manifest
from qa.storage.faiss.folder import current_folder, read_manifest, read_version
from tests.helpers.paths import SEEDS


def test_faiss_top_k_equals_brute_force_numpy(service) -> None:
    passage_vectors = service.snapshot.searcher.passage_vectors
    matrix = faiss.rev_swig_ptr(passage_vectors.get_xb(), passage_vectors.ntotal * 384)
    vectors = np.array(matrix).reshape(passage_vectors.ntotal, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for question in ["who leads Operation Sentinel?", "How many smugglers were arrested?", "capital of France"]:
        query = service.queries.encode(question)
        ranking = service.snapshot.searcher.dense(query, 5)
        brute = vectors @ query
        expected = np.argsort(-brute, kind="stable")[:5]
        assert list(ranking.entries) == list(expected)
        assert np.allclose([score for score, _ in ranking.entries.values()], brute[expected], atol=1e-5)


def test_manifest_records_how_the_index_was_built(service, settings: Settings) -> None:
    manifest = read_manifest(settings.index_dir)
    assert manifest["model"] == settings.model and manifest["dimension"] == 384
    assert manifest["chunking"] == settings.chunking() and manifest["format_version"] == FORMAT_VERSION
    assert set(manifest["seeds"]) == {"dhs-human-smuggling-campaign.txt"}
    assert manifest["built_at"] and manifest["version"] == service.snapshot.version


def test_unchanged_seeds_are_not_rebuilt_and_changed_ones_are(release_copy: Path, tmp_path: Path,
                                                              real_embedder) -> None:
    settings = Settings(seeds_dir=release_copy, index_dir=tmp_path / "index")
    first, built = ensure_index(settings, real_embedder)
    assert built
    again, built_again = ensure_index(settings, real_embedder)
    assert not built_again and again["version"] == first["version"]
    (release_copy / "extra.md").write_text("# Extra\n\nThe committee meets on Tuesdays.")
    changed, rebuilt = ensure_index(settings, real_embedder)
    assert rebuilt and changed["version"] != first["version"] and changed["counts"]["documents"] == 2
    assert len([p for p in settings.index_dir.iterdir() if p.is_dir()]) == 1  # old version cleaned up


def test_index_with_other_settings_fails_with_rebuild_advice(release_copy: Path, tmp_path: Path, real_embedder) -> None:
    settings = Settings(seeds_dir=release_copy, index_dir=tmp_path / "index")
    ensure_index(settings, real_embedder)
    other = settings.model_copy(update={"chunk_sentences": 5})
    documents = load_documents(release_copy)
    with pytest.raises(IndexMismatchError, match="qa index"):
        read_version(other.index_dir, expected_manifest(other, documents, real_embedder.name))
    with pytest.raises(IndexMismatchError, match="qa index"):
        read_version(settings.index_dir, expected_manifest(settings, documents, "some/other-model"))


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="qa index"):
        read_version(tmp_path)


def test_crash_mid_build_leaves_the_previous_index(release_copy: Path, tmp_path: Path, real_embedder,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(seeds_dir=release_copy, index_dir=tmp_path / "index")
    before, _ = ensure_index(settings, real_embedder)
    (release_copy / "more.txt").write_text("More\n\nAnother document about border programs.")

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash while writing")

    monkeypatch.setattr("qa.storage.faiss.folder._write_json", crash)
    with pytest.raises(RuntimeError):
        open_store(settings).sync(load_documents(release_copy), settings, real_embedder)
    monkeypatch.undo()
    assert read_manifest(settings.index_dir)["version"] == before["version"]
    version = read_version(settings.index_dir)
    assert len(version.corpus.documents) == 1 and current_folder(settings.index_dir) is not None


def test_saved_documents_are_the_files_and_units_tile_them(service, settings: Settings) -> None:
    """Checked against the seed files read again from disk, not against what the index derived from them."""
    folder = current_folder(settings.index_dir)
    documents = json.loads((folder / "documents.json").read_text())
    files = {d["doc_id"]: (SEEDS / d["source"]).read_bytes().decode("utf-8") for d in documents}
    assert {d["doc_id"]: d["text"] for d in documents} == files
    sentences = json.loads((folder / "sentences.json").read_text())
    for passage in json.loads((folder / "passages.json").read_text()):
        text = files[passage["doc_id"]]
        first, last = sentences[passage["first_sentence"]], sentences[passage["last_sentence"]]
        assert (passage["start"], passage["end"]) == (first["start"], last["end"])
        assert text[passage["start"]:passage["end"]] == text[passage["start"]:passage["end"]].strip() != ""
