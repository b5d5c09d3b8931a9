"""Session fixtures: the real packaged model and a real FAISS index over the seeds, built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.embedding import Embedder, SentenceTransformerEmbedder
from qa.service import QuestionAnswerer, open_service
from qa.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RELEASE = SEEDS / "dhs-human-smuggling-campaign.txt"


@pytest.fixture(scope="session")
def real_embedder() -> Embedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # The session's service runs the sentence-transformers (torch) model; say so in its settings.
    return Settings(seeds_dir=SEEDS, index_dir=tmp_path_factory.mktemp("index"), backend="torch")


@pytest.fixture(scope="session")
def service(settings: Settings, real_embedder: Embedder) -> QuestionAnswerer:
    return open_service(settings, embedder=real_embedder, cache_size=0)


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    """A seeds folder of our own holding a copy of the release."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(RELEASE, seeds / RELEASE.name)
    return seeds
