"""Index types by size: exact below the threshold, HNSW or IVF-PQ above, against a brute-force oracle."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import cast

import faiss
import numpy as np
import pytest

from qa.storage.faiss.ann import AnnConfig, Kind, build_ann, config_from, describe, load_ann, stored_vectors

DIMENSION, SIZE, QUERIES, K = 64, 20_000, 200, 10
SMALL = AnnConfig(exact_below=1_000, hnsw_m=16, hnsw_ef_construction=40, hnsw_ef_search=64,
                  ivf_nlist=64, ivf_nprobe=8, pq_m=16, refine_k_factor=4.0)


def unit_vectors(count: int, seed: int) -> np.ndarray:
    """Unit vectors around 50 shared directions: clustered like sentence embeddings, not uniform."""
    centres = np.random.default_rng(0).standard_normal((50, DIMENSION))
    rng = np.random.default_rng(seed)
    vectors = centres[rng.integers(0, len(centres), count)] + rng.standard_normal((count, DIMENSION))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def corpus() -> np.ndarray:
    return unit_vectors(SIZE, seed=1)


@pytest.fixture(scope="module")
def queries() -> np.ndarray:
    return unit_vectors(QUERIES, seed=2)  # held out: drawn apart from the corpus


def exact_top(corpus: np.ndarray, queries: np.ndarray, k: int = K) -> np.ndarray:
    """The oracle: top-k rows by inner product, in numpy."""
    return np.argsort(-(queries @ corpus.T), axis=1, kind="stable")[:, :k]


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=False)]))


@pytest.mark.parametrize("kind", ["auto", "hnsw", "ivfpq"])
def test_below_the_threshold_the_index_is_exact(corpus: np.ndarray, queries: np.ndarray, kind: Kind) -> None:
    small = corpus[:999]
    index = build_ann(small, replace(SMALL, kind=kind))
    assert describe(index)["kind"] == "flat"
    assert np.array_equal(index.search(queries, K)[1], exact_top(small, queries))


@pytest.mark.parametrize(("kind", "built"), [("auto", "hnsw"), ("hnsw", "hnsw"), ("ivfpq", "ivfpq"), ("flat", "flat")])
def test_at_the_threshold_the_configured_kind_is_built(corpus: np.ndarray, kind: Kind, built: str) -> None:
    description = describe(build_ann(corpus[:1_000], replace(SMALL, kind=kind)))
    assert (description["kind"], description["size"], description["metric"]) == (built, 1_000, "inner_product")


@pytest.fixture(scope="module")
def approximate(corpus: np.ndarray) -> dict[str, faiss.Index]:
    return {kind: build_ann(corpus, replace(SMALL, kind=kind)) for kind in ("hnsw", "ivfpq")}


@pytest.mark.parametrize("kind", ["hnsw", "ivfpq"])
def test_approximate_indexes_find_the_exact_neighbours(approximate: dict[str, faiss.Index], corpus: np.ndarray,
                                                       queries: np.ndarray, kind: str) -> None:
    assert recall(approximate[kind].search(queries, K)[1], exact_top(corpus, queries)) >= 0.9


@pytest.mark.parametrize("kind", ["hnsw", "ivfpq"])
def test_describe_round_trips_the_parameters(approximate: dict[str, faiss.Index], corpus: np.ndarray,
                                             tmp_path: Path, kind: str) -> None:
    description = describe(approximate[kind])
    assert description["parameters"] == {
        "hnsw": {"hnsw_m": 16, "hnsw_ef_construction": 40, "hnsw_ef_search": 64},
        "ivfpq": {"ivf_nlist": 64, "ivf_nprobe": 8, "pq_m": 16, "pq_bits": 8, "refine": True,
                  "refine_k_factor": 4.0},
    }[kind]
    assert json.loads(json.dumps(description)) == description  # fit for manifest.json
    faiss.write_index(approximate[kind], str(tmp_path / "index.faiss"))
    assert describe(load_ann(tmp_path / "index.faiss")) == description
    assert describe(build_ann(corpus[:2_000], config_from(description)))["parameters"] == description["parameters"]


def test_search_knobs_from_the_settings_replace_the_saved_ones(approximate: dict[str, faiss.Index],
                                                               tmp_path: Path) -> None:
    for kind, index in approximate.items():
        faiss.write_index(index, str(tmp_path / f"{kind}.faiss"))
        wanted = replace(SMALL, hnsw_ef_search=200, ivf_nprobe=32, refine_k_factor=8.0)
        parameters = describe(load_ann(tmp_path / f"{kind}.faiss", config=wanted))["parameters"]
        assert {k: parameters[k] for k in ("hnsw_ef_search", "ivf_nprobe", "refine_k_factor") if k in parameters} \
            == {"hnsw": {"hnsw_ef_search": 200}, "ivfpq": {"ivf_nprobe": 32, "refine_k_factor": 8.0}}[kind]


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivfpq", "ivfpq-norefine"])
def test_a_mapped_index_answers_like_a_loaded_one(corpus: np.ndarray, queries: np.ndarray, tmp_path: Path,
                                                  kind: str) -> None:
    config = replace(SMALL, kind=cast(Kind, kind.split("-")[0]), refine=not kind.endswith("norefine"))
    path = tmp_path / "index.faiss"
    faiss.write_index(build_ann(corpus[:5_000], config), str(path))
    loaded, mapped = load_ann(path), load_ann(path, mmap=True)
    assert str(path) in Path("/proc/self/maps").read_text()  # the file itself backs the vectors
    expected, found = loaded.search(queries, K), mapped.search(queries, K)
    assert np.array_equal(found[1], expected[1]) and np.array_equal(found[0], expected[0])
    del mapped


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivfpq"])
def test_the_stored_vectors_come_back_exactly(corpus: np.ndarray, tmp_path: Path, kind: Kind) -> None:
    """The store re-uses these instead of embedding unchanged documents again."""
    faiss.write_index(build_ann(corpus[:3_000], replace(SMALL, kind=kind)), str(tmp_path / "index.faiss"))
    for mmap in (False, True):
        assert np.array_equal(stored_vectors(load_ann(tmp_path / "index.faiss", mmap=mmap)), corpus[:3_000])


def test_lossy_codes_are_not_passed_off_as_vectors(corpus: np.ndarray) -> None:
    with pytest.raises(TypeError, match="refine"):
        stored_vectors(build_ann(corpus[:3_000], replace(SMALL, kind="ivfpq", refine=False)))


def test_pq_sub_vectors_must_divide_the_dimension(corpus: np.ndarray) -> None:
    with pytest.raises(ValueError, match="must divide the dimension 64"):
        build_ann(corpus[:2_000], replace(SMALL, kind="ivfpq", pq_m=24))
