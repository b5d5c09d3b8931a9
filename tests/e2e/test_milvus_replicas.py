"""Stateless replicas: two `qa serve` processes on one Milvus server answer alike and see each other's writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import httpx
import pytest

from tests.helpers.paths import RELEASE
from tests.helpers.servers import WRITE, WRITE_KEY, Server, free_port, listening, start, wait_until

pytestmark = pytest.mark.milvus

NOTE = {"title": "Lighthouse Keepers", "text": "The lighthouse at Skarvik has been kept by the Andersen family "
        "since 1911. Its lamp was electrified in 1954."}



@pytest.fixture(scope="module")
def milvus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from milvus_lite.server import Server as MilvusLite

    port = free_port()
    server = MilvusLite(str(tmp_path_factory.mktemp("milvus") / "replicas.db"), address=f"127.0.0.1:{port}")
    assert server.init() and server.start(), "Milvus Lite server did not start"
    try:
        wait_until(lambda: listening(port), 30, "Milvus Lite to listen")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()



@pytest.fixture(scope="module")
def replicas(milvus: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    started: list[Server] = []
    try:
        for name in ("a", "b"):  # one after the other: the second finds the corpus the first built
            folder = tmp_path_factory.mktemp(f"replica-{name}")
            (folder / "seeds").mkdir()
            shutil.copy(RELEASE, folder / "seeds" / RELEASE.name)
            started.append(start(folder, seeds_dir=folder / "seeds", index_dir=folder / "index", store="milvus",
                                 milvus_uri=milvus, backend="onnx", api_keys=WRITE_KEY))
        yield [server.url for server in started]
    finally:
        for server in started:
            server.stop()


def _ask(url: str, question: str) -> dict:
    return httpx.post(url + "/ask", json={"question": question, "explain": True}, timeout=30).json()


def test_replicas_answer_identically(replicas: list[str]) -> None:
    a, b = replicas
    assert httpx.get(a + "/health").json()["index_version"] == httpx.get(b + "/health").json()["index_version"]
    for question in ["who leads Operation Sentinel?", "When did the campaign begin?", "What is the capital of France?"]:
        assert _ask(a, question) == _ask(b, question)


def test_a_document_added_through_one_replica_is_found_through_the_other(replicas: list[str]) -> None:
    a, b = replicas
    added = httpx.post(a + "/documents", json=NOTE, headers=WRITE, timeout=120)
    assert added.status_code == 201, added.text
    doc_id = added.json()["doc_id"]

    def answered_by_b() -> dict | None:
        body = _ask(b, "Which family has kept the lighthouse at Skarvik?")
        return body if body["answer"] and "Andersen" in body["answer"]["text"] else None

    body = wait_until(answered_by_b, 15, "replica b to see the new document")
    citation = body["answer"]["citation"]
    assert citation["doc_id"] == doc_id
    text = httpx.get(f"{b}/documents/{doc_id}").json()["text"]  # b has no file: the text came from Milvus
    assert text[citation["start"]:citation["end"]] == body["answer"]["text"]

    removed = httpx.delete(f"{b}/documents/{doc_id}", headers=WRITE, timeout=120)
    assert removed.status_code == 200, removed.text

    def gone_from_a() -> bool:  # a replica's view is at most QA_REFRESH_SECONDS (1 s) old
        passages = httpx.post(a + "/search", json={"query": "Skarvik lighthouse Andersen"}, timeout=30).json()
        listed = httpx.get(f"{a}/documents/{doc_id}").status_code != 404
        return not listed and all(p["citation"]["doc_id"] != doc_id for p in passages["passages"])

    wait_until(gone_from_a, 15, "replica a to drop the removed document")
