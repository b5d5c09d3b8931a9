"""The ONNX backend gives the torch backend's vectors and rankings, on the real model and index.

Slow: these load torch, which the rest of the fast suite never imports (the session serves with ONNX).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from qa.embedding.onnx_backend import OnnxEmbedder
from qa.embedding.torch_backend import SentenceTransformerEmbedder
from qa.retrieval.search import search
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import PACKAGED_MODEL
from qa.storage.faiss.folder import read_manifest
from tests.helpers.paths import GOLD

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def onnx_service(service: QuestionAnswerer) -> QuestionAnswerer:
    """The session's real index, built with the ONNX backend (conftest)."""
    assert service.settings.backend == "onnx"
    return service


@pytest.fixture(scope="module")
def torch_service(onnx_service: QuestionAnswerer) -> QuestionAnswerer:
    """The same index folder opened with the torch backend (must not rebuild)."""
    settings = onnx_service.settings.model_copy(update={"backend": "torch"})
    return open_service(settings, build=False, cache_size=0)


@pytest.fixture(scope="module")
def sentences(torch_service: QuestionAnswerer) -> list[str]:
    corpus = torch_service.snapshot.corpus
    return [corpus.sentence_text(s) for s in corpus.sentences]


@pytest.fixture(scope="module")
def questions() -> list[str]:
    return [json.loads(line)["question"] for line in GOLD.read_text().splitlines() if line.strip()]


def test_vectors_are_unit_float32_rows(onnx_service: QuestionAnswerer, sentences: list[str]) -> None:
    embedder = onnx_service.embedder
    vectors = embedder.embed(sentences, batch_size=8)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(sentences), 384) == (len(sentences), embedder.dimension)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_name_is_the_model_setting_so_indexes_are_shared() -> None:
    embedder = OnnxEmbedder()
    assert embedder.name == PACKAGED_MODEL
    assert embedder.dimension == 384


def test_torch_opens_the_onnx_built_index_without_rebuilding(torch_service: QuestionAnswerer,
                                                             onnx_service: QuestionAnswerer) -> None:
    before = read_manifest(onnx_service.settings.index_dir)
    assert torch_service.snapshot.version == onnx_service.snapshot.version
    assert read_manifest(onnx_service.settings.index_dir) == before  # nothing was rebuilt


def test_batching_and_order_do_not_change_a_vector(onnx_service: QuestionAnswerer, sentences: list[str]) -> None:
    embedder = onnx_service.embedder
    batched = embedder.embed(sentences, batch_size=16)
    one_by_one = np.stack([embedder.embed_one(s) for s in sentences])
    reversed_back = embedder.embed(sentences[::-1], batch_size=5)[::-1]
    assert (batched * one_by_one).sum(axis=1).min() > 0.999
    assert (batched * reversed_back).sum(axis=1).min() > 0.999


def test_cosine_to_torch_fp32_is_at_least_0_99(torch_service: QuestionAnswerer, onnx_service: QuestionAnswerer,
                                               sentences: list[str], questions: list[str]) -> None:
    texts = sentences + questions[:10]
    reference = torch_service.embedder.embed(texts)
    assert isinstance(torch_service.embedder, SentenceTransformerEmbedder)
    assert isinstance(onnx_service.embedder, OnnxEmbedder)
    cosines = (onnx_service.embedder.embed(texts) * reference).sum(axis=1)
    assert cosines.min() >= 0.99, texts[int(cosines.argmin())]


def test_dense_top_k_agrees_with_torch_on_gold_questions(torch_service: QuestionAnswerer,
                                                         onnx_service: QuestionAnswerer,
                                                         questions: list[str]) -> None:
    snapshot = torch_service.snapshot
    reference = torch_service.embedder.embed(questions)  # one batch: torch is slow one question at a time
    vectors = onnx_service.embedder.embed(questions)
    top1, overlap5 = [], []
    for question, torch_vector, onnx_vector in zip(questions, reference, vectors, strict=False):
        expected = [hit.passage.passage_id for hit in search(snapshot, question, torch_vector, 5, "dense")]
        got = [hit.passage.passage_id for hit in search(snapshot, question, onnx_vector, 5, "dense")]
        top1.append(expected[0] == got[0])
        overlap5.append(len(set(expected) & set(got)) / len(expected))
    # Measured: top-1 agreement 1.00, overlap@5 0.99 over the 85 gold questions.
    assert np.mean(top1) >= 0.95
    assert np.mean(overlap5) >= 0.95


def test_answers_agree_with_torch_on_gold_questions(torch_service: QuestionAnswerer,
                                                    onnx_service: QuestionAnswerer, questions: list[str]) -> None:
    def answer(service: QuestionAnswerer, question: str) -> str | None:
        response = service.ask(question)
        return response.answer.text if response.answer else None

    same = [answer(torch_service, q) == answer(onnx_service, q) for q in questions]
    assert np.mean(same) >= 0.95  # measured: 84 of 85
