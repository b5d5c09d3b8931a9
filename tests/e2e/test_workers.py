"""`qa serve --workers 2`: two processes on one index folder see each other's writes."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx

from tests.helpers.paths import RELEASE
from tests.helpers.servers import WRITE, serving


def test_a_write_through_one_worker_reaches_every_worker(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(RELEASE, tmp_path / "seeds" / RELEASE.name)
    with serving(tmp_path, ("--workers", "2"), index_mmap="true") as server:
        note = {"title": "Lantern rota", "text": "The lantern keeper on duty this winter is Ilse Varga."}
        added = httpx.post(server.url + "/documents", json=note, headers=WRITE, timeout=60)
        assert added.status_code == 201, added.text
        time.sleep(1.5)  # every worker re-reads the CURRENT pointer at most once a second
        # A fresh connection per request: the OS spreads them over both workers (without the refresh this fails).
        seen = [any(d["doc_id"] == added.json()["doc_id"] for d in
                    httpx.get(server.url + "/documents", timeout=30, headers={"Connection": "close"}).json())
                for _ in range(12)]
        assert all(seen), seen
