"""The store builds the FAISS index type its settings ask for and records it in the manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.service.startup import ensure_index, open_service
from qa.settings import Settings
from qa.storage.faiss.folder import read_manifest


@pytest.mark.parametrize("kind, expected", [("auto", "flat"), ("hnsw", "hnsw"), ("flat", "flat")])
def test_index_type_follows_settings_and_is_recorded(release_copy: Path, tmp_path: Path, real_embedder,
                                                     kind: str, expected: str) -> None:
    settings = Settings(seeds_dir=release_copy, index_dir=tmp_path / "index", ann_kind=kind, hnsw_m=8)
    ensure_index(settings, real_embedder)
    manifest = read_manifest(settings.index_dir)
    ann = manifest["ann"]
    assert ann["kind"] == expected and ann["metric"] == "inner_product"
    assert ann["size"] == manifest["counts"]["passages"] == 13  # the release's paragraphs and pillars
    if expected == "hnsw":
        assert ann["parameters"]["hnsw_m"] == 8


def test_hnsw_and_mmap_serve_the_same_answers_as_exact(release_copy: Path, tmp_path: Path, real_embedder) -> None:
    exact = open_service(Settings(seeds_dir=release_copy, index_dir=tmp_path / "exact"), embedder=real_embedder)
    approximate = open_service(Settings(seeds_dir=release_copy, index_dir=tmp_path / "hnsw", ann_kind="hnsw",
                                        index_mmap=True), embedder=real_embedder)
    for question in ["who leads Operation Sentinel?", "How many smugglers were arrested?"]:
        assert [p.citation for p in exact.search(question, mode="dense")] == \
               [p.citation for p in approximate.search(question, mode="dense")]
