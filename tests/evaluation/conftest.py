"""The cross-document corpus, indexed once for the evaluation tests that ask it."""

from __future__ import annotations

import pytest

from qa.evaluation.formats import SpanGold, load_gold_set
from qa.service.answerer import QuestionAnswerer
from qa.service.startup import open_service
from qa.settings import Settings
from tests.helpers.paths import ROOT

CROSSDOC = ROOT / "datasets" / "crossdoc"


@pytest.fixture(scope="session")
def crossdoc_service(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> tuple[SpanGold, QuestionAnswerer]:
    gold = load_gold_set(CROSSDOC / "questions.jsonl", Settings(), tmp_path_factory.mktemp("crossdoc"))
    assert isinstance(gold, SpanGold)
    return gold, open_service(gold.settings, embedder=real_embedder, cache_size=0)
