"""Crash safety: `kill -9` of a real `qa serve` at every step of a corpus change, then a restart.

After each crash the restarted server must serve either the old corpus or the new one, complete:
the document list matches the files in the seeds folder, every document's text is its file, every
citation slices its document, and nothing half-written is left behind.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import RELEASE, ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(400)]

KEY = "crash-key-0123456789abcdef"
# The int8 ONNX backend starts in ~2 s instead of ~10 (no torch import): these tests restart the server
# a dozen times, and durability does not depend on which backend embeds. Same model name, so the
# session's torch-built index loads as it is.
BACKEND = "onnx" if importlib.util.find_spec("qa.onnx_embedding") else "torch"
WRITE = {"X-API-Key": KEY}
STARTUP_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`qa serve` in its own process, on its own seeds and index folders."""

    def __init__(self, folder: Path, **env: str) -> None:
        self.folder, self.port = folder, _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        clean = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
        self.env = clean | {"QA_SEEDS_DIR": str(folder / "seeds"), "QA_INDEX_DIR": str(folder / "index"),
                            "QA_API_KEYS": KEY, "QA_RATE_LIMIT_EXEMPT": "127.0.0.1", "QA_BACKEND": BACKEND,
                            "PYTHONUNBUFFERED": "1"} | env
        self.log = folder / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--port", str(self.port)],
                                            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"qa serve exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            time.sleep(0.2)
        pytest.fail(f"qa serve not healthy after {STARTUP_SECONDS} s:\n{self.log.read_text()[-3000:]}")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def died_by_sigkill(self, timeout: float = 30) -> bool:
        assert self.process is not None
        return self.process.wait(timeout=timeout) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@contextlib.contextmanager
def running(folder: Path, **env: str) -> Iterator[Server]:
    server = Server(folder, **env).start()
    try:
        yield server
    finally:
        server.stop()


def corpus_folder(folder: Path, settings) -> Path:
    """Seeds holding the release, and a copy of the session's index of it (so start-up builds nothing)."""
    (folder / "seeds").mkdir(parents=True)
    shutil.copy(RELEASE, folder / "seeds" / RELEASE.name)
    shutil.copytree(settings.index_dir, folder / "index")
    return folder


def note(n: int) -> dict:
    return {"title": f"Lock keeper notice {n}", "text": f"The keeper of lock {n} is Ilse Marr number {n}. "
                                                       f"Lock {n} opens at {n} am on weekdays."}


def check_corpus(server: Server, expected: set[str]) -> None:
    """The served corpus is exactly `expected`, each document is its file, and citations slice exactly."""
    seeds = server.folder / "seeds"
    listing = httpx.get(server.url + "/documents", timeout=30).json()
    assert {d["doc_id"] for d in listing} == expected
    on_disk = {str(p.relative_to(seeds)) for p in seeds.rglob("*") if p.is_file() and p.suffix != ".pdf"}
    assert {d["source"] for d in listing} == on_disk  # no original lost, none half-written or left over
    for summary in listing:
        text = httpx.get(f"{server.url}/documents/{summary['doc_id']}", timeout=30).json()["text"]
        assert text == (seeds / summary["source"]).read_text(encoding="utf-8")
    for question in ["who leads Operation Sentinel?", *(f"Who is the keeper of lock {d[-1]}?" for d in expected
                                                         if d.startswith("uploads-"))]:
        body = httpx.post(server.url + "/ask", json={"question": question, "top_k": 10}, timeout=30).json()
        cited = body["passages"] + ([body["answer"], body["answer"]["sentence"]] if body["answer"] else [])
        for item in cited:
            source = (seeds / item["citation"]["source"]).read_text(encoding="utf-8")
            assert source[item["citation"]["start"]:item["citation"]["end"]] == item["text"]
    index = server.folder / "index"
    assert (index / (index / "CURRENT").read_text().strip() / "manifest.json").is_file()


def _expect_crash(method: str, url: str, **kwargs) -> None:
    with contextlib.suppress(httpx.TransportError):
        httpx.request(method, url, headers=WRITE, timeout=60, **kwargs)
        pytest.fail("the server answered although it should have died at the crash point")


def test_sigkill_at_each_step_leaves_the_old_or_the_new_corpus(tmp_path: Path, service, settings) -> None:
    folder = corpus_folder(tmp_path, settings)
    expected = {"dhs-human-smuggling-campaign"}
    # (crash point, change, whether the change survives): the original is durable from its rename on.
    steps: list[tuple[str, dict | str, bool]] = [("before-original", note(1), False), ("after-original", note(2), True),
             ("after-index-write", note(3), True), ("before-swap", note(4), True),
             ("after-remove", "uploads-lock-keeper-notice-2", True)]
    for point, change, survives in steps:
        with running(folder, QA_TEST_CRASH_AT=point) as server:
            check_corpus(server, expected)
            if isinstance(change, dict):
                _expect_crash("POST", server.url + "/documents", json=change)
                touched = f"uploads-lock-keeper-notice-{change['title'][-1]}"
            else:
                _expect_crash("DELETE", f"{server.url}/documents/{change}")
                touched = str(change)
            assert server.died_by_sigkill(), f"no SIGKILL at {point}"
        if survives:
            expected = expected ^ {touched}
    with running(folder) as server:
        check_corpus(server, expected)
        assert expected == {"dhs-human-smuggling-campaign", "uploads-lock-keeper-notice-3",
                            "uploads-lock-keeper-notice-4"}
        assert not [p for p in (folder / "seeds" / "uploads").iterdir() if p.name.startswith(".")]


def test_sigkill_at_random_moments_and_concurrent_writers(tmp_path: Path, service, settings) -> None:
    folder = corpus_folder(tmp_path, settings)
    expected = {"dhs-human-smuggling-campaign"}
    seed = random.randrange(1 << 30)
    chooser = random.Random(seed)
    outcomes = []
    for n in (1, 2, 3, 4, 5):
        with running(folder) as server:
            check_corpus(server, expected)
            delay = chooser.uniform(0.0, 0.15)  # an add takes ~0.1 s here: before, inside and after it
            threading.Timer(delay, os.kill, (server.pid, signal.SIGKILL)).start()
            with contextlib.suppress(httpx.TransportError):
                httpx.post(server.url + "/documents", json=note(n), headers=WRITE, timeout=60)
            assert server.died_by_sigkill(), f"seed {seed}"
        landed = (folder / "seeds" / "uploads" / f"lock-keeper-notice-{n}.txt").exists()
        outcomes.append(f"{delay * 1000:.0f} ms: {'new' if landed else 'old'}")
        if landed:
            expected.add(f"uploads-lock-keeper-notice-{n}")  # check_corpus proves the file is complete
    print(f"\nrandom kills (seed {seed}): {', '.join(outcomes)}")
    with running(folder) as server:
        check_corpus(server, expected)
        with ThreadPoolExecutor(2) as pool:  # two writers at once: both land, in one consistent corpus
            results = list(pool.map(lambda n: httpx.post(server.url + "/documents", json=note(n), headers=WRITE,
                                                         timeout=60), (8, 9)))
        assert [r.status_code for r in results] == [201, 201], [r.text for r in results]
        check_corpus(server, expected | {"uploads-lock-keeper-notice-8", "uploads-lock-keeper-notice-9"})
