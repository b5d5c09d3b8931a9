"""Session fixtures: the real packaged model and a real FAISS index over the seeds, built once.

Tests under tests/e2e start real servers or a real browser: they are marked `e2e` here, so
`make test-fast` (`-m "not e2e and not slow"`) leaves them out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.embedding.base import Embedder
from qa.embedding.onnx_backend import OnnxEmbedder
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings
from tests.helpers.corpora import CountingEmbedder, writable_service
from tests.helpers.paths import RELEASE, SEEDS

E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(E2E):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def real_embedder() -> Embedder:
    """The packaged model as the service runs it by default: int8 ONNX (tests/embedding compares it with torch)."""
    return OnnxEmbedder()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(seeds_dir=SEEDS, index_dir=tmp_path_factory.mktemp("index"), backend="onnx")


@pytest.fixture(scope="session")
def service(settings: Settings, real_embedder: Embedder) -> QuestionAnswerer:
    return open_service(settings, embedder=real_embedder, cache_size=0)


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    """A seeds folder of our own holding a copy of the release."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / RELEASE.name).write_bytes(RELEASE.read_bytes())
    return seeds


@pytest.fixture
def writable(tmp_path: Path, service: QuestionAnswerer, settings: Settings,
             real_embedder: Embedder) -> QuestionAnswerer:
    """A service over its own copy of the release that may change its corpus; its embedder counts texts."""
    return writable_service(tmp_path, settings, CountingEmbedder(real_embedder))
