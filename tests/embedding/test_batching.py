"""Micro-batching: concurrent questions share model calls, a lone one never waits, errors reach every caller."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import numpy as np
import pytest

from qa.embedding.batching import MicroBatcher


class SlowModel:
    """A model call costs `seconds` whatever the batch; it records each batch's size."""

    def __init__(self, seconds: float = 0.02) -> None:
        self.seconds, self.sizes, self.concurrent, self.most = seconds, [], 0, 0
        self.lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        with self.lock:
            self.concurrent += 1
            self.most = max(self.most, self.concurrent)
            self.sizes.append(len(texts))
        time.sleep(self.seconds)
        with self.lock:
            self.concurrent -= 1
        return np.array([[float(len(t)), float(t.count("x"))] for t in texts])


def _ask_together(batcher: MicroBatcher, texts: list[str]) -> dict[str, np.ndarray]:
    results: dict[str, np.ndarray] = {}
    barrier = threading.Barrier(len(texts))

    def ask(text: str) -> None:
        barrier.wait()
        results[text] = batcher.encode(text)

    threads = [threading.Thread(target=ask, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results


def test_each_caller_gets_its_own_vector_and_concurrent_ones_share_calls() -> None:
    model = SlowModel()
    batcher = MicroBatcher(model, batch_size=8, workers=2)
    texts = [f"q{'x' * n}" for n in range(32)]
    results = _ask_together(batcher, texts)
    assert all(results[t].tolist() == [float(len(t)), float(t.count("x"))] for t in texts)
    assert sum(model.sizes) == 32 and len(model.sizes) < 32 and max(model.sizes) <= 8
    assert model.most <= 2  # never more model calls at once than workers
    assert batcher._active == 0 and not batcher._pending  # every slot given back


def test_a_lone_question_runs_at_once() -> None:
    model = SlowModel(0.0)
    batcher = MicroBatcher(model, batch_size=8, workers=2, wait_seconds=0.5)
    started = time.perf_counter()
    batcher.encode("alone")
    assert time.perf_counter() - started < 0.25 and model.sizes == [1]


def test_a_failing_model_call_reaches_every_caller_and_frees_the_slots() -> None:
    def broken(texts: Sequence[str]) -> np.ndarray:
        time.sleep(0.01)
        raise RuntimeError("model down")

    batcher = MicroBatcher(broken, batch_size=4, workers=1)
    errors: list[Exception] = []

    def ask(text: str) -> None:
        try:
            batcher.encode(text)
        except RuntimeError as error:
            errors.append(error)

    threads = [threading.Thread(target=ask, args=(f"q{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(errors) == 6 and batcher._active == 0
    with pytest.raises(RuntimeError):
        batcher.encode("after")


def test_many_rounds_under_contention_never_deadlock() -> None:
    model = SlowModel(0.001)
    batcher = MicroBatcher(model, batch_size=4, workers=2, wait_seconds=0.001)
    for round_ in range(20):
        results = _ask_together(batcher, [f"r{round_}-{n}" for n in range(12)])
        assert len(results) == 12
    assert batcher._active == 0 and batcher.texts == 240
