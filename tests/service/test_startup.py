"""Start-up: the index version a starting process loads."""

from __future__ import annotations

import pytest

from qa.errors import IndexMismatchError
from qa.service import startup
from qa.settings import Settings


def test_a_starting_process_lets_a_siblings_write_land(monkeypatch) -> None:
    """The seeds hashed before a sibling's upload and the version read after it disagree for a moment."""
    hashed = iter(["before the upload", "after the upload"])
    monkeypatch.setattr(startup, "_expected", lambda settings, model: next(hashed))
    monkeypatch.setattr(startup, "SETTLE_PAUSE", 0.0)

    class Store:
        def load(self, expected: str) -> str:
            if expected != "after the upload":
                raise IndexMismatchError("the seed documents changed since the index was built")
            return "the version with the upload"

    first = startup._expected(Settings(), "model")
    assert startup.load_settled(Store(), Settings(), "model", first) == "the version with the upload"
    monkeypatch.setattr(startup, "_expected", lambda settings, model: "before the upload")
    with pytest.raises(IndexMismatchError):  # seeds that really changed, with no index building: an error
        startup.load_settled(Store(), Settings(), "model", "before the upload")
