"""`qa serve --workers 2`: two processes on one index folder see each other's writes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import RELEASE

KEY = "worker-test-key-0123456789"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.e2e
def test_a_write_through_one_worker_reaches_every_worker(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(RELEASE, seeds / RELEASE.name)
    port = _free_port()
    env = {**os.environ, "QA_SEEDS_DIR": str(seeds), "QA_INDEX_DIR": str(tmp_path / "index"), "QA_BACKEND": "onnx",
           "QA_API_KEYS": KEY, "QA_INDEX_MMAP": "true", "QA_RATE_LIMIT_PER_SECOND": "0"}
    process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        note = {"title": "Lantern rota", "text": "The lantern keeper on duty this winter is Ilse Varga."}
        added = httpx.post(url + "/documents", json=note, headers={"X-API-Key": KEY}, timeout=60)
        assert added.status_code == 201, added.text
        time.sleep(1.5)  # every worker re-reads the CURRENT pointer at most once a second
        # A fresh connection per request: the OS spreads them over both workers (without the refresh this fails).
        seen = [any(d["doc_id"] == added.json()["doc_id"] for d in
                    httpx.get(url + "/documents", timeout=30, headers={"Connection": "close"}).json())
                for _ in range(12)]
        assert all(seen), seen
    finally:
        process.terminate()
        process.wait(timeout=30)
