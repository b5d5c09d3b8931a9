"""A Milvus server that goes away under load: requests get 503 with Retry-After (never a 500), /health
says the store is down, and the service answers again by itself once Milvus is back, with every
document still there."""

from __future__ import annotations

import shutil
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.helpers.paths import RELEASE
from tests.helpers.servers import WRITE_KEY, free_port, listening, start, wait_until

pytestmark = [pytest.mark.milvus, pytest.mark.e2e, pytest.mark.timeout(400)]


class MilvusServer:
    """A Milvus Lite gRPC server on a fixed port that can be stopped and started again on the same file."""

    def __init__(self, database: Path, port: int) -> None:
        self.database, self.port, self.server = database, port, None

    def start(self) -> None:
        from milvus_lite.server import Server as MilvusLite

        self.server = MilvusLite(str(self.database), address=f"127.0.0.1:{self.port}")
        assert self.server.init() and self.server.start(), "Milvus Lite server did not start"
        wait_until(lambda: listening(self.port), 30, "Milvus Lite to listen")

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        wait_until(lambda: not listening(self.port), 30, "Milvus Lite to stop listening")




def test_an_outage_is_a_503_and_the_service_recovers_by_itself(tmp_path: Path) -> None:
    milvus = MilvusServer(tmp_path / "milvus" / "outage.db", free_port())
    (tmp_path / "milvus").mkdir()
    milvus.start()
    (tmp_path / "seeds").mkdir()
    shutil.copy(RELEASE, tmp_path / "seeds" / RELEASE.name)
    server = start(tmp_path, seeds_dir=tmp_path / "seeds", index_dir=tmp_path / "index", store="milvus",
                   milvus_uri=f"http://127.0.0.1:{milvus.port}", backend="onnx", api_keys=WRITE_KEY)
    statuses: Counter[int] = Counter()
    retry_after: list[str] = []
    stop = threading.Event()

    def load() -> None:
        with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as client:
            for n in range(100_000):
                if stop.is_set():
                    return
                response = client.post("/ask", json={"question": f"Who leads Operation Sentinel? ({n})"})
                statuses[response.status_code] += 1
                if response.status_code == 503:
                    retry_after.append(response.headers.get("Retry-After", ""))

    try:
        documents = httpx.get(f"{server.url}/health").json()["documents"]
        workers = [threading.Thread(target=load) for _ in range(4)]
        for worker in workers:
            worker.start()
        time.sleep(2)
        milvus.stop()
        down = wait_until(lambda: (r := httpx.get(f"{server.url}/health", timeout=30)).status_code == 503 and r, 30,
                      "/health to report the store down")
        assert "Milvus" in down.json()["detail"] and int(down.headers["Retry-After"]) >= 1
        time.sleep(3)  # requests keep coming while the store is away
        milvus.start()
        back = time.monotonic()
        wait_until(lambda: httpx.get(f"{server.url}/health", timeout=30).status_code == 200, 60, "/health to recover")
        answer = wait_until(lambda: (r := httpx.post(f"{server.url}/ask", json={"question": "who leads Operation "
                                                                            "Sentinel?"}, timeout=30)).status_code
                        == 200 and r.json(), 30, "/ask to answer again")
        recovered_in = time.monotonic() - back
        after = httpx.get(f"{server.url}/health", timeout=30).json()["documents"]
        time.sleep(1)
    finally:
        stop.set()
        for worker in workers:
            worker.join(60)
        server.stop()
        milvus.stop()
    assert "National Targeting Center" in answer["answer"]["text"]
    assert statuses[503] > 0 and statuses[200] > 0, statuses
    assert set(statuses) <= {200, 503}, statuses  # never a 500
    assert all(value.isdigit() and int(value) >= 1 for value in retry_after)
    assert after == documents >= 1  # nothing lost
    print(f"\nstatuses {dict(statuses)}; answering again {recovered_in:.1f} s after Milvus returned")
