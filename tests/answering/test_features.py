"""The answer step's per-version memo is safe when requests of several corpus versions run at once."""

from __future__ import annotations

import random
import sys
import threading

from qa.answering import features


def test_readings_of_many_versions_from_many_threads_raise_nothing() -> None:
    errors: list[str] = []

    def ask_for_versions(seed: int) -> None:
        versions = random.Random(seed)
        try:
            for _ in range(5000):
                features._readings(f"test-version-{versions.randrange(8)}")
        except Exception as error:  # any error is the finding
            errors.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: the race shows within a few thousand calls
    try:
        threads = [threading.Thread(target=ask_for_versions, args=(seed,)) for seed in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not errors, errors[:3]
    assert len(features._READINGS) <= 4
