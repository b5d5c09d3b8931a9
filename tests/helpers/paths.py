"""Where the tests find the checkout, the seeds and the shared folder beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
RELEASE = SEEDS / "dhs-human-smuggling-campaign.txt"
GOLD = SEEDS / "gold" / "questions.jsonl"
SHARED = ROOT.parent / "shared"


def shared(*parts: str) -> Path:
    """A file of ../shared; a clear failure, not a silent skip, when the folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: these tests need the shared folder beside the checkout "
                    "(CI puts it there; locally, clone it as ../shared)")
    return path
