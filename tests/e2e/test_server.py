"""The real thing over HTTP: `qa serve` in its own process, checked against the shared contract."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers.paths import RELEASE, SEEDS, shared
from tests.helpers.servers import running


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("server")
    with running(folder, seeds_dir=SEEDS, index_dir=folder / "index") as started:
        yield started.url


def test_uvicorn_answers_the_sentinel_question_with_an_exact_citation(server: str) -> None:
    body = httpx.post(server + "/ask", json={"question": "who leads Operation Sentinel?"}, timeout=30).json()
    answer = body["answer"]
    assert "National Targeting Center" in answer["text"]
    source = Path(SEEDS / answer["citation"]["source"]).read_bytes().decode("utf-8")  # the file, read again
    assert source[answer["citation"]["start"]:answer["citation"]["end"]] == answer["text"]
    assert answer["citation"]["source"] == RELEASE.name


def test_shared_contract_check_passes(server: str) -> None:
    check = shared("tools", "contract-check")
    result = subprocess.run([sys.executable, str(check), server, "--seeds", str(SEEDS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failed" in result.stdout
