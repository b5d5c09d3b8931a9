"""Parity: the gold set gives the same dense results on FAISS and on Milvus, in one `qa eval` table."""

from __future__ import annotations

import json

import pytest

from qa.errors import InvalidInputError
from qa.evaluation.cli import main, parse_stores
from qa.settings import Settings
from tests.helpers.paths import SEEDS

pytestmark = pytest.mark.milvus


def test_gold_set_dense_results_are_identical_on_both_stores(tmp_path, real_embedder, capsys) -> None:
    settings = Settings(seeds_dir=SEEDS, index_dir=tmp_path / "index")
    assert main(["--compare", "dense", "--stores", "faiss,milvus", "--json"], settings, real_embedder) == 0
    modes = json.loads(capsys.readouterr().out)["modes"]
    assert set(modes) == {"dense · faiss", "dense · milvus"}
    faiss, milvus = modes["dense · faiss"], modes["dense · milvus"]
    for metric in ("recall@1", "recall@3", "recall@10", "mrr@10", "ndcg@10", "answer_accuracy", "answer_f1",
                   "abstention_recall", "false_abstention_rate", "citation_fidelity"):
        assert faiss[metric] == pytest.approx(milvus[metric], abs=1e-9), metric
    assert faiss["recall@1"] == pytest.approx(0.877, abs=1e-3)  # the README's figure: FAISS mode unchanged


def test_unknown_store_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidInputError, match="faiss, milvus"):
        parse_stores("faiss,elastic", Settings())
