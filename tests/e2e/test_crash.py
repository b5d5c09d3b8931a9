"""Crash safety: `kill -9` of a real `qa serve` at every step of a corpus change, then a restart.

After each crash the restarted server must serve either the old corpus or the new one, complete:
the document list matches the files in the seeds folder, every document's text is its file, every
citation slices its document, and nothing half-written is left behind.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.helpers.corpora import corpus_folder, note
from tests.helpers.servers import WRITE, Server, serving

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(400)]



def died_by_sigkill(server: Server, timeout: float = 30) -> bool:
    return server.process.wait(timeout=timeout) == -signal.SIGKILL


def folder_of(server: Server) -> Path:
    return server.log.parent


def check_corpus(server: Server, expected: set[str]) -> None:
    """The served corpus is exactly `expected`, each document is its file, and citations slice exactly."""
    seeds = folder_of(server) / "seeds"
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
    index = folder_of(server) / "index"
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
        with serving(folder, test_crash_at=point) as server:
            check_corpus(server, expected)
            if isinstance(change, dict):
                _expect_crash("POST", server.url + "/documents", json=change)
                touched = f"uploads-lock-keeper-notice-{change['title'][-1]}"
            else:
                _expect_crash("DELETE", f"{server.url}/documents/{change}")
                touched = str(change)
            assert died_by_sigkill(server), f"no SIGKILL at {point}"
        if survives:
            expected = expected ^ {touched}
    with serving(folder) as server:
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
        with serving(folder) as server:
            check_corpus(server, expected)
            delay = chooser.uniform(0.0, 0.15)  # an add takes ~0.1 s here: before, inside and after it
            threading.Timer(delay, os.kill, (server.pid, signal.SIGKILL)).start()
            with contextlib.suppress(httpx.TransportError):
                httpx.post(server.url + "/documents", json=note(n), headers=WRITE, timeout=60)
            assert died_by_sigkill(server), f"seed {seed}"
        landed = (folder / "seeds" / "uploads" / f"lock-keeper-notice-{n}.txt").exists()
        outcomes.append(f"{delay * 1000:.0f} ms: {'new' if landed else 'old'}")
        if landed:
            expected.add(f"uploads-lock-keeper-notice-{n}")  # check_corpus proves the file is complete
    print(f"\nrandom kills (seed {seed}): {', '.join(outcomes)}")
    with serving(folder) as server:
        check_corpus(server, expected)
        with ThreadPoolExecutor(2) as pool:  # two writers at once: both land, in one consistent corpus
            results = list(pool.map(lambda n: httpx.post(server.url + "/documents", json=note(n), headers=WRITE,
                                                         timeout=60), (8, 9)))
        assert [r.status_code for r in results] == [201, 201], [r.text for r in results]
        check_corpus(server, expected | {"uploads-lock-keeper-notice-8", "uploads-lock-keeper-notice-9"})
