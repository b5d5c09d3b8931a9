"""Stateless replicas: two `qa serve` processes on one Milvus server answer alike and see each other's writes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import RELEASE

KEY = "replica-test-key-0123456789"
NOTE = {"title": "Lighthouse Keepers", "text": "The lighthouse at Skarvik has been kept by the Andersen family "
        "since 1911. Its lamp was electrified in 1954."}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(check, seconds: float, what: str):
    """Poll `check` until it returns something truthy; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def milvus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from milvus_lite.server import Server

    port = _free_port()
    server = Server(str(tmp_path_factory.mktemp("milvus") / "replicas.db"), address=f"127.0.0.1:{port}")
    assert server.init() and server.start(), "Milvus Lite server did not start"
    try:
        _wait(lambda: _listening(port), 30, "Milvus Lite to listen")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _serve(uri: str, folder: Path) -> tuple[subprocess.Popen, str]:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    shutil.copy(RELEASE, seeds / RELEASE.name)
    port = _free_port()
    env = {**os.environ, "QA_STORE": "milvus", "QA_MILVUS_URI": uri, "QA_BACKEND": "onnx", "QA_API_KEYS": KEY,
           "QA_SEEDS_DIR": str(seeds), "QA_INDEX_DIR": str(folder / "index")}
    process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, f"http://127.0.0.1:{port}"


def _healthy(process: subprocess.Popen, url: str) -> bool:
    assert process.poll() is None, "qa serve exited during start-up"
    try:
        return httpx.get(url + "/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture(scope="module")
def replicas(milvus: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    started = []
    try:
        for name in ("a", "b"):  # one after the other: the second finds the corpus the first built
            process, url = _serve(milvus, tmp_path_factory.mktemp(f"replica-{name}"))
            started.append(process)
            _wait(lambda process=process, url=url: _healthy(process, url), 180, f"replica {name} to start")
            started[-1].url = url  # type: ignore[attr-defined]
        yield [p.url for p in started]  # type: ignore[attr-defined]
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _ask(url: str, question: str) -> dict:
    return httpx.post(url + "/ask", json={"question": question, "explain": True}, timeout=30).json()


@pytest.mark.e2e
def test_replicas_answer_identically(replicas: list[str]) -> None:
    a, b = replicas
    assert httpx.get(a + "/health").json()["index_version"] == httpx.get(b + "/health").json()["index_version"]
    for question in ["who leads Operation Sentinel?", "When did the campaign begin?", "What is the capital of France?"]:
        assert _ask(a, question) == _ask(b, question)


@pytest.mark.e2e
def test_a_document_added_through_one_replica_is_found_through_the_other(replicas: list[str]) -> None:
    a, b = replicas
    added = httpx.post(a + "/documents", json=NOTE, headers={"X-API-Key": KEY}, timeout=120)
    assert added.status_code == 201, added.text
    doc_id = added.json()["doc_id"]

    def answered_by_b() -> dict | None:
        body = _ask(b, "Which family has kept the lighthouse at Skarvik?")
        return body if body["answer"] and "Andersen" in body["answer"]["text"] else None

    body = _wait(answered_by_b, 15, "replica b to see the new document")
    citation = body["answer"]["citation"]
    assert citation["doc_id"] == doc_id
    text = httpx.get(f"{b}/documents/{doc_id}").json()["text"]  # b has no file: the text came from Milvus
    assert text[citation["start"]:citation["end"]] == body["answer"]["text"]

    removed = httpx.delete(f"{b}/documents/{doc_id}", headers={"X-API-Key": KEY}, timeout=120)
    assert removed.status_code == 200, removed.text

    def gone_from_a() -> bool:  # a replica's view is at most QA_MILVUS_REFRESH_SECONDS (1 s) old
        passages = httpx.post(a + "/search", json={"query": "Skarvik lighthouse Andersen"}, timeout=30).json()
        listed = httpx.get(f"{a}/documents/{doc_id}").status_code != 404
        return not listed and all(p["citation"]["doc_id"] != doc_id for p in passages["passages"])

    _wait(gone_from_a, 15, "replica a to drop the removed document")
