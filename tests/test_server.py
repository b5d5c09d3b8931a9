"""The real thing over HTTP: `qa serve` in its own process, checked against the shared contract."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import ROOT, SEEDS

CONTRACT_CHECK = ROOT.parent / "shared" / "tools" / "contract-check"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    port = _free_port()
    env = {**os.environ, "QA_SEEDS_DIR": str(SEEDS), "QA_INDEX_DIR": str(tmp_path_factory.mktemp("index"))}
    process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert process.poll() is None, "qa serve exited during start-up"
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.e2e
def test_uvicorn_answers_the_sentinel_question_with_an_exact_citation(server: str) -> None:
    body = httpx.post(server + "/ask", json={"question": "who leads Operation Sentinel?"}, timeout=30).json()
    answer = body["answer"]
    assert "National Targeting Center" in answer["text"]
    source = (SEEDS / answer["citation"]["source"]).read_text(encoding="utf-8")
    assert source[answer["citation"]["start"]:answer["citation"]["end"]] == answer["text"]


@pytest.mark.e2e
def test_shared_contract_check_passes(server: str) -> None:
    if not CONTRACT_CHECK.exists():
        pytest.skip("../shared/tools/contract-check is not beside this checkout")
    result = subprocess.run([sys.executable, str(CONTRACT_CHECK), server, "--seeds", str(SEEDS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failed" in result.stdout
